"""The task force API: requests and cases, the triage and case actions, activities, barriers.

It reads through ``Case.objects.visible_to`` and the access helpers of ``permissions.py``, as
the pages do, logs every read of a case (cases hold personal data), and writes only through
the task force services, so a change made here is checked, audited and put on the case's
timeline exactly as one made in the browser.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import PageNumberPagination, paginate
from ninja.responses import Status as Reply

from pejling.accounts.models import Administration, User
from pejling.accounts.roles import Capability
from pejling.taskforce import services
from pejling.taskforce.models import (
    Activity,
    Barrier,
    BarrierKind,
    Case,
    CaseEvent,
    Door,
    Field,
    OutcomeKind,
    Status,
)
from pejling.taskforce.permissions import (
    can_send_requests,
    can_triage,
    get_case_for_user,
    is_task_force,
    require_triage,
)
from pejling.taskforce.schemas import (
    ActivityIn,
    ActivityOut,
    AssignIn,
    BarrierIn,
    BarrierOut,
    CaseDetailOut,
    CaseOut,
    CloseIn,
    MergeIn,
    QuestionIn,
    ReasonIn,
    RequestIn,
    ResumeIn,
    TriageIn,
)

PAGE_SIZE = 50

# The filters' values, spelled out in the OpenAPI document; anything else is a 422.
StatusFilter = Literal[tuple(Status.values)]
FieldFilter = Literal[tuple(Field.values)]
DoorFilter = Literal[tuple(Door.values)]

router = Router()


# Model or service field → the name the API takes it by, so that errors point at what was sent.
_INPUT_NAMES = {
    "administration": "administration_id",
    "advisors": "advisor_ids",
    "advisor": "advisor_id",
    "outcome": "outcome_id",
    "outcome_text": "text",
    "decline_reason": "reason",
    "cases": "case_references",
}


@contextmanager
def _input_names(**extra: str) -> Iterator[None]:
    """Re-key validation errors from model and service field names to the API's input names."""
    names = _INPUT_NAMES | extra
    try:
        yield
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise ValidationError(
            {names.get(name, name): errors for name, errors in error.error_dict.items()}
        ) from None


def _require_case_access(request: HttpRequest) -> None:
    """Cases are for the task force and the contact persons; everyone else is refused."""
    if not (is_task_force(request.user) or can_send_requests(request.user)):
        raise PermissionDenied


def _require_task_force(request: HttpRequest) -> None:
    if not is_task_force(request.user):
        raise PermissionDenied


def _administration(administration_id: int) -> Administration:
    administration = Administration.objects.filter(pk=administration_id, is_active=True).first()
    if administration is None:
        raise ValidationError(
            {
                "administration_id": _("Der findes ingen aktiv forvaltning med id %(id)s.")
                % {"id": administration_id}
            }
        )
    return administration


# --- Requests and cases ---------------------------------------------------------------------


def _advisors() -> Prefetch:
    return Prefetch("advisors", queryset=User.objects.order_by("first_name", "username", "id"))


def _cases(user) -> QuerySet[Case]:
    return (
        Case.objects.visible_to(user)
        .select_related("administration", "merged_into", "outcome")
        .prefetch_related(_advisors())
    )


def _case_detail(request: HttpRequest, pk: int) -> Case:
    """The case with its timeline, advisors, barriers and activity count, for the response.

    The read is access-logged by the caller, through ``get_case_for_user``.
    """
    events = CaseEvent.objects.select_related("actor").order_by("at", "id")
    if not is_task_force(request.user):
        # The timeline's internal lines (notes, assignments) are the task force's own.
        events = events.filter(public=True)
    return (
        _cases(request.user)
        .select_related("submitted_by")
        .prefetch_related(
            Prefetch("events", queryset=events),
            Prefetch("barriers", queryset=Barrier.objects.only("id").order_by("id")),
        )
        .annotate(activity_count=Count("activities"))
        .get(pk=pk)
    )


