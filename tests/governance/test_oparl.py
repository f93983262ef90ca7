"""The read-only OParl 1.1 interface at /oparl/v1/."""

from datetime import date

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from pejling.core import crud
from pejling.governance import services
from pejling.governance.models import ElectoralTerm, Meeting, Membership, Person
from tests.governance.conftest import at

BASE = "http://testserver/oparl/v1/"


def get(client, path):
    response = client.get("/oparl/v1/" + path)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_system_is_the_entry_point(client, world):
    system = get(client, "system")
    assert system["id"] == BASE + "system"
    assert system["type"] == "https://schema.oparl.org/1.1/System"
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    bodies = client.get(system["body"]).json()
    [body] = bodies["data"]
    assert body["type"] == "https://schema.oparl.org/1.1/Body"
    for key in ("organization", "person", "meeting", "paper"):
        assert body[key].startswith(BASE + "body/1/")


def test_organizations_persons_and_memberships(client, world):
    term = crud.create(
        actor=None,
        instance=ElectoralTerm(
            name="2026–2029",
            starts_on=date(2026, 1, 1),
            ends_on=date(2029, 12, 31),
        ),
    )
    person = crud.create(actor=None, instance=Person(name="Anna Andersen"))
    membership = crud.create(
        actor=None,
        instance=Membership(
            person=person, body=world.biu, role=Membership.Role.CHAIR, party=world.party, term=term
        ),
    )
    organizations = get(client, "body/1/organization")
    names = {o["name"]: o for o in organizations["data"]}
    assert names["Enhedslisten"]["organizationType"] == "Fraktion"
    biu = names["Beskæftigelses- og Integrationsudvalget"]
    assert biu["type"] == "https://schema.oparl.org/1.1/Organization"
    assert biu["membership"] == [BASE + f"membership/{membership.pk}"]
    [out] = get(client, "body/1/person")["data"]
    assert out["name"] == "Anna Andersen"
    [embedded] = out["membership"]
    assert embedded["organization"] == BASE + f"organization/{world.biu.pk}"
    assert embedded["onBehalfOf"] == BASE + f"organization/{world.party.pk}"
    assert embedded["role"] == "Formand"
    assert embedded["startDate"] == "2026-01-01"
    assert get(client, f"membership/{membership.pk}")["id"] == embedded["id"]
    assert "created" in out and "modified" in out


def test_only_published_meetings_are_shown(client, world, cast):
    assert get(client, "body/1/meeting")["data"] == []
    assert client.get(f"/oparl/v1/meeting/{world.meeting.pk}").status_code == 404
    services.transition_meeting(
        actor=cast.policy_officer, meeting=world.meeting, to=Meeting.State.AGENDA_PUBLISHED
    )
    [meeting] = get(client, "body/1/meeting")["data"]
    assert meeting["id"] == BASE + f"meeting/{world.meeting.pk}"
    assert meeting["type"] == "https://schema.oparl.org/1.1/Meeting"
    assert meeting["meetingState"] == "eingeladen"
    assert meeting["location"]["description"] == "Bernstorffsgade 17, 1. sal, vær. 124"
    [item] = meeting["agendaItem"]
    assert item["type"] == "https://schema.oparl.org/1.1/AgendaItem"
    assert item["number"] == "1"
    paper = client.get(item["consultation"]).json()
    assert paper["type"] == "https://schema.oparl.org/1.1/Consultation"
    paper = client.get(paper["paper"]).json()
    assert paper["reference"] == "BIU 12/2026"
    assert paper["consultation"][0]["meeting"] == meeting["id"]


def test_the_meeting_list_reads_items_in_a_fixed_number_of_queries(client, world, cast):
    def publish(meeting):
        services.transition_meeting(
            actor=cast.policy_officer, meeting=meeting, to=Meeting.State.AGENDA_PUBLISHED
        )

    def queries():
        with CaptureQueriesContext(connection) as context:
            data = get(client, "body/1/meeting")["data"]
        return len(data), len(context.captured_queries)

    publish(world.meeting)
    one = queries()
    for day in (17, 18):
        meeting = services.create_meeting(
            actor=cast.policy_officer, body=world.biu, starts_at=at(2026, 3, day)
        )
        services.add_agenda_item(actor=cast.policy_officer, meeting=meeting, title="Punkt")
        publish(meeting)
    three = queries()
    assert (one[0], three[0]) == (1, 3)
    assert three[1] == one[1]


def test_an_outside_client_needs_no_login(client, world):
    response = client.get("/oparl/v1/body/1")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


@override_settings(PEJLING_OPARL_PAGE_SIZE=2)
def test_lists_are_paginated_as_oparl_prescribes(client, world, cast):
    for index in range(3):
        crud.create(actor=None, instance=Person(name=f"Person {index}"))
    first = get(client, "body/1/person")
    assert first["pagination"] == {
        "totalElements": 3,
        "elementsPerPage": 2,
        "currentPage": 1,
        "totalPages": 2,
    }
    assert first["links"]["next"] == BASE + "body/1/person?page=2"
    assert "prev" not in first["links"]
    second = client.get(first["links"]["next"]).json()
    assert len(second["data"]) == 1
    assert second["links"]["prev"] == BASE + "body/1/person?page=1"
    assert second["links"]["last"] == BASE + "body/1/person?page=2"
    assert client.get("/oparl/v1/body/1/person?page=3").status_code == 404


@pytest.mark.parametrize("path", ["body/2", "organization/999", "paper/999", "file/999"])
def test_unknown_objects_are_not_found(client, world, path):
    assert client.get("/oparl/v1/" + path).status_code == 404


def test_oparl_is_read_only(client, world):
    assert client.post("/oparl/v1/system").status_code == 405


def test_reading_a_person_is_access_logged(client, world):
    from pejling.audit.models import AccessEvent

    person = crud.create(actor=None, instance=Person(name="Anna Andersen"))
    assert get(client, f"person/{person.pk}")["name"] == "Anna Andersen"
    assert AccessEvent.objects.for_object(person).count() == 1
