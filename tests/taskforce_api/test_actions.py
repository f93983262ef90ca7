"""POST /api/v1/requests/{reference}/actions/{action}: triage and case work."""

import pytest
from django.contrib.contenttypes.models import ContentType

from pejling.accounts.models import ApiToken
from pejling.accounts.roles import Role
from pejling.audit.models import AuditEvent
from pejling.taskforce.models import Assignment, Case, CaseEvent
from tests.conftest import make_user
from tests.taskforce_api.factories import (
    make_administration,
    make_case,
    make_open_case,
    outcome,
)
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


def act(api, case, action, user, data=None):
    return api.post(f"/requests/{case.reference}/actions/{action}", data or {}, user)


def assert_unchanged(case, events_before: int, audits_before: int) -> None:
    """Nothing was written: the status, the timeline and the audit trail are as they were."""
    fresh = Case.objects.get(pk=case.pk)
    assert fresh.status == case.status
    assert CaseEvent.objects.count() == events_before
    assert _audit_events().count() == audits_before


def counts() -> tuple[int, int]:
    return CaseEvent.objects.count(), _audit_events().count()


def _audit_events():
    # The test client's API tokens are made (and audited) on first use; they are not the point.
    return AuditEvent.objects.exclude(content_type=ContentType.objects.get_for_model(ApiToken))


# --- Triage: accept, decline, ask, resume, merge, assign, triage ---------------------------


def test_coordinator_accepts_a_request(api, cast):
    case = make_case(cast.contact_person)

    response = act(api, case, "accept", cast.coordinator)

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "open"
    assert body["url"] == case_url(case)
    assert body["allowed_transitions"] == ["closed"]
    assert body["events"][-1]["to_status"] == "open"
    case.refresh_from_db()
    assert case.status == "open"
    assert case.first_responded_at is not None
    [update] = audit_events(case, "update")
    assert update.changes["status"] == {"before": "new", "after": "open"}
    assert update.channel == "api"
    assert access_events(case).count() == 1


def test_coordinator_declines_with_a_reason(api, cast):
    case = make_case(cast.contact_person)

    response = act(api, case, "decline", cast.coordinator, {"reason": "Uden for vores område."})

    assert response.json()["status"] == "declined"
    case.refresh_from_db()
    assert (case.status, case.decline_reason) == ("declined", "Uden for vores område.")


def test_decline_without_a_reason_changes_nothing(api, cast):
    case = make_case(cast.contact_person)
    before = counts()

    response = act(api, case, "decline", cast.coordinator, {"reason": "  "})

    assert_invalid(response, "reason", "Skriv en begrundelse")
    assert_unchanged(case, *before)


def test_decline_reason_with_a_cpr_number_is_422(api, cast):
    case = make_case(cast.contact_person)

    assert_cpr_refused(
        act(api, case, "decline", cast.coordinator, {"reason": A_CPR_NUMBER}), "reason"
    )
    case.refresh_from_db()
    assert case.status == "new"


def test_ask_for_information_and_resume(api, cast):
    case = make_case(cast.contact_person)

    asked = act(api, case, "ask-for-information", cast.coordinator, {"question": "Hvilken skole?"})
    assert asked.json()["status"] == "pending"
    assert asked.json()["events"][-1]["text"] == "Hvilken skole?"

    resumed = act(api, case, "resume", cast.coordinator, {"text": "Svar modtaget."})
    assert resumed.json()["status"] == "new"
    case.refresh_from_db()
    assert case.pending_since is None


def test_ask_for_information_needs_a_question(api, cast):
    case = make_case(cast.contact_person)
    before = counts()

    assert_invalid(
        act(api, case, "ask-for-information", cast.coordinator, {"question": ""}),
        "question",
        "Skriv, hvilke oplysninger der mangler.",
    )
    assert_unchanged(case, *before)


def test_coordinator_merges_a_request_into_another(api, cast):
    case = make_case(cast.contact_person)
    into = make_open_case(cast.coordinator, cast.advisor)

    response = act(api, case, "merge", cast.coordinator, {"into": into.reference})

    assert response.json()["status"] == "merged"
    assert response.json()["merged_into"] == into.reference
    assert into.events.filter(kind="merged").exists()