def _doors(user) -> list[str]:
    """The doors a caller may send a request through."""
    doors = []
    if can_send_requests(user) or can_triage(user):
        doors.append(Door.CONTACT_PERSON)
    if user.can(Capability.WORK_CASES):
        doors.append(Door.OUTREACH)
    return doors


@router.post(
    "/requests",
    response={201: CaseDetailOut},
    tags=["requests"],
    summary="Send a request (contact persons, the coordinator) or open an outreach case (advisors)",
)
def request_create(request: HttpRequest, payload: RequestIn) -> Reply:
    user = request.user
    doors = _doors(user)
    if not doors:
        raise PermissionDenied
    values = payload.model_dump()
    door = values.pop("door") or (Door.OUTREACH if Door.OUTREACH in doors else doors[0])
    if door not in Door.values or door == Door.PUBLIC:
        raise ValidationError(
            {
                "door": _(
                    "Vælg indgangen contact_person eller outreach; “%(door)s” kan ikke bruges."
                )
                % {"door": door}
            }
        )
    if door not in doors:
        raise PermissionDenied(
            _("Du kan ikke oprette henvendelser gennem indgangen “%(door)s”.")
            % {"door": Door(door).label}
        )
    administration_id = values.pop("administration_id")
    administration = _administration(administration_id) if administration_id is not None else None
    if door == Door.CONTACT_PERSON and not can_triage(user):
        # A contact person speaks for their own administration only.
        if administration is not None and administration.pk != user.administration_id:
            raise ValidationError(
                {
                    "administration_id": _(
                        "Du kan kun sende henvendelser på vegne af din egen forvaltning."
                    )
                }
            )
        administration = user.administration
    with _input_names():
        case = services.receive_case(actor=user, door=door, administration=administration, **values)
    return Reply(201, _case_detail(request, case.pk))


