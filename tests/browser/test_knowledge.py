"""The knowledge bank in a real browser: Danish search with highlighted results and a
suggestion for a misspelling, an entry's page, a closed case becoming published best practice
through review, and the public page. axe-core checks each page."""

import re
import tempfile
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from pejling.knowledge import services
from pejling.knowledge.models import State
from pejling.taskforce import services as case_services
from pejling.taskforce.models import OutcomeKind
from pejling.taskforce.vocabularies import ensure_defaults
from tests.browser.support import DESKTOP, assert_accessible, log_in, new_page
from tests.taskforce.test_work_support import open_case

pytestmark = pytest.mark.browser

SHOTS = Path(tempfile.gettempdir()) / "shots"


def _published(cast, **values):
    article = services.create_article(actor=cast.advisor, **values)
    services.move_article(actor=cast.advisor, article=article, state=State.IN_REVIEW)
    article = services.move_article(actor=cast.coordinator, article=article, state=State.PUBLISHED)
    return services.set_public(actor=cast.coordinator, article=article, is_public=True)


def _corpus(cast):
    school = _published(
        cast,
        kind="best_practice",
        title="Kulturmøde på skolen",
        summary="Lærere og forældre mødes, når skolen tager imod tosprogede elever.",
        body="## Sådan gjorde vi\n\nIntegrationen lykkes, når forældrene inddrages tidligt.",
        fields=["education"],
        actor_kinds=["school"],
    )
    _published(
        cast,
        kind="guidance",
        title="Udlejningsregler i boligområder",
        summary="Fleksibel udlejning i Århus giver en blandet beboersammensætning.",
        fields=["housing"],
    )
    return school


def test_search_article_and_review_flow(page: Page, live_server, cast, browser: Browser):
    ensure_defaults()
    school = _corpus(cast)
    url = live_server.url
    log_in(page, url, cast.advisor.username)

    # Search by an inflected word: the hit is highlighted.
    page.goto(url + reverse("knowledge:article_list"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Vidensbank")
    page.get_by_role("searchbox").fill("integration")
    page.get_by_role("button", name="Søg", exact=True).click()
    results = page.locator("#results")
    expect(results).to_contain_text("1 opslag fundet for “integration”")
    expect(results.locator("mark").first).to_have_text("Integrationen")
    assert_accessible(page)

    # The old spelling finds the new, and a misspelling gets a suggestion.
    page.goto(url + reverse("knowledge:article_list") + "?q=aarhus")
    expect(page.locator("#results mark").first).to_have_text("Århus")
    page.goto(url + reverse("knowledge:article_list") + "?q=udlejnig")
    expect(page.locator("#results")).to_contain_text("Mente du:")
    page.get_by_role("link", name="udlejning").click()
    expect(page.locator("#results")).to_contain_text("1 opslag fundet for “udlejning”")
    expect(page.locator("#results mark").first).to_have_text("udlejning")
    page.screenshot(path=SHOTS / "knowledge-search.png", full_page=True)
    assert_accessible(page)

    # The entry's page.
    page.goto(url + school.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Kulturmøde på skolen")
    expect(page.locator(".pejling-article h2")).to_have_text("Sådan gjorde vi")
    page.screenshot(path=SHOTS / "knowledge-article.png", full_page=True)
    assert_accessible(page)

    # A closed case becomes a draft, the advisor sends it to review.
    case = open_case(coordinator=cast.coordinator, advisor=cast.advisor)
    case = case_services.close(
        actor=cast.advisor,
        case=case,
        outcome=OutcomeKind.objects.first(),
        text="Forældrene kom til samtalerne.",
    )
    page.goto(url + case.get_absolute_url())
    page.evaluate(
        """([action, token]) => {
            const form = document.createElement('form');
            form.method = 'post';
            form.action = action;
            const input = document.createElement('input');
            input.type = 'hidden'; input.name = 'csrfmiddlewaretoken'; input.value = token;
            form.appendChild(input);
            document.body.appendChild(form);
            form.submit();
        }""",
        [
            reverse("knowledge:article_from_case", args=[case.pk]),
            page.locator("input[name=csrfmiddlewaretoken]").first.input_value(),
        ],
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Ret opslag")
    expect(page.get_by_label("Titel")).to_have_value(case.title)
    assert_accessible(page)
    page.get_by_label("Titel").fill("Skole-hjem-samtaler med tolk")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Skole-hjem-samtaler med tolk")
    page.get_by_role("button", name="Send til godkendelse").click()
    expect(page.locator(".badge").first).to_have_text("Til godkendelse")
    article_url = page.url

    # The coordinator approves and makes it public.
    context, coordinator = new_page(browser, DESKTOP)
    log_in(coordinator, url, cast.coordinator.username)
    coordinator.goto(article_url)
    assert_accessible(coordinator)
    coordinator.get_by_role("button", name="Godkend og udgiv").click()
    expect(coordinator.locator(".badge").first).to_have_text("Udgivet")
    coordinator.get_by_label("Offentlig").check()
    coordinator.get_by_role("button", name="Gem synlighed").click()
    expect(coordinator.get_by_text("Synligheden er gemt.")).to_be_visible()
    coordinator.screenshot(path=SHOTS / "knowledge-review.png", full_page=True)
    context.close()

    # Anyone can now read it on the public pages.
    context, public = new_page(browser, DESKTOP)
    public.goto(url + reverse("knowledge:public_list") + "?q=samtalerne")
    public.get_by_role("link", name=re.compile("Skole-hjem-samtaler")).click()
    expect(public.get_by_role("heading", level=1)).to_have_text("Skole-hjem-samtaler med tolk")
    public.screenshot(path=SHOTS / "knowledge-public.png", full_page=True)
    assert_accessible(public)
    context.close()
