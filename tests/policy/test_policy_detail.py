import pytest
from django.urls import reverse

from pejling.core import crud
from pejling.policy.models import Initiative
from tests.policy.support import (
    PUBLIC,
    add_goals,
    add_initiatives,
    html,
    logged_in,
    page_text,
)

DRAFT_URL = reverse("policy:policy_detail", args=["bland-dig-i-byen"])
PUBLIC_URL = reverse("policy:policy_detail", args=[PUBLIC])

PRINCIPLES = [
    "Vi behandler alle lige med respekt for deres forskellighed",
    "Vi har tillid til hinanden og byens institutioner",
    "Vi støtter op om vores børns udvikling og uddannelse",
    "Vi indgår i fællesskaber med andre københavnere, der ikke ligner os selv",
    "Vi bidrager til byens vækst og sammenhængskraft",
]
THEMES = [
    "Tema 1: Mangfoldig arbejdsplads",
    "Tema 2: Bedre præstationer i folkeskolen",
    "Tema 3: En blandet by",
    "Tema 4: Flere bidrager til byens vækst",
]


def test_draft_policy_shows_its_principles_in_order(client, cast, demo):
    text = page_text(logged_in(client, cast.committee_member).get(DRAFT_URL))

    assert "Bland dig i byen Københavns Integrationspolitik 2011-2014 (synopsis) Udkast" in text
    assert "Principper " + " ".join(PRINCIPLES) + " Ansvar" in text


def test_draft_policy_shows_four_themes_with_their_placeholders(client, cast, demo):
    text = page_text(logged_in(client, cast.committee_member).get(DRAFT_URL))

    # No theme has goals or a lighthouse project yet: all four are incomplete, in order.
    positions = [text.index(f"{theme} Ufuldstændigt") for theme in THEMES]
    assert positions == sorted(positions)
    assert text.count("Ufuldstændigt") == 4
    for theme in demo.draft.themes.all():
        assert f"Mangler: konkrete mål {theme.goals_placeholder}" in text
        assert f"Mangler: fyrtårnsprojekt {theme.lighthouse_placeholder}" in text
    assert (
        "[Her indsættes konkrete mål ud fra udvalgenes handleplaner, fx at mindske karaktergabet]"
        in text
    )
    # Theme 1 has the action plan's four initiatives; the three others still a placeholder.
    placeholder = "[Her indsættes de konkrete initiativer, der sættes i gang for at nå målene]"
    assert text.count(f"Mangler: initiativer {placeholder}") == 3
    assert "Equality Lab 2.0 (planlagt)" in text
    assert "Mangler: overordnet målsætning [her indsættes en overordnet målsætning" in text


def test_draft_policy_links_to_its_vision_plan_and_appropriation(client, cast, demo):
    response = logged_in(client, cast.committee_member).get(DRAFT_URL)

    body, text = html(response), page_text(response)
    assert "Version 1, gældende fra 1. januar 2011." in text
    assert demo.draft_vision.get_absolute_url() in body
    assert demo.plan.get_absolute_url() in body
    assert "Fuldstændighed: 12 mangler" in text
    assert demo.appropriation.get_absolute_url() in body
    assert "1.500.000,00 kr. pr. år" in text
    assert reverse("policy:policy_edit", args=["bland-dig-i-byen"]) not in body


def test_editor_is_offered_the_edit_links(client, cast, demo):
    body = html(logged_in(client, cast.policy_officer).get(DRAFT_URL))

    assert reverse("policy:policy_edit", args=["bland-dig-i-byen"]) in body
    assert reverse("policy:theme_create", args=["bland-dig-i-byen"]) in body
    assert f"{reverse('policy:goal_create')}?politik=bland-dig-i-byen" in body


def test_public_policy_shows_the_amended_vision_and_six_guideposts(client, demo):
    response = client.get(PUBLIC_URL)

    body, text = html(response), page_text(response)
    assert (
        "samt sikre integration af borgere med etnisk minoritetsbaggrund og andre minoriteter"
        in text
    )
    assert "Version 3, gældende fra 20. juni 2022." in text
    guideposts = list(response.context["guideposts"])
    assert [g.number for g in guideposts] == [1, 2, 3, 4, 5, 6]
    for guidepost in guideposts:
        assert guidepost.get_absolute_url() in body
    # Only 'Integration og sprog' was amended at the meeting.
    section = text.split("Pejlemærker", 1)[1].split("Særlige fokusområder", 1)[0]
    assert section.count("ændret") == 1
    assert "og kendskab til den danske model. ændret" in section
    assert "Ukrainske flygtninge i København" in text
    assert "Iværksætteri" in text  # a topic planned for a theme discussion
    assert "Afholdt 23. maj 2022" in text


