"""The pages of a policy's parts: a theme, a guidepost and a special focus area."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from tests.policy.support import add_goals, add_initiatives, chain, html, logged_in, page_text

# --- Theme ----------------------------------------------------------------------------------


def test_theme_shows_its_placeholders_and_what_serves_it(client, cast, demo):
    theme = demo.draft.themes.get(number=1)

    response = logged_in(client, cast.committee_member).get(theme.get_absolute_url())

    text = page_text(response)
    assert "Tema 1 Mangfoldig arbejdsplads Ufuldstændigt" in text
    assert f"Mangler: konkrete mål {theme.goals_placeholder}" in text
    assert f"Mangler: fyrtårnsprojekt {theme.lighthouse_placeholder}" in text
    up, down = chain(response)
    assert up == [("Politik", "Bland dig i byen")]
    assert down == [
        ("Initiativ", "Efteruddannelse"),
        ("Initiativ", "Kommunikation"),
        ("Initiativ", "Equality Lab 2.0"),
        ("Initiativ", "International erfaringsudveksling"),
    ]
    assert reverse("policy:theme_edit", args=[theme.pk]) not in html(response)


def test_theme_with_goals_initiatives_and_a_lighthouse_is_complete(client, cast, demo):
    theme = demo.draft.themes.get(number=3)
    [goal] = add_goals(1, policy=demo.draft, theme=theme)
    add_initiatives(1, policy=demo.draft, theme=theme, goals=[goal])
    add_initiatives(1, policy=demo.draft, theme=theme, is_lighthouse=True)

    response = logged_in(client, cast.policy_officer).get(theme.get_absolute_url())

    assert "Ufuldstændigt" not in page_text(response)
    assert "Mangler:" not in page_text(response)
    _up, down = chain(response)
    assert down == [
        ("Mål", "Testmål 000"),
        ("Initiativ", "Testinitiativ 000"),
        ("Fyrtårnsprojekt", "Testinitiativ 000"),
    ]
    assert reverse("policy:theme_edit", args=[theme.pk]) in html(response)


@pytest.mark.parametrize("goals", [3, 60])
def test_theme_query_count_does_not_grow_with_goals(
    client, cast, demo, django_assert_max_num_queries, goals
):
    theme = demo.draft.themes.get(number=2)
    made = add_goals(goals, policy=demo.draft, theme=theme)
    add_initiatives(goals, policy=demo.draft, theme=theme, goals=made[:3])
    client = logged_in(client, cast.policy_officer)

    with django_assert_max_num_queries(9):
        response = client.get(theme.get_absolute_url())

    assert html(response).count("Testmål") == 2 * goals  # in the tree and in the chain


# --- Guidepost ------------------------------------------------------------------------------


def test_guidepost_shows_its_amended_wording_and_work(client, demo):
    response = client.get(demo.guidepost.get_absolute_url())

    text = page_text(response)
    assert "Pejlemærke 4 Integration og sprog" in text
    assert "udbredelse af demokratiske værdier og kendskab til den danske model." in text
    assert "Version 2, gældende fra 20. juni 2022." in text
    assert "Der skal behandles en ny integrationshandleplan i efteråret 2022." in text
    up, down = chain(response)
    assert up == [
        ("Politik", "Vision, pejlemærker og særlige fokusområder"),
        ("Formulering", "Integration og sprog"),
    ]
    assert down == []


def test_guidepost_lists_its_goals(client, demo):
    add_goals(2, policy=demo.public, guidepost=demo.guidepost)
    _up, down = chain(client.get(demo.guidepost.get_absolute_url()))
    assert down == [("Mål", "Testmål 000"), ("Mål", "Testmål 001")]


# --- Special focus area ---------------------------------------------------------------------


@time_machine.travel(date(2022, 6, 20), tick=False)
def test_focus_area_is_active_in_2022(client, demo):
    response = client.get(demo.focus_area.get_absolute_url())

    text = page_text(response)
    assert "Særligt fokusområde Ukrainske flygtninge i København" in text
    assert "Periode: 1. januar 2022 – 31. december 2022 · aktivt nu" in text
    assert "Den russiske invasion af Ukraine begyndte den 24. februar 2022" in text
    assert "Københavnermodel for modtagelse af flygtninge" in text
    up, _down = chain(response)
    assert up == [("Politik", "Vision, pejlemærker og særlige fokusområder")]


@time_machine.travel(date(2023, 1, 1), tick=False)
def test_focus_area_is_not_active_after_2022(client, demo):
    assert "ikke aktivt nu" in page_text(client.get(demo.focus_area.get_absolute_url()))
