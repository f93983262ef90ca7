"""GET /api/v1/action-plans and POST progress on a target."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from pejling.policy.models import PlanTarget, TargetProgress
from pejling.policy.services import record_target_progress
from tests.policy_api.factories import (
    make_appropriation,
    make_initiative,
    make_line,
    make_plan,
    make_policy,
    make_strand,
    make_target,
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

MIDYEAR = datetime.datetime(2024, 6, 1, 10, 0, tzinfo=datetime.UTC)
NEXT_YEAR = datetime.datetime(2025, 2, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def public(db):
    return make_policy("public-policy")


@pytest.fixture
def draft(db):
    return make_policy("draft-policy", public=False)


@pytest.fixture
def plan(public):
    """A plan with two strands: a range target and a yes/no target, and a budget line."""
    plan = make_plan(public)
    equality_lab = make_strand(plan, 1, title="Equality Lab", initiative=make_initiative(public))
    courses = make_strand(plan, 2, title="Efteruddannelse")
    range_target = make_target(equality_lab)
    yes_no = make_target(
        courses, text="Kursus for chefer", kind=PlanTarget.Kind.YES_NO, minimum=None, maximum=None
    )
    make_line(make_appropriation(), "450000.00", strand=equality_lab)
    return {"plan": plan, "range": range_target, "yes_no": yes_no}


# --- GET /action-plans ----------------------------------------------------------------------


def test_action_plan_list_shows_anonymous_callers_public_plans(api, plan, draft):
    make_plan(draft, "Hemmelig plan")

    body = api.get("/action-plans").json()

    assert body["count"] == 1
    [item] = body["items"]
    assert item["title"] == "Handleplan 2024"
    assert item["strand_count"] == 2
    assert item["target_count"] == 2
    assert item["policy"]["slug"] == "public-policy"
    assert item["url"] == f"/politik/handleplaner/{plan['plan'].pk}/"


def test_action_plan_list_filters_by_policy_and_year(api, cast, plan, draft):
    make_plan(draft, "Plan 2023", year=2023)

    def titles(**params):
        return {
            p["title"] for p in api.get("/action-plans", cast.analyst, **params).json()["items"]
        }

    assert titles(policy="draft-policy") == {"Plan 2023"}
    assert titles(year=2024) == {"Handleplan 2024"}
    assert titles() == {"Plan 2023", "Handleplan 2024"}


def test_action_plans_are_listed_newest_first_in_stable_pages(api, cast, public):
    for year, title in [(2023, "B"), (2024, "B"), (2024, "A"), (2023, "A")]:
        make_plan(public, title, year=year)

    pages = [
        api.get("/action-plans", cast.analyst, page=page, page_size=2).json()["items"]
        for page in (1, 2)
    ]

    assert [(p["year"], p["title"]) for page in pages for p in page] == [
        (2024, "A"),
        (2024, "B"),
        (2023, "A"),
        (2023, "B"),
    ]


@pytest.mark.parametrize("rows", [3, 30])
def test_action_plan_list_query_count_does_not_grow_with_rows(
    api, cast, public, rows, django_assert_max_num_queries
):
    for n in range(rows):
        make_target(make_strand(make_plan(public, f"Plan {n}")))
    api.get("/action-plans", cast.policy_officer)

    with django_assert_max_num_queries(4):
        response = api.client.get("/api/v1/action-plans", **api.headers(cast.policy_officer))

    assert response.json()["count"] == rows


# --- GET /action-plans/{id} -----------------------------------------------------------------


@time_machine.travel(MIDYEAR, tick=False)
def test_action_plan_detail_has_strands_targets_status_and_progress(api, cast, plan):
    record_target_progress(
        actor=None, target=plan["range"], value=Decimal(5), recorded_on=datetime.date(2024, 3, 1)
    )
    record_target_progress(
        actor=None,
        target=plan["range"],
        value=Decimal(9),
        recorded_on=datetime.date(2024, 5, 1),
        note="Ni institutioner er med.",
    )

    body = api.get(f"/action-plans/{plan['plan'].pk}").json()

    first, second = body["strands"]
    assert first["title"] == "Equality Lab"
    assert first["initiative_id"] is not None
    [target] = first["targets"]
    assert target["kind"] == "range"
    assert (target["minimum"], target["maximum"]) == ("8.00", "10.00")
    assert target["unit"] == "institutioner"
    assert target["deadline"] == "2024-12-31"
    assert target["status"] == "met"
    assert target["status_label"] == "Opfyldt"
    assert target["latest"]["value"] == "9.00"
    assert target["latest"]["note"] == "Ni institutioner er med."
    assert [p["recorded_on"] for p in target["progress"]] == ["2024-05-01", "2024-03-01"]
    [yes_no] = second["targets"]
    assert yes_no["minimum"] is None
    assert yes_no["status"] == "on_the_way"
    assert yes_no["latest"] is None
    assert body["statuses"] == {"met": 1, "on_the_way": 1}
    # The budget is internal.
    assert body["budget_total"] is None
    assert api.get(f"/action-plans/{plan['plan'].pk}", cast.analyst).json()["budget_total"] == (
        "450000.00"
    )


@time_machine.travel(NEXT_YEAR, tick=False)
def test_after_the_deadline_targets_are_not_met_or_overdue(api, plan):
    record_target_progress(
        actor=None, target=plan["range"], value=Decimal(7), recorded_on=datetime.date(2024, 12, 1)
    )

    body = api.get(f"/action-plans/{plan['plan'].pk}").json()

    assert body["statuses"] == {"not_met": 1, "overdue": 1}


def test_action_plan_of_a_draft_is_404_for_anonymous_callers_and_outsiders(api, cast, draft):
    plan = make_plan(draft)

    assert_not_found(api.get(f"/action-plans/{plan.pk}"))
    assert_not_found(api.get(f"/action-plans/{plan.pk}", cast.outsider))
    assert api.get(f"/action-plans/{plan.pk}", cast.committee_member).status_code == 200


def test_action_plan_detail_query_count_does_not_grow_with_targets(
    api, public, django_assert_max_num_queries
):
    plan = make_plan(public)
    for number in range(1, 6):
        strand = make_strand(plan, number)
        for _ in range(4):
            target = make_target(strand)
            record_target_progress(
                actor=None, target=target, value=Decimal(1), recorded_on=datetime.date(2024, 1, 1)
            )

    with django_assert_max_num_queries(4):
        assert api.get(f"/action-plans/{plan.pk}").status_code == 200


# --- POST /action-plans/{id}/targets/{target_id}/progress ---------------------------------


def progress_url(plan, target) -> str:
    return f"/action-plans/{plan['plan'].pk}/targets/{target.pk}/progress"


@time_machine.travel(MIDYEAR, tick=False)
def test_policy_officer_registers_progress(api, cast, plan):
    response = api.post(
        progress_url(plan, plan["range"]),
        {"value": "8", "note": "Otte institutioner."},
        cast.policy_officer,
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["value"] == "8.00"
    assert body["recorded_on"] == "2024-06-01"
    assert body["target_id"] == plan["range"].pk
    assert body["target_status"] == "met"
    assert body["target_status_label"] == "Opfyldt"
    progress = TargetProgress.objects.get()
    assert progress.note == "Otte institutioner."
    [event] = audit_events(progress)
    assert event.action == "create"
    assert event.actor == cast.policy_officer
    assert event.channel == "api"


def test_progress_with_a_date(api, cast, plan):
    response = api.post(
        progress_url(plan, plan["yes_no"]),
        {"value": 1, "recorded_on": "2024-11-30"},
        cast.policy_officer,
    )

    assert response.status_code == 201, response.content
    assert response.json()["recorded_on"] == "2024-11-30"
    assert response.json()["target_status"] == "met"


def test_anonymous_cannot_register_progress(api, plan):
    assert_unauthenticated(api.post(progress_url(plan, plan["range"]), {"value": "8"}))
    assert not TargetProgress.objects.exists()


@pytest.mark.parametrize("role", ["outsider", "coordinator", "committee_member"])
def test_only_policy_officers_register_progress(api, cast, plan, role):
    response = api.post(progress_url(plan, plan["range"]), {"value": "8"}, getattr(cast, role))

    assert_forbidden(response)
    assert not TargetProgress.objects.exists()


def test_progress_on_a_target_of_another_plan_is_404(api, cast, plan, public):
    other_target = make_target(make_strand(make_plan(public, "Anden plan")))

    response = api.post(progress_url(plan, other_target), {"value": "8"}, cast.policy_officer)

    assert_not_found(response)
    assert not TargetProgress.objects.exists()


def test_negative_progress_is_refused(api, cast, plan):
    response = api.post(progress_url(plan, plan["range"]), {"value": "-1"}, cast.policy_officer)

    assert_invalid(response, "value", "større end eller lig 0")
    assert not TargetProgress.objects.exists()


def test_yes_no_progress_must_be_0_or_1(api, cast, plan):
    response = api.post(progress_url(plan, plan["yes_no"]), {"value": "2"}, cast.policy_officer)

    assert_invalid(response, "value", "Et ja/nej-mål registreres som 1 (ja) eller 0 (nej).")
    assert not TargetProgress.objects.exists()


def test_progress_note_with_a_cpr_number_is_refused(api, cast, plan):
    response = api.post(
        progress_url(plan, plan["range"]),
        {"value": "8", "note": A_CPR_NUMBER},
        cast.policy_officer,
    )

    assert_cpr_refused(response, "note")
    assert not TargetProgress.objects.exists()


def test_progress_that_is_not_a_number_is_422(api, cast, plan):
    response = api.post(progress_url(plan, plan["range"]), {"value": "otte"}, cast.policy_officer)

    assert response.status_code == 422
    assert not TargetProgress.objects.exists()
