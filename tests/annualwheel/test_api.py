"""The annual wheel API: /api/v1/wheel and /api/v1/wheel/events."""

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pejling.annualwheel import services
from pejling.annualwheel.models import Category
from tests.annualwheel.support import make_event

URL = "/api/v1/wheel"
EVENTS = "/api/v1/wheel/events"


@pytest.fixture
def wheel(cast):
    barometer = make_event(responsible=cast.analyst)
    make_event(
        title="Integrationskonference",
        category=Category.CONFERENCE,
        rule="FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=12",
        reminder_days=60,
    )
    services.generate_occurrences(actor=None, year=2026)
    services.generate_occurrences(actor=None, year=2027)
    february = barometer.occurrences.get(date="2026-02-15")
    services.complete_occurrence(
        actor=cast.policy_officer,
        occurrence=february,
        result_title="Barometer, februar 2026",
        result_url="/barometer/",
    )
    services.link_result(actor=None, occurrence=february, result=cast.administration)
    return barometer


@time_machine.travel("2026-11-22 10:00 +01:00", tick=False)
def test_wheel_lists_the_years_occurrences(client, cast, wheel):
    client.force_login(cast.committee_member)
    with CaptureQueriesContext(connection) as queries:
        body = client.get(URL).json()
    assert len(queries) <= 6
    assert body["count"] == 3
    first, second, third = body["items"]
    assert first["date"] == "2026-02-15"
    assert first["event"]["title"] == "Integrationsbarometeret offentliggøres"
    assert first["event"]["category_label"] == "Barometer"
    assert first["status"] == "done"
    assert first["result"] == {
        "title": "Barometer, februar 2026",
        "url": "/barometer/",
        "type": "accounts.administration",
        "id": str(cast.administration.pk),
    }
    assert first["responsible"] == {"id": cast.analyst.pk, "name": "Analyst"}
    assert second["status"] == "overdue"
    assert third["status"] == "overdue"  # 12 November, not done
    assert first["url"].startswith("/aarshjul/forekomster/")


@time_machine.travel("2026-11-22 10:00 +01:00", tick=False)
def test_wheel_filters(client, cast, wheel):
    client.force_login(cast.advisor)
    assert client.get(URL, {"year": 2027}).json()["count"] == 3
    assert client.get(URL, {"category": "conference"}).json()["count"] == 1
    assert client.get(URL, {"status": "overdue"}).json()["count"] == 2
    assert client.get(URL, {"status": "planned", "year": 2027}).json()["count"] == 3
    assert client.get(URL, {"month": 8}).json()["count"] == 1
    assert client.get(URL, {"responsible": cast.analyst.pk}).json()["count"] == 2
    assert client.get(URL, {"category": "nonsense"}).status_code == 422


def test_events_list_the_rules(client, cast, wheel, settings):
    settings.PEJLING_WHEEL_REMINDER_DAYS = 10
    client.force_login(cast.analyst)
    body = client.get(EVENTS).json()
    assert [e["title"] for e in body["items"]] == [
        "Integrationsbarometeret offentliggøres",
        "Integrationskonference",
    ]
    assert body["items"][0]["rule"] == "FREQ=YEARLY;BYMONTH=2,8;BYMONTHDAY=15"
    assert body["items"][0]["reminder_days"] == 10
    assert body["items"][0]["url"].startswith("/aarshjul/begivenheder/#begivenhed-")
    assert body["items"][1]["reminder_days"] == 60
    assert client.get(EVENTS, {"category": "conference"}).json()["count"] == 1


def test_anonymous_gets_401_and_outsiders_403(client, cast, wheel):
    for url in (URL, EVENTS):
        assert client.get(url).status_code == 401
    client.force_login(cast.outsider)
    for url in (URL, EVENTS):
        response = client.get(url)
        assert response.status_code == 403
        assert response.json() == {"detail": "Du har ikke adgang til dette."}


def test_wheel_is_read_only(client, cast):
    client.force_login(cast.policy_officer)
    assert client.post(URL, {}).status_code == 405
