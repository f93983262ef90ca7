"""GET, POST and PATCH /api/v1/policies."""

import pytest

from pejling.core import crud
from pejling.policy.models import Policy, Principle
from pejling.policy.services import add_text_version
from tests.policy_api.factories import (
    make_body,
    make_focus_area,
    make_goal,
    make_guidepost,
    make_initiative,
    make_plan,
    make_policy,
    make_text,
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
    count_queries,
)

# --- GET /policies ----------------------------------------------------------------------------


def test_anonymous_callers_see_only_public_adopted_policies(api, db):
    make_policy("public-policy")
    make_policy("draft-policy", public=False)
    make_policy("adopted-but-internal", is_public=False)

    response = api.get("/policies")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [policy] = body["items"]
    assert policy["slug"] == "public-policy"
    assert policy["status"] == "adopted"
    assert policy["status_label"] == "Vedtaget"
    assert policy["url"] == "/politik/public-policy/"
    assert policy["owner_committee"]["short_name"] == "BIU"


def test_staff_see_every_policy(api, cast):
    make_policy("public-policy")
    make_policy("draft-policy", public=False)

    body = api.get("/policies", cast.committee_member).json()

    assert {p["slug"] for p in body["items"]} == {"public-policy", "draft-policy"}


def test_outsider_sees_what_the_public_sees(api, cast):
    make_policy("public-policy")
    make_policy("draft-policy", public=False)

    body = api.get("/policies", cast.outsider).json()

    assert [p["slug"] for p in body["items"]] == ["public-policy"]


def test_policies_filter_by_status_and_title(api, cast):
    make_policy("public-policy", title="Integrationspolitik")
    make_policy("draft-policy", public=False, title="Beskæftigelsesplan")

    drafts = api.get("/policies", cast.advisor, status="draft").json()
    found = api.get("/policies", cast.advisor, q="integration").json()

    assert [p["slug"] for p in drafts["items"]] == ["draft-policy"]
    assert [p["slug"] for p in found["items"]] == ["public-policy"]


def test_a_bad_token_is_refused_even_where_anonymous_callers_may_read(api, db):
    make_policy("public-policy")

    assert_unauthenticated(api.client.get("/api/v1/policies", HTTP_AUTHORIZATION="Bearer pjl_x"))


def test_a_browser_session_works(api, cast):
    make_policy("draft-policy", public=False)
    api.client.force_login(cast.analyst)

    body = api.client.get("/api/v1/policies").json()

    assert [p["slug"] for p in body["items"]] == ["draft-policy"]


@pytest.mark.parametrize("rows", [3, 30])
def test_policy_list_query_count_does_not_grow_with_rows(
    api, cast, rows, django_assert_max_num_queries
):
    for n in range(rows):
        make_policy(f"policy-{n}", public=n % 2 == 0)
    headers = api.headers(cast.policy_officer)
    api.get("/policies", cast.policy_officer)  # the token's first use is written once

    with django_assert_max_num_queries(4):
        response = api.client.get("/api/v1/policies", **headers)

    assert response.json()["count"] == rows


def test_policy_list_pages(api, cast):
    for n in range(3):
        make_policy(f"policy-{n}")

    body = api.get("/policies", cast.advisor, page=2, page_size=2).json()

    assert body["count"] == 3
    assert len(body["items"]) == 1


# --- GET /policies/{slug} -------------------------------------------------------------------


@pytest.fixture
def chain(db):
    """A public policy with a versioned vision, a principle, a theme with a goal, an initiative
    and a lighthouse project, a guidepost with amended wording, a focus area and an action plan."""
    policy = make_policy("public-policy", overall_goal_placeholder="[overordnet mål]")
    vision = make_text(policy, "Den første vision.")
    add_text_version(
        actor=None,
        text=vision,
        body="Den ændrede vision.",
        valid_from=vision.versions.get().valid_from.replace(year=2023),
        reason="amendment",
    )
    crud.create(actor=None, instance=Principle(policy=policy, number=1, text="Lige behandling"))
    theme = make_theme(
        policy,
        goals_placeholder="[Her indsættes mål]",
        initiatives_placeholder="[Her indsættes initiativer]",
        lighthouse_placeholder="[Her indsættes et fyrtårn]",
    )
    empty_theme = make_theme(policy, 2, goals_placeholder="[Mål for tema 2]")
    guidepost = make_guidepost(policy, wording="Den første ordlyd.")
    add_text_version(
        actor=None,
        text=guidepost.wording,
        body="Den ændrede ordlyd.",
        valid_from=guidepost.wording.versions.get().valid_from.replace(year=2023),
        reason="amendment",
    )
    area = make_focus_area(policy)
    goal = make_goal(policy, theme=theme, guidepost=guidepost, focus_area=area)
    initiative = make_initiative(policy, theme=theme, goals=[goal])
    lighthouse = make_initiative(policy, "Fyrtårn", theme=theme, is_lighthouse=True)
    plan = make_plan(policy)
    return {
        "policy": policy,
        "vision": vision,
        "theme": theme,
        "empty_theme": empty_theme,
        "guidepost": guidepost,
        "area": area,
        "goal": goal,
        "initiative": initiative,
        "lighthouse": lighthouse,
        "plan": plan,
    }


