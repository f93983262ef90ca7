"""Real Chromium (Debian's, never a downloaded one) driven by Playwright against a live server."""

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.browser.support import DESKTOP, MOBILE, new_page

# Playwright's sync API keeps an event loop running in the test thread, and Django refuses
# database calls from a thread with a running loop unless told that this is safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

expect.set_options(timeout=10_000)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    context, page = new_page(browser, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def mobile_page(browser: Browser, live_server) -> Iterator[Page]:
    context, page = new_page(browser, MOBILE)
    yield page
    context.close()
