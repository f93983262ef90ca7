"""GET, POST and PATCH /api/v1/goals."""

import pytest

from pejling.policy.models import Goal
from tests.policy_api.factories import (
    make_focus_area,
    make_goal,
    make_guidepost,
    make_initiative,
    make_policy,
    make_theme,
)
from tests.policy_api.support import (
    A_CPR_NUMBER,
    assert_cpr_refused,
    assert_forbidden,
    assert_invalid,
    assert_not_found,
    assert_unauthenticated,
    audit_events,
)

SAME_POLICY = "Vælg et tema, pejlemærke eller fokusområde fra den samme politik som målet."


@pytest.fixture
def public(db):
    return make_policy("public-policy")


@pytest.fixture
def draft(db):
    return make_policy("draft-policy", public=False)


# --- GET /goals -----------------------------------------------------------------------------


def test_goal_list_shows_anonymous_callers_the_goals_of_public_policies(api, public, draft):
    theme = make_theme(public)
    goal = make_goal(public, theme=theme, target_value="75.50", unit="%", target_year=2025)
    initiative = make_initiative(public, goals=[goal])
    make_goal(draft, "Hemmeligt mål")

    response = api.get("/goals")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [item] = body["items"]
    assert item["id"] == goal.pk
    assert item["policy"] == {
        "id": public.pk,
        "slug": "public-policy",
        "title": "Public policy",
        "url": "/politik/public-policy/",
    }
    assert item["theme_id"] == theme.pk
    assert item["target_value"] == "75.50"
    assert item["target_year"] == 2025
    assert item["initiative_ids"] == [initiative.pk]
    assert item["url"] == f"/politik/maal/{goal.pk}/"


def test_goal_list_filters_by_policy_slug_and_theme(api, cast, public, draft):
    theme = make_theme(public)
    in_theme = make_goal(public, "I temaet", theme=theme)
    make_goal(public, "Uden tema")
    make_goal(draft, "Udkastets mål")

    by_policy = api.get("/goals", cast.advisor, policy="public-policy").json()
    by_theme = api.get("/goals", cast.advisor, theme=theme.pk).json()
    everything = api.get("/goals", cast.advisor).json()

    assert {g["title"] for g in by_policy["items"]} == {"I temaet", "Uden tema"}
    assert [g["id"] for g in by_theme["items"]] == [in_theme.pk]
    assert everything["count"] == 3


def test_goal_list_with_a_bad_theme_filter_is_422(api, cast):
    assert api.get("/goals", cast.advisor, theme="first").status_code == 422


@pytest.mark.parametrize("rows", [3, 30])
def test_goal_list_query_count_does_not_grow_with_rows(
    api, cast, public, rows, django_assert_max_num_queries
):
    themes = [make_theme(public, n) for n in (1, 2, 3)]
    for n in range(rows):
        goal = make_goal(public, f"Mål {n}", theme=themes[n % 3], owner=cast.administration)
        make_initiative(public, f"Initiativ {n}", goals=[goal])
    api.get("/goals", cast.policy_officer)

    with django_assert_max_num_queries(5):
        response = api.client.get("/api/v1/goals", **api.headers(cast.policy_officer))

    assert response.json()["count"] == rows


# --- GET /goals/{id} ------------------------------------------------------------------------


def test_goal_detail(api, cast, public):
    goal = make_goal(public, owner=cast.administration, direction="lower")

    body = api.get(f"/goals/{goal.pk}").json()

    assert body["title"] == "Flere i job"
    assert body["direction"] == "lower"
    assert body["owner"]["short_name"] == "BIF"


def test_goal_of_a_draft_is_404_for_anonymous_callers_and_outsiders(api, cast, draft):
    goal = make_goal(draft)

    assert_not_found(api.get(f"/goals/{goal.pk}"))
    assert_not_found(api.get(f"/goals/{goal.pk}", cast.outsider))
    assert api.get(f"/goals/{goal.pk}", cast.contact_person).status_code == 200


def test_unknown_goal_is_404(api, cast):
    assert_not_found(api.get("/goals/999", cast.policy_officer))


# --- POST /goals ----------------------------------------------------------------------------


def test_policy_officer_creates_a_goal(api, cast, draft):
    theme = make_theme(draft)
    guidepost = make_guidepost(draft)
    area = make_focus_area(draft)

    response = api.post(
        "/goals",
        {
            "policy": "draft-policy",
            "theme_id": theme.pk,
            "guidepost_id": guidepost.pk,
            "focus_area_id": area.pk,
            "title": "Flere i uddannelse",
            "target_value": "1250.25",
            "unit": "personer",
            "target_year": 2026,
            "owner_id": cast.administration.pk,
        },
        cast.policy_officer,
    )

    assert response.status_code == 201, response.content
    body = response.json()
    goal = Goal.objects.get()
    assert body["id"] == goal.pk
    assert body["target_value"] == "1250.25"
    assert (goal.theme, goal.guidepost, goal.focus_area) == (theme, guidepost, area)
    [event] = audit_events(goal)
    assert event.action == "create"
    assert event.actor == cast.policy_officer
    assert event.channel == "api"


def test_anonymous_cannot_create_a_goal(api, public):
    assert_unauthenticated(api.post("/goals", {"policy": "public-policy", "title": "X"}))
    assert not Goal.objects.exists()


