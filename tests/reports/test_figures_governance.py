"""The report's hearings and decisions: what a year's meetings and hearings give, and that each
table leads to the records behind it."""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.urls import reverse

from pejling.core import crud
from pejling.governance import services
from pejling.governance.models import AgendaItem, Amendment, Body, Hearing, Meeting
from pejling.policy import services as policy_services
from pejling.policy.models import Policy, TextVersion, VersionedText
from pejling.reports import figures
from pejling.reports.models import Kind, Report
from tests.taskforce.test_work_support import html, logged_in, page_text

CPH = ZoneInfo("Europe/Copenhagen")
VISION = "Forvaltningen skal hjælpe ledige i job og sikre integrationen af borgere."


@dataclass
class Year:
    hearing: Hearing
    item: AgendaItem
    closed_item: AgendaItem
    amendment: Amendment
    vision: VersionedText


def table(content: dict, key: str) -> dict:
    part = next(s for s in content["sections"] if s["key"] == "governance")
    return next(t for t in part["tables"] if t["key"] == key)


def summary(content: dict) -> dict:
    return {f["label"]: f["value"] for f in content["summary"]}


def body(name: str, short_name: str, kind: str) -> Body:
    return crud.create(actor=None, instance=Body(name=name, short_name=short_name, kind=kind))


def sent_hearing(title: str, committee: Body, heard: list[Body], sent_on: date) -> Hearing:
    hearing = services.create_hearing(
        actor=None,
        title=title,
        asked_by=committee,
        proposal="Forslag til ny vision.",
        deadline=date(sent_on.year, sent_on.month, 28),
        bodies=heard,
    )
    return services.transition_hearing(
        actor=None, hearing=hearing, to=Hearing.Phase.SENT, on=sent_on
    )


@pytest.fixture
def year(cast) -> Year:
    """In 2025: one hearing sent and answered, a meeting with two items decided (one closed)
    and two amendments, one adopted into a new version of the vision. In 2024: a hearing and a
    decision that the 2025 report must not count."""
    with time_machine.travel(datetime(2026, 3, 1, 12, tzinfo=CPH), tick=False):
        committee = body("Beskæftigelses- og Integrationsudvalget", "BIU", Body.Kind.COMMITTEE)
        council = body("Integrationsrådet", "IR", Body.Kind.COUNCIL)
        party = body("Enhedslisten", "Ø", Body.Kind.PARTY_GROUP)
        policy = crud.create(
            actor=None,
            instance=Policy(
                title="Vision 2025",
                slug="vision-2025",
                period_start=2025,
                owner_committee=committee,
                status=Policy.Status.ADOPTED,
                is_public=True,
            ),
        )
        vision = crud.create(
            actor=None,
            instance=VersionedText(policy=policy, kind=VersionedText.Kind.VISION, title="Visionen"),
        )
        version = policy_services.add_text_version(
            actor=None,
            text=vision,
            body=VISION,
            valid_from=date(2025, 1, 1),
            reason=TextVersion.Reason.PROPOSAL,
        )

        hearing = sent_hearing("Høring om visionen", committee, [council], date(2025, 3, 3))
        services.receive_response(
            actor=None,
            hearing=hearing,
            party=hearing.parties.get(),
            received_on=date(2025, 3, 20),
            text="Rådet støtter visionen.",
        )
        sent_hearing("Høring om sidste års plan", committee, [council], date(2024, 9, 2))

        meeting = services.create_meeting(
            actor=None,
            body=committee,
            starts_at=datetime(2025, 6, 16, 17, tzinfo=CPH),
            state=Meeting.State.AGENDA_PUBLISHED,
        )
        item = services.add_agenda_item(actor=None, meeting=meeting, title="Ny vision")
        closed_item = services.add_agenda_item(
            actor=None, meeting=meeting, title="Ansættelse af ny koordinator"
        )
        closed_item = crud.update(actor=None, instance=closed_item, changes={"is_public": False})
        adopted = services.propose_amendment(
            actor=None,
            item=item,
            party=party,
            proposed_by="Enhedslisten",
            kind=Amendment.Kind.REPLACE,
            target_version=version,
            text_from="hjælpe ledige i job",
            text_to="hjælpe ledige i varigt job",
        )
        rejected = services.propose_amendment(
            actor=None,
            item=item,
            proposed_by="Udvalget",
            kind=Amendment.Kind.ADD_PARAGRAPH,
            target_section="indstillingens løsningsafsnit",
            text_to="Forvaltningen følger op hvert halve år.",
        )
        services.transition_meeting(actor=None, meeting=meeting, to=Meeting.State.HELD)
        adopted = services.adopt_amendment(actor=None, amendment=adopted)
        services.reject_amendment(actor=None, amendment=rejected)
        services.record_decision(
            actor=None, item=item, outcome=AgendaItem.Outcome.ADOPTED_AMENDED, text="Godkendt."
        )
        services.record_decision(actor=None, item=closed_item, outcome=AgendaItem.Outcome.ADOPTED)

        earlier = services.create_meeting(
            actor=None,
            body=committee,
            starts_at=datetime(2024, 11, 4, 17, tzinfo=CPH),
            state=Meeting.State.AGENDA_PUBLISHED,
        )
        old_item = services.add_agenda_item(actor=None, meeting=earlier, title="Sidste års plan")
        services.transition_meeting(actor=None, meeting=earlier, to=Meeting.State.HELD)
        services.record_decision(actor=None, item=old_item, outcome=AgendaItem.Outcome.REJECTED)
    return Year(hearing, item, closed_item, adopted, vision)


