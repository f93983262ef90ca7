"""The annual wheel in a real browser: the wheel and the month view pass axe, and the policy
officer goes from the wheel through a month to an overdue occurrence and marks it done."""

import tempfile
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse
from playwright.sync_api import Page, expect

from pejling.demo import DEMO_PASSWORD
from pejling.demo import accounts as demo_accounts
from pejling.demo import annualwheel as demo_wheel
from tests.browser.support import assert_accessible, log_in

pytestmark = pytest.mark.browser

SHOTS = Path(tempfile.gettempdir()) / "shots"


@pytest.fixture
def _november_2026():
    with time_machine.travel("2026-11-22 10:00 +01:00", tick=True):
        yield


@pytest.mark.usefixtures("_november_2026")
def test_wheel_month_and_completing_an_overdue_occurrence(page: Page, live_server):
    demo_accounts.load()
    demo_wheel.load()
    url = live_server.url
    SHOTS.mkdir(parents=True, exist_ok=True)
    log_in(page, url, "politik", DEMO_PASSWORD)

    page.goto(url + reverse("annualwheel:wheel"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Årshjul 2026")
    wheel = page.get_by_role("group", name="Årshjul 2026")
    expect(wheel).to_be_visible()
    expect(
        wheel.get_by_role(
            "link", name="Møde i temanetværkene, 6. oktober 2026, Netværk, overskredet"
        )
    ).to_have_count(1)
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "annualwheel-wheel.png"), full_page=True)
    page.locator(".pejling-wheel").screenshot(path=str(SHOTS / "annualwheel-wheel-only.png"))

    # The category filter keeps one ring.
    page.get_by_label("Kategori (frivilligt)", exact=True).select_option(label="Barometer")
    page.get_by_role("button", name="Filtrér").click()
    expect(page.locator(".pejling-wheel__marker")).to_have_count(2)
    assert_accessible(page)

    # From the wheel to November, and on to the overdue think-tank meeting.
    page.goto(url + reverse("annualwheel:wheel"))
    wheel.get_by_role("link", name="November 2026: 3 forekomster").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("November 2026")
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "annualwheel-month.png"), full_page=True)
    page.locator("main ul").get_by_role(
        "link", name="Møde i Eksperttænketanken for integration"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Møde i Eksperttænketanken for integration"
    )
    expect(page.locator(".pejling-facts")).to_contain_text("Overskredet")
    assert_accessible(page)

    page.get_by_label("Noter").first.fill("Mødet blev holdt; referatet er sendt ud.")
    page.get_by_role("button", name="Markér som udført").click()
    expect(page.get_by_role("status").first).to_contain_text("er markeret som udført")
    expect(page.locator(".pejling-facts")).to_contain_text("Udført")
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "annualwheel-occurrence.png"), full_page=True)

    page.goto(url + reverse("annualwheel:calendar_links"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Årshjulet i din kalender")
    assert_accessible(page)


@pytest.mark.usefixtures("_november_2026")
def test_wheel_on_a_phone(mobile_page: Page, live_server):
    demo_accounts.load()
    demo_wheel.load()
    url = live_server.url
    SHOTS.mkdir(parents=True, exist_ok=True)
    log_in(mobile_page, url, "udvalg", DEMO_PASSWORD)
    mobile_page.goto(url + reverse("annualwheel:wheel"))
    expect(mobile_page.get_by_role("group", name="Årshjul 2026")).to_be_visible()
    # Read-only for the committee member: no forms to generate or complete.
    expect(mobile_page.get_by_role("button", name="Dan forekomster for 2026")).to_have_count(0)
    assert_accessible(mobile_page)
    mobile_page.locator(".pejling-wheel").screenshot(
        path=str(SHOTS / "annualwheel-wheel-mobile.png")
    )
    mobile_page.goto(url + reverse("annualwheel:month", args=[2026, 2]))
    assert_accessible(mobile_page)
