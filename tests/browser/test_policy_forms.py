"""The policy forms in a real browser: progress on a target, a text's new version, a budget line.

Forms that fail show DKFDS's error summary and the message at the field, tied to the input for
screen readers, and pass axe-core; a committee member reads the policy without edit links.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

from pejling.demo import DEMO_PASSWORD, POLICY_PARTS, load_all
from pejling.policy.models import ActionPlan, Appropriation, Policy, TextVersion
from tests.browser.support import assert_accessible, log_in

pytestmark = pytest.mark.browser

TARGET = "Equality Lab 2.0 udvides til 8-10 nye institutioner i 2012"


def _target_row(page: Page) -> Locator:
    return page.get_by_role("row").filter(has_text="8–10 nye institutioner")


def _expect_field_error(page: Page, label: str, message: str) -> None:
    """The summary links to the field; the field is marked invalid and described by the message."""
    summary = page.locator("[data-module=error-summary]")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link")).to_contain_text([f"{label}: {message}"])
    field = page.get_by_label(label, exact=True)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(f"Fejl: {message}")
    group = page.locator(".form-group.form-error")
    expect(group).to_have_count(1)
    expect(group.locator(".form-error-message")).to_contain_text(message)
    assert_accessible(page)


def test_progress_on_a_target_shows_it_as_met(page: Page, live_server):
    load_all(POLICY_PARTS)
    plan = ActionPlan.objects.get(case_number="2011-116007")
    log_in(page, live_server.url, "politik", DEMO_PASSWORD)
    page.goto(live_server.url + plan.get_absolute_url())
    expect(_target_row(page).get_by_role("cell").nth(4)).to_have_text("Overskredet")

    _target_row(page).get_by_role("link", name=f"Registrér {TARGET}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Registrér fremdrift: {TARGET}")
    assert_accessible(page)
    page.get_by_label("Værdi").fill("9")
    page.get_by_label("Dato").fill("2012-11-30")
    page.get_by_label("Note").fill("Ni nye institutioner er med.")
    page.get_by_role("button", name="Gem").click()

    expect(page).to_have_url(live_server.url + plan.get_absolute_url())
    expect(page.get_by_role("status")).to_contain_text("Fremdriften er registreret.")
    row = _target_row(page)
    expect(row.get_by_role("cell").nth(3)).to_contain_text("9 (30.11.2012)")
    expect(row.get_by_role("cell").nth(4)).to_have_text("Opfyldt")
    assert_accessible(page)


def test_a_version_dated_before_the_previous_one_is_refused(page: Page, live_server):
    load_all(POLICY_PARTS)
    vision = Policy.objects.get(slug="vision-pejlemaerker-2022").texts.get(kind="vision")
    log_in(page, live_server.url, "politik", DEMO_PASSWORD)
    page.goto(live_server.url + vision.get_absolute_url())
    page.get_by_role("link", name="Ny version").click()
    assert_accessible(page)

    page.get_by_label("Tekst").fill("En helt ny vision for forvaltningen.")
    page.get_by_label("Gældende fra").fill("2022-06-01")
    page.get_by_role("button", name="Gem").click()

    _expect_field_error(
        page,
        "Gældende fra",
        "En ny version kan ikke gælde fra før den forrige version (20-06-2022).",
    )
    # What was typed is kept, and nothing was saved.
    expect(page.get_by_label("Tekst")).to_have_value("En helt ny vision for forvaltningen.")
    assert TextVersion.objects.filter(text=vision).count() == 3
    page.get_by_role("link", name="Annullér").click()
    expect(page.locator(".pejling-history > li")).to_have_count(3)


def test_a_budget_line_over_the_appropriation_is_refused_at_the_amount(page: Page, live_server):
    load_all(POLICY_PARTS)
    appropriation = Appropriation.objects.get(reference="Inklusionsaftalen 2012")
    lines = appropriation.budget_lines.count()
    log_in(page, live_server.url, "politik", DEMO_PASSWORD)
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Budget").click()
    page.get_by_role("link", name=appropriation.title).click()
    page.get_by_role("link", name="Ny budgetlinje").click()
    assert_accessible(page)

    page.get_by_label("År", exact=True).fill("2012")
    page.get_by_label("Tekst", exact=True).fill("Ekstra kursusdage")
    page.get_by_label("Beløb (kr.)").fill("100000")
    page.get_by_role("button", name="Gem").click()

    _expect_field_error(
        page,
        "Beløb (kr.)",
        "Linjen bringer fordelingen i 2012 op på 1.600.000,00 kr., men bevillingen er "
        "1.500.000,00 kr. om året. Der er 0,00 kr. tilbage.",
    )
    assert appropriation.budget_lines.count() == lines


def test_a_committee_member_sees_no_edit_links(page: Page, live_server):
    load_all(POLICY_PARTS)
    log_in(page, live_server.url, "udvalg", DEMO_PASSWORD)
    for slug in ["vision-pejlemaerker-2022", "bland-dig-i-byen"]:
        page.goto(live_server.url + reverse("policy:policy_detail", args=[slug]))
        main = page.locator("main")
        expect(main.get_by_role("heading", level=1)).to_be_visible()
        for name in ["Redigér politik", "Nyt tema", "Nyt mål", "Nyt initiativ", "Ny version"]:
            expect(main.get_by_role("link", name=name)).to_have_count(0)
        expect(main.locator("a[href*='rediger'], a[href*='/ny']")).to_have_count(0)
    plan = ActionPlan.objects.get(case_number="2011-116007")
    page.goto(live_server.url + plan.get_absolute_url())
    expect(_target_row(page)).to_be_visible()
    expect(page.locator("main").get_by_role("link", name="Registrér")).to_have_count(0)
