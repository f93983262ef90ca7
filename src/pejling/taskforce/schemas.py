"""The JSON shapes of the task force API: requests and cases, their actions, activities, barriers.

Out-schemas read model instances prefetched by the API's querysets. In-schemas refuse CPR
numbers in every text a person writes and leave the domain rules (choices, lengths, the status
map, who may be assigned) to the models and services, whose messages are translated.
"""

from datetime import date, datetime, time

from ninja import Field, Schema
from pydantic import ConfigDict

from pejling.lib.cpr import NoCprStr
from pejling.taskforce.models import Status


class Linked(Schema):
    """A record with a page of its own: ``url`` is that page's address."""

    url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class UserRef(Schema):
    id: int
    name: str

    @staticmethod
    def resolve_name(obj) -> str:
        return str(obj)


class AdministrationRef(Schema):
    id: int
    name: str
    short_name: str


class VocabularyRef(Schema):
    id: int
    name: str


# --- Requests and cases ---------------------------------------------------------------------


class CaseOut(Linked):
    id: int
    reference: str
    title: str
    door: str
    door_label: str
    status: str
    status_label: str
    field: str
    field_label: str
    actor_kind: str
    actor_kind_label: str
    organisation: str
    urgency: str
    priority: str
    administration: AdministrationRef | None
    advisors: list[UserRef]
    received_at: datetime
    response_due_on: date
    response_state: str = Field(description="answered, due or overdue (first-response target).")
    closed_at: datetime | None
    merged_into: str | None = Field(description="The reference of the case this was merged into.")
    outcome: VocabularyRef | None

    # Expects ``advisors`` to be prefetched.
    @staticmethod
    def resolve_advisors(obj) -> list:
        return list(obj.advisors.all())

    @staticmethod
    def resolve_door_label(obj) -> str:
        return str(obj.get_door_display())

    @staticmethod
    def resolve_status_label(obj) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_field_label(obj) -> str:
        return str(obj.get_field_display())

    @staticmethod
    def resolve_actor_kind_label(obj) -> str:
        return str(obj.get_actor_kind_display())

    @staticmethod
    def resolve_response_state(obj) -> str:
        return obj.response_state()

    @staticmethod
    def resolve_merged_into(obj) -> str | None:
        return obj.merged_into.reference if obj.merged_into_id else None


class EventOut(Schema):
    at: datetime
    kind: str
    kind_label: str
    actor: UserRef | None
    from_status: str
    to_status: str
    text: str
    public: bool = Field(description="Whether the requester's status page shows this line.")

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())


class CaseDetailOut(CaseOut):
    description: str
    contact_name: str
    contact_email: str
    contact_phone: str
    submitted_by: UserRef | None
    first_responded_at: datetime | None
    decline_reason: str
    outcome_text: str
    events: list[EventOut] = Field(
        description="The timeline, oldest first; callers outside the task force see the public "
        "lines only."
    )
    activity_count: int
    barrier_ids: list[int]
    allowed_transitions: list[str] = Field(
        description="The statuses the case may move to from its current status."
    )

    # Expects ``events`` and ``barriers`` to be prefetched and ``activity_count`` annotated.
    @staticmethod
    def resolve_events(obj) -> list:
        return list(obj.events.all())

    @staticmethod
    def resolve_barrier_ids(obj) -> list[int]:
        return [barrier.pk for barrier in obj.barriers.all()]

    @staticmethod
    def resolve_allowed_transitions(obj) -> list[str]:
        allowed = obj.allowed_transitions()
        return [status for status in Status.values if status in allowed]


class _In(Schema):
    # Surrounding spaces go, as in the forms; an unknown field is an error, not silently dropped.
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")


class RequestIn(_In):
    door: str | None = Field(
        None,
        description="contact_person (a request on behalf of an administration: contact persons, "
        "and the coordinator giving administration_id) or outreach (the task force's own case, "
        "opened and assigned to the caller). Left out: outreach for the task force, "
        "contact_person for contact persons.",
    )
    title: NoCprStr
    description: NoCprStr
    field: str = Field(description="employment, education, housing, safety, culture_leisure, …")
    actor_kind: str = Field(description="school, daycare, administration, association, …")
    organisation: NoCprStr = ""
    urgency: str = Field("normal", description="low, normal or high.")
    contact_name: NoCprStr = ""
    contact_email: str = ""
    contact_phone: str = ""
    administration_id: int | None = Field(
        None, description="A contact person's own administration when left out."
    )


class ReasonIn(_In):
    reason: NoCprStr


class QuestionIn(_In):
    question: NoCprStr


class ResumeIn(_In):
    text: NoCprStr = ""


class MergeIn(_In):
    into: str = Field(description="The reference of the case to merge into.")


class CloseIn(_In):
    outcome_id: int
    text: NoCprStr = ""


class AssignIn(_In):
    advisor_ids: list[int] = Field(description="Exactly these advisors get the case.")


class TriageIn(_In):
    """Only the fields sent change."""

    priority: str | None = Field(None, description="low, normal or high.")
    field: str | None = None


# --- Activities -----------------------------------------------------------------------------


class ActivityOut(Linked):
    id: int
    case: str = Field(description="The case's reference.")
    kind: str
    kind_label: str
    advisor: UserRef
    date: date
    starts_at: time
    ends_at: time
    place: str
    participants: int
    notes: str
    minutes: int
    minutes_off_hours: int = Field(description="Minutes in evenings, nights or weekends.")

    @staticmethod
    def resolve_case(obj) -> str:
        return obj.case.reference

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())


class ActivityIn(_In):
    kind: str = Field(
        description="advice, network, event, campaign, talk, working_group or mediation."
    )
    advisor_id: int | None = Field(None, description="The caller when left out.")
    date: date
    starts_at: time
    ends_at: time
    place: NoCprStr = ""
    participants: int = 0
    notes: NoCprStr = ""


# --- Barriers -------------------------------------------------------------------------------


class BarrierOut(Linked):
    id: int
    text: str
    details: str
    field: str
    field_label: str
    kind: VocabularyRef
    administration: AdministrationRef | None
    case_references: list[str] = Field(description="The linked cases, by reference.")
    recorded_by: UserRef
    recorded_on: date

    @staticmethod
    def resolve_field_label(obj) -> str:
        return str(obj.get_field_display())

    # Expects ``cases`` to be prefetched.
    @staticmethod
    def resolve_case_references(obj) -> list[str]:
        return [case.reference for case in obj.cases.all()]


class BarrierIn(_In):
    text: NoCprStr
    details: NoCprStr = ""
    field: str
    kind_id: int
    administration_id: int | None = None
    case_references: list[str] = Field(default_factory=list)
    recorded_on: date | None = Field(None, description="Today when left out.")
