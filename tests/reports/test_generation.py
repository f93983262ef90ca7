"""Generating a report on the real worker: progress, the kept version, the DOCX and the PDF."""

import io

import pytest
from docx import Document
from pypdf import PdfReader

from pejling.core.models import TaskProgress
from pejling.reports import services
from pejling.reports.models import Kind, Report
from tests.reports.support import a_year_of_work, run_worker

# The worker closes stale connections between tasks, so it cannot run inside a test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_builds_the_report_with_progress_and_keeps_its_files(cast):
    a_year_of_work(cast, 2025)
    report = services.request_report(
        actor=cast.policy_officer, kind=Kind.STATUS_REPORT, year=2025, language="da"
    )

    run_worker()

    report.refresh_from_db()
    assert report.state == Report.State.DONE
    assert report.finished_at is not None
    numbers = {f["label"]: f["value"] for f in report.content["summary"]}
    assert numbers["Henvendelser modtaget"] == 3
    progress = TaskProgress.objects.get(task_id=report.task_id)
    assert (progress.percent, progress.owner) == (100, cast.policy_officer)

    document = Document(io.BytesIO(report.docx.read()))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Task forcen" in headings
    assert "Økonomi" in headings
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions[0] == "Tabel 1: Årets hovedtal"
    assert "Københavns Kommune" in document.sections[0].header.paragraphs[0].text

    pdf = PdfReader(io.BytesIO(report.pdf.read()))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Statusrapport for integrationsindsatsen 2025" in text
    assert "Henvendelser efter indsatsområde" in text
    assert "Side 1 af" in text


def test_a_second_version_keeps_the_first(cast):
    a_year_of_work(cast, 2025)
    first = services.request_report(
        actor=cast.coordinator, kind=Kind.STATUS_REPORT, year=2025, language="da"
    )
    run_worker()
    second = services.request_report(
        actor=cast.coordinator, kind=Kind.STATUS_REPORT, year=2025, language="da"
    )
    run_worker()

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.version, second.version) == (1, 2)
    assert first.content["summary"] == second.content["summary"]
    assert first.docx.name != second.docx.name
