"""axe-core (WCAG 2.1 A and AA) on every page each role can reach, and on the public pages."""

from collections import Counter
from urllib.parse import urldefrag, urlsplit

import pytest
from django.urls import Resolver404, resolve, reverse
from playwright.sync_api import Page, expect

from pejling.accounts.roles import Role
from tests.browser.support import (
    assert_accessible,
    assert_no_inline_code,
    fill_access_log,
    log_in,
)

pytestmark = pytest.mark.browser

CRAWL_DEPTH = 2
# Many links lead to the same view (detail pages, pages of a list); two of each are enough.
MAX_PAGES_PER_VIEW = 2
# Django's admin and the third-party Swagger UI are not ours to fix; the rest of /api/ is JSON.
SKIPPED_PREFIXES = ("/system/", "/api/")
SKIPPED_PATHS = {reverse("accounts:logout")}


def _should_visit(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return False
    if parts.path.startswith(SKIPPED_PREFIXES) or parts.path in SKIPPED_PATHS:
        return False
    return "format=" not in parts.query  # CSV and XLSX downloads


def _links(page: Page) -> list[str]:
    return page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")


def _view_of(url: str) -> str:
    path = urlsplit(url).path
    try:
        return resolve(path).view_name
    except Resolver404:
        return path  # visited, so that the broken link fails the test


def crawl(page: Page, origin: str, start: str, depth: int = CRAWL_DEPTH) -> list[str]:
    """Breadth first from ``start``: each page answers 200, has no inline code, passes axe."""
    seen = {start}
    per_view = Counter([_view_of(start)])
    frontier = [start]
    visited = []
    for level in range(depth + 1):
        next_frontier = []
        for url in frontier:
            response = page.goto(url)
            assert response is not None and response.status == 200, f"{url}: {response.status}"
            assert_no_inline_code(page, response.text())
            assert_accessible(page)
            visited.append(url)
            if level == depth:
                continue
            for link in _links(page):
                link = urldefrag(link).url
                if link in seen or not _should_visit(link, origin):
                    continue
                seen.add(link)
                view = _view_of(link)
                if per_view[view] < MAX_PAGES_PER_VIEW:
                    per_view[view] += 1
                    next_frontier.append(link)
        frontier = next_frontier
    return visited


ROLES = [*Role.values, "outsider"]


@pytest.mark.parametrize("role", ROLES)
def test_every_page_a_role_reaches_passes_axe(page: Page, live_server, cast, role):
    user = cast.outsider if role == "outsider" else cast.by_role()[role]
    fill_access_log(cast)  # a table over several pages, for those who may read the log
    log_in(page, live_server.url, user.username)
    start = live_server.url + reverse("core:start")

    visited = crawl(page, live_server.url, start)

    assert len(visited) >= 2, visited  # at least the start page and the profile
    page.goto(start)
    page.locator(".language-switcher button[lang=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)


def test_public_pages_pass_axe(page: Page, live_server, cast):
    url = live_server.url
    for name in [
        "core:start",
        "accounts:login",
        "accounts:password_reset",
        "accounts:password_reset_done",
    ]:
        page.goto(url + reverse(name))
        assert_accessible(page)

    response = page.goto(url + "/findes-ikke/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Siden findes ikke")
    assert_accessible(page)

    page.goto(url + reverse("accounts:password_reset_confirm", args=["MQ", "ugyldig"]))
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)


def test_forbidden_page_passes_axe(page: Page, live_server, cast):
    log_in(page, live_server.url, cast.advisor.username)
    response = page.goto(live_server.url + reverse("audit:changes"))
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Ingen adgang")
    assert_accessible(page)


def test_forms_with_errors_pass_axe(page: Page, live_server, cast):
    page.goto(live_server.url + reverse("accounts:login"))
    page.locator("main").get_by_role("button", name="Log ind").click()
    expect(page.locator("[data-module=error-summary]")).to_be_visible()
    assert_accessible(page)

    log_in(page, live_server.url, cast.advisor.username)
    page.goto(live_server.url + reverse("accounts:profile"))
    page.get_by_label("Udløber").fill("i morgen")
    page.get_by_role("button", name="Opret nøgle").click()
    expect(page.locator("[data-module=error-summary]")).to_be_visible()
    expect(page.locator(".form-error")).to_have_count(2)
    assert_accessible(page)


def test_messages_and_tables_on_the_profile_pass_axe(page: Page, live_server, cast):
    log_in(page, live_server.url, cast.coordinator.username)
    page.goto(live_server.url + reverse("accounts:profile"))
    page.get_by_label("Stillingsbetegnelse").fill("Koordinator")
    page.get_by_role("button", name="Gem oplysninger").click()
    expect(page.get_by_role("status")).to_contain_text("Dine oplysninger er gemt.")
    assert_accessible(page)

    page.get_by_label("Navn på nøglen").fill("Rapportværktøj")
    page.get_by_role("button", name="Opret nøgle").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Din nye API-nøgle")
    assert_accessible(page)
    page.get_by_role("link", name="Tilbage til min profil").click()
    expect(page.get_by_role("table", name="Dine API-nøgler")).to_contain_text("Rapportværktøj")
    assert_accessible(page)
