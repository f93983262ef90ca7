"""A policy officer follows the chain from a policy down to a target by clicking links only.

policy → vision (versions and word diff) → guidepost → its wording's history; then policy →
theme → initiative → action plan → target. axe-core checks every page on the way; an anonymous
visitor reads the public, adopted policy and is told that the draft does not exist.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from pejling.demo import DEMO_PASSWORD, POLICY_PARTS, load_all
from tests.browser.support import assert_accessible, log_in

pytestmark = pytest.mark.browser

ADOPTED = "Vision, pejlemærker og særlige fokusområder"
DRAFT = "Bland dig i byen"


def _main_menu(page: Page):
    return page.get_by_role("navigation", name="Hovedmenu")


def _chain_link(page: Page, kind: str):
    """The link in the chain box (“Tjener” / “Bidrag hertil”) whose kind label is ``kind``."""
    item = page.locator(".pejling-chain li").filter(
        has=page.locator(".pejling-kind", has_text=kind)
    )
    return item.get_by_role("link")


def _heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)
    assert_accessible(page)


def test_policy_officer_follows_the_chain_by_links(page: Page, live_server):
    load_all(POLICY_PARTS)
    log_in(page, live_server.url, "politik", DEMO_PASSWORD)
    assert_accessible(page)

    _main_menu(page).get_by_role("link", name="Politik").click()
    _heading(page, "Politik")
    page.locator("#results").get_by_role("link", name=ADOPTED).click()
    _heading(page, ADOPTED)

    # The vision: three versions, and the last change adds “og andre minoriteter”.
    page.get_by_role("link", name="Se versioner og ændringer").click()
    _heading(page, "Beskæftigelses- og Integrationsforvaltningens vision")
    expect(page.locator(".font-lead")).to_contain_text("3 versioner")
    history = page.locator(".pejling-history > li")
    expect(history).to_have_count(3)
    expect(history.first.get_by_role("heading")).to_contain_text("Version 3")
    expect(page.locator(".pejling-diff ins").filter(has_text="og andre minoriteter")).to_have_count(
        2  # in the comparison of version 2 and 3, and in version 3 of the history
    )

    # Back to the policy through the breadcrumb, on to a guidepost and its wording's history.
    page.get_by_role("navigation", name="Brødkrumme").get_by_role("link", name=ADOPTED).click()
    _heading(page, ADOPTED)
    page.get_by_role("link", name="Integration og sprog").click()
    _heading(page, "Integration og sprog")
    _chain_link(page, "Formulering").click()
    expect(page.locator(".font-lead")).to_contain_text("2 versioner")
    expect(page.locator(".pejling-history > li")).to_have_count(2)
    assert_accessible(page)

    # The draft: theme 1, one of its initiatives, and the action plan it belongs to.
    _main_menu(page).get_by_role("link", name="Politik").click()
    page.locator("#results").get_by_role("link", name=DRAFT).click()
    _heading(page, DRAFT)
    page.get_by_role("link", name="Tema 1: Mangfoldig arbejdsplads").click()
    _heading(page, "Mangfoldig arbejdsplads Ufuldstændigt")
    page.locator("main").get_by_role("link", name="Equality Lab 2.0").first.click()
    _heading(page, "Equality Lab 2.0")
    _chain_link(page, "Handleplan").click()
    _heading(page, "Videreførelse og styrkelse af handleplan for ligebehandling 2012")
    row = page.get_by_role("row").filter(has_text="8–10 nye institutioner")
    expect(row).to_have_count(1)
    expect(row.get_by_role("cell").nth(4)).to_have_text("Overskredet")


def test_anonymous_reads_the_public_policy_but_not_the_draft(page: Page, live_server):
    load_all(POLICY_PARTS)
    url = live_server.url

    page.goto(url + reverse("policy:policy_list"))
    results = page.locator("#results")
    expect(results.get_by_role("link", name=ADOPTED)).to_be_visible()
    expect(results.get_by_role("link", name=DRAFT)).to_have_count(0)
    results.get_by_role("link", name=ADOPTED).click()
    _heading(page, ADOPTED)
    expect(page.locator(".pejling-vision").first).to_contain_text("og andre minoriteter")
    expect(page.get_by_role("link", name="Redigér politik")).to_have_count(0)

    response = page.goto(url + reverse("policy:policy_detail", args=["bland-dig-i-byen"]))
    assert response is not None and response.status == 404
    _heading(page, "Siden findes ikke")
