"""The report's knowledge and networks: entries published, theme networks, meetings with the
contact persons and newsletters sent in the year, each traceable to its records."""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.mail import get_connection
from django.urls import reverse

from pejling.knowledge import services as knowledge
from pejling.knowledge.models import Article, Kind, State
from pejling.network import mail
from pejling.network import services as network
from pejling.network.models import Network, NewsletterIssue
from pejling.reports import figures
from pejling.reports.models import Kind as ReportKind
from pejling.reports.models import Report
from tests.network.factories import make_network, make_organisation, make_person
from tests.taskforce.test_work_support import html, logged_in, page_text

CPH = ZoneInfo("Europe/Copenhagen")


@dataclass
class Year:
    best_practice: Article
    method: Article
    network: Network
    issue: NewsletterIssue


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 10, tzinfo=CPH)


def table(content: dict, key: str) -> dict:
    part = next(s for s in content["sections"] if s["key"] == "knowledge")
    return next(t for t in part["tables"] if t["key"] == key)


def summary(content: dict) -> dict:
    return {f["label"]: f["value"] for f in content["summary"]}


def publish(cast, when: datetime, *, title: str, kind: str = Kind.BEST_PRACTICE, public=False):
    with time_machine.travel(when, tick=False):
        article = knowledge.create_article(
            actor=cast.advisor, title=title, summary="Sådan gjorde vi.", kind=kind
        )
        knowledge.move_article(actor=cast.advisor, article=article, state=State.IN_REVIEW)
        article = knowledge.move_article(
            actor=cast.coordinator, article=article, state=State.PUBLISHED
        )
        if public:
            article = knowledge.set_public(actor=cast.coordinator, article=article, is_public=True)
    return article


@pytest.fixture
def year(cast) -> Year:
    """In 2025: a public best practice and an internal method published, a network with two
    members (a third joins in 2026) that met once, a meeting with the contact person and a
    newsletter to three addresses. In 2024 and in draft: records the 2025 report leaves out."""
    best = publish(cast, at(2025, 4, 10), title="Forældremøder med tolk", public=True)
    method = publish(cast, at(2025, 9, 1), title="Samtalekort", kind=Kind.METHOD)
    publish(cast, at(2024, 5, 6), title="Lektiecafé i boligområdet")
    with time_machine.travel(at(2025, 11, 1), tick=False):
        knowledge.create_article(actor=cast.advisor, title="Kladde", summary="Ikke udgivet.")
    coordinator = cast.coordinator
    group = make_network(coordinator)
    school = make_organisation(coordinator)
    hanne = make_person(coordinator)
    lars = make_person(coordinator, name="Lars Petersen", email="lars@example.org")
    network.add_network_member(
        actor=coordinator, network=group, person=hanne, joined_on=date(2025, 1, 15)
    )
    network.add_network_member(
        actor=coordinator, network=group, organisation=school, joined_on=date(2025, 2, 1)
    )
    network.add_network_member(
        actor=coordinator, network=group, person=lars, joined_on=date(2026, 1, 10)
    )
    for held_on in (date(2024, 10, 1), date(2025, 10, 22)):
        network.add_network_meeting(
            actor=coordinator, network=group, held_on=held_on, agenda="Erfaringsudveksling"
        )
    for held_on in (date(2025, 9, 15), date(2024, 3, 4)):
        network.create_meeting(
            actor=coordinator,
            administration=cast.administration,
            held_on=held_on,
            agenda="Årets barrierer",
        )
    with time_machine.travel(at(2025, 6, 2), tick=False):
        network.subscribe(email="sara@example.org")
        network.confirm_subscription(token=mail.confirmation_token("sara@example.org"))
    with time_machine.travel(at(2025, 11, 3), tick=False):
        issue = network.create_issue(
            actor=coordinator,
            title="Nyhedsbrev, efteråret 2025",
            news="Nyt fra task forcen.",
            networks=[group],
            articles=[best],
        )
        network.deliver_issue(
            issue, connection=get_connection("django.core.mail.backends.locmem.EmailBackend")
        )
    network.create_issue(actor=coordinator, title="Kladde til foråret", news="Kommer snart.")
    return Year(best, method, group, issue)


def test_the_summary_counts_the_years_knowledge_networks_and_newsletters(cast, year):
    content = figures.build(ReportKind.STATUS_REPORT, 2025, "da")

    numbers = summary(content)
    assert numbers["Gode praksisser offentliggjort"] == 1
    assert numbers["Opslag i vidensbanken udgivet"] == 2
    assert numbers["Møder i temanetværk"] == 1
    assert numbers["Nyhedsbreve sendt"] == 1
    assert numbers["Modtagere af nyhedsbreve"] == 3  # the subscriber and the two persons
    assert content["has_data"] is True


