"""Lists printed as PDF (core.printing), shown on the barrier list."""

import io
from datetime import date

import pytest
from django import forms
from django.urls import reverse
from pypdf import PdfReader

from pejling.core import printing
from pejling.taskforce import services
from pejling.taskforce.models import BarrierKind, Field
from tests.pdf import pdf_text

BARRIERS = reverse("taskforce:barrier_list")


def pdf_pages(response) -> list:
    return PdfReader(io.BytesIO(response.content)).pages


class FieldForm(forms.Form):
    q = forms.CharField(label="Søg", required=False)
    field = forms.ChoiceField(
        label="Indsatsområde", required=False, choices=[("", "Alle"), *Field.choices]
    )
    only_open = forms.BooleanField(label="Kun åbne", required=False)


def test_first_rows_says_whether_the_list_was_cut():
    assert printing.first_rows(iter(range(3)), limit=3) == ([0, 1, 2], False)
    assert printing.first_rows(iter(range(4)), limit=3) == ([0, 1, 2], True)
    assert printing.first_rows([], limit=3) == ([], False)


def test_filters_applied_shows_labels_and_the_chosen_values():
    form = FieldForm({"q": "tolk", "field": Field.HOUSING, "only_open": "on"})

    assert printing.filters_applied(form) == [
        ("Søg", "tolk"),
        ("Indsatsområde", "Bolig"),
        ("Kun åbne", "✓"),
    ]


def test_filters_applied_leaves_out_empty_and_invalid_filters():
    assert printing.filters_applied(FieldForm()) == []
    assert printing.filters_applied(None) == []
    assert printing.filters_applied(FieldForm({"q": "", "field": "nope"})) == []


@pytest.fixture
def barriers(cast):
    language = BarrierKind.objects.get(name="Sprog og kommunikation")

    def record(text, field, day):
        return services.record_barrier(
            actor=cast.advisor, text=text, kind=language, field=field, recorded_on=day
        )

    return [
        record("Ingen tolk i boligsager", Field.HOUSING, date(2025, 2, 10)),
        record("Møder kun på dansk", Field.EDUCATION, date(2025, 1, 10)),
    ]


def test_the_barrier_list_prints_the_filtered_barriers_in_landscape(client, cast, barriers):
    client.force_login(cast.advisor)

    response = client.get(BARRIERS, {"field": Field.HOUSING, "format": "pdf"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="barrierer.pdf"'
    text = pdf_text(response)
    assert "Ingen tolk i boligsager" in text
    assert "Møder kun på dansk" not in text
    assert "Indsatsområde: Bolig" in text
    assert "1 barriere" in text
    assert "Københavns Kommune" in text and "Side 1 af 1" in text
    box = pdf_pages(response)[0].mediabox
    assert box.width > box.height  # A4 landscape


def test_the_barrier_list_links_to_its_pdf_with_the_filter(client, cast, barriers):
    client.force_login(cast.advisor)

    body = client.get(BARRIERS, {"field": Field.HOUSING}).content.decode()

    assert "?field=housing&amp;format=pdf" in body
    assert "Hent som PDF" in body


def test_a_bad_barrier_filter_prints_nothing_as_the_page_lists_nothing(client, cast, barriers):
    client.force_login(cast.advisor)

    text = pdf_text(client.get(BARRIERS, {"since": "igår", "format": "pdf"}))

    assert "Ingen barrierer passer til filteret." in text
    assert "Ingen tolk" not in text


def test_a_cut_barrier_pdf_says_so(client, cast, barriers, monkeypatch):
    monkeypatch.setattr(printing, "PDF_ROW_LIMIT", 1)
    client.force_login(cast.advisor)

    text = pdf_text(client.get(BARRIERS, {"format": "pdf"}))

    assert "2 barrierer" in text
    assert "Listen er afkortet" in text
    assert "Møder kun på dansk" not in text


def test_the_anonymous_visitor_is_sent_to_log_in_for_the_barrier_pdf(client, barriers):
    response = client.get(BARRIERS, {"format": "pdf"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", ["contact_person", "committee_member", "outsider"])
def test_others_get_no_barrier_pdf(client, cast, barriers, who):
    client.force_login(getattr(cast, who))

    assert client.get(BARRIERS, {"format": "pdf"}).status_code == 403