def test_policy_detail_nests_the_chain(api, chain):
    response = api.get("/policies/public-policy")

    assert response.status_code == 200
    body = response.json()
    assert body["overall_goal_placeholder"] == "[overordnet mål]"
    assert body["vision"]["current"]["number"] == 2
    assert body["vision"]["current"]["body"] == "Den ændrede vision."
    assert body["vision"]["current"]["valid_from"] == "2023-01-01"
    assert body["vision"]["version_count"] == 2
    assert body["vision"]["url"] == f"/politik/tekster/{chain['vision'].pk}/"
    assert body["principles"] == [{"number": 1, "text": "Lige behandling"}]

    theme, empty = body["themes"]
    assert theme["id"] == chain["theme"].pk
    assert theme["url"] == f"/politik/temaer/{chain['theme'].pk}/"
    assert theme["goal_ids"] == [chain["goal"].pk]
    assert theme["initiative_ids"] == [chain["initiative"].pk, chain["lighthouse"].pk]
    assert theme["lighthouse_ids"] == [chain["lighthouse"].pk]
    assert theme["placeholders"] == {
        "goals": "[Her indsættes mål]",
        "initiatives": "[Her indsættes initiativer]",
        "lighthouse": "[Her indsættes et fyrtårn]",
    }
    assert empty["goal_ids"] == []
    assert empty["placeholders"]["goals"] == "[Mål for tema 2]"

    [guidepost] = body["guideposts"]
    assert guidepost["wording"]["current"]["number"] == 2
    assert guidepost["wording"]["current"]["body"] == "Den ændrede ordlyd."
    assert guidepost["goal_ids"] == [chain["goal"].pk]
    assert guidepost["url"] == f"/politik/pejlemaerker/{chain['guidepost'].pk}/"

    [area] = body["focus_areas"]
    assert area["goal_ids"] == [chain["goal"].pk]
    assert area["valid_from"] == "2022-01-01"
    assert area["url"] == f"/politik/fokusomraader/{chain['area'].pk}/"
    assert body["action_plan_ids"] == [chain["plan"].pk]


