"""The governance API: meetings with their agenda, decisions and amendments, and hearings.

Meetings whose agenda is published are public; staff see every meeting. Hearings are internal.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import PageNumberPagination, paginate

from pejling.governance import services
from pejling.governance.models import AgendaItem, Amendment, Body, Hearing, Meeting, Vote
from pejling.governance.permissions import can_read_governance, require_editor
from pejling.governance.schemas import (
    AgendaItemOut,
    AmendmentDecisionIn,
    AmendmentOut,
    DecisionIn,
    HearingDetailOut,
    HearingOut,
    MeetingDetailOut,
    MeetingOut,
)
from pejling.policy.api import PUBLIC

PAGE_SIZE = 50

router = Router(tags=["governance"])


def _meetings(user) -> QuerySet[Meeting]:
    return Meeting.objects.visible_to(user).listed()


@router.get(
    "/meetings",
    response=list[MeetingOut],
    auth=PUBLIC,
    summary="Committee meetings, newest first; anonymous callers see published meetings only",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def meeting_list(
    request: HttpRequest, body: str | None = None, state: str | None = None
) -> QuerySet[Meeting]:
    meetings = _meetings(request.user)
    if body:
        meetings = meetings.filter(body__short_name=body)
    if state:
        meetings = meetings.filter(state=state)
    return meetings


@router.get(
    "/meetings/{meeting_id}",
    response=MeetingDetailOut,
    auth=PUBLIC,
    summary="A meeting with its agenda items, recommendations, decisions, votes and amendments",
)
def meeting_detail(request: HttpRequest, meeting_id: int) -> Meeting:
    items = AgendaItem.objects.prefetch_related(
        "recommendation_points",
        Prefetch("votes", queryset=Vote.objects.select_related("party")),
        Prefetch(
            "amendments",
            queryset=Amendment.objects.select_related(
                "party", "target_version", "produced_version"
            ).prefetch_related(Prefetch("votes", queryset=Vote.objects.select_related("party"))),
        ),
    )
    if not can_read_governance(request.user):
        items = items.filter(is_public=True)
    meeting = (
        _meetings(request.user)
        .prefetch_related(Prefetch("items", queryset=items))
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def _hearings(request: HttpRequest) -> QuerySet[Hearing]:
    if not can_read_governance(request.user):
        raise PermissionDenied
    return Hearing.objects.visible_to(request.user).listed()


@router.get("/hearings", response=list[HearingOut], summary="Hearings, latest deadline first")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def hearing_list(request: HttpRequest, phase: str | None = None) -> QuerySet[Hearing]:
    hearings = _hearings(request)
    if phase:
        hearings = hearings.filter(phase=phase)
    return hearings


@router.get(
    "/hearings/{hearing_id}",
    response=HearingDetailOut,
    summary="A hearing with its parties and responses, each with summary and comment",
)
def hearing_detail(request: HttpRequest, hearing_id: int) -> Hearing:
    hearing = (
        _hearings(request)
        .prefetch_related("parties__body", "responses__party__body")
        .filter(pk=hearing_id)
        .first()
    )
    if hearing is None:
        raise Http404
    return hearing


# --- Decisions --------------------------------------------------------------------------------


def _votes(votes) -> dict:
    parties = {b.short_name: b for b in Body.objects.filter(kind=Body.Kind.PARTY_GROUP)}
    unknown = sorted({v.party for v in votes} - set(parties))
    if unknown:
        raise ValidationError(
            {"votes": _("Ukendt parti: %(names)s.") % {"names": ", ".join(unknown)}}
        )
    return {parties[v.party]: v.position for v in votes}


@router.post(
    "/amendments/{amendment_id}/decision",
    response=AmendmentOut,
    summary="Adopt or reject an amendment at a held meeting; adopting one to a policy text "
    "creates the text's next version",
)
def amendment_decision(
    request: HttpRequest, amendment_id: int, payload: AmendmentDecisionIn
) -> Amendment:
    require_editor(request)
    amendment = Amendment.objects.filter(pk=amendment_id).first()
    if amendment is None:
        raise Http404
    service = services.adopt_amendment if payload.decision == "adopt" else services.reject_amendment
    amendment = service(
        actor=request.user,
        amendment=amendment,
        with_vote=payload.with_vote,
        votes=_votes(payload.votes),
    )
    return Amendment.objects.select_related("party", "target_version", "produced_version").get(
        pk=amendment.pk
    )


@router.post(
    "/agenda-items/{item_id}/decision",
    response=AgendaItemOut,
    summary="Record the decision on an agenda item of a held meeting, with the votes by party",
)
def item_decision(request: HttpRequest, item_id: int, payload: DecisionIn) -> AgendaItem:
    require_editor(request)
    item = AgendaItem.objects.filter(pk=item_id).first()
    if item is None:
        raise Http404
    services.record_decision(
        actor=request.user,
        item=item,
        outcome=payload.outcome,
        with_vote=payload.with_vote,
        votes=_votes(payload.votes),
        text=payload.text,
    )
    return AgendaItem.objects.get(pk=item.pk)