@pytest.mark.parametrize("role", ["outsider", "advisor", "analyst"])
def test_only_policy_officers_create_goals(api, cast, public, role):
    response = api.post("/goals", {"policy": "public-policy", "title": "X"}, getattr(cast, role))

    assert_forbidden(response)
    assert not Goal.objects.exists()


@pytest.mark.parametrize("part", ["theme_id", "guidepost_id", "focus_area_id"])
def test_goal_with_a_part_of_another_policy_is_refused(api, cast, public, draft, part):
    other = {
        "theme_id": make_theme(draft),
        "guidepost_id": make_guidepost(draft),
        "focus_area_id": make_focus_area(draft),
    }[part]

    response = api.post(
        "/goals",
        {"policy": "public-policy", "title": "Flere i job", part: other.pk},
        cast.policy_officer,
    )

    assert_invalid(response, part, SAME_POLICY)
    assert not Goal.objects.exists()


def test_goal_for_an_unknown_policy_is_refused(api, cast):
    response = api.post("/goals", {"policy": "no-such", "title": "X"}, cast.policy_officer)

    assert_invalid(response, "policy", "Der findes ingen politik med kortnavnet “no-such”.")


def test_goal_with_an_unknown_theme_is_refused(api, cast, public):
    response = api.post(
        "/goals",
        {"policy": "public-policy", "title": "X", "theme_id": 999},
        cast.policy_officer,
    )

    assert_invalid(response, "theme_id", "999")
    assert not Goal.objects.exists()


def test_goal_with_a_cpr_number_is_refused(api, cast, public):
    response = api.post(
        "/goals",
        {"policy": "public-policy", "title": "X", "description": A_CPR_NUMBER},
        cast.policy_officer,
    )

    assert_cpr_refused(response, "description")
    assert not Goal.objects.exists()


def test_goal_with_an_unknown_direction_is_refused(api, cast, public):
    response = api.post(
        "/goals",
        {"policy": "public-policy", "title": "X", "direction": "sideways"},
        cast.policy_officer,
    )

    assert_invalid(response, "direction", "sideways")


# --- PATCH /goals/{id} ----------------------------------------------------------------------


def test_policy_officer_changes_a_goal(api, cast, public):
    goal = make_goal(public, unit="%")
    theme = make_theme(public)

    response = api.patch(
        f"/goals/{goal.pk}", {"theme_id": theme.pk, "target_value": "80"}, cast.policy_officer
    )

    assert response.status_code == 200, response.content
    assert response.json()["target_value"] == "80.00"
    goal.refresh_from_db()
    assert goal.theme == theme
    assert goal.unit == "%"
    [event] = audit_events(goal, "update")
    assert set(event.changes) == {"theme", "target_value"}


def test_moving_a_goal_to_another_policy_with_its_old_theme_is_refused(api, cast, public, draft):
    goal = make_goal(public, theme=make_theme(public))

    response = api.patch(f"/goals/{goal.pk}", {"policy": "draft-policy"}, cast.policy_officer)

    assert_invalid(response, "theme_id", SAME_POLICY)
    goal.refresh_from_db()
    assert goal.policy == public
    assert not audit_events(goal, "update").exists()


def test_moving_a_goal_with_a_theme_of_the_new_policy(api, cast, public, draft):
    goal = make_goal(public, theme=make_theme(public))
    theme = make_theme(draft)

    response = api.patch(
        f"/goals/{goal.pk}", {"policy": "draft-policy", "theme_id": theme.pk}, cast.policy_officer
    )

    assert response.status_code == 200, response.content
    assert response.json()["policy"]["slug"] == "draft-policy"


def test_goal_change_with_a_theme_of_another_policy_saves_nothing(api, cast, public, draft):
    goal = make_goal(public)

    response = api.patch(
        f"/goals/{goal.pk}",
        {"title": "Ny titel", "theme_id": make_theme(draft).pk},
        cast.policy_officer,
    )

    assert_invalid(response, "theme_id", SAME_POLICY)
    goal.refresh_from_db()
    assert goal.title == "Flere i job"


def test_anonymous_cannot_change_a_goal(api, public):
    goal = make_goal(public)

    assert_unauthenticated(api.patch(f"/goals/{goal.pk}", {"title": "X"}))


def test_readers_cannot_change_a_goal(api, cast, public, draft):
    goal = make_goal(public)
    hidden = make_goal(draft)

    assert_forbidden(api.patch(f"/goals/{goal.pk}", {"title": "X"}, cast.coordinator))
    assert_forbidden(api.patch(f"/goals/{goal.pk}", {"title": "X"}, cast.outsider))
    assert_not_found(api.patch(f"/goals/{hidden.pk}", {"title": "X"}, cast.outsider))
    assert set(Goal.objects.values_list("title", flat=True)) == {"Flere i job"}


def test_goal_change_with_a_cpr_number_is_refused(api, cast, public):
    goal = make_goal(public)

    assert_cpr_refused(
        api.patch(f"/goals/{goal.pk}", {"title": A_CPR_NUMBER}, cast.policy_officer), "title"
    )
    goal.refresh_from_db()
    assert goal.title == "Flere i job"
