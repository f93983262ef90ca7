"""Theme networks: list, page, members, meetings, shared entries and the member list export."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pejling.audit.models import AccessEvent
from pejling.network import services
from pejling.network.models import Network, NetworkMeeting, NetworkMember
from tests.network.factories import (
    make_network,
    make_organisation,
    make_person,
    make_public_article,
)

LIST = reverse("network:network_list")


@pytest.fixture
def network(db):
    network = make_network()
    services.add_network_member(actor=None, network=network, person=make_person())
    services.add_network_member(
        actor=None, network=network, organisation=make_organisation(name="Valby Skole")
    )
    return network


def test_network_list_filters_and_exports(client, cast, network):
    make_network(name="Mangfoldighed på arbejdspladsen", slug="mangfoldighed", theme="Rekruttering")
    client.force_login(cast.committee_member)
    body = client.get(LIST, {"q": "rekrut"}).content.decode()
    assert "Mangfoldighed på arbejdspladsen" in body
    assert "Forældrebestyrelser" not in body
    csv = client.get(LIST, {"format": "csv"}).content.decode("utf-8-sig")
    assert "Forældrebestyrelser;Forældre i bestyrelser;2;Ja" in csv


def test_network_list_needs_an_internal_role(client, cast):
    client.force_login(cast.outsider)
    assert client.get(LIST).status_code == 403


def test_task_force_sees_every_member_and_reads_are_logged(client, cast, network):
    client.force_login(cast.advisor)
    body = client.get(network.get_absolute_url()).content.decode()
    assert "Hanne Fiktivsen" in body and "Valby Skole" in body
    person = network.members.get(person__isnull=False).person
    assert AccessEvent.objects.for_object(person).filter(actor=cast.advisor).count() == 1


def test_other_readers_see_organisations_and_a_count_of_persons(client, cast, network):
    client.force_login(cast.committee_member)
    body = client.get(network.get_absolute_url()).content.decode()
    assert "Valby Skole" in body
    assert "Hanne Fiktivsen" not in body
    assert "Desuden 1 person" in body


def test_member_list_exports_as_csv_and_xlsx(client, cast, network):
    client.force_login(cast.coordinator)
    csv = client.get(reverse("network:network_members_export", args=[network.slug, "csv"]))
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "Navn;Slags;E-mail;Telefon;Med siden"
    assert "Hanne Fiktivsen;Person;hanne@example.org" in text
    xlsx = client.get(reverse("network:network_members_export", args=[network.slug, "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [row[0] for row in sheet.iter_rows(values_only=True)][1:] == [
        "Hanne Fiktivsen",
        "Valby Skole",
    ]


def test_member_list_export_is_for_the_task_force(client, cast, network):
    client.force_login(cast.committee_member)
    url = reverse("network:network_members_export", args=[network.slug, "csv"])
    assert client.get(url).status_code == 403


def test_unknown_export_format_is_404(client, cast, network):
    client.force_login(cast.coordinator)
    url = reverse("network:network_members_export", args=[network.slug, "pdf"])
    assert client.get(url).status_code == 404


def test_coordinator_creates_a_network(client, cast):
    client.force_login(cast.coordinator)
    response = client.post(
        reverse("network:network_create"),
        {
            "name": "Tryghed",
            "slug": "tryghed",
            "theme": "Tryghed i boligområder",
            "is_active": "on",
        },
    )
    assert response["Location"] == Network.objects.get().get_absolute_url()


def test_network_slug_must_be_unique(client, cast, network):
    client.force_login(cast.coordinator)
    response = client.post(
        reverse("network:network_create"),
        {"name": "Andet", "slug": network.slug, "theme": "Tema"},
    )
    assert response.status_code == 400
    assert Network.objects.count() == 1


def test_advisor_cannot_change_networks(client, cast, network):
    client.force_login(cast.advisor)
    assert client.get(reverse("network:network_create")).status_code == 403
    url = reverse("network:network_member_add", args=[network.slug])
    assert client.post(url, {"organisation": make_organisation().pk}).status_code == 403


def test_members_are_added_once_and_removed(client, cast, network):
    organisation = make_organisation(name="Børnehuset Solsikken", kind="daycare")
    client.force_login(cast.coordinator)
    url = reverse("network:network_member_add", args=[network.slug])
    assert client.post(url, {"organisation": organisation.pk}).status_code == 302
    again = client.post(url, {"organisation": organisation.pk})
    assert again.status_code == 400
    assert "er allerede med i netværket" in again.content.decode()
    both = client.post(url, {"organisation": organisation.pk, "person": make_person().pk})
    assert "Vælg enten en person eller en organisation." in both.content.decode()
    member = NetworkMember.objects.get(organisation=organisation)
    client.post(reverse("network:network_member_remove", args=[network.slug, member.pk]))
    assert not NetworkMember.objects.filter(organisation=organisation).exists()


def test_meetings_are_added(client, cast, network):
    client.force_login(cast.coordinator)
    response = client.post(
        reverse("network:network_meeting_add", args=[network.slug]),
        {"held_on": "2025-10-22", "place": "Rådhuset", "agenda": "Erfaringsudveksling"},
    )
    assert response.status_code == 302
    assert NetworkMeeting.objects.get().network == network
    assert "Erfaringsudveksling" in client.get(network.get_absolute_url()).content.decode()


def test_network_shares_published_entries(client, cast, network):
    article = make_public_article(cast.coordinator)
    client.force_login(cast.coordinator)
    response = client.post(
        reverse("network:network_articles", args=[network.slug]), {"articles": [article.pk]}
    )
    assert response.status_code == 302
    assert list(network.shared_articles.all()) == [article]
    client.force_login(cast.committee_member)
    assert article.title in client.get(network.get_absolute_url()).content.decode()


def test_missing_network_is_404(client, cast):
    client.force_login(cast.coordinator)
    assert client.get(reverse("network:network_detail", args=["findes-ikke"])).status_code == 404
