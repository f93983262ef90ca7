"""POST, GET /api/v1/requests and GET /api/v1/requests/{reference}."""

import pytest

from pejling.taskforce.models import Assignment, Case, CaseEvent
from tests.taskforce_api.factories import make_administration, make_case, make_open_case
from tests.taskforce_api.support import (
    A_CPR_NUMBER,
    NOT_SAVED,
    access_events,
    assert_cpr_refused,
    assert_forbidden,
    assert_invalid,
    assert_not_found,
    assert_unauthenticated,
    audit_events,
    case_url,
)

REQUEST = {
    "title": "Forældre deltager ikke i skolens arrangementer",
    "description": "Vi vil gerne have råd til at nå forældrene.",
    "field": "education",
    "actor_kind": "school",
    "organisation": "Nørrebro Skole",
    "urgency": "high",
    "contact_name": "Hanne Hansen",
    "contact_email": "hanne@example.org",
    "contact_phone": "12 34 56 78",
}
EMPTY = "Dette felt kan ikke være tomt."


# --- POST /requests -------------------------------------------------------------------------


def test_contact_person_sends_a_request_for_their_administration(api, cast):
    response = api.post("/requests", REQUEST, cast.contact_person)

    assert response.status_code == 201, response.content
    body = response.json()
    case = Case.objects.get()
    assert body["reference"] == case.reference
    assert body["url"] == case_url(case)
    assert body["door"] == "contact_person"
    assert body["status"] == "new"
    assert body["status_label"] == "Ny"
    assert body["administration"]["short_name"] == "BIF"
    assert body["organisation"] == "Nørrebro Skole"
    assert body["urgency"] == "high"
    assert body["contact_email"] == "hanne@example.org"
    assert body["submitted_by"] == {"id": cast.contact_person.pk, "name": "Contact"}
    assert body["allowed_transitions"] == ["pending", "open", "declined", "merged"]
    assert [e["kind"] for e in body["events"]] == ["received"]
    assert (case.administration, case.submitted_by) == (cast.administration, cast.contact_person)
    [event] = audit_events(case)
    assert (event.action, event.actor, event.channel) == ("create", cast.contact_person, "api")


def test_contact_person_cannot_send_for_another_administration(api, cast):
    other = make_administration()

    response = api.post("/requests", REQUEST | {"administration_id": other.pk}, cast.contact_person)

    assert_invalid(response, "administration_id", "din egen forvaltning")
    assert not Case.objects.exists()


def test_contact_person_cannot_open_an_outreach_case(api, cast):
    response = api.post("/requests", REQUEST | {"door": "outreach"}, cast.contact_person)

    assert response.status_code == 403
    assert response.json()["detail"] == (
        "Du kan ikke oprette henvendelser gennem indgangen “Opsøgende arbejde”."
    )
    assert not Case.objects.exists()


def test_advisor_opens_an_outreach_case_assigned_to_them(api, cast):
    response = api.post("/requests", REQUEST, cast.advisor)

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["door"] == "outreach"
    assert body["status"] == "open"
    assert body["advisors"] == [{"id": cast.advisor.pk, "name": "Advisor"}]
    assert body["allowed_transitions"] == ["closed"]
    assert body["response_state"] == "answered"
    case = Case.objects.get()
    assert list(case.advisors.all()) == [cast.advisor]
    assert [e.kind for e in case.events.all()] == ["received", "assigned"]


def test_advisor_cannot_send_through_the_contact_person_door(api, cast):
    response = api.post(
        "/requests",
        REQUEST | {"door": "contact_person", "administration_id": cast.administration.pk},
        cast.advisor,
    )

    assert response.status_code == 403
    assert not Case.objects.exists()


def test_coordinator_sends_a_request_for_an_administration(api, cast):
    other = make_administration()

    response = api.post(
        "/requests",
        REQUEST | {"door": "contact_person", "administration_id": other.pk},
        cast.coordinator,
    )

    assert response.status_code == 201, response.content
    case = Case.objects.get()
    assert (case.door, case.status, case.administration) == ("contact_person", "new", other)
    assert not case.advisors.exists()


