"""Screenshots of the main pages at desktop and mobile width, for a person to look at.

Runs only when PEJLING_SCREENSHOTS names a directory, e.g.
``PEJLING_SCREENSHOTS=/tmp/shots pytest -m browser tests/browser/test_screenshots.py``.
"""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from tests.browser.support import DESKTOP, MOBILE, fill_access_log, log_in, new_page

SHOTS = os.environ.get("PEJLING_SCREENSHOTS")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not SHOTS, reason="set PEJLING_SCREENSHOTS to a directory"),
]


def _shot(page: Page, name: str, *, full_page: bool = True) -> None:
    width = page.viewport_size["width"]
    page.screenshot(path=Path(SHOTS) / f"{width}-{name}.png", full_page=full_page)


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_screenshots(browser: Browser, live_server, cast, viewport):
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    fill_access_log(cast)
    url = live_server.url
    context, page = new_page(browser, viewport)
    try:
        page.goto(url + reverse("accounts:login"))
        _shot(page, "login")
        page.get_by_label("Brugernavn").fill("nobody")
        page.locator("main").get_by_role("button", name="Log ind").click()
        _shot(page, "login-errors")
        page.goto(url + "/findes-ikke/")
        _shot(page, "404")

        for role, user in [*cast.by_role().items(), ("outsider", cast.outsider)]:
            page.context.clear_cookies()
            log_in(page, url, user.username)
            _shot(page, f"start-{role}")

        page.context.clear_cookies()
        log_in(page, url, cast.administrator.username)
        if viewport is MOBILE:
            page.get_by_role("button", name="Menu").click()
            expect(page.get_by_role("dialog", name="Menu")).to_be_visible()
            page.wait_for_timeout(400)  # the drawer slides in
            _shot(page, "menu-open", full_page=False)
            page.keyboard.press("Escape")
        page.goto(url + reverse("accounts:profile"))
        _shot(page, "profile")
        page.get_by_label("Navn på nøglen").fill("Rapportværktøj")
        page.get_by_label("Udløber").fill("31-02-2030")
        page.get_by_role("button", name="Opret nøgle").click()
        _shot(page, "profile-errors")
        page.goto(url + reverse("core:tasks"))
        page.get_by_role("button", name="Start en demonstrationsopgave").click()
        _shot(page, "tasks")
        page.goto(url + reverse("audit:changes"))
        _shot(page, "changes", full_page=False)
        page.goto(url + reverse("audit:access"))
        _shot(page, "access")
        page.goto(url + reverse("audit:access") + "?side=2")
        _shot(page, "access-page-2")
        page.locator(".language-switcher button[lang=en]").click()
        _shot(page, "access-page-2-en")
    finally:
        context.close()