@pytest.mark.parametrize("into", ["self", "unknown", "declined"])
def test_merge_into_a_bad_case_is_refused(api, cast, into):
    case = make_case(cast.contact_person)
    target = {
        "self": case.reference,
        "unknown": "TF-1999-00001",
        "declined": make_case(cast.contact_person).reference,
    }[into]
    if into == "declined":
        act(api, Case.objects.get(reference=target), "decline", cast.coordinator, {"reason": "Nej"})
    before = counts()

    response = act(api, case, "merge", cast.coordinator, {"into": target})

    assert response.status_code == 400, response.content
    assert list(response.json()["errors"]) == ["into"]
    assert_unchanged(case, *before)


def test_coordinator_assigns_advisors_and_the_request_opens(api, cast):
    case = make_case(cast.contact_person)
    other = make_user("advisor2", Role.ADVISOR)

    response = act(
        api, case, "assign", cast.coordinator, {"advisor_ids": [cast.advisor.pk, other.pk]}
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "open"
    assert {a["id"] for a in body["advisors"]} == {cast.advisor.pk, other.pk}
    assert set(case.advisors.all()) == {cast.advisor, other}


@pytest.mark.parametrize("who", ["contact_person", "committee_member"])
def test_assigning_a_non_advisor_is_400_with_nothing_saved(api, cast, who):
    case = make_case(cast.contact_person)
    before = counts()

    response = act(
        api,
        case,
        "assign",
        cast.coordinator,
        {"advisor_ids": [cast.advisor.pk, getattr(cast, who).pk]},
    )

    assert_invalid(response, "advisor_ids", "er ikke rådgiver i task forcen.")
    assert not Assignment.objects.exists()
    assert_unchanged(case, *before)


def test_assigning_unknown_users_or_nobody_is_refused(api, cast):
    case = make_case(cast.contact_person)

    assert_invalid(
        act(api, case, "assign", cast.coordinator, {"advisor_ids": [999]}),
        "advisor_ids",
        "Der findes ingen bruger med id 999.",
    )
    assert_invalid(
        act(api, case, "assign", cast.coordinator, {"advisor_ids": []}),
        "advisor_ids",
        "Vælg mindst én rådgiver.",
    )
    assert not Assignment.objects.exists()


def test_coordinator_sets_priority_and_field(api, cast):
    case = make_case(cast.contact_person)

    response = act(api, case, "triage", cast.coordinator, {"priority": "high"})

    assert response.status_code == 200, response.content
    case.refresh_from_db()
    assert (case.priority, case.field) == ("high", "education")
    assert case.events.filter(kind="priority").exists()


def test_triage_with_a_bad_choice_changes_nothing(api, cast):
    case = make_case(cast.contact_person)
    before = counts()

    response = act(api, case, "triage", cast.coordinator, {"priority": "urgent", "field": "x"})

    assert response.status_code == 400
    assert {"priority", "field"} <= set(response.json()["errors"])
    case.refresh_from_db()
    assert (case.priority, case.field) == ("normal", "education")
    assert_unchanged(case, *before)


def test_illegal_transition_is_400_with_the_danish_message(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)
    before = counts()

    response = act(api, case, "decline", cast.coordinator, {"reason": "For sent."})

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "__all__": ["En sag med status “I gang” kan ikke få status “Afvist”."]
    }
    assert_unchanged(case, *before)


def test_messages_follow_accept_language(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)

    response = api.client.post(
        f"/api/v1/requests/{case.reference}/actions/close",
        {"outcome_id": 999},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **api.headers(cast.coordinator),
    )

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Nothing was saved: correct the errors.",
        "errors": {"outcome_id": ["Choose a kind of outcome that is in use."]},
    }


@pytest.mark.parametrize(
    "action,data",
    [
        ("accept", {}),
        ("decline", {"reason": "Nej"}),
        ("ask-for-information", {"question": "Hvad?"}),
        ("resume", {}),
        ("merge", {"into": "TF-2025-00001"}),
        ("assign", {"advisor_ids": [1]}),
        ("triage", {"priority": "high"}),
    ],
)
@pytest.mark.parametrize("role", ["advisor", "contact_person", "committee_member", "outsider"])
def test_only_the_coordinator_triages(api, cast, action, data, role):
    case = make_case(cast.contact_person)
    before = counts()

    assert_forbidden(act(api, case, action, getattr(cast, role), data))
    assert_unchanged(case, *before)


