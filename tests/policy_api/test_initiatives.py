"""GET, POST and PATCH /api/v1/initiatives."""

import pytest

from pejling.policy.models import Initiative
from tests.policy_api.factories import make_goal, make_initiative, make_policy, make_theme
from tests.policy_api.support import (
    A_CPR_NUMBER,
    assert_cpr_refused,
    assert_forbidden,
    assert_invalid,
    assert_not_found,
    assert_unauthenticated,
    audit_events,
)


@pytest.fixture
def public(db):
    return make_policy("public-policy")


@pytest.fixture
def draft(db):
    return make_policy("draft-policy", public=False)


# --- GET /initiatives -----------------------------------------------------------------------


def test_initiative_list_shows_anonymous_callers_public_initiatives(api, cast, public, draft):
    goals = [make_goal(public, "Mål 1"), make_goal(public, "Mål 2")]
    initiative = make_initiative(
        public,
        theme=make_theme(public),
        goals=goals,
        status="ongoing",
        responsible=cast.administration,
        starts_on="2024-01-01",
        ends_on="2024-12-31",
    )
    make_initiative(draft, "Hemmeligt")

    body = api.get("/initiatives").json()

    assert body["count"] == 1
    [item] = body["items"]
    assert item["id"] == initiative.pk
    assert item["goal_ids"] == [g.pk for g in goals]
    assert item["status"] == "ongoing"
    assert item["status_label"] == "I gang"
    assert item["responsible"]["short_name"] == "BIF"
    assert (item["starts_on"], item["ends_on"]) == ("2024-01-01", "2024-12-31")
    assert item["url"] == f"/politik/initiativer/{initiative.pk}/"


def test_initiative_list_filters(api, cast, public, draft):
    theme = make_theme(public)
    goal = make_goal(public)
    lighthouse = make_initiative(public, "Fyrtårn", theme=theme, is_lighthouse=True, goals=[goal])
    make_initiative(public, "Almindeligt", status="completed")
    make_initiative(draft, "Udkast")

    def titles(**params):
        return {i["title"] for i in api.get("/initiatives", cast.analyst, **params).json()["items"]}

    assert titles(policy="public-policy") == {"Fyrtårn", "Almindeligt"}
    assert titles(theme=theme.pk) == {"Fyrtårn"}
    assert titles(goal=goal.pk) == {"Fyrtårn"}
    assert titles(status="completed") == {"Almindeligt"}
    assert titles(lighthouse="true") == {"Fyrtårn"}
    assert titles() == {"Fyrtårn", "Almindeligt", "Udkast"}
    assert lighthouse.is_lighthouse


@pytest.mark.parametrize("rows", [3, 30])
def test_initiative_list_query_count_does_not_grow_with_rows(
    api, cast, public, rows, django_assert_max_num_queries
):
    goals = [make_goal(public, f"Mål {n}") for n in range(3)]
    for n in range(rows):
        make_initiative(
            public, f"Initiativ {n}", goals=goals[: n % 3 + 1], responsible=cast.administration
        )
    api.get("/initiatives", cast.policy_officer)

    with django_assert_max_num_queries(5):
        response = api.client.get("/api/v1/initiatives", **api.headers(cast.policy_officer))

    assert response.json()["count"] == rows


# --- GET /initiatives/{id} ------------------------------------------------------------------


def test_initiative_detail(api, public):
    initiative = make_initiative(public, description="Beskrivelse")

    body = api.get(f"/initiatives/{initiative.pk}").json()

    assert body["description"] == "Beskrivelse"
    assert body["policy"]["slug"] == "public-policy"


def test_initiative_of_a_draft_is_404_for_anonymous_callers_and_outsiders(api, cast, draft):
    initiative = make_initiative(draft)

    assert_not_found(api.get(f"/initiatives/{initiative.pk}"))
    assert_not_found(api.get(f"/initiatives/{initiative.pk}", cast.outsider))
    assert api.get(f"/initiatives/{initiative.pk}", cast.advisor).status_code == 200


# --- POST /initiatives ----------------------------------------------------------------------


def test_policy_officer_creates_an_initiative_with_goals(api, cast, public):
    goals = [make_goal(public, "Mål 1"), make_goal(public, "Mål 2")]
    theme = make_theme(public)

    response = api.post(
        "/initiatives",
        {
            "policy": "public-policy",
            "theme_id": theme.pk,
            "goal_ids": [g.pk for g in goals],
            "title": "Jobcafé i Nordvest",
            "is_lighthouse": True,
            "responsible_id": cast.administration.pk,
            "starts_on": "2025-02-01",
        },
        cast.policy_officer,
    )

    assert response.status_code == 201, response.content
    initiative = Initiative.objects.get()
    assert response.json()["goal_ids"] == [g.pk for g in goals]
    assert set(initiative.goals.all()) == set(goals)
    [event] = audit_events(initiative)
    assert event.action == "create"
    assert event.changes["goals"] == {"before": None, "after": sorted(g.pk for g in goals)}
    assert event.actor == cast.policy_officer


def test_anonymous_cannot_create_an_initiative(api, public):
    assert_unauthenticated(api.post("/initiatives", {"policy": "public-policy", "title": "X"}))


