"""The committee's yearly orientation on the task force: an agenda item's shape, and putting it
on an upcoming meeting's agenda."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from pejling.audit.models import AuditEvent
from pejling.core import crud
from pejling.governance import services as governance
from pejling.governance.models import AgendaItem, Annex, Body, Meeting, RecommendationPoint
from pejling.reports import documents, figures
from pejling.reports.models import AgendaPlacement, Kind, Priority, Report
from tests.reports.support import a_year_of_work
from tests.taskforce.test_work_support import error_at, html, logged_in, page_text

CPH = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=CPH)
PDF = b"%PDF-1.7 the orientation"
STATUS_PDF = b"%PDF-1.7 the status report"
AGENDA_ORDER = ["recommendation", "summary", "case", "priorities", "economy", "annexes"]


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def committee(db) -> Body:
    return crud.create(
        actor=None,
        instance=Body(
            name="Beskæftigelses- og Integrationsudvalget",
            short_name="BIU",
            kind=Body.Kind.COMMITTEE,
        ),
    )


@pytest.fixture
def meeting(cast, committee) -> Meeting:
    return governance.create_meeting(
        actor=cast.policy_officer,
        body=committee,
        starts_at=datetime(2026, 3, 16, 17, tzinfo=CPH),
        location="Rådhuset",
    )


def a_report(cast, *, kind=Kind.ORIENTATION, year=2025, state=Report.State.DONE, pdf=PDF):
    report = Report.objects.create(
        kind=kind,
        year=year,
        language="da",
        version=Report.objects.filter(kind=kind, year=year).count() + 1,
        state=state,
        requested_by=cast.coordinator,
        finished_at=NOW if state == Report.State.DONE else None,
        content=figures.build(kind, year, "da"),
    )
    if state == Report.State.DONE:
        report.docx.save("r.docx", ContentFile(b"PK\x03\x04 docx"), save=False)
        report.pdf.save("r.pdf", ContentFile(pdf), save=True)
    return report


def section(content: dict, key: str) -> dict:
    return next(s for s in content["sections"] if s["key"] == key)


def put(client, report, meeting_pk) -> object:
    return client.post(reverse("reports:report_agenda", args=[report.pk]), {"meeting": meeting_pk})


# --- The content ------------------------------------------------------------------------------


def test_the_orientation_reads_as_an_agenda_item(cast):
    a_year_of_work(cast, 2025)
    Priority.objects.create(
        year=2025,
        section=Priority.Section.TASK_FORCE,
        title="Flere opsøgende sager i boligområderne",
        text="Rådgiverne møder flest barrierer dér.",
        author=cast.coordinator,
    )

    content = figures.build(Kind.ORIENTATION, 2025, "da")

    assert content["title"] == "Orientering om task forcens arbejde i 2025"
    assert [s["key"] for s in content["sections"]] == AGENDA_ORDER
    assert [s["title"] for s in content["sections"]] == [
        "Indstilling",
        "Resumé",
        "Sagsbeskrivelse",
        "Forslag til prioriteter for 2026",
        "Økonomi",
        "Bilag",
    ]
    # An agenda item opens with its recommendation: the figures are in the summary section.
    assert content["summary"] == []
    assert section(content, "recommendation")["paragraphs"] == [
        "at udvalget tager orienteringen om task forcens arbejde i 2025 til efterretning",
        "at udvalget drøfter de foreslåede prioriteter for task forcens indsatsområder i 2026",
    ]
    summary = section(content, "summary")
    assert summary["paragraphs"][0] == (
        "Task forcen modtog 3 henvendelser i 2025 og afsluttede 0 sager."
    )
    assert "5 timers aktiviteter, heraf 40 % i aftener" in summary["paragraphs"][1]
    assert "1 barriere for integrationspolitikkens gennemførelse" in summary["paragraphs"][1]
    assert summary["paragraphs"][2] == "Der foreslås 1 prioritet for 2026."
    figures_table = dict(summary["tables"][0]["rows"])
    assert figures_table["Henvendelser modtaget"] == 3
    assert figures_table["Bevilget i året (kr.)"] == 1_000_000.0
    case_tables = [t["key"] for t in section(content, "case")["tables"]]
    assert case_tables[:2] == ["door", "field"]
    assert "barriers" in case_tables
    assert [p["title"] for p in section(content, "priorities")["priorities"]] == [
        "Flere opsøgende sager i boligområderne"
    ]
    economy = section(content, "economy")
    assert economy["intro"] == (
        "I 2025 blev der brugt 250.000,00 kr. af de 1.000.000,00 kr., der var bevilget til "
        "integrationsindsatsen, som task forcen er en del af."
    )
    assert [t["key"] for t in economy["tables"]] == ["appropriations"]
    assert section(content, "annexes")["intro"] == "Der er ingen bilag."


def test_the_latest_done_status_report_of_the_year_is_its_annex(cast):
    a_report(cast, kind=Kind.STATUS_REPORT)
    a_report(cast, kind=Kind.STATUS_REPORT)
    a_report(cast, kind=Kind.STATUS_REPORT, state=Report.State.RUNNING)
    a_report(cast, kind=Kind.STATUS_REPORT, year=2024)

    content = figures.build(Kind.ORIENTATION, 2025, "da")

    annexes = section(content, "annexes")
    assert annexes["intro"] == ""
    assert annexes["paragraphs"] == ["1. Statusrapport for integrationsindsatsen 2025, version 2"]


def test_an_empty_year_gives_the_same_shape_with_zeros(cast):
    content = figures.build(Kind.ORIENTATION, 2019, "da")

    assert content["has_data"] is False
    assert [s["key"] for s in content["sections"]] == AGENDA_ORDER
    summary = section(content, "summary")
    assert summary["paragraphs"][0] == (
        "Task forcen modtog 0 henvendelser i 2019 og afsluttede 0 sager."
    )
    assert summary["paragraphs"][2] == (
        "Der er endnu ikke skrevet forslag til prioriteter for 2020."
    )
    assert section(content, "economy")["tables"][0]["rows"] == []


def test_the_word_document_and_the_pdf_follow_the_agenda_order(cast):
    a_year_of_work(cast, 2025)
    content = figures.build(Kind.ORIENTATION, 2025, "da")

    document = Document(io.BytesIO(documents.docx_bytes(content, dated=NOW.date())))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Indstilling",
        "Resumé",
        "Sagsbeskrivelse",
        "Forslag til prioriteter for 2026",
        "Økonomi",
        "Bilag",
    ]
    texts = [p.text for p in document.paragraphs]
    assert "Forvaltningen indstiller," in texts
    assert "1. at udvalget tager orienteringen om task forcens arbejde i 2025 til efterretning" in (
        texts
    )
    assert any(text.startswith("2. at udvalget drøfter") for text in texts)
    assert "Sammenfatning" not in texts

    pdf = PdfReader(io.BytesIO(documents.pdf_bytes(content, dated=NOW.date(), base_url="")))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert text.index("Indstilling") < text.index("Resumé") < text.index("Sagsbeskrivelse")
    assert text.index("Sagsbeskrivelse") < text.index("Økonomi") < text.index("Bilag")
    assert "at udvalget tager orienteringen om task forcens arbejde i 2025 til efterretning" in (
        text
    )
    assert "Sammenfatning" not in text


# --- Putting it on the agenda -----------------------------------------------------------------


def test_the_orientation_goes_on_the_meeting_with_points_text_and_annexes(client, cast, meeting):
    a_year_of_work(cast, 2025)
    status = a_report(cast, kind=Kind.STATUS_REPORT, pdf=STATUS_PDF)
    report = a_report(cast)
    client = logged_in(client, cast.policy_officer)

    page = client.get(report.get_absolute_url())
    assert 'action="' + reverse("reports:report_agenda", args=[report.pk]) + '"' in html(page)
    assert "Beskæftigelses- og Integrationsudvalget, 16. marts 2026 kl. 17:00" in page_text(page)

    response = put(client, report, meeting.pk)

    assert response.status_code == 302
    assert response.url == report.get_absolute_url()
    item = AgendaItem.objects.get()
    assert (item.meeting, item.number) == (meeting, 1)
    assert item.title == "Orientering om task forcens arbejde i 2025"
    assert item.recommended_by == ""  # the policy officer of the test cast has no administration
    assert item.summary.startswith("Udvalget orienteres en gang om året")
    assert "Task forcen modtog 3 henvendelser i 2025" in item.summary
    assert "Henvendelser efter indgang: " in item.case_description
    assert "FORSLAG TIL PRIORITETER FOR 2026" in item.case_description
    assert "Der er endnu ikke skrevet prioriteter." in item.case_description
    assert "ØKONOMI\n\nI 2025 blev der brugt 250.000,00 kr." in item.case_description
    assert [p.text for p in RecommendationPoint.objects.filter(item=item)] == [
        "at udvalget tager orienteringen om task forcens arbejde i 2025 til efterretning",
        "at udvalget drøfter de foreslåede prioriteter for task forcens indsatsområder i 2026",
    ]
    annexes = list(Annex.objects.filter(item=item))
    assert [(a.number, a.title, a.content_type) for a in annexes] == [
        (1, "Orientering om task forcens arbejde i 2025", "application/pdf"),
        (
            2,
            "Statusrapport for integrationsindsatsen 2025, version 1",
            "application/pdf",
        ),
    ]
    assert annexes[0].file.read() == PDF
    assert annexes[1].file.read() == STATUS_PDF
    assert annexes[0].original_name == "orientation-2025-v1-da.pdf"
    placement = AgendaPlacement.objects.get()
    assert (placement.report, placement.item, placement.placed_by) == (
        report,
        item,
        cast.policy_officer,
    )
    assert status.placements.count() == 0
    assert AuditEvent.objects.filter(content_type__model="agendaitem", action="create").exists()
    assert AuditEvent.objects.filter(content_type__model="annex", action="create").count() == 2

    page = client.get(report.get_absolute_url())
    assert "Orienteringen er sat på dagsordenen for BIU 16.03.2026 som punkt 1." in page_text(page)
    assert f'href="{item.get_absolute_url()}"' in html(page)
    assert "Beskæftigelses- og Integrationsudvalget, møde 16. marts 2026, punkt 1" in page_text(
        page
    )


def test_the_item_appears_on_the_meetings_agenda(client, cast, meeting):
    report = a_report(cast)
    client = logged_in(client, cast.policy_officer)
    put(client, report, meeting.pk)
    item = AgendaItem.objects.get()

    agenda = client.get(meeting.get_absolute_url())
    assert agenda.status_code == 200
    assert "Orientering om task forcens arbejde i 2025" in page_text(agenda)
    assert f'href="{item.get_absolute_url()}"' in html(agenda)

    detail = client.get(item.get_absolute_url())
    text = page_text(detail)
    assert "at udvalget tager orienteringen om task forcens arbejde i 2025 til efterretning" in text
    assert reverse("governance:annex_download", args=[item.annexes.get().pk]) in html(detail)


def test_the_item_comes_after_the_meetings_other_items(client, cast, meeting):
    governance.add_agenda_item(actor=cast.policy_officer, meeting=meeting, title="Godkendelse")
    report = a_report(cast)

    put(logged_in(client, cast.policy_officer), report, meeting.pk)

    assert meeting.items.get(report_placement__report=report).number == 2


def test_the_recommending_administration_is_the_one_of_the_person_who_puts_it_on(
    client, cast, meeting
):
    cast.policy_officer.administration = cast.administration
    cast.policy_officer.save()
    report = a_report(cast)

    put(logged_in(client, cast.policy_officer), report, meeting.pk)

    item = AgendaItem.objects.get()
    assert item.recommended_by == "Beskæftigelses- og Integrationsforvaltningen"
    page = client.get(item.get_absolute_url())
    assert "Beskæftigelses- og Integrationsforvaltningen indstiller," in page_text(page)


def test_the_same_version_goes_on_a_meeting_only_once(client, cast, meeting):
    report = a_report(cast)
    client = logged_in(client, cast.policy_officer)
    put(client, report, meeting.pk)

    response = put(client, report, meeting.pk)

    assert response.status_code == 400
    assert error_at(response, "id_meeting") == (
        "Denne version af orienteringen er allerede sat på dagsordenen for BIU 16.03.2026."
    )
    assert AgendaItem.objects.count() == 1
    assert Annex.objects.count() == 1
    assert AgendaPlacement.objects.count() == 1


def test_anonymous_is_sent_to_log_in(client, cast, meeting):
    report = a_report(cast)

    response = put(client, report, meeting.pk)

    assert response.status_code == 302
    assert reverse("accounts:login") in response.url
    assert AgendaItem.objects.count() == 0


@pytest.mark.parametrize("who", ["coordinator", "committee_member", "outsider", "advisor"])
def test_only_those_who_edit_governance_may_put_it_on(client, cast, meeting, who):
    report = a_report(cast)
    client = logged_in(client, getattr(cast, who))

    response = put(client, report, meeting.pk)

    assert response.status_code == 403
    assert AgendaItem.objects.count() == 0
    if who != "outsider":
        assert "Sæt på dagsorden" not in page_text(client.get(report.get_absolute_url()))


def test_an_unknown_report_is_not_found(client, cast, meeting):
    response = put(logged_in(client, cast.policy_officer), Report(pk=999), meeting.pk)

    assert response.status_code == 404


def test_only_post(client, cast, meeting):
    report = a_report(cast)

    response = logged_in(client, cast.policy_officer).get(
        reverse("reports:report_agenda", args=[report.pk])
    )

    assert response.status_code == 405


@pytest.mark.parametrize(
    ("meeting_pk", "message"),
    [
        ("", "Vælg det møde, orienteringen skal på."),
        ("999", "Mødet findes ikke. Vælg et af de kommende møder."),
        ("abc", "Mødet findes ikke. Vælg et af de kommende møder."),
    ],
)
def test_a_missing_or_unknown_meeting_is_refused(client, cast, meeting, meeting_pk, message):
    report = a_report(cast)

    response = put(logged_in(client, cast.policy_officer), report, meeting_pk)

    assert response.status_code == 400
    assert error_at(response, "id_meeting") == message
    assert AgendaItem.objects.count() == 0


def test_a_held_meeting_is_refused(client, cast, meeting):
    report = a_report(cast)
    governance.transition_meeting(
        actor=cast.policy_officer, meeting=meeting, to=Meeting.State.AGENDA_PUBLISHED
    )
    with time_machine.travel(meeting.starts_at, tick=False):
        governance.transition_meeting(
            actor=cast.policy_officer, meeting=meeting, to=Meeting.State.HELD
        )
    client = logged_in(client, cast.policy_officer)

    response = put(client, report, meeting.pk)

    assert response.status_code == 400
    assert error_at(response, "id_meeting") == (
        "Mødet BIU 16.03.2026 er afholdt. Vælg et kommende møde."
    )
    assert AgendaItem.objects.count() == 0
    assert Annex.objects.count() == 0
    assert f'value="{meeting.pk}"' not in html(client.get(report.get_absolute_url()))


def test_a_past_meeting_not_marked_held_is_refused_too(client, cast, committee):
    past = governance.create_meeting(
        actor=cast.policy_officer,
        body=committee,
        starts_at=datetime(2026, 2, 2, 17, tzinfo=CPH),
        state=Meeting.State.AGENDA_PUBLISHED,
    )
    report = a_report(cast)

    response = put(logged_in(client, cast.policy_officer), report, past.pk)

    assert response.status_code == 400
    assert (
        error_at(response, "id_meeting")
        == "Mødet BIU 02.02.2026 er afholdt. Vælg et kommende møde."
    )
    assert AgendaItem.objects.count() == 0


def test_a_report_that_is_not_done_is_refused(client, cast, meeting):
    report = a_report(cast, state=Report.State.RUNNING)

    response = put(logged_in(client, cast.policy_officer), report, meeting.pk)

    assert response.status_code == 400
    assert "Rapporten er ikke færdig endnu. Vent til den er dannet, og prøv så igen." in (
        page_text(response)
    )
    assert AgendaItem.objects.count() == 0


def test_a_status_report_is_refused(client, cast, meeting):
    report = a_report(cast, kind=Kind.STATUS_REPORT)
    client = logged_in(client, cast.policy_officer)

    response = put(client, report, meeting.pk)

    assert response.status_code == 400
    assert "Kun udvalgets orientering om task forcen kan sættes på en dagsorden." in page_text(
        response
    )
    assert AgendaItem.objects.count() == 0
    assert "Sæt på dagsorden" not in page_text(client.get(report.get_absolute_url()))


def test_without_upcoming_meetings_the_page_says_so(client, cast):
    report = a_report(cast)

    page = logged_in(client, cast.policy_officer).get(report.get_absolute_url())

    assert "Der er ingen kommende møder at sætte orienteringen på." in page_text(page)
    assert reverse("governance:meeting_create") in html(page)
    assert "Sæt på dagsorden" not in page_text(page)
