"""A report in the browser: asked for on the list, built by the worker, read on its page."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from pejling.core import crud
from pejling.governance import services as governance
from pejling.governance.models import Body
from pejling.reports.models import Kind, Report
from tests.browser.support import assert_accessible, log_in
from tests.reports.support import a_year_of_work, run_worker

pytestmark = pytest.mark.browser


def test_the_policy_officer_makes_and_reads_the_status_report(page: Page, live_server, cast):
    a_year_of_work(cast, 2025)
    log_in(page, live_server.url, "policy")
    page.goto(live_server.url + reverse("reports:report_list"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Rapporter")
    assert_accessible(page)

    page.get_by_label("År").select_option("2025")
    page.get_by_role("button", name="Dan rapporten").click()
    expect(page.get_by_text("Rapporten dannes i baggrunden")).to_be_visible()
    assert_accessible(page)

    run_worker()
    # The page polls the report and reloads itself when it is done.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Statusrapport for integrationsindsatsen 2025", timeout=15_000
    )
    expect(page.get_by_role("link", name="Hent som PDF")).to_be_visible()
    expect(page.get_by_role("table", name="Henvendelser efter indgang")).to_be_visible()
    assert_accessible(page)
    if shots := os.environ.get("PEJLING_SCREENSHOTS"):
        page.screenshot(path=Path(shots) / "1280-report.png", full_page=True)
    assert Report.objects.get().state == Report.State.DONE


def test_the_orientation_goes_on_an_upcoming_meeting_and_a_count_opens_its_cases(
    page: Page, live_server, cast
):
    a_year_of_work(cast, 2025)
    committee = crud.create(
        actor=None,
        instance=Body(
            name="Beskæftigelses- og Integrationsudvalget",
            short_name="BIU",
            kind=Body.Kind.COMMITTEE,
        ),
    )
    meeting = governance.create_meeting(
        actor=cast.policy_officer,
        body=committee,
        starts_at=timezone.now() + timedelta(days=14),
        location="Rådhuset",
    )
    log_in(page, live_server.url, "policy")
    page.goto(live_server.url + reverse("reports:report_list"))
    page.get_by_label("Rapport").select_option(Kind.ORIENTATION)
    page.get_by_label("År").select_option("2025")
    page.get_by_role("button", name="Dan rapporten").click()
    run_worker()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Orientering om task forcens arbejde i 2025", timeout=15_000
    )
    expect(page.get_by_role("heading", name="Indstilling")).to_be_visible()

    page.get_by_label("Møde").select_option(str(meeting.pk))
    page.get_by_role("button", name="Sæt på dagsorden").click()
    expect(page.get_by_text("Orienteringen er sat på dagsordenen")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Beskæftigelses- og Integrationsudvalget, møde").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Orientering om task forcens arbejde i 2025"
    )
    expect(page.get_by_text("at udvalget tager orienteringen")).to_be_visible()
    assert_accessible(page)

    # The policy officer may not open the task force's case list: the count is not a link.
    page.go_back()
    doors = page.get_by_role("table", name="Henvendelser efter indgang")
    expect(doors.get_by_role("link")).to_have_count(0)

    # The coordinator may: a count opens the case list with as many cases.
    report_url = page.url
    page.context.clear_cookies()
    log_in(page, live_server.url, "coordinator")
    page.goto(report_url)
    page.get_by_role("table", name="Henvendelser efter indgang").get_by_role(
        "link", name="2"
    ).click()
    expect(page.locator("#case-count")).to_contain_text("2 sager")
    assert_accessible(page)
