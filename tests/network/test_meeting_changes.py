"""Changing and deleting meetings after they were made: contact-person meetings and theme-network
meetings, by the coordinator only, audited, with a confirmation page before a delete."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from pejling.audit.models import AuditEvent
from pejling.network import services
from pejling.network.models import ContactMeeting, MeetingFollowUp, NetworkMeeting
from tests.network.factories import make_network
from tests.taskforce_api.factories import make_administration

DAY = datetime.date(2025, 9, 15)


def audited(model, pk: int, action: str) -> bool:
    return AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_pk=str(pk), action=action
    ).exists()


@pytest.fixture
def meeting(cast) -> ContactMeeting:
    meeting = services.create_meeting(
        actor=cast.coordinator,
        administration=cast.administration,
        held_on=DAY,
        agenda="1. Nyt fra task forcen",
        minutes="Referat.",
        decisions="",
    )
    services.add_meeting_follow_up(actor=cast.coordinator, meeting=meeting, text="Send referat")
    return meeting


@pytest.fixture
def network_meeting(cast) -> NetworkMeeting:
    network = make_network(cast.coordinator)
    return services.add_network_meeting(
        actor=cast.coordinator,
        network=network,
        held_on=DAY,
        place="Rådhuset",
        agenda="1. Præsentation",
        minutes="",
    )


def contact_urls(meeting) -> tuple[str, str]:
    return (
        reverse("network:meeting_edit", args=[meeting.pk]),
        reverse("network:meeting_delete", args=[meeting.pk]),
    )


def network_urls(meeting) -> tuple[str, str]:
    args = [meeting.network.slug, meeting.pk]
    return (
        reverse("network:network_meeting_edit", args=args),
        reverse("network:network_meeting_delete", args=args),
    )


# --- Contact-person meetings: edit ---


def test_meeting_edit_form_is_prefilled(client, cast, meeting):
    client.force_login(cast.coordinator)
    edit, _delete = contact_urls(meeting)
    response = client.get(edit)
    assert response.status_code == 200
    assert response.context["form"].instance == meeting
    body = response.content.decode()
    assert "1. Nyt fra task forcen" in body and 'value="2025-09-15"' in body


def test_coordinator_edits_a_meeting_and_the_change_is_audited(client, cast, meeting):
    client.force_login(cast.coordinator)
    edit, _delete = contact_urls(meeting)
    response = client.post(
        edit,
        {
            "administration": cast.administration.pk,
            "held_on": "2025-09-16",
            "agenda": "1. Nyt fra task forcen\n2. Eventuelt",
            "minutes": "Referat.",
            "decisions": "Oplæg i efteråret.",
        },
    )
    assert response["Location"] == meeting.get_absolute_url()
    meeting.refresh_from_db()
    assert meeting.held_on == datetime.date(2025, 9, 16)
    assert meeting.decisions == "Oplæg i efteråret."
    event = AuditEvent.objects.for_object(meeting).get(action="update")
    assert event.actor == cast.coordinator
    assert "decisions" in event.changes


def test_bad_meeting_edit_is_refused_and_nothing_is_saved(client, cast, meeting):
    client.force_login(cast.coordinator)
    edit, _delete = contact_urls(meeting)
    response = client.post(
        edit,
        {
            "administration": cast.administration.pk,
            "held_on": "ikke en dato",
            "agenda": "",
            "minutes": "Ændret referat.",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Dette felt er påkrævet." in body and "Indtast en gyldig dato." in body
    meeting.refresh_from_db()
    assert meeting.minutes == "Referat." and meeting.held_on == DAY
    assert not AuditEvent.objects.for_object(meeting).filter(action="update").exists()


def test_meeting_edit_refuses_cpr(client, cast, meeting):
    client.force_login(cast.coordinator)
    edit, _delete = contact_urls(meeting)
    response = client.post(
        edit,
        {
            "administration": cast.administration.pk,
            "held_on": "2025-09-15",
            "agenda": "1. Borgeren 010190-1234",
        },
    )
    assert response.status_code == 400
    assert "CPR-nummer" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.agenda == "1. Nyt fra task forcen"


# --- Contact-person meetings: delete ---


def test_delete_asks_first_and_names_what_goes_with_it(client, cast, meeting):
    client.force_login(cast.coordinator)
    _edit, delete = contact_urls(meeting)
    response = client.get(delete)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Vil du slette mødet med Beskæftigelses- og Integrationsforvaltningen" in body
    assert "Mødets 1 opfølgning slettes også." in body
    assert 'method="post"' in body
    assert ContactMeeting.objects.filter(pk=meeting.pk).exists()


def test_coordinator_deletes_a_meeting_with_its_follow_ups_audited(client, cast, meeting):
    follow_up = meeting.follow_ups.get()
    client.force_login(cast.coordinator)
    _edit, delete = contact_urls(meeting)
    response = client.post(delete)
    assert response["Location"] == reverse("network:meeting_list")
    assert not ContactMeeting.objects.filter(pk=meeting.pk).exists()
    assert not MeetingFollowUp.objects.exists()
    assert audited(ContactMeeting, meeting.pk, "delete")
    assert audited(MeetingFollowUp, follow_up.pk, "delete")
    assert "er slettet" in client.get(response["Location"]).content.decode()


def test_the_meeting_page_offers_edit_and_delete_to_the_coordinator_only(client, cast, meeting):
    edit, delete = contact_urls(meeting)
    client.force_login(cast.coordinator)
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert edit in body and delete in body
    client.force_login(cast.advisor)
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert edit not in body and delete not in body


@pytest.mark.parametrize("who", ["advisor", "contact_person", "committee_member"])
def test_readers_cannot_edit_or_delete_meetings(client, cast, meeting, who):
    client.force_login(getattr(cast, who))
    edit, delete = contact_urls(meeting)
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"agenda": "Ændret"}).status_code == 403
    assert client.get(delete).status_code == 403
    assert client.post(delete).status_code == 403
    meeting.refresh_from_db()
    assert meeting.agenda == "1. Nyt fra task forcen"


def test_contact_person_gets_not_found_for_another_administrations_meeting(client, cast):
    other = services.create_meeting(
        actor=cast.coordinator, administration=make_administration("TMF"), held_on=DAY, agenda="1."
    )
    client.force_login(cast.contact_person)
    _edit, delete = contact_urls(other)
    assert client.post(delete).status_code == 404
    assert ContactMeeting.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("who", ["outsider"])
def test_users_without_a_role_cannot_delete(client, cast, meeting, who):
    client.force_login(getattr(cast, who))
    _edit, delete = contact_urls(meeting)
    assert client.post(delete).status_code == 403
    assert ContactMeeting.objects.filter(pk=meeting.pk).exists()


def test_anonymous_visitors_are_sent_to_login(client, meeting, network_meeting):
    client.logout()
    for url in (*contact_urls(meeting), *network_urls(network_meeting)):
        response = client.post(url)
        assert response.status_code == 302, url
        assert "?next=" in response["Location"]
    assert ContactMeeting.objects.filter(pk=meeting.pk).exists()
    assert NetworkMeeting.objects.filter(pk=network_meeting.pk).exists()


def test_missing_meetings_are_not_found(client, cast):
    client.force_login(cast.coordinator)
    assert client.get(reverse("network:meeting_edit", args=[999])).status_code == 404
    assert client.post(reverse("network:meeting_delete", args=[999])).status_code == 404


def test_delete_answers_get_and_post_only(client, cast, meeting):
    client.force_login(cast.coordinator)
    _edit, delete = contact_urls(meeting)
    assert client.put(delete).status_code == 405


# --- Theme-network meetings ---


def test_network_meeting_edit_form_is_prefilled(client, cast, network_meeting):
    client.force_login(cast.coordinator)
    edit, _delete = network_urls(network_meeting)
    response = client.get(edit)
    assert response.status_code == 200
    body = response.content.decode()
    assert "1. Præsentation" in body and 'value="Rådhuset"' in body


def test_coordinator_edits_a_network_meeting(client, cast, network_meeting):
    client.force_login(cast.coordinator)
    edit, _delete = network_urls(network_meeting)
    response = client.post(
        edit,
        {
            "held_on": "2025-10-22",
            "place": "Valby Skole",
            "agenda": "1. Præsentation",
            "minutes": "Alle deltog.",
        },
    )
    assert response["Location"].endswith(f"#moede-{network_meeting.pk}")
    network_meeting.refresh_from_db()
    assert network_meeting.place == "Valby Skole"
    assert network_meeting.minutes == "Alle deltog."
    assert AuditEvent.objects.for_object(network_meeting).filter(action="update").exists()
    body = client.get(network_meeting.network.get_absolute_url()).content.decode()
    assert f'id="moede-{network_meeting.pk}"' in body and "Valby Skole" in body


def test_bad_network_meeting_edit_is_refused_and_nothing_is_saved(client, cast, network_meeting):
    client.force_login(cast.coordinator)
    edit, _delete = network_urls(network_meeting)
    response = client.post(edit, {"held_on": "", "place": "Andetsteds", "agenda": ""})
    assert response.status_code == 400
    assert "Dette felt er påkrævet." in response.content.decode()
    network_meeting.refresh_from_db()
    assert network_meeting.place == "Rådhuset"


def test_network_meeting_delete_asks_first_then_deletes(client, cast, network_meeting):
    client.force_login(cast.coordinator)
    _edit, delete = network_urls(network_meeting)
    page = client.get(delete)
    assert page.status_code == 200
    assert "Vil du slette netværkets møde den 15. september 2025" in page.content.decode()
    assert NetworkMeeting.objects.filter(pk=network_meeting.pk).exists()
    pk = network_meeting.pk
    response = client.post(delete)
    assert response["Location"] == network_meeting.network.get_absolute_url() + "#moeder"
    assert not NetworkMeeting.objects.filter(pk=pk).exists()
    assert audited(NetworkMeeting, pk, "delete")


def test_network_page_offers_edit_and_delete_to_the_coordinator_only(client, cast, network_meeting):
    edit, delete = network_urls(network_meeting)
    url = network_meeting.network.get_absolute_url()
    client.force_login(cast.coordinator)
    body = client.get(url).content.decode()
    assert edit in body and delete in body
    client.force_login(cast.advisor)
    body = client.get(url).content.decode()
    assert edit not in body and delete not in body


@pytest.mark.parametrize("who", ["advisor", "contact_person", "committee_member", "outsider"])
def test_others_cannot_edit_or_delete_network_meetings(client, cast, network_meeting, who):
    client.force_login(getattr(cast, who))
    edit, delete = network_urls(network_meeting)
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"held_on": "2025-10-22", "agenda": "Ændret"}).status_code == 403
    assert client.get(delete).status_code == 403
    assert client.post(delete).status_code == 403
    network_meeting.refresh_from_db()
    assert network_meeting.agenda == "1. Præsentation"


def test_a_meeting_of_another_network_is_not_found(client, cast, network_meeting):
    other = make_network(cast.coordinator, name="Mangfoldighed", slug="mangfoldighed")
    client.force_login(cast.coordinator)
    url = reverse("network:network_meeting_delete", args=[other.slug, network_meeting.pk])
    assert client.post(url).status_code == 404
    assert NetworkMeeting.objects.filter(pk=network_meeting.pk).exists()