def done_report(cast, content: dict) -> Report:
    report = Report.objects.create(
        kind=Kind.STATUS_REPORT,
        year=content["year"],
        language=content["language"],
        version=1,
        state=Report.State.DONE,
        requested_by=cast.policy_officer,
        content=content,
    )
    report.docx.save("r.docx", ContentFile(b"PK docx"), save=False)
    report.pdf.save("r.pdf", ContentFile(b"%PDF-1.7"), save=True)
    return report


def test_the_summary_counts_the_years_hearings_decisions_and_amendments(cast, year):
    content = figures.build(Kind.STATUS_REPORT, 2025, "da")

    numbers = summary(content)
    assert numbers["Høringer sendt"] == 1
    assert numbers["Høringssvar modtaget"] == 1
    assert numbers["Beslutninger truffet"] == 2
    assert numbers["Ændringsforslag vedtaget"] == 1
    assert content["has_data"] is True


def test_the_tables_list_the_years_hearings_decisions_and_amendments(cast, year):
    content = figures.build(Kind.STATUS_REPORT, 2025, "da")

    assert table(content, "hearings")["rows"] == [
        ["Høring om visionen", "BIU", "03.03.2025", "28.03.2025", 1, 1, 0, "Sendt i høring"]
    ]
    assert table(content, "decisions")["rows"] == [
        ["1. Ny vision", "16.06.2025", "BIU", "Godkendt med ændringer uden afstemning"],
        ["Lukket punkt", "16.06.2025", "BIU", "Godkendt uden afstemning"],
    ]
    new_version = year.vision.versions.get(reason=TextVersion.Reason.AMENDMENT)
    assert table(content, "amendments")["rows"] == [
        [
            "Enhedslisten",
            "1. Ny vision",
            "16.06.2025",
            "Visionen",
            "Vedtaget uden afstemning",
            f"Visionen, version {new_version.number}",
        ],
        [
            "Udvalget",
            "1. Ny vision",
            "16.06.2025",
            "indstillingens løsningsafsnit",
            "Forkastet uden afstemning",
            "–",
        ],
    ]
    assert table(content, "bodies")["rows"] == [
        ["Beskæftigelses- og Integrationsudvalget", 1, 2, 1]
    ]


def test_every_row_leads_to_its_record_and_every_table_to_the_years_list(client, cast, year):
    content = figures.build(Kind.STATUS_REPORT, 2025, "da")
    client = logged_in(client, cast.coordinator)

    hearings = table(content, "hearings")
    assert hearings["row_links"] == [year.hearing.get_absolute_url()]
    assert hearings["link_column"] == 0
    listed = client.get(hearings["link"]).context["page"]
    assert [h.pk for h in listed.object_list] == [year.hearing.pk]
    assert table(content, "decisions")["row_links"] == [
        year.item.get_absolute_url(),
        year.closed_item.get_absolute_url(),
    ]
    assert table(content, "amendments")["row_links"][0] == year.amendment.get_absolute_url()
    meetings = client.get(table(content, "decisions")["link"]).context["page"]
    assert {m.starts_at.year for m in meetings.object_list} == {2025}
    by_body = table(content, "bodies")
    committee = client.get(by_body["row_links"][0]).context["page"]
    assert committee.paginator.count == by_body["rows"][0][1]
    for link in hearings["row_links"] + table(content, "decisions")["row_links"]:
        assert client.get(link).status_code == 200


