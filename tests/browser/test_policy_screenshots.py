"""Screenshots of the policy pages at desktop and mobile width, for a person to look at.

Runs only when PEJLING_SCREENSHOTS names a directory, e.g.
``PEJLING_SCREENSHOTS=/tmp/shots pytest -m browser tests/browser/test_policy_screenshots.py``;
the files are called policy-<width>-<page>.png.
"""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from pejling.demo import DEMO_PASSWORD, POLICY_PARTS, load_all
from pejling.policy.models import ActionPlan, Appropriation, Initiative, Policy
from tests.browser.support import DESKTOP, MOBILE, log_in, new_page

SHOTS = os.environ.get("PEJLING_SCREENSHOTS")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not SHOTS, reason="set PEJLING_SCREENSHOTS to a directory"),
]


def _shot(page: Page, name: str) -> None:
    width = page.viewport_size["width"]
    page.screenshot(path=Path(SHOTS) / f"policy-{width}-{name}.png", full_page=True)


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_policy_screenshots(browser: Browser, live_server, viewport):
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    load_all(POLICY_PARTS)
    draft = Policy.objects.get(slug="bland-dig-i-byen")
    adopted = Policy.objects.get(slug="vision-pejlemaerker-2022")
    vision = adopted.texts.get(kind="vision")
    plan = ActionPlan.objects.get(case_number="2011-116007")
    initiative = Initiative.objects.get(title="Equality Lab 2.0")
    appropriation = Appropriation.objects.get(policy=draft)
    url = live_server.url
    context, page = new_page(browser, viewport)
    try:
        log_in(page, url, "politik", DEMO_PASSWORD)
        pages = [
            ("list", reverse("policy:policy_list")),
            ("draft", draft.get_absolute_url()),
            ("adopted", adopted.get_absolute_url()),
            ("text-history", vision.get_absolute_url()),
            ("theme-1", draft.themes.get(number=1).get_absolute_url()),
            ("initiative", initiative.get_absolute_url()),
            ("action-plan", plan.get_absolute_url()),
            ("completeness", reverse("policy:policy_completeness", args=[draft.slug])),
            ("budget", reverse("policy:budget")),
            ("appropriation", appropriation.get_absolute_url()),
        ]
        for name, path in pages:
            page.goto(url + path)
            _shot(page, name)

        page.goto(url + reverse("policy:budget_line_create", args=[appropriation.pk]))
        page.get_by_label("Tekst", exact=True).fill("Ekstra kursusdage")
        page.get_by_label("Beløb (kr.)").fill("2000000")
        page.get_by_label("År", exact=True).fill("2012")
        page.get_by_role("button", name="Gem").click()
        expect(page.locator("[data-module=error-summary]")).to_be_visible()
        _shot(page, "edit-errors")
    finally:
        context.close()
