"""Contact persons: their administration's meetings with the task force and their proposals."""

import datetime

import pytest
from django.urls import reverse

from pejling.network import services
from pejling.network.models import ContactMeeting, MeetingFollowUp, Proposal
from pejling.taskforce import services as taskforce
from pejling.taskforce.models import BarrierKind, Door
from tests.taskforce_api.factories import make_administration, make_case

CREATE_MEETING = reverse("network:meeting_create")
CREATE_PROPOSAL = reverse("network:proposal_create")


def make_meeting(actor, administration, day=datetime.date(2025, 9, 15)) -> ContactMeeting:
    return services.create_meeting(
        actor=actor,
        administration=administration,
        held_on=day,
        agenda="1. Nyt fra task forcen",
        minutes="Referat.",
        decisions="Task forcen holder oplæg.",
    )


def make_barrier(actor, administration, cases=()):
    return taskforce.record_barrier(
        actor=actor,
        text="Forældre stiller ikke op til bestyrelsen",
        field="education",
        kind=BarrierKind.objects.first(),
        administration=administration,
        cases=cases,
    )


def test_coordinator_keeps_the_meetings(client, cast):
    client.force_login(cast.coordinator)
    response = client.post(
        CREATE_MEETING,
        {
            "administration": cast.administration.pk,
            "held_on": "2025-09-15",
            "agenda": "1. Nyt fra task forcen",
            "minutes": "",
            "decisions": "",
        },
    )
    meeting = ContactMeeting.objects.get()
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.created_by == cast.coordinator


def test_meeting_form_needs_date_and_agenda(client, cast):
    client.force_login(cast.coordinator)
    response = client.post(CREATE_MEETING, {"administration": cast.administration.pk})
    assert response.status_code == 400
    assert "Dette felt er påkrævet." in response.content.decode()
    assert not ContactMeeting.objects.exists()