def test_the_hearing_list_filters_by_the_year_sent_and_refuses_a_bad_year(client, cast, year):
    client = logged_in(client, cast.coordinator)
    url = reverse("governance:hearing_list")

    earlier = client.get(url, {"year": 2024}).context["page"]
    bad = client.get(url, {"year": "tyve"})

    assert [h.title for h in earlier.object_list] == ["Høring om sidste års plan"]
    assert bad.status_code == 200
    assert bad.context["page"].paginator.count == 0
    assert "Indtast et heltal" in page_text(bad)


def test_building_twice_gives_the_same_numbers(cast, year):
    first = figures.build(Kind.STATUS_REPORT, 2025, "da")
    second = figures.build(Kind.STATUS_REPORT, 2025, "da")

    part = next(s for s in first["sections"] if s["key"] == "governance")
    assert part == next(s for s in second["sections"] if s["key"] == "governance")
    assert first == second


def test_a_year_without_meetings_or_hearings_says_so(cast, year):
    content = figures.build(Kind.STATUS_REPORT, 2019, "da")

    assert content["has_data"] is False
    for key in ("hearings", "bodies", "decisions", "amendments"):
        assert table(content, key)["rows"] == []
    numbers = summary(content)
    assert numbers["Høringer sendt"] == numbers["Beslutninger truffet"] == 0


def test_the_earlier_years_records_count_only_there(cast, year):
    content = figures.build(Kind.STATUS_REPORT, 2024, "da")

    assert [row[0] for row in table(content, "hearings")["rows"]] == ["Høring om sidste års plan"]
    assert [row[0] for row in table(content, "decisions")["rows"]] == ["1. Sidste års plan"]
    assert table(content, "amendments")["rows"] == []
    assert summary(content)["Ændringsforslag vedtaget"] == 0


def test_the_report_page_links_each_row_to_its_record(client, cast, year):
    report = done_report(cast, figures.build(Kind.STATUS_REPORT, 2025, "da"))

    page = logged_in(client, cast.committee_member).get(report.get_absolute_url())

    assert page.status_code == 200
    assert "Høringer og beslutninger" in page_text(page)
    assert f'<a href="{year.hearing.get_absolute_url()}">Høring om visionen</a>' in html(page)
    assert "Ansættelse af ny koordinator" not in page_text(page)


def test_the_section_in_english(client, cast, year):
    content = figures.build(Kind.STATUS_REPORT, 2025, "en")

    assert content["title"] == "Status report on the integration effort 2025"
    assert table(content, "hearings")["rows"][0][2:4] == ["3 Mar 2025", "28 Mar 2025"]
    assert table(content, "decisions")["rows"][0][3] == "Approved with amendments without a vote"
    report = done_report(cast, content)
    page = logged_in(client, cast.coordinator).get(report.get_absolute_url())
    assert page.status_code == 200
    assert "Høring om visionen" in page_text(page)


def test_the_demos_2022_meeting_shows_the_amendments_and_the_versions_they_made(cast):
    from pejling.demo import POLICY_PARTS, load_all

    load_all(POLICY_PARTS)

    content = figures.build(Kind.STATUS_REPORT, 2022, "da")

    amendments = table(content, "amendments")["rows"]
    assert [row[0] for row in amendments] == [
        "Radikale Venstre",
        "Enhedslisten",
        "Beskæftigelses- og Integrationsudvalget",
    ]
    assert [row[4] for row in amendments] == ["Vedtaget uden afstemning"] * 3
    assert amendments[0][5] == "–"
    assert all(", version " in row[5] for row in amendments[1:])
    assert summary(content)["Ændringsforslag vedtaget"] == 3
    early = figures.build(Kind.STATUS_REPORT, 2006, "da")
    assert len(table(early, "hearings")["rows"]) == 2
    assert summary(early)["Høringssvar modtaget"] == 2
