"""Organisations and persons: lists, forms, access logging, merging, extract and anonymising."""

import json

import pytest
from django.urls import reverse

from pejling.audit.models import AccessEvent, AuditEvent
from pejling.network import services
from pejling.network.models import Membership, Merge, NetworkMember, Organisation, Person
from tests.network.factories import make_network, make_organisation, make_person

CPR_TEXT = "Borgeren 010190-1234 skal kontaktes."
CPR_MESSAGE = "Teksten ser ud til at indeholde et CPR-nummer."
LIST = reverse("network:organisation_list")
CREATE = reverse("network:organisation_create")


def accesses(instance):
    return AccessEvent.objects.for_object(instance)


def test_organisation_list_shows_and_filters(client, cast):
    make_organisation(name="Valby Skole")
    make_organisation(name="Havnens Logistik", kind="company")
    client.force_login(cast.committee_member)
    response = client.get(LIST, {"kind": "company"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Havnens Logistik" in body
    assert "Valby Skole" not in body


def test_organisation_list_exports_csv_and_xlsx(client, cast):
    make_organisation(name="Valby Skole")
    client.force_login(cast.advisor)
    csv = client.get(LIST, {"format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    assert "Valby Skole" in csv.content.decode("utf-8-sig")
    xlsx = client.get(LIST, {"format": "xlsx"})
    assert xlsx["Content-Disposition"] == 'attachment; filename="organisationer.xlsx"'


def test_organisation_list_needs_login(client, db):
    response = client.get(LIST)
    assert response.status_code == 302
    assert "/konto/log-ind/" in response["Location"] or "login" in response["Location"]


def test_outsider_cannot_see_organisations(client, cast):
    client.force_login(cast.outsider)
    assert client.get(LIST).status_code == 403


def test_coordinator_creates_organisation_with_audit(client, cast):
    client.force_login(cast.coordinator)
    response = client.post(CREATE, {"name": "Integrationsrådet", "kind": "integration_council"})
    organisation = Organisation.objects.get(name="Integrationsrådet")
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert AuditEvent.objects.for_object(organisation).filter(action="create").exists()


def test_organisation_form_refuses_cpr_and_saves_nothing(client, cast):
    client.force_login(cast.coordinator)
    response = client.post(CREATE, {"name": "Skolen", "kind": "school", "notes": CPR_TEXT})
    assert response.status_code == 400
    assert CPR_MESSAGE in response.content.decode()
    assert not Organisation.objects.exists()


def test_advisor_may_not_create_organisations(client, cast):
    client.force_login(cast.advisor)
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, {"name": "X", "kind": "school"}).status_code == 403


def test_merge_form_refuses_get(client, cast):
    organisation = make_organisation()
    client.force_login(cast.coordinator)
    url = reverse("network:organisation_merge", args=[organisation.pk])
    assert client.get(url).status_code == 405


def test_person_page_is_access_logged(client, cast):
    person = make_person()
    client.force_login(cast.advisor)
    response = client.get(person.get_absolute_url())
    assert response.status_code == 200
    assert "hanne@example.org" in response.content.decode()
    assert accesses(person).filter(actor=cast.advisor).count() == 1


@pytest.mark.parametrize("who", ["committee_member", "contact_person", "analyst", "outsider"])
def test_persons_are_only_for_the_task_force(client, cast, who):
    person = make_person()
    client.force_login(getattr(cast, who))
    assert client.get(reverse("network:person_list")).status_code == 403
    assert client.get(person.get_absolute_url()).status_code == 403
    assert not accesses(person).exists()


def test_organisation_page_hides_persons_from_readers_outside_the_task_force(client, cast):
    organisation = make_organisation()
    person = make_person()
    services.add_membership(actor=None, person=person, organisation=organisation, role="Leder")
    client.force_login(cast.committee_member)
    body = client.get(organisation.get_absolute_url()).content.decode()
    assert "Hanne Fiktivsen" not in body
    assert "1 person har en rolle" in body


def test_person_list_export_logs_every_person(client, cast):
    first, second = make_person(name="A Person"), make_person(name="B Person", email="")
    client.force_login(cast.coordinator)
    response = client.get(reverse("network:person_list"), {"format": "csv"})
    assert "A Person" in response.content.decode("utf-8-sig")
    assert accesses(first).count() == 1
    assert accesses(second).count() == 1


def test_membership_dates_must_be_in_order(client, cast):
    person = make_person()
    organisation = make_organisation()
    client.force_login(cast.coordinator)
    response = client.post(
        reverse("network:membership_create", args=[person.pk]),
        {
            "organisation": organisation.pk,
            "role": "Formand",
            "starts_on": "2025-05-01",
            "ends_on": "2025-01-01",
        },
    )
    assert response.status_code == 400
    assert "Slutdatoen skal ligge efter startdatoen." in response.content.decode()
    assert not Membership.objects.exists()


def test_merging_organisations_moves_every_relation(client, cast):
    kept = make_organisation(name="Valby Skole")
    duplicate = make_organisation(name="Valby skole")
    person = make_person()
    services.add_membership(actor=None, person=person, organisation=duplicate, role="Leder")
    network = make_network()
    other = make_network(name="Andet netværk", slug="andet")
    services.add_network_member(actor=None, network=network, organisation=duplicate)
    services.add_network_member(actor=None, network=network, organisation=kept)
    services.add_network_member(actor=None, network=other, organisation=duplicate)
    client.force_login(cast.coordinator)

    response = client.post(
        reverse("network:organisation_merge", args=[kept.pk]), {"other": duplicate.pk}
    )

    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into == kept
    assert Membership.objects.get().organisation == kept
    assert set(NetworkMember.objects.values_list("network__slug", "organisation")) == {
        ("foraeldrebestyrelser", kept.pk),
        ("andet", kept.pk),
    }
    merge = Merge.objects.get()
    assert (merge.kept_id, merge.removed_id, merge.merged_by) == (
        kept.pk,
        duplicate.pk,
        cast.coordinator,
    )
    assert merge.moved["memberships"] == 1
    # The duplicate's page leads to the one it was merged into; lists leave it out.
    assert client.get(duplicate.get_absolute_url())["Location"] == kept.get_absolute_url()
    client.get(kept.get_absolute_url())  # shows the message
    assert ">Valby skole<" not in client.get(LIST).content.decode()


def test_an_organisation_cannot_be_merged_with_itself(cast):
    organisation = make_organisation()
    with pytest.raises(Exception, match="anden post"):
        services.merge_organisations(
            actor=cast.coordinator, kept=organisation, removed=organisation
        )


def test_merging_persons_keeps_missing_contact_details(client, cast):
    kept = make_person(name="Hanne Fiktivsen", email="", phone="")
    duplicate = make_person(name="Hanne F.", email="hanne@example.org", phone="12345678")
    services.add_membership(
        actor=None, person=duplicate, organisation=make_organisation(), role="Leder"
    )
    client.force_login(cast.coordinator)
    response = client.post(reverse("network:person_merge", args=[kept.pk]), {"other": duplicate.pk})
    assert response.status_code == 302
    kept.refresh_from_db()
    assert (kept.email, kept.phone) == ("hanne@example.org", "12345678")
    assert kept.memberships.count() == 1
    assert Person.objects.current().count() == 1


def test_merge_with_unknown_record_is_refused(client, cast):
    kept = make_person()
    client.force_login(cast.coordinator)
    response = client.post(reverse("network:person_merge", args=[kept.pk]), {"other": 999})
    assert response.status_code == 400
    assert not Merge.objects.exists()


def test_extract_is_json_with_roles_and_logged(client, cast):
    person = make_person()
    services.add_membership(
        actor=None, person=person, organisation=make_organisation(), role="Skoleleder"
    )
    client.force_login(cast.coordinator)
    response = client.get(reverse("network:person_extract", args=[person.pk]))
    data = json.loads(response.content)
    assert data["email"] == "hanne@example.org"
    assert data["memberships"][0]["role"] == "Skoleleder"
    assert accesses(person).count() == 2  # the access helper and the extract itself


def test_advisor_reads_but_cannot_extract_or_anonymise(client, cast):
    person = make_person()
    client.force_login(cast.advisor)
    assert client.get(reverse("network:person_extract", args=[person.pk])).status_code == 403
    assert client.post(reverse("network:person_anonymise", args=[person.pk])).status_code == 403


def test_anonymising_removes_personal_data_and_keeps_roles(client, cast):
    person = make_person()
    services.add_membership(
        actor=None, person=person, organisation=make_organisation(), role="Skoleleder"
    )
    client.force_login(cast.coordinator)
    response = client.post(reverse("network:person_anonymise", args=[person.pk]))
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.name, person.email, person.phone) == ("Anonymiseret person", "", "")
    assert person.anonymised_at is not None
    assert person.memberships.count() == 1


def test_missing_person_is_404(client, cast):
    client.force_login(cast.coordinator)
    assert client.get(reverse("network:person_detail", args=[999])).status_code == 404


def test_an_administration_organisation_names_its_administration(client, cast):
    client.force_login(cast.coordinator)
    response = client.post(
        CREATE, {"name": "Teknik- og Miljøforvaltningen", "kind": "administration"}
    )
    assert response.status_code == 400
    assert "Vælg den forvaltning, organisationen er." in response.content.decode()
    response = client.post(
        CREATE,
        {"name": "Beskæftigelsesforvaltningen", "kind": "administration",
         "administration": cast.administration.pk},
    )  # fmt: skip
    assert response.status_code == 302


def test_person_list_page_logs_the_persons_it_shows(client, cast):
    person = make_person()
    client.force_login(cast.advisor)
    assert "Hanne Fiktivsen" in client.get(reverse("network:person_list")).content.decode()
    assert accesses(person).filter(actor=cast.advisor).count() == 1
