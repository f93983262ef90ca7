import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.support import log_in

pytestmark = pytest.mark.browser


def test_user_logs_in_through_the_form_and_logs_out(page: Page, live_server, cast):
    log_in(page, live_server.url, cast.coordinator.username)

    expect(page.get_by_role("heading", level=1)).to_have_text("Velkommen, Coordinator")
    expect(page.locator(".portal-user .user")).to_contain_text("Coordinator")

    page.locator(".portal-user").get_by_role("button", name="Log af").click()
    expect(page).to_have_url(live_server.url + reverse("accounts:login"))
    page.goto(live_server.url + reverse("accounts:profile"))
    expect(page).to_have_url(
        live_server.url + reverse("accounts:login") + "?next=" + reverse("accounts:profile")
    )


def test_wrong_password_shows_the_error_summary(page: Page, live_server, cast):
    log_in_url = live_server.url + reverse("accounts:login")
    page.goto(log_in_url)
    page.get_by_label("Brugernavn").fill(cast.advisor.username)
    page.get_by_label("Adgangskode").fill("not-the-password")
    page.locator("main").get_by_role("button", name="Log ind").click()

    expect(page).to_have_url(log_in_url)
    summary = page.locator("[data-module=error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("Der er fejl i formularen")
    expect(summary).to_contain_text("korrekt brugernavn og adgangskode")
    # The username is kept, the password is not.
    expect(page.get_by_label("Brugernavn")).to_have_value(cast.advisor.username)
    expect(page.get_by_label("Adgangskode")).to_have_value("")


def test_missing_password_is_reported_at_the_field_and_in_the_summary(
    page: Page, live_server, cast
):
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Brugernavn").fill(cast.advisor.username)
    page.locator("main").get_by_role("button", name="Log ind").click()

    summary = page.locator("[data-module=error-summary]")
    expect(summary).to_be_focused()
    link = summary.get_by_role("link", name="Adgangskode: Dette felt er påkrævet.")
    expect(link).to_have_attribute("href", "#id_password")

    password = page.get_by_label("Adgangskode")
    expect(password).to_have_attribute("aria-invalid", "true")
    field_error = page.locator("#id_password-error")
    expect(field_error).to_have_text("Fejl: Dette felt er påkrævet.")
    expect(password).to_have_attribute("aria-describedby", "id_password-error")
    expect(page.locator(".form-group.form-error")).to_have_count(1)

    # The summary's link takes the user to the field.
    link.click()
    expect(password).to_be_focused()