def test_the_tables_list_the_years_entries_networks_and_newsletters(cast, year):
    content = figures.build(ReportKind.STATUS_REPORT, 2025, "da")

    kinds = dict(table(content, "kinds")["rows"])
    assert (kinds["God praksis"], kinds["Metode"], kinds["Værktøj"]) == (1, 1, 0)
    assert table(content, "articles")["rows"] == [
        ["Forældremøder med tolk", "God praksis", "10.04.2025", "ja", "Udgivet"],
        ["Samtalekort", "Metode", "01.09.2025", "nej", "Udgivet"],
    ]
    assert table(content, "networks")["rows"] == [
        ["Forældrebestyrelser", "Forældre i bestyrelser", 2, 2, 1]
    ]
    assert dict(table(content, "contact_meetings")["rows"]) == {"BIF": 1}
    assert table(content, "newsletters")["rows"] == [
        ["Nyhedsbrev, efteråret 2025", "03.11.2025", 3, 1]
    ]


def test_every_row_leads_to_its_records(client, cast, year):
    content = figures.build(ReportKind.STATUS_REPORT, 2025, "da")
    client = logged_in(client, cast.coordinator)

    assert table(content, "articles")["row_links"] == [
        year.best_practice.get_absolute_url(),
        year.method.get_absolute_url(),
    ]
    assert table(content, "networks")["row_links"] == [year.network.get_absolute_url()]
    assert table(content, "newsletters")["row_links"] == [year.issue.get_absolute_url()]
    kinds = table(content, "kinds")
    best_practice = client.get(kinds["row_links"][0]).context["page"]
    assert {a.kind for a in best_practice.object_list} == {Kind.BEST_PRACTICE}
    assert best_practice.paginator.count == kinds["rows"][0][1]
    assert client.get(kinds["link"]).context["page"].paginator.count == sum(
        row[1] for row in kinds["rows"]
    )
    assert kinds["row_links"][2] == ""  # no tools published in the year: nothing to link to
    contact = table(content, "contact_meetings")
    assert contact["row_links"] == [
        reverse("network:meeting_list") + f"?year=2025&administration={cast.administration.pk}"
    ]
    assert client.get(contact["row_links"][0]).context["page"].paginator.count == 1
    for key in ("articles", "networks", "newsletters"):
        for link in table(content, key)["row_links"]:
            assert client.get(link).status_code == 200
    for key in ("kinds", "articles", "networks", "contact_meetings", "newsletters"):
        assert client.get(table(content, key)["link"]).status_code == 200


def test_building_twice_gives_the_same_numbers(cast, year):
    first = figures.build(ReportKind.STATUS_REPORT, 2025, "da")

    assert first == figures.build(ReportKind.STATUS_REPORT, 2025, "da")


def test_a_year_without_entries_networks_or_newsletters_says_so(cast, year):
    content = figures.build(ReportKind.STATUS_REPORT, 2019, "da")

    assert content["has_data"] is False
    for key in ("articles", "networks", "newsletters"):
        assert table(content, key)["rows"] == []
    assert set(dict(table(content, "kinds")["rows"]).values()) == {0}
    numbers = summary(content)
    assert numbers["Gode praksisser offentliggjort"] == numbers["Nyhedsbreve sendt"] == 0


def test_the_earlier_years_records_count_only_there(cast, year):
    content = figures.build(ReportKind.STATUS_REPORT, 2024, "da")

    assert [row[0] for row in table(content, "articles")["rows"]] == ["Lektiecafé i boligområdet"]
    assert table(content, "networks")["rows"] == [
        ["Forældrebestyrelser", "Forældre i bestyrelser", 0, 0, 1]
    ]
    assert table(content, "newsletters")["rows"] == []
    assert dict(table(content, "contact_meetings")["rows"]) == {"BIF": 1}


def test_an_archived_entry_still_counts_in_the_year_it_was_published(cast, year):
    knowledge.move_article(actor=cast.coordinator, article=year.method, state=State.ARCHIVED)

    content = figures.build(ReportKind.STATUS_REPORT, 2025, "da")

    assert table(content, "articles")["rows"][1][4] == "Arkiveret"
    assert summary(content)["Opslag i vidensbanken udgivet"] == 2


def test_the_report_page_shows_the_section_with_its_links(client, cast, year):
    content = figures.build(ReportKind.STATUS_REPORT, 2025, "da")
    report = Report.objects.create(
        kind=ReportKind.STATUS_REPORT,
        year=2025,
        language="da",
        version=1,
        state=Report.State.DONE,
        requested_by=cast.policy_officer,
        content=content,
    )

    page = logged_in(client, cast.committee_member).get(report.get_absolute_url())

    assert page.status_code == 200
    assert "Viden og netværk" in page_text(page)
    assert f'<a href="{year.network.get_absolute_url()}">Forældrebestyrelser</a>' in html(page)
    assert reverse("knowledge:article_list") + "?year=2025&amp;kind=best_practice" in html(page)


def test_the_section_in_english(cast, year):
    content = figures.build(ReportKind.STATUS_REPORT, 2025, "en")

    assert content["title"] == "Status report on the integration effort 2025"
    rows = table(content, "articles")["rows"]
    assert rows[0][1:4] == ["Best practice", "10 Apr 2025", "yes"]
    assert table(content, "newsletters")["rows"][0][1] == "3 Nov 2025"
