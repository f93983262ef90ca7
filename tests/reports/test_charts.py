"""The barometer's charts in a report: the spec kept in the content, drawn in Word, the PDF and
on the page with the barometer's own renderer, and a chart that cannot be drawn."""

import copy
import io
import json
import logging
from datetime import date

import pytest
import vl_convert
from django.template.loader import render_to_string
from django.urls import reverse
from docx import Document

from pejling.barometer.models import Indicator
from pejling.barometer.overview import goal_cards
from pejling.reports import charts, documents, figures
from pejling.reports.models import Kind
from tests.barometer import conftest as barometer_demo
from tests.barometer.support import latest
from tests.pdf import pdf_text

# The cast and the demo barometer, built once for the module as in the barometer's tests.
_cast_and_demo = barometer_demo._cast_and_demo
_small_demo_panel = barometer_demo._small_demo_panel
cast = barometer_demo.cast

DATED = date(2026, 3, 1)


@pytest.fixture
def content(cast):
    return figures.build(Kind.STATUS_REPORT, 2025, "da")


def barometer(content: dict) -> dict:
    return next(s for s in content["sections"] if s["key"] == "barometer")


def broken(content: dict) -> dict:
    """The content with every chart's spec spoiled, as if the renderer could not draw them."""
    spoiled = copy.deepcopy(content)
    for chart in barometer(spoiled)["charts"]:
        chart["spec"] = {"mark": "no-such-mark", "data": {"values": []}}
    return spoiled


def test_the_content_keeps_a_chart_per_indicator_with_its_data_inline(content):
    section = barometer(content)

    assert len(section["charts"]) == Indicator.objects.count()
    chart = next(c for c in section["charts"] if c["key"] == "indicator-ansatte_ikke_dansk")
    assert chart["title"] == "Kommunens ansatte med anden herkomst end dansk (procent)"
    assert chart["alt"].startswith("Graf over Kommunens ansatte med anden herkomst end dansk")
    assert "til 2024H2 (17,9 procent)" in chart["alt"]
    assert "Den stiplede linje er målet." in chart["alt"]
    values = chart["spec"]["data"]["values"]
    assert {"period": "2024H2", "series": "Alle", "value": 17.9} in values
    # Stored as JSON on the report, and the same records give the same content.
    assert json.loads(json.dumps(content)) == content
    assert figures.build(Kind.STATUS_REPORT, 2025, "da") == content


def test_the_chart_is_the_one_the_indicator_page_draws(client, content):
    chart = next(c for c in barometer(content)["charts"] if c["key"] == "indicator-besk_gab_25_64")

    page_chart = client.get(reverse("barometer:indicator_chart", args=["besk_gab_25_64"]))

    assert page_chart.status_code == 200
    assert charts.svg(chart) == page_chart.content.decode()


def test_each_goal_has_the_status_the_barometer_gives_it(content, cast):
    goals = next(t for t in barometer(content)["tables"] if t["key"] == "goals")

    cards = goal_cards(latest(), cast.committee_member)
    assert goals["rows"] == [
        [card.goal.title, len(card.states), str(card.status_label)] for card in cards if card.goal
    ]
    assert goals["rows"][0] == [
        "Kommunens medarbejdere afspejler befolkningen",
        1,
        "Moderat fremgang",
    ]
    assert goals["note"].startswith("Et måls status er den svageste status")


def test_word_document_has_a_numbered_picture_per_chart(content):
    document = Document(io.BytesIO(documents.docx_bytes(content, dated=DATED)))

    assert len(document.inline_shapes) == len(barometer(content)["charts"])
    width = document.sections[0].page_width - 2 * document.sections[0].left_margin
    assert document.inline_shapes[0].width == width
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "Figur 1: Kommunens ansatte med anden herkomst end dansk (procent)" in captions
    assert "Tabel 2: Målenes status" in captions
    description = document.inline_shapes[0]._inline.docPr.get("descr")
    assert description.startswith("Graf over Kommunens ansatte")


def test_pdf_draws_the_charts_with_numbered_captions(content):
    data = documents.pdf_bytes(content, dated=DATED, base_url="")

    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Tabel 1.1: Målenes status" in text
    assert "Figur 1: Kommunens ansatte med anden herkomst end dansk (procent)" in text
    assert "Mål 2026: 27" in text  # the target's label, drawn inside the chart


def test_the_page_shows_the_charts_with_text_alternatives(content):
    html = render_to_string("reports/_content.html", {"content": content, "links": True})

    assert html.count('<img src="data:image/svg+xml;base64,') == len(barometer(content)["charts"])
    assert 'alt="Graf over Kommunens ansatte med anden herkomst end dansk' in html
    assert "<figcaption>Kommunens ansatte med anden herkomst end dansk (procent)." in html


def test_a_chart_that_cannot_be_drawn_leaves_the_table(content, caplog):
    spoiled = broken(content)

    with caplog.at_level(logging.WARNING, logger="pejling.reports.charts"):
        document = Document(io.BytesIO(documents.docx_bytes(spoiled, dated=DATED)))
        text = pdf_text(documents.pdf_bytes(spoiled, dated=DATED, base_url=""))
        html = render_to_string("reports/_content.html", {"content": spoiled, "links": False})

    assert len(document.inline_shapes) == 0
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "Tabel 3: Indikatorernes status og afstand til målet" in captions
    assert not any(caption.startswith("Figur") for caption in captions)
    assert "Indikatorernes status og afstand til målet" in text
    assert "Figur 1" not in text
    assert "data:image/svg+xml" not in html
    assert "Kommunens ansatte med anden herkomst end dansk" in html
    assert "Report chart indicator-ansatte_ikke_dansk could not be rendered" in caplog.text


def test_a_renderer_that_fails_leaves_the_word_document_without_pictures(content, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("no renderer")

    monkeypatch.setattr(vl_convert, "vegalite_to_png", fail)
    charts._png.cache_clear()

    document = Document(io.BytesIO(documents.docx_bytes(content, dated=DATED)))

    assert len(document.inline_shapes) == 0
    assert any("Målenes status" in p.text for p in document.paragraphs)


def test_content_stored_before_charts_still_renders(content):
    older = copy.deepcopy(content)
    for section in older["sections"]:
        del section["charts"]

    document = Document(io.BytesIO(documents.docx_bytes(older, dated=DATED)))

    assert len(document.inline_shapes) == 0
    assert documents.pdf_bytes(older, dated=DATED, base_url="").startswith(b"%PDF")
