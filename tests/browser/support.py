"""Helpers shared by the browser tests: logging in through the form and running axe-core."""

import re

from django.conf import settings
from django.urls import reverse
from playwright.sync_api import Browser, BrowserContext, Page, expect

from pejling.audit import services as audit
from tests.conftest import PASSWORD

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 812}


def new_page(browser: Browser, viewport: dict) -> tuple[BrowserContext, Page]:
    """A fresh context (no cookies) with a Danish browser and one page in it."""
    context = browser.new_context(
        viewport=viewport,
        locale="da-DK",
        timezone_id="Europe/Copenhagen",
        # axe is injected as a script tag; a future Content-Security-Policy must not block it.
        bypass_csp=True,
    )
    context.set_default_timeout(10_000)
    return context, context.new_page()


def log_in(page: Page, base_url: str, username: str, password: str = PASSWORD) -> None:
    """Log in through the real login form and wait for the start page."""
    page.goto(base_url + reverse("accounts:login"))
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(password)
    page.locator("main").get_by_role("button", name="Log ind").click()
    expect(page).to_have_url(base_url + reverse("core:start"))


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core on the page as it is now, limited to WCAG 2.1 A and AA."""
    axe = settings.NODE_MODULES_DIR / "axe-core" / "axe.min.js"
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe))
    # Only the violations travel back: the passes of a long table are large and slow to send.
    return page.evaluate(
        """(tags) => axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        }).then((result) => result.violations)""",
        AXE_TAGS,
    )


def describe_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{url}: {len(violations)} axe violation(s)"]
    for violation in violations:
        lines.append(f"  {violation['id']} [{violation['impact']}]: {violation['help']}")
        for node in violation["nodes"][:10]:
            target = " ".join(str(part) for part in node["target"])
            # The summary reads "Fix any of the following:" and then the checks that failed.
            checks = node["failureSummary"].splitlines()[1:] or [""]
            lines.append(f"      {target}: {checks[0].strip()}")
        if len(violation["nodes"]) > 10:
            lines.append(f"      … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """Fail with a readable list (rule, help, target nodes) if axe finds any violation."""
    violations = axe_violations(page)
    assert not violations, describe_violations(page.url, violations)


# What a Content-Security-Policy without 'unsafe-inline' would refuse.
_INLINE_CODE = re.compile(
    r"<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle=|\son[a-z]+=|href=[\"']?javascript:",
    re.IGNORECASE,
)


def assert_no_inline_code(page: Page, html: str) -> None:
    """No inline script, style or event handler in the page as served, nor added later."""
    found = _INLINE_CODE.findall(html)
    assert not found, f"{page.url}: inline code in the HTML: {found}"
    styles = page.evaluate("() => document.querySelectorAll('style').length")
    assert styles == 0, f"{page.url}: {styles} <style> element(s) added by a script"


def fill_access_log(cast, count: int = 120) -> None:
    """Enough access-log entries for a table over several pages."""
    people = [cast.contact_person, cast.advisor, cast.committee_member]
    for index in range(count):
        audit.record_access(people[index % len(people)], actor=cast.administrator)
