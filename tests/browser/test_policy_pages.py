"""axe-core on every policy page a policy officer reaches from the list of policies.

The crawl follows links under /politik/ to depth 3 from the list: the policies, their themes,
guideposts, focus areas, goals, initiatives, action plans, text histories, completeness, the
budget and its appropriations, and the edit forms. The adopted policy is also checked in English,
and the pages with wide tables are checked at mobile width for sideways scrolling.
"""

from collections import Counter
from urllib.parse import urldefrag, urlsplit

import pytest
from django.urls import Resolver404, resolve, reverse
from playwright.sync_api import Page, expect

from pejling.core import crud
from pejling.demo import DEMO_PASSWORD, POLICY_PARTS, load_all
from pejling.policy import urls
from pejling.policy.models import ActionPlan, Appropriation, Goal, Policy
from tests.browser.support import assert_accessible, assert_no_inline_code, log_in

pytestmark = pytest.mark.browser

PREFIX = "/politik/"
CRAWL_DEPTH = 3
# Many links lead to the same view (a theme, a guidepost, …); two of each are enough.
MAX_PAGES_PER_VIEW = 2
SKIPPED_VIEWS = {"policy:policy_docx", "policy:action_plan_docx"}  # Word files, not pages


def _view_of(url: str) -> str:
    path = urlsplit(url).path
    try:
        return resolve(path).view_name
    except Resolver404:
        return path  # visited, so that the broken link fails the test


def _should_visit(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    return (
        f"{parts.scheme}://{parts.netloc}" == origin
        and parts.path.startswith(PREFIX)
        and "format=" not in parts.query  # CSV and XLSX downloads
        and _view_of(url) not in SKIPPED_VIEWS
    )


def _crawl(page: Page, origin: str, start: str) -> Counter:
    """Breadth first from ``start``; each page answers 200, has no inline code and passes axe."""
    seen = {start}
    per_view = Counter([_view_of(start)])
    frontier = [start]
    for level in range(CRAWL_DEPTH + 1):
        next_frontier = []
        for url in frontier:
            response = page.goto(url)
            assert response is not None and response.status == 200, f"{url}: {response.status}"
            assert_no_inline_code(page, response.text())
            assert_accessible(page)
            if level == CRAWL_DEPTH:
                continue
            links = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
            for link in links:
                link = urldefrag(link).url
                if link in seen or not _should_visit(link, origin):
                    continue
                seen.add(link)
                view = _view_of(link)
                if per_view[view] < MAX_PAGES_PER_VIEW:
                    per_view[view] += 1
                    next_frontier.append(link)
        frontier = next_frontier
    return per_view


def test_every_policy_page_passes_axe(page: Page, live_server):
    load_all(POLICY_PARTS)
    adopted = Policy.objects.get(slug="vision-pejlemaerker-2022")
    guidepost = adopted.guideposts.get(title="Integration og sprog")
    # The demo has no concrete goals yet (they are placeholders); one is needed for its page.
    crud.create(
        actor=None,
        instance=Goal(
            policy=adopted,
            guidepost=guidepost,
            title="Flere ledige med dansk som andetsprog i job",
            target_value=500,
            unit="personer",
            target_year=2025,
        ),
    )
    log_in(page, live_server.url, "politik", DEMO_PASSWORD)

    visited = _crawl(page, live_server.url, live_server.url + reverse("policy:policy_list"))

    # Every page of the policy part, edit forms included, is reached (the Word files aside).
    expected = {f"policy:{pattern.name}" for pattern in urls.urlpatterns} - SKIPPED_VIEWS
    assert expected <= set(visited), sorted(expected - set(visited))

    # The adopted policy in English, after the language switch (a POST, as a person does it).
    page.goto(live_server.url + adopted.get_absolute_url())
    page.locator(".language-switcher button[lang=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(adopted.title)
    assert_accessible(page)


def test_policy_pages_fit_a_mobile_screen(mobile_page: Page, live_server):
    page = mobile_page
    load_all(POLICY_PARTS)
    draft = Policy.objects.get(slug="bland-dig-i-byen")
    pages = [
        reverse("policy:policy_detail", args=["vision-pejlemaerker-2022"]),
        reverse("policy:policy_completeness", args=[draft.slug]),
        ActionPlan.objects.get(case_number="2011-116007").get_absolute_url(),
        reverse("policy:budget"),
        Appropriation.objects.get(policy=draft).get_absolute_url(),
    ]
    log_in(page, live_server.url, "politik", DEMO_PASSWORD)
    for path in pages:
        page.goto(live_server.url + path)
        # Wide tables scroll inside their DKFDS wrapper; nothing widens the page itself.
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow}px wider than the screen"
        assert_accessible(page)
