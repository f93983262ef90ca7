"""A report in the browser: asked for on the list, built by the worker, read on its page."""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from pejling.reports.models import Report
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
