"""The integration barometer in a real browser: the public overview and an indicator page pass
axe, a committee member sees the goal cards, and an analyst loads a file and publishes it."""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from pejling.barometer.models import Edition
from pejling.demo import DEMO_PASSWORD, POLICY_PARTS, load_all
from tests.browser.support import assert_accessible, log_in

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("PEJLING_SCREENSHOTS", "/tmp/shots"))  # noqa: S108
PARTS = (*POLICY_PARTS, "barometer")


@pytest.fixture(autouse=True)
def _small_panel(settings):
    settings.PEJLING_DEMO_PANEL_PERSONS = 3000


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"barometer-{name}.png"), full_page=True)


def test_public_barometer_pages_pass_axe(page: Page, live_server):
    load_all(PARTS)

    page.goto(live_server.url + reverse("barometer:overview"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Integrationsbarometer")
    expect(page.get_by_text("Syntetiske data").first).to_be_visible()
    assert_accessible(page)
    _shot(page, "overview-public")

    page.get_by_role("link", name="Beskæftigelsesgab, 25-64-årige").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beskæftigelsesgab, 25-64-årige")
    chart = page.get_by_role("img", name="Graf over Beskæftigelsesgab, 25-64-årige pr. halvår.")
    expect(chart).to_be_visible()
    # The chart is drawn on the server when the image is asked for; the first one takes a while.
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=chart.element_handle(), timeout=30_000
    )
    assert_accessible(page)
    _shot(page, "indicator")

    # The selectors work without script: a GET form.
    page.get_by_label("Bydel").select_option("Nørrebro")
    page.get_by_role("button", name="Vis").click()
    expect(page).to_have_url(page.url)
    expect(page.locator("table caption")).to_contain_text("Nørrebro")
    assert_accessible(page)

    page.get_by_role("link", name="Metadata").click()
    expect(page.get_by_text("Målet er 0 procentpoint").first).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + reverse("barometer:indicator_detail", args=["udsat_bolig"]))
    page.get_by_label("Dansk oprindelse").check()
    page.get_by_label("Indvandrere, vestlige").check()
    page.get_by_label("Bydel").select_option("Vanløse")
    page.get_by_role("button", name="Vis").click()
    assert_accessible(page)
    _shot(page, "indicator-suppressed")

    page.goto(live_server.url + reverse("barometer:edition_list"))
    assert_accessible(page)
    page.get_by_role("link", name="2024H2").click()
    assert_accessible(page)
    page.get_by_role("link", name="Sammenlign med 2024H1").click()
    assert_accessible(page)


def test_committee_member_sees_goal_cards(page: Page, live_server):
    load_all(PARTS)
    log_in(page, live_server.url, "udvalg", DEMO_PASSWORD)

    page.goto(live_server.url + reverse("barometer:overview"))
    expect(
        page.get_by_role("heading", name="Overledigheden blandt etniske minoriteter falder")
    ).to_be_visible()
    expect(page.get_by_text("procentpoint fra målet").first).to_be_visible()
    assert_accessible(page)
    _shot(page, "overview-goals")


def test_analyst_uploads_a_file_and_publishes_it(page: Page, live_server, tmp_path):
    load_all(PARTS)
    log_in(page, live_server.url, "analytiker", DEMO_PASSWORD)
    bad = tmp_path / "tal.csv"
    bad.write_text("indicator,period,value\nansatte_ikke_dansk,2025H3,18.5\n", encoding="utf-8")
    good = tmp_path / "tal2.csv"
    good.write_text("indicator,period,value\nansatte_ikke_dansk,2025H1,18.5\n", encoding="utf-8")

    page.goto(live_server.url + reverse("barometer:upload"))
    assert_accessible(page)
    page.get_by_label("Fil (CSV eller XLSX)").set_input_files(str(bad))
    page.get_by_role("button", name="Indlæs").click()
    expect(page.get_by_text("Linje 2, kolonne period").first).to_be_visible()
    assert_accessible(page)
    _shot(page, "upload-error")

    page.get_by_label("Fil (CSV eller XLSX)").set_input_files(str(good))
    page.get_by_role("button", name="Indlæs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Barometer 2025H1")
    assert_accessible(page)
    page.get_by_role("button", name="Offentliggør udgaven").click()
    expect(page.get_by_text("Barometer 2025H1 er offentliggjort.")).to_be_visible()
    assert Edition.objects.get(period="2025H1").is_published

    page.goto(live_server.url + reverse("barometer:run_create"))
    assert_accessible(page)
    page.goto(live_server.url + reverse("barometer:value_create"))
    assert_accessible(page)
