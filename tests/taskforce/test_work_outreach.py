"""Outreach: an advisor opens a case from the field."""

import pytest
from django.urls import reverse

from pejling.taskforce.models import ActorKind, Case, CaseEvent, Door, Field, Status
from tests.taskforce.test_work_support import error_at, logged_in

CREATE = reverse("taskforce:outreach_create")


def data(**changes) -> dict:
    return {
        "title": "Utryghed om aftenen i Mjølnerparken",
        "description": "Beboerne fortæller om grupper af unge ved indgangene.",
        "field": Field.SAFETY,
        "actor_kind": ActorKind.RESIDENT,
        "organisation": "Mjølnerparken",
        "administration": "",
        "urgency": "high",
    } | changes


@pytest.mark.parametrize("member", ["advisor", "coordinator"])
def test_the_task_force_opens_an_outreach_case(client, cast, member):
    user = getattr(cast, member)
    client = logged_in(client, user)
    assert client.get(CREATE).status_code == 200

    response = client.post(CREATE, data(administration=cast.administration.pk))

    case = Case.objects.get()
    assert response.status_code == 302
    assert response.url == case.get_absolute_url()
    assert (case.door, case.status, case.submitted_by) == (Door.OUTREACH, Status.OPEN, user)
    assert case.administration == cast.administration
    assert list(case.advisors.all()) == [user]
    assert case.response_state() == "answered"
    assert list(case.events.values_list("kind", flat=True)) == [
        CaseEvent.Kind.RECEIVED,
        CaseEvent.Kind.ASSIGNED,
    ]
    page = client.get(case.get_absolute_url())
    assert "er oprettet og fordelt til dig" in page.content.decode()


def test_bad_input_is_shown_at_the_fields_and_nothing_is_saved(client, cast):
    response = logged_in(client, cast.advisor).post(
        CREATE, data(title="", description="", field="sport")
    )

    assert response.status_code == 400
    assert error_at(response, "id_title")
    assert error_at(response, "id_description") == "Beskriv problemet."
    assert error_at(response, "id_field")
    assert not Case.objects.exists()


def test_a_cpr_number_is_refused(client, cast):
    response = logged_in(client, cast.advisor).post(
        CREATE, data(description="Borgeren med cpr 010190-1234 har klaget.")
    )

    assert response.status_code == 400
    assert "CPR" in error_at(response, "id_description").upper()
    assert not Case.objects.exists()


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(CREATE)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("member", ["contact_person", "committee_member", "outsider"])
def test_others_may_not_open_outreach_cases(client, cast, member):
    client = logged_in(client, getattr(cast, member))

    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, data()).status_code == 403
    assert not Case.objects.exists()


def test_outreach_refuses_other_methods(client, cast):
    assert logged_in(client, cast.advisor).put(CREATE).status_code == 405
