"""/api/v1/meetings and /api/v1/hearings."""

from datetime import date

import pytest

from pejling.governance import services
from pejling.governance.models import Amendment, Hearing, Meeting
from tests.governance.conftest import hold


def api_get(client, path, user=None, **params):
    if user is not None:
        client.force_login(user)
    return client.get(f"/api/v1{path}", params)


def test_anonymous_callers_see_only_published_meetings(client, world, cast):
    assert api_get(client, "/meetings").json()["count"] == 0
    services.transition_meeting(
        actor=cast.policy_officer, meeting=world.meeting, to=Meeting.State.AGENDA_PUBLISHED
    )
    body = api_get(client, "/meetings").json()
    assert body["count"] == 1
    assert body["items"][0]["location"] == "Bernstorffsgade 17, 1. sal, vær. 124"
    assert body["items"][0]["item_count"] == 1


def test_staff_see_planned_meetings(client, world, cast):
    body = api_get(client, "/meetings", cast.committee_member).json()
    assert [m["state"] for m in body["items"]] == ["planned"]


def test_a_meeting_with_its_agenda_decision_and_amendments(client, world, cast):
    amendment = services.propose_amendment(
        actor=cast.policy_officer,
        item=world.item,
        party=world.party,
        proposed_by="",
        kind=Amendment.Kind.ADD_PARAGRAPH,
        target_version=world.vision.current,
        text_to="Et nyt afsnit.",
    )
    hold(world.meeting, cast.policy_officer)
    services.adopt_amendment(
        actor=cast.policy_officer,
        amendment=amendment,
        with_vote=True,
        votes={world.party: "for", world.other_party: "against"},
    )
    body = api_get(client, f"/meetings/{world.meeting.pk}").json()
    item = body["items"][0]
    assert item["case_reference"] == "BIU 12/2026"
    assert item["recommendation"] == [
        "at udvalget godkender visionen",
        "at udvalget tager sagen til efterretning",
    ]
    [out] = item["amendments"]
    assert out["status"] == "adopted"
    assert out["produced_version"] == 2
    assert out["target_text_id"] == world.vision.pk
    assert {(v["party"], v["position"]) for v in out["votes"]} == {
        ("Enhedslisten", "for"),
        ("Radikale Venstre", "against"),
    }


def test_an_unpublished_meeting_is_not_found_for_the_public(client, world):
    assert api_get(client, f"/meetings/{world.meeting.pk}").status_code == 404


def test_hearings_need_an_internal_role(client, world, cast):
    assert api_get(client, "/hearings").status_code == 401
    assert api_get(client, "/hearings", cast.outsider).status_code == 403
    body = api_get(client, "/hearings", cast.committee_member).json()
    assert body["items"][0]["party_count"] == 2


def test_a_hearing_with_its_responses(client, world, cast):
    hearing = services.transition_hearing(
        actor=cast.policy_officer, hearing=world.hearing, to=Hearing.Phase.SENT
    )
    services.receive_response(
        actor=cast.policy_officer,
        hearing=hearing,
        party=hearing.parties.get(body=world.council),
        received_on=date(2026, 3, 20),
        text="Sent svar",
    )
    body = api_get(client, f"/hearings/{hearing.pk}", cast.committee_member).json()
    assert body["documents_sent"] == ["Udkast til vision"]
    [response] = body["responses"]
    assert response["is_late"] is True
    assert response["party"] == "Integrationsrådet"
    assert api_get(client, "/hearings/999999", cast.committee_member).status_code == 404


@pytest.mark.parametrize("path", ["/meetings", "/hearings"])
def test_lists_take_few_queries(client, world, cast, django_assert_max_num_queries, path):
    client.force_login(cast.committee_member)
    with django_assert_max_num_queries(12):
        assert client.get(f"/api/v1{path}").status_code == 200


def _post(client, path, user, data):
    if user is not None:
        client.force_login(user)
    return client.post(f"/api/v1{path}", data, content_type="application/json")


def test_an_amendment_is_adopted_through_the_api(client, world, cast):
    amendment = services.propose_amendment(
        actor=cast.policy_officer,
        item=world.item,
        party=world.party,
        proposed_by="",
        kind=Amendment.Kind.ADD_PARAGRAPH,
        target_version=world.vision.current,
        text_to="Et nyt afsnit.",
    )
    path = f"/amendments/{amendment.pk}/decision"
    refused = _post(client, path, cast.policy_officer, {"decision": "adopt"})
    assert refused.status_code == 400
    assert "Mødet er ikke afholdt endnu" in str(refused.json()["errors"])
    hold(world.meeting, cast.policy_officer)
    assert _post(client, path, cast.committee_member, {"decision": "adopt"}).status_code == 403
    body = _post(
        client,
        path,
        cast.policy_officer,
        {"decision": "adopt", "with_vote": True, "votes": [{"party": "Ø", "position": "for"}]},
    ).json()
    assert body["status"] == "adopted"
    assert body["produced_version"] == 2
    assert world.vision.versions.count() == 2


def test_a_decision_through_the_api(client, world, cast):
    hold(world.meeting, cast.policy_officer)
    path = f"/agenda-items/{world.item.pk}/decision"
    bad = _post(
        client,
        path,
        cast.policy_officer,
        {"outcome": "adopted", "with_vote": True, "votes": [{"party": "X", "position": "for"}]},
    )
    assert bad.status_code == 400
    assert "Ukendt parti: X." in str(bad.json()["errors"])
    body = _post(client, path, cast.policy_officer, {"outcome": "postponed"}).json()
    assert body["outcome"] == "postponed"
    client.logout()
    assert _post(client, path, None, {"outcome": "adopted"}).status_code == 401