def test_anonymous_cannot_act(api, cast):
    case = make_case(cast.contact_person)

    assert_unauthenticated(act(api, case, "accept", None))
    case.refresh_from_db()
    assert case.status == "new"


def test_unknown_case_or_action_is_404(api, cast):
    case = make_case(cast.contact_person)

    assert_not_found(api.post("/requests/TF-1999-00001/actions/accept", {}, cast.coordinator))
    assert api.post(
        f"/requests/{case.reference}/actions/win", {}, cast.coordinator
    ).status_code == (404)


# --- Case work: close and reopen -----------------------------------------------------------


def test_assigned_advisor_closes_with_an_outcome_and_reopens(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)
    kind = outcome()

    closed = act(
        api, case, "close", cast.advisor, {"outcome_id": kind.pk, "text": "Forældrecafé i gang."}
    )

    assert closed.status_code == 200, closed.content
    body = closed.json()
    assert body["status"] == "closed"
    assert body["outcome"] == {"id": kind.pk, "name": kind.name}
    assert body["allowed_transitions"] == ["open"]
    case.refresh_from_db()
    assert (case.outcome, case.outcome_text) == (kind, "Forældrecafé i gang.")
    assert case.closed_at is not None

    reopened = act(api, case, "reopen", cast.advisor, {"reason": "Nye problemer."})

    assert reopened.json()["status"] == "open"
    case.refresh_from_db()
    assert (case.outcome, case.closed_at) == (None, None)


def test_coordinator_closes_any_case(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)

    response = act(api, case, "close", cast.coordinator, {"outcome_id": outcome().pk})

    assert response.json()["status"] == "closed"


def test_advisor_cannot_close_others_case(api, cast):
    other = make_user("advisor2", Role.ADVISOR)
    case = make_open_case(cast.coordinator, other)
    before = counts()

    assert_forbidden(act(api, case, "close", cast.advisor, {"outcome_id": outcome().pk}))
    assert_unchanged(case, *before)


@pytest.mark.parametrize("role", ["contact_person", "committee_member", "outsider"])
def test_close_is_refused_outside_the_task_force(api, cast, role):
    case = make_open_case(cast.coordinator, cast.advisor, administration=cast.administration)

    assert_forbidden(act(api, case, "close", getattr(cast, role), {"outcome_id": outcome().pk}))
    case.refresh_from_db()
    assert case.status == "open"


def test_closing_a_new_request_is_an_illegal_transition(api, cast):
    case = make_case(cast.contact_person)
    before = counts()

    response = act(api, case, "close", cast.coordinator, {"outcome_id": outcome().pk})

    assert response.status_code == 400
    assert response.json()["errors"]["__all__"] == [
        "En sag med status “Ny” kan ikke få status “Afsluttet”."
    ]
    assert_unchanged(case, *before)


def test_close_with_an_unknown_outcome_is_refused(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)
    before = counts()

    assert_invalid(
        act(api, case, "close", cast.advisor, {"outcome_id": 999}),
        "outcome_id",
        "Vælg en slags resultat, der er i brug.",
    )
    assert_unchanged(case, *before)


def test_reopen_needs_a_reason(api, cast):
    case = make_open_case(cast.coordinator, cast.advisor)
    act(api, case, "close", cast.advisor, {"outcome_id": outcome().pk})
    case.refresh_from_db()
    before = counts()

    assert_invalid(
        act(api, case, "reopen", cast.advisor, {"reason": ""}),
        "reason",
        "Skriv, hvorfor sagen genåbnes.",
    )
    assert_unchanged(case, *before)


def test_contact_person_gets_404_for_another_administrations_case(api, cast):
    case = make_case(cast.coordinator, administration=make_administration())

    # Triage actions are refused before the case is looked up; the reading is not.
    assert_forbidden(act(api, case, "accept", cast.contact_person))
    assert_not_found(api.get(f"/requests/{case.reference}", cast.contact_person))