@pytest.mark.parametrize("role", ["outsider", "committee_member", "contact_person"])
def test_only_policy_officers_create_initiatives(api, cast, public, role):
    response = api.post(
        "/initiatives", {"policy": "public-policy", "title": "X"}, getattr(cast, role)
    )

    assert_forbidden(response)
    assert not Initiative.objects.exists()


def test_initiative_with_goals_of_another_policy_is_refused(api, cast, public, draft):
    response = api.post(
        "/initiatives",
        {
            "policy": "public-policy",
            "title": "X",
            "goal_ids": [make_goal(public).pk, make_goal(draft).pk],
        },
        cast.policy_officer,
    )

    assert_invalid(response, "goal_ids", "Vælg kun mål fra den samme politik som initiativet.")
    assert not Initiative.objects.exists()


def test_initiative_with_unknown_goals_is_refused(api, cast, public):
    response = api.post(
        "/initiatives",
        {"policy": "public-policy", "title": "X", "goal_ids": [998, 999]},
        cast.policy_officer,
    )

    assert_invalid(response, "goal_ids", "Der findes ikke mål med id 998, 999.")


def test_initiative_with_a_theme_of_another_policy_is_refused(api, cast, public, draft):
    response = api.post(
        "/initiatives",
        {"policy": "public-policy", "title": "X", "theme_id": make_theme(draft).pk},
        cast.policy_officer,
    )

    assert_invalid(response, "theme_id", "Vælg et tema fra den samme politik som initiativet.")
    assert not Initiative.objects.exists()


def test_initiative_ending_before_it_starts_is_refused(api, cast, public):
    response = api.post(
        "/initiatives",
        {
            "policy": "public-policy",
            "title": "X",
            "starts_on": "2025-06-01",
            "ends_on": "2025-01-01",
        },
        cast.policy_officer,
    )

    assert_invalid(response, "ends_on", "Slutdatoen kan ikke ligge før startdatoen.")
    assert not Initiative.objects.exists()


def test_initiative_with_a_cpr_number_is_refused(api, cast, public):
    response = api.post(
        "/initiatives",
        {"policy": "public-policy", "title": A_CPR_NUMBER},
        cast.policy_officer,
    )

    assert_cpr_refused(response, "title")
    assert not Initiative.objects.exists()


# --- PATCH /initiatives/{id} ----------------------------------------------------------------


def test_policy_officer_replaces_the_goals(api, cast, public):
    old, new = make_goal(public, "Gammelt"), make_goal(public, "Nyt")
    initiative = make_initiative(public, goals=[old])

    response = api.patch(
        f"/initiatives/{initiative.pk}", {"goal_ids": [new.pk]}, cast.policy_officer
    )

    assert response.status_code == 200, response.content
    assert response.json()["goal_ids"] == [new.pk]
    [event] = audit_events(initiative, "update")
    assert event.changes == {"goals": {"before": [old.pk], "after": [new.pk]}}


def test_changing_other_fields_keeps_the_goals(api, cast, public):
    goal = make_goal(public)
    initiative = make_initiative(public, goals=[goal])

    response = api.patch(
        f"/initiatives/{initiative.pk}", {"status": "completed"}, cast.policy_officer
    )

    assert response.json()["goal_ids"] == [goal.pk]
    assert response.json()["status"] == "completed"


def test_moving_an_initiative_away_from_its_goals_policy_is_refused(api, cast, public, draft):
    initiative = make_initiative(public, goals=[make_goal(public)])

    response = api.patch(
        f"/initiatives/{initiative.pk}", {"policy": "draft-policy"}, cast.policy_officer
    )

    assert_invalid(response, "goal_ids", "Vælg kun mål fra den samme politik som initiativet.")
    initiative.refresh_from_db()
    assert initiative.policy == public


def test_initiative_change_with_a_bad_period_saves_nothing(api, cast, public):
    goal = make_goal(public)
    initiative = make_initiative(public, starts_on="2025-06-01")

    response = api.patch(
        f"/initiatives/{initiative.pk}",
        {"goal_ids": [goal.pk], "title": "Ny titel", "ends_on": "2025-01-01"},
        cast.policy_officer,
    )

    assert_invalid(response, "ends_on", "Slutdatoen kan ikke ligge før startdatoen.")
    initiative.refresh_from_db()
    assert initiative.title == "Jobcafé"
    assert not initiative.goals.exists()
    assert not audit_events(initiative, "update").exists()


def test_anonymous_cannot_change_an_initiative(api, public):
    initiative = make_initiative(public)

    assert_unauthenticated(api.patch(f"/initiatives/{initiative.pk}", {"title": "X"}))


def test_readers_cannot_change_an_initiative(api, cast, public):
    initiative = make_initiative(public)

    assert_forbidden(api.patch(f"/initiatives/{initiative.pk}", {"title": "X"}, cast.advisor))
    assert_forbidden(api.patch(f"/initiatives/{initiative.pk}", {"title": "X"}, cast.outsider))
    initiative.refresh_from_db()
    assert initiative.title == "Jobcafé"


def test_initiative_change_with_a_cpr_number_is_refused(api, cast, public):
    initiative = make_initiative(public)

    response = api.patch(
        f"/initiatives/{initiative.pk}", {"description": A_CPR_NUMBER}, cast.policy_officer
    )

    assert_cpr_refused(response, "description")
