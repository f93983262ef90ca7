"""Meetings and hearings in a real browser.

A policy officer takes a meeting from its published agenda to the decision, and the amendment
adopted there becomes the vision's next version in the policy's history; and takes a hearing from
sending to the generated hearing note. axe-core checks the pages on the way.
"""

import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from pejling.demo import DEMO_PASSWORD, load_all
from pejling.governance import services
from pejling.governance.models import Body, Hearing, HearingResponse, Meeting
from pejling.policy.models import Policy, VersionedText
from tests.browser.support import assert_accessible, log_in

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("PEJLING_SCREENSHOTS", "/tmp/shots"))  # noqa: S108
PARTS = ("accounts", "policy", "governance")


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"governance-{name}.png"), full_page=True)


def test_demo_meeting_pages_pass_axe(page: Page, live_server):
    load_all(PARTS)
    log_in(page, live_server.url, "udvalg", DEMO_PASSWORD)
    page.goto(live_server.url + reverse("governance:meeting_list"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Møder")
    assert_accessible(page)
    _shot(page, "meeting-list")
    page.get_by_role("link", name="20. juni 2022, 17:00").click()
    expect(page.locator(".pejling-facts")).to_contain_text("Bernstorffsgade 17, 1. sal, vær. 124")
    assert_accessible(page)
    page.get_by_role("link", name="4. Ny vision, pejlemærker og særlige fokusområder").click()
    expect(page.get_by_text("Godkendt med ændringer uden afstemning")).to_be_visible()
    expect(page.get_by_role("heading", name="Ændringsforslag 2 fra Enhedslisten")).to_be_visible()
    assert_accessible(page)
    _shot(page, "item-2022")
    page.goto(live_server.url + reverse("governance:body_list"))
    expect(page.get_by_text("Klaus Bondam, formand (Radikale Venstre)")).to_be_visible()
    assert_accessible(page)
    page.goto(live_server.url + reverse("governance:hearing_list"))
    assert_accessible(page)
    page.get_by_role("link", name="Høring om task force på integrationsområdet").click()
    expect(page.get_by_role("cell", name="Intet svar").first).to_be_visible()
    assert_accessible(page)
    _shot(page, "hearing-2006")
    page.get_by_role("link", name="Modtaget 6. december 2006").click()
    expect(page.get_by_text("Teknik- og Miljgudvalget finder generelt")).to_be_visible()
    assert_accessible(page)
    _shot(page, "response-scanned")


def test_a_meeting_from_agenda_to_decision_makes_a_new_vision_version(page: Page, live_server):
    load_all(PARTS)
    vision = Policy.objects.get(slug="vision-pejlemaerker-2022").texts.get(
        kind=VersionedText.Kind.VISION
    )
    meeting = services.create_meeting(
        actor=None,
        body=Body.objects.get(short_name="BIU"),
        starts_at=timezone.now() - timedelta(hours=1),
        location="Rådhuset, udvalgsværelse 1",
        state=Meeting.State.AGENDA_PUBLISHED,
    )
    url = live_server.url
    log_in(page, url, "politik", DEMO_PASSWORD)

    page.goto(url + meeting.get_absolute_url())
    page.get_by_role("link", name="Nyt punkt").click()
    page.locator("#id_title").fill("Justering af visionen")
    page.locator("#id_case_reference").fill("BIU 77/2026")
    page.locator("#id_recommendation").fill("at udvalget godkender den justerede vision")
    assert_accessible(page)
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("1. Justering af visionen")

    page.get_by_role("link", name="Nyt ændringsforslag").click()
    page.locator("#id_party").select_option(label="Enhedslisten")
    page.locator("#id_kind").select_option("replace")
    page.locator("#id_target_version").select_option(str(vision.current.pk))
    page.locator("#id_text_from").fill("og andre minoriteter")
    page.locator("#id_text_to").fill("og andre minoriteter, herunder nationale mindretal,")
    assert_accessible(page)
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Ændringsforslaget er registreret.")).to_be_visible()

    page.goto(url + meeting.get_absolute_url())
    page.get_by_role("button", name="Sæt status: Afholdt").click()
    expect(page.get_by_text("Mødets status er nu “Afholdt”.")).to_be_visible()
    page.get_by_role("link", name="1. Justering af visionen").click()
    page.get_by_role("link", name="Afgør ændringsforslaget").click()
    page.get_by_label("Vedtaget").check()
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Ændringsforslaget er vedtaget.")).to_be_visible()
    page.get_by_role("link", name="Registrér beslutning").click()
    page.locator("#id_outcome").select_option("adopted_amended")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Godkendt med ændringer uden afstemning").first).to_be_visible()
    assert_accessible(page)
    _shot(page, "item-decided")

    page.get_by_role("link", name="Gav version 4 af teksten").click()
    expect(page.get_by_role("heading", level=3).first).to_contain_text("Version 4")
    day = timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y")
    expect(page.locator(".pejling-history li").first).to_contain_text(
        f"BIU-møde {day}, punkt 1: ændringsforslaget vedtaget uden afstemning"
    )
    expect(page.locator(".pejling-history li").first.locator("ins")).to_contain_text(
        "herunder nationale mindretal"
    )
    assert_accessible(page)
    _shot(page, "vision-history")
    assert vision.versions.count() == 4


def test_a_hearing_from_sending_to_the_hearing_note(page: Page, live_server, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    load_all(PARTS)
    url = live_server.url
    log_in(page, url, "politik", DEMO_PASSWORD)
    page.goto(url + reverse("governance:hearing_list"))
    page.get_by_role("link", name="Ny høring").click()
    page.locator("#id_title").fill("Høring om integrationshandleplan 2027")
    page.locator("#id_asked_by").select_option(label="Beskæftigelses- og Integrationsudvalget")
    page.locator("#id_proposal").fill("Udkast til integrationshandleplan 2027.")
    deadline = timezone.localdate() + timedelta(days=14)
    page.locator("#id_deadline").fill(deadline.isoformat())
    page.get_by_label("Integrationsrådet").check()
    page.locator("#id_organisations").fill("Dansk Flygtningehjælp")
    page.locator("#id_documents_sent").fill("Udkast til handleplan\nBilag: budget")
    assert_accessible(page)
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Høringen er oprettet.")).to_be_visible()

    page.get_by_role("button", name="Skift fase: Sendt i høring").click()
    expect(page.get_by_text("Høringen er nu i fasen “Sendt i høring”.")).to_be_visible()
    page.get_by_role("link", name="Registrér høringssvar").click()
    page.locator("#id_party").select_option(label="Integrationsrådet")
    page.locator("#id_file").set_input_files(
        files=[
            {
                "name": "svar.txt",
                "mimeType": "text/plain",
                "buffer": b"Radet stgtter handleplanen pa alle punkter.",
            }
        ]
    )
    assert_accessible(page)
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Høringssvaret er modtaget.")).to_be_visible()
    expect(page.locator(".pejling-received-text").first).to_contain_text("Radet stgtter")

    page.locator("#id_corrected_text").fill("Rådet støtter handleplanen på alle punkter.")
    page.locator("#id_summary").fill("Rådet støtter handleplanen.")
    page.locator("#id_administration_comment").fill("Forvaltningen noterer sig opbakningen.")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Høringssvaret er gemt.")).to_be_visible()
    expect(page.locator("ins").first).to_be_visible()
    assert_accessible(page)
    _shot(page, "response-corrected")

    hearing = Hearing.objects.get(title="Høring om integrationshandleplan 2027")
    page.goto(url + hearing.get_absolute_url())
    expect(page.get_by_role("cell", name="Rådet støtter handleplanen.")).to_be_visible()
    assert_accessible(page)
    _shot(page, "hearing")
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent høringsnotat (PDF)").click()
    pdf = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Forvaltningen noterer sig opbakningen." in text
    assert "Dansk Flygtningehjælp" in text
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent høringsnotat (DOCX)").click()
    assert download.value.suggested_filename.endswith(".docx")
    assert HearingResponse.objects.get(hearing=hearing).original_name == "svar.txt"