def test_coordinator_request_needs_an_administration(api, cast):
    response = api.post("/requests", REQUEST | {"door": "contact_person"}, cast.coordinator)

    assert_invalid(response, "administration_id", "på vegne af en forvaltning")
    assert not Case.objects.exists()


def test_unknown_administration_is_refused(api, cast):
    response = api.post(
        "/requests",
        REQUEST | {"door": "contact_person", "administration_id": 999},
        cast.coordinator,
    )

    assert_invalid(response, "administration_id", "Der findes ingen aktiv forvaltning med id 999.")


@pytest.mark.parametrize("door", ["public", "backdoor"])
def test_the_public_door_and_unknown_doors_are_refused(api, cast, door):
    response = api.post("/requests", REQUEST | {"door": door}, cast.coordinator)

    assert_invalid(response, "door", "Vælg indgangen contact_person eller outreach")
    assert not Case.objects.exists()


def test_anonymous_cannot_send_a_request(api, db):
    assert_unauthenticated(api.post("/requests", REQUEST))
    assert not Case.objects.exists()


@pytest.mark.parametrize("role", ["committee_member", "outsider", "analyst"])
def test_only_contact_persons_and_the_task_force_send_requests(api, cast, role):
    assert_forbidden(api.post("/requests", REQUEST, getattr(cast, role)))
    assert not Case.objects.exists()


@pytest.mark.parametrize("name", ["title", "description"])
def test_empty_title_or_description_is_refused(api, cast, name):
    response = api.post("/requests", REQUEST | {name: "   "}, cast.contact_person)

    assert_invalid(response, name, EMPTY)
    assert not Case.objects.exists()
    assert not CaseEvent.objects.exists()


@pytest.mark.parametrize("name", ["title", "description", "organisation", "contact_name"])
def test_cpr_numbers_are_refused(api, cast, name):
    response = api.post("/requests", REQUEST | {name: A_CPR_NUMBER}, cast.contact_person)

    assert_cpr_refused(response, name)
    assert not Case.objects.exists()


def test_bad_choices_and_email_are_refused_with_nothing_saved(api, cast):
    response = api.post(
        "/requests",
        REQUEST | {"field": "space", "urgency": "yesterday", "contact_email": "not-an-email"},
        cast.advisor,
    )

    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"] == NOT_SAVED
    assert {"field", "urgency", "contact_email"} <= set(body["errors"])
    assert (Case.objects.count(), Assignment.objects.count(), CaseEvent.objects.count()) == (
        0,
        0,
        0,
    )


def test_missing_fields_and_unknown_fields_are_422(api, cast):
    assert api.post("/requests", {"title": "X"}, cast.contact_person).status_code == 422
    response = api.post("/requests", REQUEST | {"status": "open"}, cast.contact_person)
    assert response.status_code == 422
    assert not Case.objects.exists()


# --- GET /requests --------------------------------------------------------------------------


def test_contact_person_lists_their_administrations_and_their_own_requests(api, cast):
    own = make_case(cast.contact_person, title="Egen")
    colleague = make_case(cast.coordinator, title="Kollegaens", administration=cast.administration)
    make_case(cast.coordinator, title="Andres", administration=make_administration())

    body = api.get("/requests", cast.contact_person).json()

    assert body["count"] == 2
    assert {c["reference"] for c in body["items"]} == {own.reference, colleague.reference}
    item = next(c for c in body["items"] if c["reference"] == own.reference)
    assert item["url"] == case_url(own)
    assert item["field_label"] == "Uddannelse og dagtilbud"
    assert item["actor_kind_label"] == "Skole"
    assert "contact_email" not in item


def test_task_force_lists_every_case_newest_first(api, cast):
    first = make_case(cast.contact_person)
    second = make_case(cast.coordinator, administration=make_administration())

    body = api.get("/requests", cast.advisor).json()

    assert [c["reference"] for c in body["items"]] == [second.reference, first.reference]


