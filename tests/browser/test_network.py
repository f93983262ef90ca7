"""The network in the browser: a member of the public subscribes to the newsletter, confirms
through the link in the mail and unsubscribes again; the coordinator goes through the network's
pages. axe-core checks every page on the way, and each is saved as a screenshot."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import Page, expect

from pejling.network import services
from pejling.network.mail import unsubscribe_token
from tests.browser.support import assert_accessible, log_in
from tests.network.factories import make_network, make_organisation, make_person

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("PEJLING_SCREENSHOTS", "/tmp/shots"))  # noqa: S108


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"network-{name}.png"), full_page=True)


def test_subscribe_confirm_and_unsubscribe(page: Page, live_server, db):
    url = live_server.url
    page.goto(url + reverse("network:subscribe"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilmeld dig nyhedsbrevet")
    assert_accessible(page)

    # A mistyped address is shown at the field.
    page.get_by_label("Din e-mailadresse").fill("sara@")
    page.get_by_role("button", name="Tilmeld").click()
    expect(page.locator(".form-error-message")).to_contain_text("gyldig e-mail-adresse")
    assert_accessible(page)
    _shot(page, "subscribe-error")

    page.get_by_label("Din e-mailadresse").fill("sara@example.org")
    page.get_by_label("Dit navn").fill("Sara Læsesen")
    page.get_by_role("button", name="Tilmeld").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tjek din indbakke")
    assert_accessible(page)

    [message] = mail.outbox
    [link] = re.findall(r"https?://\S+/bekraeft/\S+/", message.body)
    page.goto(url + "/" + link.split("://", 1)[1].split("/", 1)[1])
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilmeldingen er bekræftet")
    assert_accessible(page)
    _shot(page, "confirmed")

    page.goto(url + reverse("network:unsubscribe", args=[unsubscribe_token("sara@example.org")]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Afmeld nyhedsbrevet")
    assert_accessible(page)
    page.get_by_role("button", name="Afmeld").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Du er afmeldt")
    assert_accessible(page)
    _shot(page, "unsubscribed")


def test_network_pages(page: Page, live_server, cast):
    url = live_server.url
    school = make_organisation(cast.coordinator, name="Valby Skole (fiktiv)")
    person = make_person(cast.coordinator)
    services.add_membership(
        actor=cast.coordinator, person=person, organisation=school, role="Skoleleder"
    )
    network = make_network(cast.coordinator, description="Forældre deler erfaringer.")
    services.add_network_member(actor=cast.coordinator, network=network, person=person)
    services.add_network_member(actor=cast.coordinator, network=network, organisation=school)
    meeting = services.create_meeting(
        actor=cast.coordinator,
        administration=cast.administration,
        held_on=datetime.date(2025, 9, 15),
        agenda="1. Nyt fra task forcen\n2. Eventuelt",
        minutes="Task forcen fortalte om sine aktiviteter.",
        decisions="Task forcen holder oplæg.",
    )
    services.add_meeting_follow_up(
        actor=cast.coordinator, meeting=meeting, text="Aftale dato for oplæg"
    )
    proposal = services.propose_focus_area(
        actor=cast.contact_person,
        administration=cast.administration,
        title="Klar kommunikation med beboere",
        reasoning="Beboerne forstår ikke brevene.",
    )
    services.subscribe(email="sara@example.org")
    services.confirm_subscription(token=services.mail.confirmation_token("sara@example.org"))
    issue = services.create_issue(
        actor=cast.coordinator,
        title="Nyhedsbrev, efteråret 2025",
        news="Nyt fra task forcen.",
        events="12. november: Temadag om mangfoldighedsledelse",
        networks=[network],
    )
    services.deliver_issue(issue)

    log_in(page, url, "coordinator")
    pages = [
        ("index", reverse("network:index"), "Netværk"),
        ("organisations", reverse("network:organisation_list"), "Organisationer"),
        ("organisation", school.get_absolute_url(), "Valby Skole (fiktiv)"),
        ("persons", reverse("network:person_list"), "Personer"),
        ("person", person.get_absolute_url(), "Hanne Fiktivsen"),
        ("contacts", reverse("network:contact_overview"), "Kontaktpersoner"),
        ("meetings", reverse("network:meeting_list"), "Kontaktpersonmøder"),
        ("meeting", meeting.get_absolute_url(), None),
        ("proposals", reverse("network:proposal_list"), "Forslag til indsatsområder"),
        ("proposal", proposal.get_absolute_url(), "Klar kommunikation med beboere"),
        ("networks", reverse("network:network_list"), "Temanetværk"),
        ("network", network.get_absolute_url(), "Forældrebestyrelser"),
        ("issues", reverse("network:issue_list"), "Nyhedsbrev"),
        ("issue", issue.get_absolute_url(), "Nyhedsbrev, efteråret 2025"),
        ("issue-new", reverse("network:issue_create"), "Nyt nyhedsbrev"),
        ("subscribers", reverse("network:subscriber_list"), "Abonnenter"),
        ("archive", issue.get_archive_url(), "Nyhedsbrev, efteråret 2025"),
    ]
    for name, path, heading in pages:
        page.goto(url + path)
        if heading:
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        # Open the forms folded into the page, so axe checks them too.
        for summary in page.locator("summary").all():
            summary.click()
        assert_accessible(page)
        _shot(page, name)

    # The coordinator adds an organisation as a member of the network.
    page.goto(url + network.get_absolute_url())
    page.locator("summary", has_text="Tilføj et medlem").click()
    other = make_organisation(cast.coordinator, name="Børnehuset Solsikken (fiktiv)")
    page.reload()
    page.locator("summary", has_text="Tilføj et medlem").click()
    page.get_by_label("Organisation").select_option(label=other.name)
    page.get_by_role("button", name="Tilføj medlemmet").click()
    expect(page.get_by_role("table", name="Medlemmer")).to_contain_text(other.name)
    assert_accessible(page)
