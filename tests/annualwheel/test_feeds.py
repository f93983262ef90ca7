"""The iCalendar feeds: valid RFC 5545 read by a standard parser, behind a secret token."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from pejling.annualwheel import services
from pejling.annualwheel.models import Category
from tests.annualwheel.support import make_event


def feed_url(token: str, slug: str = "alle") -> str:
    return reverse("annualwheel:feed", args=[token, slug])


@pytest.fixture
def wheel(cast):
    make_event(responsible=cast.analyst)
    make_event(
        title="Integrationskonference",
        category=Category.CONFERENCE,
        rule="FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=12",
        description="Udvalgets årlige konference.",
        responsible=cast.coordinator,
    )
    services.generate_occurrences(actor=None, year=2026)


@time_machine.travel("2026-11-22 10:00 +01:00", tick=False)
def test_feed_is_valid_icalendar_with_every_field(client, cast, wheel):
    token = services.calendar_token_for(user=cast.committee_member).token
    response = client.get(feed_url(token))  # no login: calendar clients have no session
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    # What strict clients need: CRLF line ends and lines folded at 75 octets.
    lines = response.content.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR"
    assert lines[-2:] == [b"END:VCALENDAR", b""]
    assert all(len(line) <= 75 for line in lines)
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Pejling//Årshjul//DA"
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    first = events[0]
    assert first["SUMMARY"] == "Integrationsbarometeret offentliggøres"
    assert first.decoded("DTSTART") == date(2026, 2, 15)
    assert first["DTSTART"].params.get("VALUE") == "DATE"
    assert first.decoded("DTEND") == date(2026, 2, 16)
    assert first.decoded("DTSTAMP").tzinfo is not None
    assert first["URL"].endswith(
        f"/aarshjul/forekomster/{first['UID'].split('-')[2].split('@')[0]}/"
    )
    assert first["CATEGORIES"].cats == ["Barometer"]
    assert "Status: Overskredet" in first["DESCRIPTION"]
    assert "Ansvarlig: Analyst" in first["DESCRIPTION"]
    # Every occurrence keeps its UID from one fetch to the next.
    again = Calendar.from_ical(client.get(feed_url(token)).content)
    assert [e["UID"] for e in again.walk("VEVENT")] == [e["UID"] for e in events]
    assert len({e["UID"] for e in events}) == 3


def test_category_feed_holds_only_its_category(client, cast, wheel):
    token = services.calendar_token_for(user=cast.advisor).token
    calendar = Calendar.from_ical(client.get(feed_url(token, "conference")).content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Integrationskonference"]
    assert str(calendar["X-WR-CALNAME"]) == "Pejling · Årshjul: Konference"


def test_a_tampered_revoked_or_unknown_token_is_404_without_data(client, cast, wheel):
    token = services.calendar_token_for(user=cast.advisor).token
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (tampered, "x", "nonsense-token"):
        response = client.get(feed_url(bad))
        assert response.status_code == 404
        assert b"VCALENDAR" not in response.content
    services.renew_calendar_token(actor=cast.advisor, user=cast.advisor)
    assert client.get(feed_url(token)).status_code == 404
    assert (
        client.get(
            feed_url(services.calendar_token_for(user=cast.advisor).token, "ukendt")
        ).status_code
        == 404
    )


def test_an_outsiders_token_gives_nothing(client, cast, wheel):
    token = services.calendar_token_for(user=cast.outsider).token
    assert client.get(feed_url(token)).status_code == 404


def test_feed_links_page_gives_one_address_per_category_and_renews(client, cast):
    client.force_login(cast.committee_member)
    html = client.get(reverse("annualwheel:calendar_links")).content.decode()
    token = services.calendar_token_for(user=cast.committee_member).token
    assert html.count(f"http://testserver/aarshjul/kalender/{token}/") == len(Category) + 1
    assert html.count(f"webcal://testserver/aarshjul/kalender/{token}/") == len(Category) + 1
    response = client.post(reverse("annualwheel:calendar_renew"), follow=True)
    assert "De gamle virker ikke længere" in response.content.decode()
    assert services.calendar_token_for(user=cast.committee_member).token != token
    assert client.get(reverse("annualwheel:calendar_renew")).status_code == 405


def test_feed_links_page_needs_an_internal_role(client, cast):
    response = client.get(reverse("annualwheel:calendar_links"))
    assert response.status_code == 302
    client.force_login(cast.outsider)
    assert client.get(reverse("annualwheel:calendar_links")).status_code == 403
