"""A data subject's request in the browser: the coordinator finds the cases and anonymises them."""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from pejling.taskforce import services
from pejling.taskforce.models import ActorKind, Case, Door, Field
from tests.browser.support import assert_accessible, log_in

pytestmark = pytest.mark.browser


def test_the_coordinator_finds_and_anonymises_a_persons_details(page: Page, live_server, cast):
    for title in ("Forældremøder", "Lektiecafé"):
        services.receive_case(
            actor=None,
            door=Door.PUBLIC,
            title=title,
            description="Hjælp",
            field=Field.EDUCATION,
            actor_kind=ActorKind.SCHOOL,
            contact_name="Amira Hansen",
            contact_email="amira@example.dk",
        )
    log_in(page, live_server.url, "coordinator")
    page.goto(live_server.url + reverse("taskforce:person_search"))
    assert_accessible(page)

    page.get_by_label("E-mail").fill("amira@example.dk")
    page.get_by_role("button", name="Find sager").click()
    expect(page.get_by_role("heading", level=2, name="2 sager nævner personen")).to_be_visible()
    assert_accessible(page)
    if shots := os.environ.get("PEJLING_SCREENSHOTS"):
        page.screenshot(path=Path(shots) / "1280-personal-data.png", full_page=True)

    page.get_by_role("button", name="Fjern oplysningerne").click()
    expect(page.get_by_text("Bekræft, at oplysningerne skal fjernes.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Jeg har kontrolleret sagerne").check()
    page.get_by_role("button", name="Fjern oplysningerne").click()
    expect(page.get_by_text("Personens oplysninger er fjernet fra 2 sager.")).to_be_visible()
    assert Case.objects.filter(contact_email="", anonymised_at__isnull=False).count() == 2