def test_anonymous_is_not_shown_the_money(client, demo):
    crud.update(actor=None, instance=demo.appropriation, changes={"policy": demo.public})

    text = page_text(client.get(PUBLIC_URL))

    assert "Bevillinger" not in text
    assert "1.500.000,00 kr." not in text


@pytest.mark.parametrize("goals", [3, 60])
def test_query_count_does_not_grow_with_goals_and_initiatives(
    client, cast, demo, django_assert_max_num_queries, goals
):
    theme = demo.draft.themes.get(number=2)
    made = add_goals(goals, policy=demo.draft, theme=theme)
    add_goals(goals, policy=demo.draft)  # outside any theme: 'Andre mål'
    add_initiatives(goals, policy=demo.draft, theme=theme, goals=made[:2])
    add_initiatives(1, policy=demo.draft, theme=theme, is_lighthouse=True)
    client = logged_in(client, cast.policy_officer)

    with django_assert_max_num_queries(25):
        response = client.get(DRAFT_URL)

    assert response.status_code == 200
    assert html(response).count("Testmål") == 2 * goals
    assert Initiative.objects.filter(theme=theme).count() == goals + 1


@pytest.mark.parametrize("goals", [3, 60])
def test_public_query_count_does_not_grow_with_goals_under_guideposts(
    client, demo, django_assert_max_num_queries, goals
):
    for guidepost in demo.public.guideposts.all():
        add_goals(goals // 3 or 1, policy=demo.public, guidepost=guidepost)

    # Six guideposts with their current wording: one query for all, not one each.
    with django_assert_max_num_queries(21):
        response = client.get(PUBLIC_URL)

    assert response.status_code == 200


# --- Completeness ---------------------------------------------------------------------------


def test_completeness_lists_every_theme_placeholder(client, cast, demo):
    url = reverse("policy:policy_completeness", args=["bland-dig-i-byen"])

    response = logged_in(client, cast.committee_member).get(url)

    gaps = [(str(gap.obj), str(gap.missing)) for gap in response.context["gaps"]]
    assert gaps == [
        ("Bland dig i byen", "overordnet målsætning"),
        ("1. Mangfoldig arbejdsplads", "konkrete mål"),
        ("1. Mangfoldig arbejdsplads", "fyrtårnsprojekt"),
        ("2. Bedre præstationer i folkeskolen", "konkrete mål"),
        ("2. Bedre præstationer i folkeskolen", "initiativer"),
        ("2. Bedre præstationer i folkeskolen", "fyrtårnsprojekt"),
        ("3. En blandet by", "konkrete mål"),
        ("3. En blandet by", "initiativer"),
        ("3. En blandet by", "fyrtårnsprojekt"),
        ("4. Flere bidrager til byens vækst", "konkrete mål"),
        ("4. Flere bidrager til byens vækst", "initiativer"),
        ("4. Flere bidrager til byens vækst", "fyrtårnsprojekt"),
    ]
    text = page_text(response)
    for theme in demo.draft.themes.all():
        assert theme.get_absolute_url() in html(response)
        assert f"{theme} Konkrete mål {theme.goals_placeholder}" in text
        assert f"{theme} Fyrtårnsprojekt {theme.lighthouse_placeholder}" in text
        if theme.number > 1:
            assert f"{theme} Initiativer {theme.initiatives_placeholder}" in text


def test_completeness_names_goals_without_a_target(client, cast, demo):
    theme = demo.draft.themes.get(number=3)
    [vague] = add_goals(1, policy=demo.draft, theme=theme)
    [undated] = add_goals(1, policy=demo.draft, theme=theme, target_value=10)
    url = reverse("policy:policy_completeness", args=["bland-dig-i-byen"])

    gaps = [
        (gap.obj, str(gap.missing))
        for gap in logged_in(client, cast.advisor).get(url).context["gaps"]
    ]

    assert (vague, "målværdi") in gaps
    assert (undated, "målår") in gaps
    assert (theme, "konkrete mål") not in gaps


def test_public_policy_is_complete(client, demo):
    response = client.get(reverse("policy:policy_completeness", args=[PUBLIC]))
    # No themes to fill in, every guidepost says how the work goes on, the vision has versions.
    assert response.context["gaps"] == []
    assert "Politikken er fuldstændig" in page_text(response)