def test_policy_detail_query_count_is_bounded(api, chain, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        assert api.get("/policies/public-policy").status_code == 200


def test_policy_detail_query_count_does_not_grow_with_themes_and_guideposts(api, chain):
    policy = chain["policy"]
    before = count_queries(lambda: api.get("/policies/public-policy"))
    for number in range(3, 13):
        theme = make_theme(policy, number)
        make_goal(policy, theme=theme)
        make_initiative(policy, theme=theme)
        make_guidepost(policy, number)
        make_focus_area(policy, number)

    after = count_queries(lambda: api.get("/policies/public-policy"))

    assert after == before


def test_policy_detail_without_a_vision(api, db):
    make_policy("public-policy")

    body = api.get("/policies/public-policy").json()

    assert body["vision"] is None
    assert body["themes"] == []


def test_unknown_slug_is_404(api, cast):
    assert_not_found(api.get("/policies/no-such-policy", cast.policy_officer))


def test_draft_policy_is_404_for_anonymous_callers_and_outsiders(api, cast):
    make_policy("draft-policy", public=False)

    assert_not_found(api.get("/policies/draft-policy"))
    assert_not_found(api.get("/policies/draft-policy", cast.outsider))
    assert api.get("/policies/draft-policy", cast.committee_member).status_code == 200


# --- POST /policies -------------------------------------------------------------------------


@pytest.fixture
def new_policy(db) -> dict:
    return {
        "title": "Integrationspolitik 2026",
        "slug": "integration-2026",
        "summary": "  Et resumé.  ",
        "period_start": 2026,
        "period_end": 2029,
        "owner_committee_id": make_body().pk,
    }


def test_policy_officer_creates_a_policy(api, cast, new_policy):
    response = api.post("/policies", new_policy, cast.policy_officer)

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["slug"] == "integration-2026"
    assert body["status"] == "draft"
    assert body["summary"] == "Et resumé."
    assert body["url"] == "/politik/integration-2026/"
    policy = Policy.objects.get(slug="integration-2026")
    [event] = audit_events(policy)
    assert event.action == "create"
    assert event.actor == cast.policy_officer
    assert event.channel == "api"
    assert event.path == "/api/v1/policies"


def test_anonymous_cannot_create_a_policy(api, new_policy):
    assert_unauthenticated(api.post("/policies", new_policy))
    assert not Policy.objects.exists()


@pytest.mark.parametrize("role", ["outsider", "committee_member", "coordinator", "administrator"])
def test_only_policy_officers_create_policies(api, cast, new_policy, role):
    assert_forbidden(api.post("/policies", new_policy, getattr(cast, role)))
    assert not Policy.objects.exists()


def test_policy_with_a_cpr_number_is_refused(api, cast, new_policy):
    response = api.post("/policies", new_policy | {"summary": A_CPR_NUMBER}, cast.policy_officer)

    assert_cpr_refused(response, "summary")
    assert not Policy.objects.exists()


def test_policy_with_a_reversed_period_is_refused(api, cast, new_policy):
    response = api.post("/policies", new_policy | {"period_end": 2020}, cast.policy_officer)

    assert_invalid(response, "period_end", "Perioden kan ikke slutte, før den begynder.")
    assert not Policy.objects.exists()


def test_policy_with_a_taken_slug_is_refused(api, cast, new_policy):
    make_policy("integration-2026")

    response = api.post("/policies", new_policy, cast.policy_officer)

    assert_invalid(response, "slug", "eksisterer allerede")
    assert Policy.objects.count() == 1


def test_policy_with_an_unknown_committee_is_refused_under_the_sent_name(api, cast, new_policy):
    response = api.post("/policies", new_policy | {"owner_committee_id": 999}, cast.policy_officer)

    assert_invalid(response, "owner_committee_id", "999")
    assert not Policy.objects.exists()


def test_policy_with_an_unknown_field_is_refused(api, cast, new_policy):
    response = api.post("/policies", new_policy | {"colour": "blå"}, cast.policy_officer)

    assert response.status_code == 422
    assert not Policy.objects.exists()


def test_policy_errors_follow_accept_language(api, cast, new_policy):
    response = api.client.post(
        "/api/v1/policies",
        new_policy | {"title": ""},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **api.headers(cast.policy_officer),
    )

    assert response.status_code == 400
    assert response.json()["detail"] == "Nothing was saved: correct the errors."
    assert response.json()["errors"]["title"] == ["This field cannot be blank."]


# --- PATCH /policies/{slug} -----------------------------------------------------------------


def test_policy_officer_changes_only_the_fields_sent(api, cast):
    policy = make_policy("public-policy", subtitle="Undertitel")

    response = api.patch(
        "/policies/public-policy",
        {"title": "Ny titel", "period_end": None},
        cast.policy_officer,
    )

    assert response.status_code == 200, response.content
    policy.refresh_from_db()
    assert policy.title == "Ny titel"
    assert policy.period_end is None
    assert policy.subtitle == "Undertitel"
    [event] = audit_events(policy, "update")
    assert set(event.changes) == {"title", "period_end"}
    assert event.actor == cast.policy_officer


def test_changing_the_slug_answers_with_the_new_address(api, cast):
    make_policy("public-policy")

    body = api.patch("/policies/public-policy", {"slug": "new-slug"}, cast.policy_officer).json()

    assert body["url"] == "/politik/new-slug/"
    assert Policy.objects.get().slug == "new-slug"


def test_anonymous_cannot_change_a_policy(api, db):
    make_policy("public-policy")

    assert_unauthenticated(api.patch("/policies/public-policy", {"title": "X"}))


def test_readers_cannot_change_a_policy(api, cast):
    make_policy("public-policy")

    assert_forbidden(api.patch("/policies/public-policy", {"title": "X"}, cast.outsider))
    assert_forbidden(api.patch("/policies/public-policy", {"title": "X"}, cast.analyst))
    assert Policy.objects.get().title == "Public policy"


def test_outsider_changing_a_draft_gets_404(api, cast):
    make_policy("draft-policy", public=False)

    assert_not_found(api.patch("/policies/draft-policy", {"title": "X"}, cast.outsider))


def test_policy_change_with_a_reserved_slug_saves_nothing(api, cast):
    policy = make_policy("public-policy")

    response = api.patch(
        "/policies/public-policy", {"title": "Ny titel", "slug": "budget"}, cast.policy_officer
    )

    assert_invalid(response, "slug", "Dette kortnavn er reserveret.")
    policy.refresh_from_db()
    assert (policy.title, policy.slug) == ("Public policy", "public-policy")
    assert not audit_events(policy, "update").exists()


def test_policy_change_with_a_cpr_number_is_refused(api, cast):
    make_policy("public-policy")

    response = api.patch(
        "/policies/public-policy", {"adoption_reference": A_CPR_NUMBER}, cast.policy_officer
    )

    assert_cpr_refused(response, "adoption_reference")
    assert Policy.objects.get().adoption_reference == ""


def test_policy_change_to_null_title_is_refused(api, cast):
    make_policy("public-policy")

    response = api.patch("/policies/public-policy", {"title": None}, cast.policy_officer)

    assert_invalid(response, "title", "null")
    assert Policy.objects.get().title == "Public policy"
