"""The network API: organisations, persons (personal data, logged) and theme networks."""

import pytest

from pejling.audit.models import AccessEvent
from pejling.network import services
from pejling.network.models import Organisation
from tests.network.factories import make_network, make_organisation, make_person
from tests.policy_api.support import (
    A_CPR_NUMBER,
    Api,
    assert_cpr_refused,
    assert_forbidden,
    assert_not_found,
    assert_unauthenticated,
    count_queries,
)


@pytest.fixture
def api(client) -> Api:
    return Api(client)


@pytest.fixture
def people(db):
    organisation = make_organisation(name="Valby Skole")
    person = make_person()
    services.add_membership(actor=None, person=person, organisation=organisation, role="Leder")
    network = make_network()
    services.add_network_member(actor=None, network=network, person=person)
    services.add_network_member(actor=None, network=network, organisation=organisation)
    return organisation, person, network


def test_organisations_are_listed_by_kind(api, cast, people):
    make_organisation(name="Havnens Logistik", kind="company")
    response = api.get("/organisations", cast.committee_member, kind="company")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["items"][0]["name"] == "Havnens Logistik"
    assert body["items"][0]["kind_label"] == "Virksomhed"


def test_unknown_kind_is_refused(api, cast):
    response = api.get("/organisations", cast.advisor, kind="castle")
    assert response.status_code == 400


def test_organisation_list_query_count_does_not_grow(api, cast, people):
    api.get("/organisations", cast.advisor)  # warm the token
    few = count_queries(lambda: api.get("/organisations", cast.advisor))
    for n in range(5):
        make_organisation(name=f"Skole {n}", administration=cast.administration)
    assert count_queries(lambda: api.get("/organisations", cast.advisor)) == few


def test_organisations_need_login(api, db):
    assert_unauthenticated(api.get("/organisations"))


def test_outsider_cannot_list_organisations(api, cast):
    assert_forbidden(api.get("/organisations", cast.outsider))


def test_organisation_detail_and_404(api, cast, people):
    organisation, _person, _network = people
    assert api.get(f"/organisations/{organisation.pk}", cast.advisor).json()["name"] == (
        "Valby Skole"
    )
    assert_not_found(api.get("/organisations/999", cast.advisor))


def test_coordinator_creates_organisation(api, cast):
    response = api.post(
        "/organisations",
        {"name": "Integrationsrådet", "kind": "integration_council"},
        cast.coordinator,
    )
    assert response.status_code == 201
    assert response.json()["kind"] == "integration_council"


def test_organisation_create_refuses_cpr_and_bad_kind(api, cast):
    assert_cpr_refused(
        api.post("/organisations", {"name": A_CPR_NUMBER, "kind": "school"}, cast.coordinator),
        "name",
    )
    response = api.post("/organisations", {"name": "X", "kind": "castle"}, cast.coordinator)
    assert response.status_code == 400
    assert "kind" in response.json()["errors"]
    assert not Organisation.objects.exists()


def test_advisor_cannot_create_organisations(api, cast):
    assert_forbidden(api.post("/organisations", {"name": "X", "kind": "school"}, cast.advisor))


def test_persons_are_for_the_task_force_and_every_read_is_logged(api, cast, people):
    _organisation, person, _network = people
    response = api.get("/persons", cast.advisor)
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["email"] == "hanne@example.org"
    assert item["memberships"][0]["role"] == "Leder"
    api.get(f"/persons/{person.pk}", cast.coordinator)
    assert AccessEvent.objects.for_object(person).count() == 2
    assert AccessEvent.objects.for_object(person).first().channel == "api"


@pytest.mark.parametrize("who", ["committee_member", "contact_person", "analyst", "outsider"])
def test_persons_are_refused_to_others(api, cast, people, who):
    _organisation, person, _network = people
    assert_forbidden(api.get("/persons", getattr(cast, who)))
    assert_forbidden(api.get(f"/persons/{person.pk}", getattr(cast, who)))
    assert not AccessEvent.objects.for_object(person).exists()


def test_person_create_refuses_cpr(api, cast):
    assert_cpr_refused(
        api.post("/persons", {"name": "Hanne", "phone": "0101901234"}, cast.coordinator), "phone"
    )
    response = api.post(
        "/persons", {"name": "Hanne", "email": "hanne@example.org"}, cast.coordinator
    )
    assert response.status_code == 201


def test_networks_hide_persons_outside_the_task_force(api, cast, people):
    _organisation, _person, network = people
    listing = api.get("/networks", cast.committee_member).json()
    assert listing["items"][0]["member_count"] == 2
    detail = api.get(f"/networks/{network.pk}", cast.committee_member).json()
    assert [m["kind"] for m in detail["members"]] == ["organisation"]
    assert detail["hidden_person_count"] == 1
    detail = api.get(f"/networks/{network.pk}", cast.advisor).json()
    assert {m["kind"] for m in detail["members"]} == {"person", "organisation"}


def test_network_404_and_page_out_of_range(api, cast, people):
    assert_not_found(api.get("/networks/999", cast.advisor))
    assert_not_found(api.get("/networks", cast.advisor, page=9))
