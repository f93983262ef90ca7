"""Small records for the governance tests: bodies, a vision text, a meeting and a hearing."""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from pejling.core import crud
from pejling.governance import services
from pejling.governance.models import AgendaItem, Body, Hearing, Meeting
from pejling.policy import services as policy_services
from pejling.policy.models import Policy, TextVersion, VersionedText

CPH = ZoneInfo("Europe/Copenhagen")
TODAY = datetime(2026, 3, 2, 10, 0, tzinfo=CPH)
VISION = "Forvaltningen skal hjælpe ledige i job og sikre integrationen af borgere."


@dataclass
class World:
    biu: Body
    council: Body
    party: Body
    other_party: Body
    vision: VersionedText
    meeting: Meeting
    item: AgendaItem
    hearing: Hearing


def at(year: int, month: int, day: int, hour: int = 17) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=CPH)


@pytest.fixture
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def world(cast, frozen) -> World:
    biu = crud.create(
        actor=None,
        instance=Body(
            name="Beskæftigelses- og Integrationsudvalget",
            short_name="BIU",
            kind=Body.Kind.COMMITTEE,
        ),
    )
    council = crud.create(
        actor=None,
        instance=Body(name="Integrationsrådet", short_name="IR", kind=Body.Kind.COUNCIL),
    )
    party = crud.create(
        actor=None,
        instance=Body(name="Enhedslisten", short_name="Ø", kind=Body.Kind.PARTY_GROUP),
    )
    other_party = crud.create(
        actor=None,
        instance=Body(name="Radikale Venstre", short_name="B", kind=Body.Kind.PARTY_GROUP),
    )
    policy = crud.create(
        actor=None,
        instance=Policy(
            title="Vision 2026",
            slug="vision-2026",
            period_start=2026,
            owner_committee=biu,
            status=Policy.Status.ADOPTED,
            is_public=True,
        ),
    )
    vision = crud.create(
        actor=None,
        instance=VersionedText(policy=policy, kind=VersionedText.Kind.VISION, title="Visionen"),
    )
    policy_services.add_text_version(
        actor=None,
        text=vision,
        body=VISION,
        valid_from=date(2026, 1, 1),
        reason=TextVersion.Reason.PROPOSAL,
    )
    meeting = services.create_meeting(
        actor=cast.policy_officer,
        body=biu,
        starts_at=at(2026, 3, 16),
        location="Bernstorffsgade 17, 1. sal, vær. 124",
    )
    item = services.add_agenda_item(
        actor=cast.policy_officer,
        meeting=meeting,
        title="Ny vision",
        case_reference="BIU 12/2026",
        recommendation_points=[
            "at udvalget godkender visionen",
            "at udvalget tager sagen til efterretning",
        ],
        summary="Et resumé.",
    )
    hearing = services.create_hearing(
        actor=cast.policy_officer,
        title="Høring om visionen",
        asked_by=biu,
        proposal="Forslag til ny vision.",
        deadline=date(2026, 3, 13),
        bodies=[council],
        organisations=["Dansk Flygtningehjælp"],
        documents_sent="Udkast til vision",
        item=item,
    )
    return World(biu, council, party, other_party, vision, meeting, item, hearing)


def hold(meeting: Meeting, actor) -> Meeting:
    """Publish the agenda and hold the meeting on its day."""
    services.transition_meeting(actor=actor, meeting=meeting, to=Meeting.State.AGENDA_PUBLISHED)
    with time_machine.travel(meeting.starts_at, tick=False):
        return services.transition_meeting(actor=actor, meeting=meeting, to=Meeting.State.HELD)
