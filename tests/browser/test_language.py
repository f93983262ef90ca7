import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.support import log_in

pytestmark = pytest.mark.browser


def test_language_switch_goes_to_english_and_back_on_the_same_page(page: Page, live_server, cast):
    log_in(page, live_server.url, cast.policy_officer.username)
    profile_url = live_server.url + reverse("accounts:profile")
    page.goto(profile_url)
    switch = page.get_by_role("list", name="Vælg sprog")
    danish = switch.get_by_role("button", name="Dansk")
    english = switch.get_by_role("button", name="English")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(danish).to_have_attribute("aria-current", "true")
    expect(english).not_to_have_attribute("aria-current", "true")
    expect(page.get_by_role("heading", level=1)).to_have_text("Min profil")

    english.click()

    expect(page).to_have_url(profile_url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    switch = page.locator(".language-switcher ul")
    expect(switch.locator("button[lang=en]")).to_have_attribute("aria-current", "true")
    expect(switch.locator("button[lang=da]")).not_to_have_attribute("aria-current", "true")
    expect(page.locator("#id_first_name")).to_be_visible()

    switch.locator("button[lang=da]").click()

    expect(page).to_have_url(profile_url)
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.get_by_role("heading", level=1)).to_have_text("Min profil")
    expect(page.get_by_role("button", name="Dansk")).to_have_attribute("aria-current", "true")


def test_language_choice_is_kept_across_pages_and_available_before_log_in(page: Page, live_server):
    page.goto(live_server.url + reverse("accounts:login"))
    page.locator(".language-switcher button[lang=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.goto(live_server.url + reverse("accounts:password_reset"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".language-switcher button[lang=en]")).to_have_attribute(
        "aria-current", "true"
    )


def test_the_overflow_menu_is_named_in_the_pages_language(browser, live_server, cast):
    from tests.browser.support import new_page

    context, page = new_page(browser, {"width": 1000, "height": 800})
    try:
        log_in(page, live_server.url, cast.coordinator.username)
        # DKFDS builds the overflow menu on every page and shows it when the items do not fit.
        more = page.locator(".navigation-menu .more-option .more-button span")
        expect(more).to_have_text("Mere")

        page.locator(".language-switcher").get_by_role("button", name="English").click()

        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(more).to_have_text("More")
    finally:
        context.close()