@pytest.mark.parametrize("who", ["contact_person", "advisor", "committee_member"])
def test_only_the_coordinator_creates_meetings(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get(CREATE_MEETING).status_code == 403


def test_contact_person_reads_own_administrations_meetings_only(client, cast):
    own = make_meeting(cast.coordinator, cast.administration)
    other = make_meeting(cast.coordinator, make_administration("TMF"))
    client.force_login(cast.contact_person)
    listing = client.get(reverse("network:meeting_list")).content.decode()
    assert own.get_absolute_url() in listing
    assert other.get_absolute_url() not in listing
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.get(reverse("network:meeting_edit", args=[own.pk])).status_code == 403


def test_the_meeting_list_filters_by_the_year_held_and_refuses_a_bad_year(client, cast):
    this_year = make_meeting(cast.coordinator, cast.administration)
    make_meeting(cast.coordinator, cast.administration, day=datetime.date(2024, 9, 16))
    client.force_login(cast.coordinator)

    listing = client.get(reverse("network:meeting_list"), {"year": 2025})
    assert [m.pk for m in listing.context["page"].object_list] == [this_year.pk]
    refused = client.get(reverse("network:meeting_list"), {"year": "tyve"})
    assert refused.status_code == 200
    assert "Indtast et heltal." in refused.content.decode()
    assert refused.context["page"].paginator.count == 0  # as every list does with a bad filter


def test_advisor_reads_every_meeting(client, cast):
    other = make_meeting(cast.coordinator, make_administration("TMF"))
    client.force_login(cast.advisor)
    assert client.get(other.get_absolute_url()).status_code == 200


def test_follow_ups_are_added_and_completed(client, cast):
    meeting = make_meeting(cast.coordinator, cast.administration)
    client.force_login(cast.coordinator)
    client.post(
        reverse("network:meeting_follow_up_create", args=[meeting.pk]),
        {"text": "Send forslaget videre", "responsible": "Koordinatoren", "due_on": ""},
    )
    follow_up = MeetingFollowUp.objects.get()
    client.post(reverse("network:meeting_follow_up_done", args=[meeting.pk, follow_up.pk]))
    follow_up.refresh_from_db()
    assert follow_up.done_at is not None


def test_contact_person_proposes_for_own_administration(client, cast):
    case = make_case(cast.contact_person)
    barrier = make_barrier(cast.advisor, cast.administration, [case])
    client.force_login(cast.contact_person)
    assert client.get(CREATE_PROPOSAL).status_code == 200
    response = client.post(
        CREATE_PROPOSAL,
        {
            "administration": cast.administration.pk,
            "title": "Forældre i bestyrelser",
            "reasoning": "Vi ser samme barriere mange steder.",
            "barriers": [barrier.pk],
            "cases": [case.pk],
        },
    )
    proposal = Proposal.objects.get()
    assert response["Location"] == proposal.get_absolute_url()
    assert proposal.proposed_by == cast.contact_person
    assert list(proposal.cases.all()) == [case]
    assert list(proposal.barriers.all()) == [barrier]


def test_contact_person_cannot_propose_for_another_administration(client, cast):
    other = make_administration("TMF")
    client.force_login(cast.contact_person)
    response = client.post(
        CREATE_PROPOSAL,
        {"administration": other.pk, "title": "Forslag", "reasoning": "Begrundelse"},
    )
    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_proposal_refuses_cpr(client, cast):
    client.force_login(cast.contact_person)
    response = client.post(
        CREATE_PROPOSAL,
        {
            "administration": cast.administration.pk,
            "title": "Forslag",
            "reasoning": "Borgeren 010190-1234 skal kontaktes.",
        },
    )
    assert response.status_code == 400
    assert "CPR-nummer" in response.content.decode()


@pytest.mark.parametrize("who", ["committee_member", "analyst", "outsider"])
def test_others_cannot_propose(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get(CREATE_PROPOSAL).status_code == 403


def test_case_links_are_shown_only_to_those_who_may_see_the_case(client, cast):
    own_case = make_case(cast.contact_person)
    public_case = make_case(None, door=Door.PUBLIC, title="En borgers henvendelse")
    proposal = services.propose_focus_area(
        actor=cast.coordinator,
        administration=cast.administration,
        title="Forældre i bestyrelser",
        reasoning="Begrundelse",
        cases=[own_case, public_case],
    )
    client.force_login(cast.contact_person)
    body = client.get(proposal.get_absolute_url()).content.decode()
    assert own_case.reference in body
    assert public_case.reference not in body
    assert "1 sag, du ikke har adgang til" in body
    client.force_login(cast.committee_member)
    body = client.get(proposal.get_absolute_url()).content.decode()
    assert own_case.reference not in body
    assert "2 sager, du ikke har adgang til" in body


def test_coordinator_answers_a_proposal_along_the_status_map(client, cast):
    proposal = services.propose_focus_area(
        actor=cast.contact_person,
        administration=cast.administration,
        title="Forslag",
        reasoning="Begrundelse",
    )
    client.force_login(cast.coordinator)
    url = reverse("network:proposal_respond", args=[proposal.pk])
    response = client.post(url, {"status": "adopted", "response": "Tages op i 2027."})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "adopted"
    client.force_login(cast.contact_person)
    assert client.post(url, {"status": "declined"}).status_code == 403


def test_illegal_proposal_move_is_refused(cast):
    proposal = services.propose_focus_area(
        actor=cast.contact_person,
        administration=cast.administration,
        title="Forslag",
        reasoning="Begrundelse",
    )
    services.respond_to_proposal(actor=cast.coordinator, proposal=proposal, status="adopted")
    with pytest.raises(Exception, match="kan ikke gå fra"):
        services.respond_to_proposal(actor=cast.coordinator, proposal=proposal, status="declined")


def test_contact_person_sees_own_proposals_only(client, cast):
    other = services.propose_focus_area(
        actor=cast.coordinator,
        administration=make_administration("TMF"),
        title="TMF-forslaget",
        reasoning="Begrundelse",
    )
    client.force_login(cast.contact_person)
    assert client.get(other.get_absolute_url()).status_code == 404
    assert "TMF-forslaget" not in client.get(reverse("network:proposal_list")).content.decode()


def test_overview_names_each_administrations_contact_person(client, cast):
    make_meeting(cast.coordinator, cast.administration)
    make_administration("TMF")
    client.force_login(cast.advisor)
    body = client.get(reverse("network:contact_overview")).content.decode()
    assert "Contact" in body and "contact@example.org" in body
    assert "Forvaltningen TMF" in body
    assert "15. september 2025" in body


def test_contact_person_overview_shows_own_administration_only(client, cast):
    make_administration("TMF")
    client.force_login(cast.contact_person)
    body = client.get(reverse("network:contact_overview")).content.decode()
    assert "Beskæftigelses- og Integrationsforvaltningen" in body
    assert "Forvaltningen TMF" not in body


def test_overview_is_for_internal_roles(client, cast):
    client.force_login(cast.outsider)
    assert client.get(reverse("network:contact_overview")).status_code == 403
