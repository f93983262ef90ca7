"""An edition as a stand-alone report, in Word or as a PDF, made when it is asked for."""

import io

import pytest
from django.urls import reverse
from docx import Document

from pejling.barometer import services
from pejling.barometer.models import Indicator
from tests.barometer.support import latest, logged_in
from tests.pdf import pdf_text
from tests.policy.support import page_text


def report_url(edition, fmt: str) -> str:
    return reverse("barometer:edition_report", args=[edition.pk, fmt])


def test_edition_page_offers_the_report_as_pdf_and_word(client, cast):
    edition = latest()
    response = client.get(edition.get_absolute_url())

    text = page_text(response)
    assert "Hent som PDF" in text
    assert "Hent som Word" in text
    assert report_url(edition, "pdf") in response.content.decode()
    assert report_url(edition, "docx") in response.content.decode()


def test_word_report_has_the_goals_the_indicators_and_a_chart_each(client, cast):
    edition = latest()
    response = logged_in(client, cast.committee_member).get(report_url(edition, "docx"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f'filename="barometer-{edition.period}.docx"' in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    assert document.core_properties.title == f"Integrationsbarometeret {edition.period}"
    assert len(document.inline_shapes) == Indicator.objects.count()
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "Tabel 2: Målenes status" in captions
    assert "Tabel 3: Indikatorernes status og afstand til målet" in captions
    goal_table = document.tables[1]
    assert goal_table.rows[1].cells[0].text == "Kommunens medarbejdere afspejler befolkningen"


def test_anyone_gets_a_published_edition_as_pdf(client, cast):
    edition = latest()
    response = client.get(report_url(edition, "pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert f"Integrationsbarometeret {edition.period}" in text
    assert "Indikatorernes status og afstand til målet" in text
    assert "Figur 1: Kommunens ansatte med anden herkomst end dansk (procent)" in text
    # The goals sit in a draft policy the public may not read: left out, as on the pages.
    assert "Overledigheden" not in text
    assert "Målenes status" not in text


@pytest.mark.parametrize("member", [None, "committee_member", "advisor"])
def test_a_draft_edition_is_hidden_from_those_who_cannot_see_it(client, cast, draft, member):
    if member:
        logged_in(client, getattr(cast, member))
    assert client.get(report_url(draft, "pdf")).status_code == 404
    assert client.get(report_url(draft, "docx")).status_code == 404


def test_analyst_gets_a_draft_edition(client, cast, draft):
    response = logged_in(client, cast.analyst).get(report_url(draft, "docx"))

    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    assert document.core_properties.title == "Integrationsbarometeret 2025H1"


def test_unknown_edition_or_format_is_404(client, cast):
    assert client.get(reverse("barometer:edition_report", args=[999999, "pdf"])).status_code == 404
    assert client.get(report_url(latest(), "xlsx")).status_code == 404


def test_the_report_is_only_read(client, cast):
    assert client.post(report_url(latest(), "pdf")).status_code == 405


def test_a_published_editions_document_is_kept_per_reader_rights(client, cast):
    edition = latest()
    public = client.get(report_url(edition, "pdf")).content
    assert client.get(report_url(edition, "pdf")).content == public

    seen_by_analyst = logged_in(client, cast.analyst).get(report_url(edition, "pdf")).content
    assert "Målenes status" in pdf_text(seen_by_analyst)
    assert "Målenes status" not in pdf_text(public)


def test_a_draft_editions_document_is_made_anew_each_time(client, cast, draft):
    client = logged_in(client, cast.analyst)
    first = pdf_text(client.get(report_url(draft, "pdf")))
    services.enter_value(
        actor=cast.analyst,
        edition=draft,
        indicator=Indicator.objects.get(code="ansatte_ikke_dansk"),
        period="2025H1",
        value=19.4,
    )

    second = pdf_text(client.get(report_url(draft, "pdf")))

    assert "18,6" in first and "19,4" in second