@router.get(
    "/requests",
    response=list[CaseOut],
    tags=["requests"],
    summary="Requests and cases the caller may see, newest first, by status, field and door",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def request_list(
    request: HttpRequest,
    status: StatusFilter | None = None,
    field: FieldFilter | None = None,
    door: DoorFilter | None = None,
) -> QuerySet[Case]:
    _require_case_access(request)
    cases = _cases(request.user)
    if status:
        cases = cases.filter(status=status)
    if field:
        cases = cases.filter(field=field)
    if door:
        cases = cases.filter(door=door)
    return cases


@router.get(
    "/requests/{reference}",
    response=CaseDetailOut,
    tags=["requests"],
    summary="A request or case with its timeline and the statuses it may move to (logged)",
)
def request_detail(request: HttpRequest, reference: str) -> Case:
    _require_case_access(request)
    case = get_case_for_user(request, reference)
    return _case_detail(request, case.pk)


# --- Actions --------------------------------------------------------------------------------


def _triage_case(request: HttpRequest, reference: str) -> Case:
    """A case for one of the coordinator's triage actions (access-logged)."""
    require_triage(request)
    return get_case_for_user(request, reference)


def _work_case(request: HttpRequest, reference: str) -> Case:
    """A case for the coordinator or one of its advisors (access-logged)."""
    _require_task_force(request)
    return get_case_for_user(request, reference, write=True)


def _case_by_reference(request: HttpRequest, reference: str, name: str) -> Case:
    case = Case.objects.visible_to(request.user).filter(reference=reference).first()
    if case is None:
        raise ValidationError(
            {
                name: _("Der findes ingen sag med referencenummeret “%(reference)s”.")
                % {"reference": reference}
            }
        )
    return case


ACTION = {"response": CaseDetailOut, "tags": ["requests"]}


@router.post(
    "/requests/{reference}/actions/accept",
    **ACTION,
    summary="Accept a new or pending request: the case opens (coordinator)",
)
def request_accept(request: HttpRequest, reference: str) -> Case:
    case = _triage_case(request, reference)
    services.accept(actor=request.user, case=case)
    return _case_detail(request, case.pk)


@router.post(
    "/requests/{reference}/actions/decline",
    **ACTION,
    summary="Decline a request with a reason the requester is sent (coordinator)",
)
def request_decline(request: HttpRequest, reference: str, payload: ReasonIn) -> Case:
    case = _triage_case(request, reference)
    with _input_names():
        services.decline(actor=request.user, case=case, reason=payload.reason)
    return _case_detail(request, case.pk)


@router.post(
    "/requests/{reference}/actions/ask-for-information",
    **ACTION,
    summary="Ask the requester for what is missing; the response clock stops (coordinator)",
)
def request_ask_for_information(request: HttpRequest, reference: str, payload: QuestionIn) -> Case:
    case = _triage_case(request, reference)
    with _input_names():
        services.ask_for_information(actor=request.user, case=case, question=payload.question)
    return _case_detail(request, case.pk)


@router.post(
    "/requests/{reference}/actions/resume",
    **ACTION,
    summary="The requester answered: back to the board, the clock running again (coordinator)",
)
def request_resume(request: HttpRequest, reference: str, payload: ResumeIn) -> Case:
    case = _triage_case(request, reference)
    with _input_names():
        services.resume(actor=request.user, case=case, text=payload.text)
    return _case_detail(request, case.pk)


@router.post(
    "/requests/{reference}/actions/merge",
    **ACTION,
    summary="Merge a request into another case (coordinator)",
)
def request_merge(request: HttpRequest, reference: str, payload: MergeIn) -> Case:
    case = _triage_case(request, reference)
    into = _case_by_reference(request, payload.into, "into")
    with _input_names():
        services.merge(actor=request.user, case=case, into=into)
    return _case_detail(request, case.pk)


@router.post(
    "/requests/{reference}/actions/close",
    **ACTION,
    summary="Close an open case with its outcome (the coordinator or an assigned advisor)",
)
def request_close(request: HttpRequest, reference: str, payload: CloseIn) -> Case:
    case = _work_case(request, reference)
    outcome = OutcomeKind.objects.filter(pk=payload.outcome_id, is_active=True).first()
    if outcome is None:
        raise ValidationError({"outcome_id": _("Vælg en slags resultat, der er i brug.")})
    with _input_names():
        services.close(actor=request.user, case=case, outcome=outcome, text=payload.text)
    return _case_detail(request, case.pk)


@router.post(
    "/requests/{reference}/actions/reopen",
    **ACTION,
    summary="Reopen a closed case, saying why (the coordinator or an assigned advisor)",
)
def request_reopen(request: HttpRequest, reference: str, payload: ReasonIn) -> Case:
    case = _work_case(request, reference)
    with _input_names():
        services.reopen(actor=request.user, case=case, reason=payload.reason)
    return _case_detail(request, case.pk)


@router.post(
    "/requests/{reference}/actions/assign",
    **ACTION,
    summary="Give the case to exactly these advisors; a waiting request opens (coordinator)",
)
def request_assign(request: HttpRequest, reference: str, payload: AssignIn) -> Case:
    case = _triage_case(request, reference)
    ids = list(dict.fromkeys(payload.advisor_ids))
    found = User.objects.in_bulk(ids)
    unknown = [pk for pk in ids if pk not in found]
    if unknown:
        raise ValidationError(
            {
                "advisor_ids": _("Der findes ingen bruger med id %(ids)s.")
                % {"ids": ", ".join(map(str, unknown))}
            }
        )
    with _input_names():
        services.assign(actor=request.user, case=case, advisors=[found[pk] for pk in ids])
    return _case_detail(request, case.pk)


@router.post(
    "/requests/{reference}/actions/triage",
    **ACTION,
    summary="Set the priority and the field; only the fields sent change (coordinator)",
)
def request_triage(request: HttpRequest, reference: str, payload: TriageIn) -> Case:
    case = _triage_case(request, reference)
    with _input_names():
        services.set_triage(
            actor=request.user,
            case=case,
            priority=payload.priority if payload.priority is not None else case.priority,
            field=payload.field if payload.field is not None else case.field,
        )
    return _case_detail(request, case.pk)


# --- Activities -----------------------------------------------------------------------------


@router.get(
    "/cases/{reference}/activities",
    response=list[ActivityOut],
    tags=["cases"],
    summary="A case's activities, in the order they took place (task force; logged)",
)
def activity_list(request: HttpRequest, reference: str) -> QuerySet[Activity]:
    _require_task_force(request)
    case = get_case_for_user(request, reference)
    return case.activities.select_related("case", "advisor").order_by("date", "starts_at", "id")


@router.post(
    "/cases/{reference}/activities",
    response={201: ActivityOut},
    tags=["cases"],
    summary="Register an activity on an open case (the coordinator or an assigned advisor)",
)
def activity_create(request: HttpRequest, reference: str, payload: ActivityIn) -> Reply:
    case = _work_case(request, reference)
    values = payload.model_dump()
    advisor_id = values.pop("advisor_id")
    advisor = request.user
    if advisor_id is not None and advisor_id != request.user.pk:
        advisor = User.objects.filter(pk=advisor_id).first()
        if advisor is None or not advisor.can(Capability.WORK_CASES):
            raise ValidationError(
                {
                    "advisor_id": _("%(names)s er ikke rådgiver i task forcen.")
                    % {"names": advisor or advisor_id}
                }
            )
    with _input_names():
        activity = services.add_activity(actor=request.user, case=case, advisor=advisor, **values)
    return Reply(201, Activity.objects.select_related("case", "advisor").get(pk=activity.pk))


# --- Barriers -------------------------------------------------------------------------------


def _barriers() -> QuerySet[Barrier]:
    return (
        Barrier.objects.select_related("kind", "administration", "recorded_by")
        .prefetch_related(
            Prefetch("cases", queryset=Case.objects.only("id", "reference").order_by("reference"))
        )
        .order_by("-recorded_on", "-id")
    )


@router.get(
    "/barriers",
    response=list[BarrierOut],
    tags=["barriers"],
    summary="Barriers met in the field, newest first, by kind, field and administration "
    "(task force)",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def barrier_list(
    request: HttpRequest,
    kind_id: int | None = None,
    field: FieldFilter | None = None,
    administration_id: int | None = None,
) -> QuerySet[Barrier]:
    _require_task_force(request)
    barriers = _barriers()
    if kind_id is not None:
        barriers = barriers.filter(kind_id=kind_id)
    if field:
        barriers = barriers.filter(field=field)
    if administration_id is not None:
        barriers = barriers.filter(administration_id=administration_id)
    return barriers


@router.post(
    "/barriers",
    response={201: BarrierOut},
    tags=["barriers"],
    summary="Record a barrier, linked to the cases it was met in (task force)",
)
def barrier_create(request: HttpRequest, payload: BarrierIn) -> Reply:
    _require_task_force(request)
    values = payload.model_dump()
    kind = BarrierKind.objects.filter(pk=values.pop("kind_id"), is_active=True).first()
    if kind is None:
        raise ValidationError({"kind_id": _("Vælg en slags barriere, der er i brug.")})
    administration_id = values.pop("administration_id")
    administration = _administration(administration_id) if administration_id is not None else None
    references = list(dict.fromkeys(values.pop("case_references")))
    cases = Case.objects.visible_to(request.user).in_bulk(references, field_name="reference")
    unknown = [reference for reference in references if reference not in cases]
    if unknown:
        raise ValidationError(
            {
                "case_references": _("Der findes ingen sag med referencenummeret “%(reference)s”.")
                % {"reference": ", ".join(unknown)}
            }
        )
    with _input_names():
        barrier = services.record_barrier(
            actor=request.user,
            kind=kind,
            administration=administration,
            cases=[cases[reference] for reference in references],
            **values,
        )
    return Reply(201, _barriers().get(pk=barrier.pk))
