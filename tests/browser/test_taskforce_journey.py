"""A request's whole journey through the browser, from the public form to the closed case.

An anonymous requester sends a request on the public form and gets a receipt with a reference and
a status link; the coordinator finds it on the board and gives it to the advisor; the advisor
registers an activity and a barrier on the case page and closes the case with an outcome; the
requester's status link, anonymous again, shows each step. axe-core checks every page on the way.
"""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from pejling.taskforce.vocabularies import ensure_defaults
from tests.browser.support import DESKTOP, assert_accessible, log_in, new_page

pytestmark = pytest.mark.browser

TITLE = "Konflikter mellem forældre ved afhentning"
REFERENCE = re.compile(r"TF-\d{4}-\d{5}")


def _vocabularies() -> None:
    """The migration's first words; a transactional test before this one may have flushed them."""
    ensure_defaults()


def _details(page: Page, summary: str, scope=None):
    """The <details> (in ``scope``, else the page) whose summary reads ``summary``, opened."""
    details = (
        (scope or page)
        .locator("details")
        .filter(has=page.locator("summary", has_text=re.compile(rf"^{re.escape(summary)}")))
    )
    details.locator("summary").click()
    return details


def _send_request(page: Page, url: str) -> tuple[str, str]:
    """Fill in and send the public form; return the reference and the status link."""
    page.goto(url + reverse("requests:public_create"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kontakt integrationstaskforcen")
    assert_accessible(page)

    page.get_by_label("Hvem skriver du på vegne af?").select_option(label="Skole")
    page.get_by_label("Organisation").fill("Nørrebro Park Skole")
    page.get_by_label("Dit navn").fill("Hanne Jensen")
    page.get_by_label("Din e-mail").fill("hanne@example.org")
    page.get_by_label("Overskrift").fill(TITLE)
    page.get_by_label("Beskrivelse").fill(
        "Ved afhentning opstår der skænderier mellem forældregrupper. Vi har prøvet "
        "forældremøder, men uden held."
    )
    page.get_by_role("group", name="Hvilket område handler det om?").get_by_label(
        "Uddannelse og dagtilbud"
    ).check()
    page.get_by_role("group", name="Hvor haster det?").get_by_label("Haster").check()
    page.get_by_label("Jeg giver samtykke til, at oplysningerne bruges som beskrevet.").check()
    page.get_by_role("button", name="Send henvendelse").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Tak for din henvendelse")
    received = page.get_by_role("status")
    expect(received).to_contain_text(REFERENCE)
    reference = REFERENCE.search(received.inner_text()).group()
    status_link = page.get_by_role("link", name="Se henvendelsens status")
    status_url = status_link.get_attribute("href")
    assert status_url and "/henvendelse/status/" in status_url
    expect(page.get_by_label("Linket, du skal gemme")).to_have_value(status_url)
    assert_accessible(page)
    return reference, status_url


def _assign_on_the_board(browser: Browser, url: str, reference: str) -> None:
    context, page = new_page(browser, DESKTOP)
    try:
        log_in(page, url, "coordinator")
        page.goto(url + reverse("taskforce:board"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Visitering")
        card = page.get_by_role("article", name=re.compile(re.escape(reference)))
        expect(card).to_contain_text(TITLE)
        expect(card).to_contain_text("Nørrebro Park Skole")
        expect(card.locator(".badge").first).to_have_text("Ny")
        assert_accessible(page)

        # The card carries "take up" only; the other triage forms come in over htmx.
        card.get_by_role("link", name=re.compile(r"^Visitér: .*" + re.escape(reference))).click()
        card = page.get_by_role("article", name=re.compile(re.escape(reference)))
        expect(card.get_by_text("Fordel til rådgivere")).to_be_visible()
        assert page.url.endswith(reverse("taskforce:board"))
        assert_accessible(page)

        assign = _details(page, "Fordel til rådgivere", scope=card)
        assign.get_by_label("Advisor", exact=True).check()
        assign.get_by_role("button", name=f"Fordel {reference}").click()
        # htmx swaps the card: it is taken up, and no longer waits on the board.
        card = page.get_by_role("article", name=re.compile(re.escape(reference)))
        expect(card.locator(".badge").first).to_have_text("I gang")
        expect(card).to_contain_text("Sagen er ikke længere til visitering")
        expect(card).to_contain_text("Advisor")
        assert_accessible(page)
    finally:
        context.close()


def _work_the_case(browser: Browser, url: str, reference: str) -> None:
    context, page = new_page(browser, DESKTOP)
    try:
        log_in(page, url, "advisor")
        page.goto(url + reverse("taskforce:case_detail", args=[reference]))
        expect(page.get_by_role("heading", level=1)).to_have_text(f"{reference}: {TITLE}")
        expect(page.locator("main .badge").first).to_have_text("I gang")
        assert_accessible(page)

        activity = _details(page, "Registrér en aktivitet")
        activity.get_by_label("Redskab").select_option(label="Rådgivning")
        activity.get_by_label("Rådgiver").select_option(label="Advisor")
        activity.get_by_label("Dato").fill(timezone.localdate().isoformat())
        activity.get_by_label("Start").fill("16:00")
        activity.get_by_label("Slut").fill("20:00")
        activity.get_by_label("Sted").fill("Skolens kantine")
        activity.get_by_label("Antal deltagere").fill("25")
        activity.get_by_role("button", name="Gem aktiviteten").click()
        activities = page.get_by_role("table", name="Aktiviteter")
        expect(activities.get_by_role("row")).to_have_count(2)
        row = activities.get_by_role("row").nth(1)
        expect(row).to_contain_text("Rådgivning")
        expect(row).to_contain_text("16:00–20:00")
        expect(row).to_contain_text("Skolens kantine")

        barrier = _details(page, "Registrér en barriere")
        barrier.get_by_label("Barriere").fill("Forældrene får ikke skolens beskeder på deres sprog")
        barrier.get_by_label("Slags").select_option(label="Sprog og kommunikation")
        barrier.get_by_label("Indsatsområde").select_option(label="Uddannelse og dagtilbud")
        barrier.get_by_role("button", name="Gem barrieren").click()
        barriers = page.locator("section", has=page.locator("h2#barrierer"))
        expect(barriers.get_by_role("listitem")).to_contain_text(
            "Forældrene får ikke skolens beskeder på deres sprog"
        )

        close = _details(page, "Afslut sagen")
        close.get_by_label("Resultat", exact=True).select_option(label="Løst")
        close.get_by_label("Beskrivelse af resultatet").fill("Fælles forældremøde med tolk.")
        close.get_by_role("button", name="Afslut", exact=True).click()
        expect(page.locator("main .badge").first).to_have_text("Afsluttet")
        expect(page.locator(".pejling-facts")).to_contain_text(
            "Løst: Fælles forældremøde med tolk."
        )
        assert_accessible(page)
    finally:
        context.close()


def test_a_request_travels_from_the_public_form_to_a_closed_case(
    page: Page, browser: Browser, live_server, cast
):
    _vocabularies()
    url = live_server.url

    reference, status_url = _send_request(page, url)
    _assign_on_the_board(browser, url, reference)
    _work_the_case(browser, url, reference)

    # The requester, still anonymous, follows the status link from the receipt.
    page.goto(status_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    facts = page.locator(".pejling-facts")
    expect(facts).to_contain_text(reference)
    expect(facts).to_contain_text("Afsluttet")
    expect(page.get_by_text("Sagen er afsluttet.", exact=True)).to_be_visible()
    timeline = page.locator(".pejling-timeline > li")
    expect(timeline.locator("strong")).to_have_text(
        ["Henvendelsen er modtaget", "Ny status: I gang", "Ny status: Afsluttet"]
    )
    expect(timeline.nth(1)).to_contain_text("task forcen tager den op")
    # Staff are not named to the requester.
    expect(page.locator("main")).not_to_contain_text("Advisor")
    assert_accessible(page)
