"""The report pages: the list, asking for a report, reading it, its files, and priorities."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from pejling.audit.models import AuditEvent
from pejling.reports import figures
from pejling.reports.models import Kind, Priority, Report
from tests.taskforce.test_work_support import error_at, html, logged_in, page_text

LIST = reverse("reports:report_list")
REQUEST = reverse("reports:report_request")


def done_report(cast, year: int = 2025) -> Report:
    report = Report.objects.create(
        kind=Kind.STATUS_REPORT,
        year=year,
        language="da",
        version=1,
        state=Report.State.DONE,
        requested_by=cast.policy_officer,
        content=figures.build(Kind.STATUS_REPORT, year, "da"),
    )
    report.docx.save("r.docx", ContentFile(b"PK docx"), save=False)
    report.pdf.save("r.pdf", ContentFile(b"%PDF-1.7"), save=True)
    return report


def test_the_list_offers_the_form_to_those_who_write_reports(client, cast):
    done_report(cast)

    writer = logged_in(client, cast.policy_officer).get(LIST)
    assert writer.status_code == 200
    assert 'action="' + REQUEST + '"' in html(writer)
    assert "Årlig statusrapport" in page_text(writer)

    reader = logged_in(client, cast.committee_member).get(LIST)
    assert reader.status_code == 200
    assert REQUEST not in html(reader)


def test_asking_for_a_report_queues_a_version_and_shows_its_progress(client, cast):
    client = logged_in(client, cast.coordinator)

    response = client.post(REQUEST, {"kind": "status_report", "year": 2025, "language": "da"})

    report = Report.objects.get()
    assert response.status_code == 302
    assert response.url == report.get_absolute_url()
    assert (report.state, report.version, report.requested_by) == ("queued", 1, cast.coordinator)
    page = client.get(report.get_absolute_url())
    assert "Rapporten dannes i baggrunden" in page_text(page)
    assert 'hx-trigger="every 2s"' in html(page)
    assert AuditEvent.objects.filter(content_type__model="report", action="create").count() == 1


def test_a_second_request_for_the_same_year_waits_for_the_first(client, cast):
    client = logged_in(client, cast.coordinator)
    client.post(REQUEST, {"kind": "status_report", "year": 2025, "language": "da"})

    response = client.post(REQUEST, {"kind": "status_report", "year": 2025, "language": "en"})

    assert response.status_code == 400
    assert "Rapporten for 2025 er ved at blive dannet" in page_text(response)
    assert Report.objects.count() == 1


def test_a_future_year_or_an_unknown_kind_is_refused(client, cast):
    client = logged_in(client, cast.policy_officer)

    future = client.post(REQUEST, {"kind": "status_report", "year": 2031, "language": "da"})
    unknown = client.post(REQUEST, {"kind": "novel", "year": 2025, "language": "da"})

    assert future.status_code == 400
    assert error_at(future, "id_year").startswith("Marker en gyldig valgmulighed")
    assert unknown.status_code == 400
    assert Report.objects.count() == 0


def test_a_done_report_reads_on_the_page_with_links_to_its_rows_and_files(client, cast):
    report = done_report(cast)
    client = logged_in(client, cast.committee_member)

    response = client.get(report.get_absolute_url())

    body = html(response)
    assert response.status_code == 200
    assert "Statusrapport for integrationsindsatsen 2025" in page_text(response)
    # The task force's lists behind the counts are not the committee member's to open.
    assert reverse("taskforce:overview") not in body
    assert reverse("taskforce:case_list") not in body
    assert reverse("reports:report_file", args=[report.pk, "docx"]) in body
    docx = client.get(reverse("reports:report_file", args=[report.pk, "docx"]))
    assert docx.status_code == 200
    assert "attachment" in docx["Content-Disposition"]
    assert client.get(reverse("reports:report_file", args=[report.pk, "odt"])).status_code == 404


@pytest.mark.parametrize(
    ("who", "lists"),
    [
        ("coordinator", {"taskforce:overview", "taskforce:case_list", "taskforce:barrier_list"}),
        ("advisor", {"taskforce:case_list", "taskforce:barrier_list"}),
        ("policy_officer", set()),
    ],
)
def test_the_page_links_only_to_the_task_force_lists_the_reader_may_open(client, cast, who, lists):
    report = done_report(cast)
    client = logged_in(client, getattr(cast, who))

    body = html(client.get(report.get_absolute_url()))

    names = ("taskforce:overview", "taskforce:case_list", "taskforce:barrier_list")
    assert {name for name in names if f'href="{reverse(name)}' in body} == lists
    assert f'href="{reverse("policy:budget")}' in body


def test_a_report_not_done_has_no_files(client, cast):
    report = Report.objects.create(
        kind=Kind.STATUS_REPORT, year=2025, language="da", version=1, state="running"
    )
    client = logged_in(client, cast.policy_officer)

    assert client.get(reverse("reports:report_file", args=[report.pk, "pdf"])).status_code == 404
    partial = client.get(report.get_absolute_url(), headers={"HX-Request": "true"})
    assert "<html" not in html(partial)
    assert 'id="report-state"' in html(partial)


def test_polling_a_finished_report_reloads_the_page(client, cast):
    report = done_report(cast)

    response = logged_in(client, cast.policy_officer).get(
        report.get_absolute_url(), headers={"HX-Request": "true"}
    )

    assert response.status_code == 204
    assert response["HX-Refresh"] == "true"


def test_who_may_see_and_make_reports(client, cast):
    report = done_report(cast)
    assert client.get(LIST).status_code == 302
    assert client.get(report.get_absolute_url()).status_code == 302
    for member in ("outsider",):
        client = logged_in(client, getattr(cast, member))
        assert client.get(LIST).status_code == 403
        assert client.get(report.get_absolute_url()).status_code == 403
    for member in ("advisor", "committee_member", "analyst", "contact_person"):
        client = logged_in(client, getattr(cast, member))
        assert client.post(REQUEST, {"kind": "status_report", "year": 2025}).status_code == 403
    assert Report.objects.count() == 1
    client = logged_in(client, cast.policy_officer)
    assert client.get(REQUEST).status_code == 405
    assert client.get(reverse("reports:report_detail", args=[9999])).status_code == 404


# --- Priorities ---------------------------------------------------------------------------


def test_priorities_are_written_changed_and_deleted(client, cast):
    client = logged_in(client, cast.coordinator)
    url = reverse("reports:priorities", args=[2025])

    response = client.post(
        url, {"section": "taskforce", "title": "Flere opsøgende sager", "text": "Fordi."}
    )
    assert response.status_code == 302
    priority = Priority.objects.get()
    assert (priority.year, priority.author) == (2025, cast.coordinator)
    assert "Forslag til prioriteter for 2026" in page_text(client.get(url))

    edit = reverse("reports:priority_edit", args=[priority.pk])
    client.post(edit, {"section": "general", "title": "Nyt", "text": "Andet"})
    priority.refresh_from_db()
    assert (priority.section, priority.title) == ("general", "Nyt")
    client.post(edit, {"delete": "1"})
    assert Priority.objects.count() == 0


def test_a_priority_with_a_cpr_number_or_no_title_is_not_saved(client, cast):
    client = logged_in(client, cast.policy_officer)
    url = reverse("reports:priorities", args=[2025])

    response = client.post(url, {"section": "general", "title": "", "text": "Se 010190-1234"})

    assert response.status_code == 400
    assert "CPR" in page_text(response)
    assert Priority.objects.count() == 0


@pytest.mark.parametrize("member", ["advisor", "committee_member", "analyst", "outsider"])
def test_only_report_writers_write_priorities(client, cast, member):
    priority = Priority.objects.create(
        year=2025, section="general", title="X", text="Y", author=cast.coordinator
    )
    client = logged_in(client, getattr(cast, member))

    assert client.get(reverse("reports:priorities", args=[2025])).status_code == 403
    edit = reverse("reports:priority_edit", args=[priority.pk])
    assert client.post(edit, {"delete": "1"}).status_code == 403
    assert Priority.objects.count() == 1
