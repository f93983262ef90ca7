"""The annual wheel's pages: the year, a month, an occurrence with its forms, events, export."""

import csv
import io
from datetime import date

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from pejling.annualwheel import services
from pejling.annualwheel.models import Category, Occurrence, RecurringEvent, State

WHEEL = reverse("annualwheel:wheel")
WHEEL_2026 = reverse("annualwheel:wheel_year", args=[2026])

pytestmark = pytest.mark.usefixtures("_frozen")


@pytest.fixture
def _frozen():
    with time_machine.travel("2026-11-22 10:00 +01:00", tick=False):
        yield


def login(client, user):
    client.force_login(user)
    return client


def occurrence(barometer, month: int) -> Occurrence:
    return barometer.occurrences.get(date__month=month)


# --- The wheel --------------------------------------------------------------------------------


def test_wheel_draws_the_year_with_a_table_by_month(client, cast, barometer):
    response = login(client, cast.committee_member).get(WHEEL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Årshjul 2026" in html
    assert 'role="group" aria-labelledby="wheel-title"' in html
    assert 'role="img" aria-labelledby="wheel-title wheel-desc"' in html
    assert html.count('class="pejling-wheel__month"') == 12
    # Each occurrence is a link with an accessible name, on the wheel and in the table.
    assert (
        'aria-label="Integrationsbarometeret offentliggøres, 15. februar 2026, Barometer, '
        'overskredet"' in html
    )
    assert 'aria-label="Februar 2026: én forekomst"' in html
    assert html.count(occurrence(barometer, 2).get_absolute_url()) >= 2
    assert '<th scope="rowgroup" colspan="5">' in html
    # Read-only: no generating, no forms.
    assert "Dan forekomster" not in html


def test_policy_officer_may_generate_the_year(client, cast, barometer):
    response = login(client, cast.policy_officer).get(WHEEL_2026)
    assert "Dan forekomster for 2026" in response.content.decode()
    response = client.post(reverse("annualwheel:generate"), {"year": 2027})
    assert response.status_code == 302
    assert response["Location"] == reverse("annualwheel:wheel_year", args=[2027])
    assert Occurrence.objects.filter(date__year=2027).count() == 2
    client.post(reverse("annualwheel:generate"), {"year": 2027})
    assert Occurrence.objects.filter(date__year=2027).count() == 2


def test_generate_refuses_other_roles_a_get_and_a_bad_year(client, cast, barometer):
    url = reverse("annualwheel:generate")
    assert login(client, cast.committee_member).post(url, {"year": 2027}).status_code == 403
    login(client, cast.policy_officer)
    assert client.get(url).status_code == 405
    response = client.post(url, {"year": "tusind"}, follow=True)
    assert "Vælg et år mellem 1900 og 2200." in response.content.decode()
    assert not Occurrence.objects.exclude(date__year=2026).exists()


def test_wheel_filters_by_category_and_status(client, cast, barometer):
    services.create_event(
        actor=None,
        title="Integrationskonference",
        category=Category.CONFERENCE,
        rule="FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=12",
    )
    services.generate_occurrences(actor=None, year=2026)
    login(client, cast.advisor)
    html = client.get(WHEEL_2026, {"kategori": "conference"}).content.decode()
    assert "Integrationskonference" in html
    assert "Integrationsbarometeret offentliggøres" not in html
    html = client.get(WHEEL_2026, {"status": "overdue", "kategori": "barometer"}).content.decode()
    assert html.count('class="pejling-wheel__marker pejling-wheel__marker--overdue"') == 2
    html = client.get(WHEEL_2026, {"kategori": "nonsense"}).content.decode()
    assert "Filteret er ugyldigt" in html


def test_wheel_year_navigation_and_an_empty_year(client, cast, barometer):
    html = (
        login(client, cast.analyst)
        .get(reverse("annualwheel:wheel_year", args=[2030]))
        .content.decode()
    )
    assert "Der er ingen forekomster i 2030 endnu." in html
    assert reverse("annualwheel:wheel_year", args=[2029]) in html
    assert reverse("annualwheel:wheel_year", args=[2031]) in html
    assert client.get(reverse("annualwheel:wheel_year", args=[1000])).status_code == 404


def test_wheel_needs_login_and_an_internal_role(client, cast):
    response = client.get(WHEEL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert login(client, cast.outsider).get(WHEEL).status_code == 403
    assert client.post(WHEEL).status_code in (403, 405)


def test_wheel_exports_the_year_as_csv_and_xlsx(client, cast, barometer):
    login(client, cast.committee_member)
    response = client.get(WHEEL_2026, {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="aarshjul-2026.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Dato", "Begivenhed", "Kategori", "Ansvarlig", "Status"]
    assert rows[1][:5] == [
        "2026-02-15",
        "Integrationsbarometeret offentliggøres",
        "Barometer",
        "Analyst",
        "Overskredet",
    ]
    assert len(rows) == 3
    response = client.get(WHEEL_2026, {"format": "xlsx", "kategori": "barometer"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "Dato"
    assert len(values) == 3


# --- The month --------------------------------------------------------------------------------


def test_month_view_lists_the_month(client, cast, barometer):
    html = (
        login(client, cast.contact_person)
        .get(reverse("annualwheel:month", args=[2026, 8]))
        .content.decode()
    )
    assert "August 2026" in html
    assert occurrence(barometer, 8).get_absolute_url() in html
    assert reverse("annualwheel:month", args=[2026, 7]) in html
    assert reverse("annualwheel:month", args=[2026, 9]) in html
    html = client.get(reverse("annualwheel:month", args=[2026, 12])).content.decode()
    assert reverse("annualwheel:month", args=[2027, 1]) in html
    assert "Der er ingen forekomster i december 2026." in html


def test_month_view_refuses_a_bad_month_and_outsiders(client, cast):
    login(client, cast.advisor)
    assert client.get(reverse("annualwheel:month", args=[2026, 13])).status_code == 404
    login(client, cast.outsider)
    assert client.get(reverse("annualwheel:month", args=[2026, 2])).status_code == 403


# --- An occurrence ----------------------------------------------------------------------------


def test_occurrence_page_is_read_only_for_other_roles(client, cast, barometer):
    url = occurrence(barometer, 2).get_absolute_url()
    html = login(client, cast.committee_member).get(url).content.decode()
    assert "Integrationsbarometeret offentliggøres" in html
    assert "Overskredet" in html
    assert "Markér som udført" not in html
    done = reverse("annualwheel:occurrence_complete", args=[occurrence(barometer, 2).pk])
    assert client.post(done, {}).status_code == 403
    assert occurrence(barometer, 2).state == State.PLANNED


def test_occurrence_page_is_hidden_from_outsiders_and_unknown_ids(client, cast, barometer):
    assert (
        login(client, cast.outsider).get(occurrence(barometer, 2).get_absolute_url()).status_code
        == 403
    )
    login(client, cast.advisor)
    assert client.get(reverse("annualwheel:occurrence_detail", args=[999999])).status_code == 404


def test_policy_officer_completes_an_occurrence(client, cast, barometer):
    target = occurrence(barometer, 2)
    login(client, cast.policy_officer)
    assert "Markér som udført" in client.get(target.get_absolute_url()).content.decode()
    response = client.post(
        reverse("annualwheel:occurrence_complete", args=[target.pk]),
        {
            "udfoer-notes": "Udgivet.",
            "udfoer-result_title": "Integrationsbarometeret, februar 2026",
            "udfoer-result_url": "/barometer/",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "er markeret som udført" in html
    assert '<a href="/barometer/">Integrationsbarometeret, februar 2026</a>' in html
    target.refresh_from_db()
    assert target.state == State.DONE
    # A second completion (an old form sent again) is refused with a clear message.
    response = client.post(
        reverse("annualwheel:occurrence_complete", args=[target.pk]), {"udfoer-notes": "Igen"}
    )
    assert response.status_code == 400
    assert "allerede markeret som udført" in response.content.decode()
    target.refresh_from_db()
    assert target.notes == "Udgivet."


def test_complete_with_a_bad_link_shows_the_error_and_saves_nothing(client, cast, barometer):
    target = occurrence(barometer, 2)
    response = login(client, cast.policy_officer).post(
        reverse("annualwheel:occurrence_complete", args=[target.pk]),
        {"udfoer-notes": "Udgivet.", "udfoer-result_url": "ftp://example.org"},
    )
    assert response.status_code == 400
    assert "Skriv en adresse, der begynder med https:// eller /." in response.content.decode()
    target.refresh_from_db()
    assert (target.state, target.notes) == (State.PLANNED, "")


def test_reopen_a_done_occurrence(client, cast, barometer):
    target = occurrence(barometer, 2)
    services.complete_occurrence(actor=cast.policy_officer, occurrence=target)
    login(client, cast.policy_officer)
    url = reverse("annualwheel:occurrence_reopen", args=[target.pk])
    assert client.get(url).status_code == 405
    client.post(url)
    target.refresh_from_db()
    assert target.state == State.PLANNED
    response = client.post(url, follow=True)
    assert "er allerede planlagt" in response.content.decode()


def test_policy_officer_edits_date_person_and_notes(client, cast, barometer):
    target = occurrence(barometer, 8)
    response = login(client, cast.policy_officer).post(
        reverse("annualwheel:occurrence_edit", args=[target.pk]),
        {"date": "2026-08-20", "responsible": cast.coordinator.pk, "notes": "Flyttet en uge."},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.date, target.responsible, target.notes) == (
        date(2026, 8, 20),
        cast.coordinator,
        "Flyttet en uge.",
    )


def test_edit_with_bad_input_saves_nothing(client, cast, barometer):
    target = occurrence(barometer, 8)
    login(client, cast.policy_officer)
    url = reverse("annualwheel:occurrence_edit", args=[target.pk])
    response = client.post(url, {"date": "2027-08-20", "notes": "Næste år"})
    assert response.status_code == 400
    assert "inden for sit eget år (2026)" in response.content.decode()
    response = client.post(url, {"date": "2026-08-20", "notes": "CPR 010203-1234"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    response = client.post(url, {"date": "ikke en dato"})
    assert response.status_code == 400
    target.refresh_from_db()
    assert (target.date, target.notes) == (date(2026, 8, 15), "")
    assert client.get(url).status_code == 405


# --- Events -----------------------------------------------------------------------------------


def test_policy_officer_creates_an_event(client, cast):
    login(client, cast.policy_officer)
    url = reverse("annualwheel:event_create")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "Integrationsbarometeret offentliggøres",
            "category": "barometer",
            "rule": "FREQ=YEARLY;BYMONTH=2,8;BYMONTHDAY=15",
            "responsible": cast.analyst.pk,
            "reminder_days": "21",
        },
    )
    assert response.status_code == 302
    event = RecurringEvent.objects.get()
    assert (event.responsible, event.reminder_days) == (cast.analyst, 21)
    html = client.get(reverse("annualwheel:event_list")).content.decode()
    assert "FREQ=YEARLY;BYMONTH=2,8;BYMONTHDAY=15" in html
    assert "21 dage før" in html


def test_an_invalid_rule_is_refused_in_the_form(client, cast):
    login(client, cast.policy_officer)
    response = client.post(
        reverse("annualwheel:event_create"),
        {"title": "Barometer", "category": "barometer", "rule": "hver februar"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "er ikke en gyldig gentagelsesregel" in html
    assert "Der er fejl i formularen" in html
    assert not RecurringEvent.objects.exists()


def test_policy_officer_edits_an_event(client, cast, barometer):
    login(client, cast.policy_officer)
    url = reverse("annualwheel:event_edit", args=[barometer.pk])
    response = client.post(
        url,
        {
            "title": barometer.title,
            "category": "barometer",
            "rule": "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1",
        },
    )
    assert response.status_code == 302
    barometer.refresh_from_db()
    assert barometer.rule == "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1"


def test_policy_officer_switches_an_event_off(client, cast, barometer):
    login(client, cast.policy_officer)
    url = reverse("annualwheel:event_edit", args=[barometer.pk])
    assert 'name="is_active"' in client.get(url).content.decode()
    assert (
        'name="is_active"' not in client.get(reverse("annualwheel:event_create")).content.decode()
    )
    client.post(url, {"title": barometer.title, "category": "barometer", "rule": barometer.rule})
    barometer.refresh_from_db()
    assert not barometer.is_active
    assert "Ikke aktiv" in client.get(reverse("annualwheel:event_list")).content.decode()


def test_wheel_page_queries_do_not_grow_with_the_occurrences(client, cast, barometer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login(client, cast.committee_member)
    with CaptureQueriesContext(connection) as few:
        client.get(WHEEL_2026)
    services.create_event(
        actor=None,
        title="Møde i udvalget",
        category=Category.COMMITTEE,
        rule="FREQ=MONTHLY;BYDAY=2WE",
        responsible=cast.policy_officer,
    )
    services.generate_occurrences(actor=None, year=2026)
    with CaptureQueriesContext(connection) as many:
        client.get(WHEEL_2026)
    assert len(many) == len(few)


def test_events_are_read_only_for_other_roles(client, cast, barometer):
    login(client, cast.advisor)
    html = client.get(reverse("annualwheel:event_list")).content.decode()
    assert "Integrationsbarometeret offentliggøres" in html
    assert "Ny begivenhed" not in html
    assert client.get(reverse("annualwheel:event_create")).status_code == 403
    assert client.get(reverse("annualwheel:event_edit", args=[barometer.pk])).status_code == 403
    login(client, cast.outsider)
    assert client.get(reverse("annualwheel:event_list")).status_code == 403
