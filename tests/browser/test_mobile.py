import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.support import assert_accessible, log_in

pytestmark = pytest.mark.browser


def test_mobile_menu_opens_navigates_closes_and_logs_out(mobile_page: Page, live_server, cast):
    page = mobile_page
    log_in(page, live_server.url, cast.administrator.username)
    expect(page.locator(".navigation-menu")).to_be_hidden()
    expect(page.locator(".portal-user")).to_be_hidden()
    drawer = page.get_by_role("dialog", name="Menu")
    expect(drawer).to_be_hidden()

    page.get_by_role("button", name="Menu").click()

    expect(drawer).to_be_visible()
    expect(drawer.get_by_role("button", name="Luk menu")).to_be_focused()
    menu = drawer.get_by_role("navigation", name="Hovedmenu")
    # The drawer holds the same items as the desktop menu, which this width hides.
    desktop_items = page.locator(".navigation-menu .mainmenu > li > a").all_text_contents()
    expect(menu.get_by_role("link")).to_have_text([item.strip() for item in desktop_items])
    expect(menu.get_by_role("link").first).to_have_text("Forside")
    expect(menu.get_by_role("link").last).to_have_text("Min profil")
    expect(menu.get_by_role("link", name="Forside")).to_have_attribute("aria-current", "page")
    expect(drawer.locator(".portal-info-mobile")).to_contain_text("Administrator")
    assert_accessible(page)

    menu.get_by_role("link", name="Min profil").click()
    expect(page).to_have_url(live_server.url + reverse("accounts:profile"))
    expect(drawer).to_be_hidden()

    page.get_by_role("button", name="Menu").click()
    expect(drawer).to_be_visible()
    page.keyboard.press("Escape")
    expect(drawer).to_be_hidden()

    page.get_by_role("button", name="Menu").click()
    drawer.get_by_role("button", name="Log af").click()
    expect(page).to_have_url(live_server.url + reverse("accounts:login"))


def test_mobile_pages_have_no_horizontal_scroll(mobile_page: Page, live_server, cast):
    page = mobile_page
    log_in(page, live_server.url, cast.administrator.username)
    for name in ["core:start", "core:tasks", "audit:changes", "accounts:profile"]:
        page.goto(live_server.url + reverse(name))
        # DKFDS hides the body's horizontal overflow, so measure the body's content instead.
        overflow = page.evaluate("() => document.body.scrollWidth - document.body.clientWidth")
        assert overflow <= 0, f"{name} is {overflow}px wider than the screen"