def test_request_list_filters_by_status_field_and_door(api, cast):
    new = make_case(cast.contact_person)
    opened = make_open_case(cast.coordinator, cast.advisor, field="housing")
    outreach = make_case(cast.advisor, door="outreach", field="safety")

    def references(**params):
        return {
            c["reference"] for c in api.get("/requests", cast.coordinator, **params).json()["items"]
        }

    assert references(status="new") == {new.reference}
    assert references(status="open") == {opened.reference, outreach.reference}
    assert references(field="housing") == {opened.reference}
    assert references(door="outreach") == {outreach.reference}
    assert references(status="open", door="contact_person") == {opened.reference}


def test_request_list_with_an_unknown_filter_value_is_422(api, cast):
    assert api.get("/requests", cast.coordinator, status="lost").status_code == 422


def test_anonymous_cannot_list_requests(api, db):
    assert_unauthenticated(api.get("/requests"))


@pytest.mark.parametrize("role", ["committee_member", "outsider"])
def test_request_list_is_refused_without_a_case_role(api, cast, role):
    make_case(cast.contact_person)

    assert_forbidden(api.get("/requests", getattr(cast, role)))


@pytest.mark.parametrize("rows", [3, 30])
def test_request_list_query_count_does_not_grow_with_rows(
    api, cast, rows, django_assert_max_num_queries
):
    for n in range(rows):
        if n % 2:
            make_open_case(cast.coordinator, cast.advisor, title=f"Sag {n}")
        else:
            make_case(cast.contact_person, title=f"Sag {n}")
    api.get("/requests", cast.coordinator)

    with django_assert_max_num_queries(5):
        response = api.client.get("/api/v1/requests", **api.headers(cast.coordinator))

    assert response.json()["count"] == rows


# --- GET /requests/{reference} --------------------------------------------------------------


def test_request_detail_has_timeline_advisors_and_allowed_transitions(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)

    response = api.get(f"/requests/{case.reference}", cast.advisor)

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["reference"] == case.reference
    assert body["status"] == "open"
    assert body["advisors"] == [{"id": cast.advisor.pk, "name": "Advisor"}]
    assert body["allowed_transitions"] == ["closed"]
    assert body["activity_count"] == 0
    assert body["barrier_ids"] == []
    assert body["description"] == "Vi vil gerne have råd til at nå forældrene."
    assert [e["kind"] for e in body["events"]] == ["received", "assigned", "status"]
    status = body["events"][-1]
    assert (status["from_status"], status["to_status"]) == ("new", "open")
    assert status["actor"] == {"id": cast.coordinator.pk, "name": "Coordinator"}


def test_request_detail_is_access_logged(api, cast):
    case = make_case(cast.contact_person)

    api.get(f"/requests/{case.reference}", cast.coordinator)

    [access] = access_events(case)
    assert (access.actor, access.channel) == (cast.coordinator, "api")
    assert access.path == f"/api/v1/requests/{case.reference}"


def test_contact_person_sees_only_the_public_lines_of_the_timeline(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor, administration=cast.administration)

    body = api.get(f"/requests/{case.reference}", cast.contact_person).json()

    assert [e["kind"] for e in body["events"]] == ["received", "status"]


def test_another_administrations_case_is_404_for_a_contact_person(api, cast):
    case = make_case(cast.coordinator, administration=make_administration())

    assert_not_found(api.get(f"/requests/{case.reference}", cast.contact_person))
    assert not access_events(case).exists()


def test_unknown_reference_is_404(api, cast):
    assert_not_found(api.get("/requests/TF-2025-99999", cast.coordinator))


def test_anonymous_cannot_read_a_request(api, cast):
    case = make_case(cast.contact_person)

    assert_unauthenticated(api.get(f"/requests/{case.reference}"))


@pytest.mark.parametrize("role", ["committee_member", "outsider"])
def test_request_detail_is_refused_without_a_case_role(api, cast, role):
    case = make_case(cast.contact_person)

    assert_forbidden(api.get(f"/requests/{case.reference}", getattr(cast, role)))
    assert not access_events(case).exists()
