"""Uploading aggregated measurements as CSV or XLSX: validated by line, nothing saved on error."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from pejling.barometer.models import Edition, Measurement
from tests.barometer.support import logged_in, row_counts

URL = reverse("barometer:upload")
GOOD = (
    "indicator,period,origin,district,sex,value\n"
    "ansatte_ikke_dansk,2025H1,,,,18.4\n"
    "besk_25_64,2025H1,ikke_vestlig,Nørrebro,,61.2\n"
    "besk_25_64,2025H1,dansk,,,..\n"
)


def csv_file(text: str, name: str = "tal.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def upload(client, user, file, **data):
    return logged_in(client, user).post(URL, {"file": file, **data})


def test_analyst_uploads_csv_into_a_new_draft(client, cast):
    response = upload(client, cast.analyst, csv_file(GOOD))

    edition = Edition.objects.get(period="2025H1")
    assert response.status_code == 302
    assert response.url == edition.get_absolute_url()
    assert edition.state == Edition.State.DRAFT
    assert edition.origin == Edition.Origin.UPLOAD
    cells = {(m.indicator.code, m.origin, m.district): m for m in edition.measurements.all()}
    assert cells[("ansatte_ikke_dansk", "", "")].value == 18.4
    assert cells[("besk_25_64", "ikke_vestlig", "Nørrebro")].value == 61.2
    assert cells[("besk_25_64", "dansk", "")].suppressed
    assert cells[("besk_25_64", "dansk", "")].value is None


def test_semicolons_and_decimal_commas_as_danish_excel_writes_them(client, cast):
    text = "\ufeffperiod;origin;value\n2025H1;;18,4\n2025H1;dansk;1.234,5\n"
    upload(client, cast.analyst, csv_file(text), indicator="ansatte_ikke_dansk")

    values = sorted(Measurement.objects.filter(period="2025H1").values_list("value", flat=True))
    assert values == [18.4, 1234.5]


def test_xlsx_upload(client, cast):
    book = Workbook()
    sheet = book.active
    sheet.append(["period", "value"])
    sheet.append(["2025H1", 19.5])
    buffer = io.BytesIO()
    book.save(buffer)
    file = SimpleUploadedFile("tal.xlsx", buffer.getvalue())

    response = upload(client, cast.analyst, file, indicator="ansatte_ikke_dansk")

    assert response.status_code == 302
    assert Measurement.objects.get(period="2025H1").value == 19.5


def test_upload_into_an_existing_draft_replaces_its_cells(client, cast):
    upload(client, cast.analyst, csv_file(GOOD))
    edition = Edition.objects.get(period="2025H1")

    text = "indicator,period,value\nansatte_ikke_dansk,2025H1,18.9\n"
    upload(client, cast.analyst, csv_file(text), edition=edition.pk)

    assert edition.measurements.count() == 3
    assert edition.measurements.get(indicator__code="ansatte_ikke_dansk").value == 18.9


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "indikator,period,value\nansatte_ikke_dansk,2025H1,1\n",
            "Linje 1: ukendte kolonner: indikator.",
        ),
        ("indicator,period\nansatte_ikke_dansk,2025H1\n", "Linje 1: kolonnen value mangler."),
        (
            "indicator,period,value\nansatte_ikke_dansk,2025H1,1\nansatte_ikke_dansk,2025H2,mange\n",
            "Linje 3, kolonne value: “mange” er ikke et tal.",
        ),
        (
            "indicator,period,value\nansatte_ikke_dansk,2023H3,1\n",
            "Linje 2, kolonne period: “2023H3” er ikke et halvår. Skriv fx 2024H1 eller 2024H2.",
        ),
        (
            "indicator,period,origin,value\nansatte_ikke_dansk,2025H1,arabisk,1\n",
            "Linje 2, kolonne origin: “arabisk” er ikke en herkomstgruppe.",
        ),
        (
            "indicator,period,district,value\nansatte_ikke_dansk,2025H1,Frederiksberg,1\n",
            "Linje 2, kolonne district: “Frederiksberg” er ikke en bydel.",
        ),
        (
            "indicator,period,value\nansatte_ikke_dansk,2025H1,1\nansatte_ikke_dansk,2025H1,2\n",
            "Linje 3: den samme celle står også i linje 2.",
        ),
        (
            "indicator,period,value\nukendt_kode,2025H1,1\n",
            "Der findes ingen indikator med koden ukendt_kode.",
        ),
        ("period,value\n2025H1,1\n", "Linje 1: filen har ingen kolonne indicator"),
        ("\n\n", "Filen er tom."),
    ],
)
def test_bad_file_is_refused_whole_with_a_line_numbered_message(client, cast, text, message):
    before = row_counts()

    response = upload(client, cast.analyst, csv_file(text))

    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors["file"])
    assert message.split(":")[0] in response.content.decode()
    assert row_counts() == before


def test_wrong_file_type_is_refused(client, cast):
    response = upload(client, cast.analyst, csv_file("x", name="tal.txt"))

    assert response.status_code == 400
    assert "Vælg en fil af typen CSV eller XLSX." in response.context["form"].errors["file"]


def test_upload_into_a_published_edition_is_not_offered(client, cast):
    published = Edition.objects.published().first()
    before = row_counts()

    response = upload(client, cast.analyst, csv_file(GOOD), edition=published.pk)

    assert response.status_code == 400
    assert "edition" in response.context["form"].errors
    assert row_counts() == before


@pytest.mark.parametrize("member", ["committee_member", "advisor", "outsider", "policy_officer"])
def test_only_analysts_upload(client, cast, member):
    before = row_counts()
    assert upload(client, getattr(cast, member), csv_file(GOOD)).status_code == 403
    assert logged_in(client, getattr(cast, member)).get(URL).status_code == 403
    assert row_counts() == before


def test_anonymous_is_sent_to_log_in(client, cast):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_upload_form_shows(client, cast):
    response = logged_in(client, cast.analyst).get(URL)
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()
