"""GET and POST /api/v1/cases/{reference}/activities."""

from datetime import date

import pytest

from pejling.accounts.roles import Role
from pejling.taskforce.models import Activity, CaseEvent
from tests.conftest import make_user
from tests.taskforce_api.factories import make_activity, make_case, make_open_case
from tests.taskforce_api.support import (
    A_CPR_NUMBER,
    access_events,
    assert_cpr_refused,
    assert_forbidden,
    assert_invalid,
    assert_not_found,
    assert_unauthenticated,
    audit_events,
    case_url,
)

ACTIVITY = {
    "kind": "advice",
    "date": "2025-03-12",
    "starts_at": "16:00",
    "ends_at": "18:30",
    "place": "Nørrebro Skole",
    "participants": 12,
    "notes": "Møde med forældrerådet.",
}


def activities_path(case) -> str:
    return f"/cases/{case.reference}/activities"


# --- POST -----------------------------------------------------------------------------------


def test_assigned_advisor_registers_an_activity(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)

    response = api.post(activities_path(case), ACTIVITY, cast.advisor)

    assert response.status_code == 201, response.content
    body = response.json()
    activity = Activity.objects.get()
    assert body["id"] == activity.pk
    assert body["case"] == case.reference
    assert body["url"] == f"{case_url(case)}#activity-{activity.pk}"
    assert body["advisor"] == {"id": cast.advisor.pk, "name": "Advisor"}
    assert body["kind_label"] == "Rådgivning"
    assert (body["starts_at"], body["ends_at"]) == ("16:00:00", "18:30:00")
    assert (body["minutes"], body["minutes_off_hours"]) == (150, 90)
    assert case.events.filter(kind="activity").exists()
    [event] = audit_events(activity)
    assert (event.action, event.actor, event.channel) == ("create", cast.advisor, "api")
    detail = api.get(f"/requests/{case.reference}", cast.advisor).json()
    assert detail["activity_count"] == 1


def test_coordinator_registers_an_activity_for_an_advisor(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)

    response = api.post(
        activities_path(case), ACTIVITY | {"advisor_id": cast.advisor.pk}, cast.coordinator
    )

    assert response.status_code == 201, response.content
    assert Activity.objects.get().advisor == cast.advisor


@pytest.mark.parametrize("who", ["contact_person", "committee_member"])
def test_activity_for_someone_outside_the_task_force_is_refused(api, cast, who):
    case = make_open_case(cast.coordinator, cast.advisor)

    response = api.post(
        activities_path(case), ACTIVITY | {"advisor_id": getattr(cast, who).pk}, cast.coordinator
    )

    assert_invalid(response, "advisor_id", "er ikke rådgiver i task forcen.")
    assert not Activity.objects.exists()


def test_activity_ending_before_it_starts_is_refused_at_ends_at(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)
    events = CaseEvent.objects.count()

    response = api.post(
        activities_path(case), ACTIVITY | {"starts_at": "10:00", "ends_at": "09:00"}, cast.advisor
    )

    assert_invalid(response, "ends_at", "Aktiviteten skal slutte, efter den begynder.")
    assert not Activity.objects.exists()
    assert CaseEvent.objects.count() == events


def test_activity_on_a_case_that_is_not_open_is_refused(api, cast):
    case = make_case(cast.contact_person)
    events = CaseEvent.objects.count()

    response = api.post(activities_path(case), ACTIVITY, cast.coordinator)

    assert_invalid(response, "__all__", "Aktiviteter registreres på sager, der er i gang.")
    assert not Activity.objects.exists()
    assert CaseEvent.objects.count() == events


def test_activity_with_a_bad_kind_or_too_many_participants_is_refused(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)

    response = api.post(
        activities_path(case), ACTIVITY | {"kind": "party", "participants": 200_000}, cast.advisor
    )

    assert response.status_code == 400
    assert {"kind", "participants"} <= set(response.json()["errors"])
    assert not Activity.objects.exists()


@pytest.mark.parametrize("name", ["notes", "place"])
def test_activity_with_a_cpr_number_is_422(api, cast, name):
    case = make_open_case(cast.coordinator, cast.advisor)

    assert_cpr_refused(
        api.post(activities_path(case), ACTIVITY | {name: A_CPR_NUMBER}, cast.advisor), name
    )
    assert not Activity.objects.exists()


def test_activity_with_a_malformed_time_is_422(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)

    assert (
        api.post(activities_path(case), ACTIVITY | {"ends_at": "late"}, cast.advisor).status_code
        == 422
    )
    assert not Activity.objects.exists()


def test_advisor_cannot_register_on_others_case(api, cast):
    case = make_open_case(cast.coordinator, make_user("advisor2", Role.ADVISOR))

    assert_forbidden(api.post(activities_path(case), ACTIVITY, cast.advisor))
    assert not Activity.objects.exists()


@pytest.mark.parametrize("role", ["contact_person", "committee_member", "outsider"])
def test_activities_are_refused_outside_the_task_force(api, cast, role):
    case = make_open_case(cast.coordinator, cast.advisor, administration=cast.administration)

    assert_forbidden(api.post(activities_path(case), ACTIVITY, getattr(cast, role)))
    assert_forbidden(api.get(activities_path(case), getattr(cast, role)))
    assert not Activity.objects.exists()


def test_anonymous_cannot_see_or_register_activities(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)

    assert_unauthenticated(api.post(activities_path(case), ACTIVITY))
    assert_unauthenticated(api.get(activities_path(case)))
    assert not Activity.objects.exists()


def test_activities_of_an_unknown_case_are_404(api, cast):
    assert_not_found(api.get("/cases/TF-1999-00001/activities", cast.coordinator))
    assert_not_found(api.post("/cases/TF-1999-00001/activities", ACTIVITY, cast.coordinator))


# --- GET ------------------------------------------------------------------------------------


def test_task_force_lists_a_cases_activities_in_order(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)
    later = make_activity(case, cast.advisor, date=date(2025, 3, 14))
    earlier = make_activity(case, cast.advisor, date=date(2025, 3, 10), kind="talk")
    other = make_open_case(cast.coordinator, cast.advisor)
    make_activity(other, cast.advisor)

    # Any member of the task force reads them, not only the assigned advisors.
    response = api.get(activities_path(case), make_user("advisor2", Role.ADVISOR))

    assert response.status_code == 200, response.content
    body = response.json()
    assert [a["id"] for a in body] == [earlier.pk, later.pk]
    assert body[0]["kind"] == "talk"
    [access] = access_events(case)
    assert access.path == f"/api/v1/cases/{case.reference}/activities"


@pytest.mark.parametrize("rows", [3, 30])
def test_activity_list_query_count_does_not_grow_with_rows(
    api, cast, rows, django_assert_max_num_queries
):
    case = make_open_case(cast.coordinator, cast.advisor)
    advisors = [cast.advisor, cast.coordinator, make_user("advisor2", Role.ADVISOR)]
    for n in range(rows):
        make_activity(case, advisors[n % 3], date=date(2025, 3, n % 28 + 1))
    api.get(activities_path(case), cast.coordinator)

    with django_assert_max_num_queries(5):
        response = api.client.get(
            f"/api/v1{activities_path(case)}", **api.headers(cast.coordinator)
        )

    assert len(response.json()) == rows
