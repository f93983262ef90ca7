"""The JSON shapes of the governance API: meetings with their agenda, and hearings."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from pejling.lib.cpr import NoCprStr


class Linked(Schema):
    url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class BodyRef(Schema):
    id: int
    name: str
    short_name: str
    kind: str


class VoteOut(Schema):
    party: str
    position: str

    @staticmethod
    def resolve_party(obj) -> str:
        return obj.party.name


class AmendmentOut(Schema):
    id: int
    number: int
    proposed_by: str
    party: str | None
    kind: str
    target_text_id: int | None
    target_version: int | None
    target_section: str
    text_from: str
    text_to: str
    status: str
    decided_with_vote: bool
    produced_version: int | None
    votes: list[VoteOut]

    @staticmethod
    def resolve_party(obj) -> str | None:
        return obj.party.name if obj.party_id else None

    @staticmethod
    def resolve_target_text_id(obj) -> int | None:
        return obj.target_version.text_id if obj.target_version_id else None

    @staticmethod
    def resolve_target_version(obj) -> int | None:
        return obj.target_version.number if obj.target_version_id else None

    @staticmethod
    def resolve_produced_version(obj) -> int | None:
        return obj.produced_version.number if obj.produced_version_id else None

    @staticmethod
    def resolve_votes(obj) -> list:
        return list(obj.votes.all())


class AgendaItemOut(Linked):
    id: int
    number: int
    title: str
    case_reference: str
    recommended_by: str
    recommendation: list[str]
    summary: str
    case_description: str
    outcome: str
    decided_with_vote: bool
    decision_text: str
    votes: list[VoteOut]
    amendments: list[AmendmentOut]

    @staticmethod
    def resolve_recommendation(obj) -> list[str]:
        return [p.text for p in obj.recommendation_points.all()]

    @staticmethod
    def resolve_votes(obj) -> list:
        return [v for v in obj.votes.all() if v.amendment_id is None]

    @staticmethod
    def resolve_amendments(obj) -> list:
        return list(obj.amendments.all())


class MeetingOut(Linked):
    id: int
    body: BodyRef
    name: str
    starts_at: datetime
    location: str
    state: str
    item_count: int


class MeetingDetailOut(MeetingOut):
    items: list[AgendaItemOut]

    @staticmethod
    def resolve_items(obj) -> list:
        return list(obj.items.all())


class HearingPartyOut(Schema):
    id: int
    name: str
    body_id: int | None

    @staticmethod
    def resolve_name(obj) -> str:
        return str(obj)


class HearingResponseOut(Linked):
    id: int
    party: str
    received_on: date
    is_late: bool
    channel: str
    text: str
    text_as_received: str
    summary: str
    administration_comment: str
    leads_to_change: bool
    change_description: str

    @staticmethod
    def resolve_party(obj) -> str:
        return str(obj.party)

    @staticmethod
    def resolve_text_as_received(obj) -> str:
        return obj.extracted_text


class HearingOut(Linked):
    id: int
    title: str
    asked_by: BodyRef
    case_number: str
    sent_on: date | None
    deadline: date
    phase: str
    party_count: int
    response_count: int


class HearingDetailOut(HearingOut):
    proposal: str
    documents_sent: list[str]
    parties: list[HearingPartyOut]
    responses: list[HearingResponseOut]

    @staticmethod
    def resolve_documents_sent(obj) -> list[str]:
        return obj.document_list

    @staticmethod
    def resolve_parties(obj) -> list:
        return list(obj.parties.all())

    @staticmethod
    def resolve_responses(obj) -> list:
        return list(obj.responses.all())


class VoteIn(Schema):
    party: str = Field(description="The party group's short name, e.g. 'Ø'.")
    position: Literal["for", "against", "abstained"]


class AmendmentDecisionIn(Schema):
    decision: Literal["adopt", "reject"]
    with_vote: bool = False
    votes: list[VoteIn] = []


class DecisionIn(Schema):
    outcome: Literal["adopted", "adopted_amended", "rejected", "postponed"]
    with_vote: bool = False
    votes: list[VoteIn] = []
    text: NoCprStr = ""
