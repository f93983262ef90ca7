"""A read-only OParl 1.1 interface to the meeting records, so council-information clients can
read them: System, Body, Organization, Person, Membership, Meeting, AgendaItem, Paper,
Consultation and File, with OParl's field names and list pagination.

Only what the public may read is shown: meetings whose agenda is published, their open items,
the papers and files of those items, and the bodies with their members. The municipality is the
one OParl Body; our political bodies (committees, councils, party groups) are Organizations.
An agenda item's case is its Paper, and the item's treatment of it is its Consultation.
"""

import math
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from pejling.audit.services import record_access
from pejling.governance.models import (
    AgendaItem,
    Annex,
    Body,
    ElectoralTerm,
    Meeting,
    Membership,
    Person,
)

SCHEMA = "https://schema.oparl.org/1.1/"
BODY_ID = 1  # The municipality: the one OParl body this system holds.

MEETING_STATES = {
    Meeting.State.PLANNED: "geplant",
    Meeting.State.AGENDA_PUBLISHED: "eingeladen",
    Meeting.State.HELD: "durchgeführt",
    Meeting.State.MINUTES_APPROVED: "durchgeführt",
}
ORGANIZATION_TYPES = {
    Body.Kind.COMMITTEE: "Gremium",
    Body.Kind.CITY_COUNCIL: "Gremium",
    Body.Kind.COUNCIL: "Gremium",
    Body.Kind.PARTY_GROUP: "Fraktion",
}


def page_size() -> int:
    return settings.PEJLING_OPARL_PAGE_SIZE


class Urls:
    """Absolute URLs of the OParl objects, built for the request's host."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def __call__(self, name: str, *args) -> str:
        return self.request.build_absolute_uri(reverse(f"oparl:{name}", args=args))


def _stamp(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def _common(obj, kind: str, url: str) -> dict[str, Any]:
    return {
        "id": url,
        "type": SCHEMA + kind,
        "created": _stamp(getattr(obj, "created", None)),
        "modified": _stamp(getattr(obj, "modified", None)),
    }


# --- Which records the public may read ------------------------------------------------------


def public_meetings() -> QuerySet[Meeting]:
    """Published meetings, with the open items and their files that ``meeting()`` reads."""
    open_items = AgendaItem.objects.filter(is_public=True).prefetch_related("annexes")
    return (
        Meeting.objects.published()
        .select_related("body")
        .prefetch_related(Prefetch("items", open_items, to_attr="open_items"))
        .order_by("starts_at", "pk")
    )


def public_items() -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(
        meeting__in=Meeting.objects.published(), is_public=True
    ).select_related("meeting__body")


def public_files() -> QuerySet[Annex]:
    return Annex.objects.filter(item__in=public_items()).select_related("item")


# --- Entities ---------------------------------------------------------------------------------


def system(urls: Urls) -> dict:
    return {
        "id": urls("system"),
        "type": SCHEMA + "System",
        "oparlVersion": SCHEMA,
        "body": urls("body_list"),
        "name": f"Pejling · {settings.PEJLING_MUNICIPALITY_NAME}",
        "website": urls.request.build_absolute_uri("/"),
    }


def body(urls: Urls) -> dict:
    first = Body.objects.order_by("created").values_list("created", flat=True).first()
    last = Body.objects.order_by("-modified").values_list("modified", flat=True).first()
    return {
        "id": urls("body", BODY_ID),
        "type": SCHEMA + "Body",
        "system": urls("system"),
        "name": settings.PEJLING_MUNICIPALITY_NAME,
        "shortName": settings.PEJLING_MUNICIPALITY_NAME,
        "website": urls.request.build_absolute_uri("/"),
        "organization": urls("organization_list", BODY_ID),
        "person": urls("person_list", BODY_ID),
        "meeting": urls("meeting_list", BODY_ID),
        "paper": urls("paper_list", BODY_ID),
        "legislativeTerm": [legislative_term(urls, t) for t in ElectoralTerm.objects.all()],
        "created": _stamp(first),
        "modified": _stamp(last),
    }


def legislative_term(urls: Urls, term: ElectoralTerm) -> dict:
    return {
        "id": urls("body", BODY_ID) + f"#term-{term.pk}",
        "type": SCHEMA + "LegislativeTerm",
        "body": urls("body", BODY_ID),
        "name": term.name,
        "startDate": _stamp(term.starts_on),
        "endDate": _stamp(term.ends_on),
    }


def organization(urls: Urls, obj: Body) -> dict:
    return {
        **_common(obj, "Organization", urls("organization", obj.pk)),
        "body": urls("body", BODY_ID),
        "name": obj.name,
        "shortName": obj.short_name,
        "organizationType": ORGANIZATION_TYPES[obj.kind],
        "classification": str(obj.get_kind_display()),
        "membership": [urls("membership", m.pk) for m in obj.memberships.all()],
        "meeting": urls("organization_meetings", obj.pk),
    }


def membership(urls: Urls, obj: Membership) -> dict:
    data = {
        **_common(obj, "Membership", urls("membership", obj.pk)),
        "person": urls("person", obj.person_id),
        "organization": urls("organization", obj.body_id),
        "role": str(obj.get_role_display()),
        "votingRight": obj.role != Membership.Role.SUBSTITUTE,
        "startDate": _stamp(obj.starts_on or (obj.term.starts_on if obj.term_id else None)),
        "endDate": _stamp(obj.ends_on or (obj.term.ends_on if obj.term_id else None)),
    }
    if obj.party_id:
        data["onBehalfOf"] = urls("organization", obj.party_id)
    return {k: v for k, v in data.items() if v is not None}


def person(urls: Urls, obj: Person) -> dict:
    data = {
        **_common(obj, "Person", urls("person", obj.pk)),
        "body": urls("body", BODY_ID),
        "name": obj.name,
        "membership": [membership(urls, m) for m in obj.memberships.all()],
    }
    if obj.form_of_address:
        data["formOfAddress"] = obj.form_of_address
    return data


def file(urls: Urls, obj: Annex) -> dict:
    download = urls.request.build_absolute_uri(obj.get_absolute_url())
    return {
        **_common(obj, "File", urls("file", obj.pk)),
        "name": obj.title,
        "fileName": obj.original_name,
        "mimeType": obj.content_type,
        "size": obj.size,
        "accessUrl": download,
        "downloadUrl": download,
        "agendaItem": [urls("agendaitem", obj.item_id)],
    }


def _result(item: AgendaItem) -> str | None:
    return item.decision_label or None


def agenda_item(urls: Urls, item: AgendaItem) -> dict:
    data = {
        **_common(item, "AgendaItem", urls("agendaitem", item.pk)),
        "meeting": urls("meeting", item.meeting_id),
        "number": str(item.number),
        "order": item.number,
        "name": item.title,
        "public": item.is_public,
        "consultation": urls("consultation", item.pk),
        "result": _result(item),
        "resolutionText": item.decision_text or None,
        "auxiliaryFile": [file(urls, a) for a in item.annexes.all()],
    }
    return {k: v for k, v in data.items() if v is not None}


def meeting(urls: Urls, obj: Meeting) -> dict:
    """A meeting from ``public_meetings()``, which prefetches its open items as ``open_items``."""
    data = {
        **_common(obj, "Meeting", urls("meeting", obj.pk)),
        "name": f"{obj.body.name}: {obj.name}",
        "meetingState": MEETING_STATES[obj.state],
        "cancelled": False,
        "start": _stamp(obj.starts_at),
        "organization": [urls("organization", obj.body_id)],
        "agendaItem": [agenda_item(urls, i) for i in obj.open_items],
    }
    if obj.location:
        data["location"] = {
            "id": urls("meeting", obj.pk) + "#location",
            "type": SCHEMA + "Location",
            "description": obj.location,
        }
    return data


def consultation(urls: Urls, item: AgendaItem) -> dict:
    return {
        **_common(item, "Consultation", urls("consultation", item.pk)),
        "paper": urls("paper", item.pk),
        "agendaItem": urls("agendaitem", item.pk),
        "meeting": urls("meeting", item.meeting_id),
        "organization": [urls("organization", item.meeting.body_id)],
        "authoritative": True,
        "role": "Beschlussfassung",
    }


def paper(urls: Urls, item: AgendaItem) -> dict:
    data = {
        **_common(item, "Paper", urls("paper", item.pk)),
        "body": urls("body", BODY_ID),
        "name": item.title,
        "reference": item.case_reference or None,
        "date": _stamp(timezone.localtime(item.meeting.starts_at).date()),
        "paperType": "Indstilling",
        "auxiliaryFile": [file(urls, a) for a in item.annexes.all()],
        "consultation": [consultation(urls, item)],
    }
    return {k: v for k, v in data.items() if v is not None}


# --- Lists ------------------------------------------------------------------------------------


def object_list(request: HttpRequest, queryset: QuerySet, render) -> JsonResponse:
    """One page of a list, shaped as OParl prescribes (``data``, ``pagination``, ``links``)."""
    per_page = page_size()
    total = queryset.count()
    pages = max(1, math.ceil(total / per_page))
    try:
        current = int(request.GET.get("page", 1))
    except ValueError:
        raise Http404 from None
    if current < 1 or current > pages:
        raise Http404
    urls = Urls(request)
    rows = queryset[(current - 1) * per_page : current * per_page]
    base = request.build_absolute_uri(request.path)

    def link(number: int) -> str:
        return f"{base}?page={number}"

    links = {"first": link(1), "last": link(pages), "self": link(current)}
    if current > 1:
        links["prev"] = link(current - 1)
    if current < pages:
        links["next"] = link(current + 1)
    return respond(
        {
            "data": [render(urls, row) for row in rows],
            "pagination": {
                "totalElements": total,
                "elementsPerPage": per_page,
                "currentPage": current,
                "totalPages": pages,
            },
            "links": links,
        }
    )


def respond(data: dict) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


# --- Views ------------------------------------------------------------------------------------


def _one(queryset: QuerySet, pk: int):
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj


def _require_body(body_id: int) -> None:
    if body_id != BODY_ID:
        raise Http404


@login_not_required
@require_GET
def system_view(request: HttpRequest) -> JsonResponse:
    return respond(system(Urls(request)))


@login_not_required
@require_GET
def body_list_view(request: HttpRequest) -> JsonResponse:
    """The list of bodies: this system holds one, the municipality."""
    first = request.build_absolute_uri(request.path) + "?page=1"
    return respond(
        {
            "data": [body(Urls(request))],
            "pagination": {
                "totalElements": 1,
                "elementsPerPage": page_size(),
                "currentPage": 1,
                "totalPages": 1,
            },
            "links": {"first": first, "last": first, "self": first},
        }
    )


@login_not_required
@require_GET
def body_view(request: HttpRequest, body_id: int) -> JsonResponse:
    _require_body(body_id)
    return respond(body(Urls(request)))


@login_not_required
@require_GET
def organization_list_view(request: HttpRequest, body_id: int) -> JsonResponse:
    _require_body(body_id)
    queryset = Body.objects.prefetch_related("memberships").order_by("pk")
    return object_list(request, queryset, organization)


@login_not_required
@require_GET
def organization_view(request: HttpRequest, pk: int) -> JsonResponse:
    return respond(organization(Urls(request), _one(Body.objects, pk)))


@login_not_required
@require_GET
def organization_meetings_view(request: HttpRequest, pk: int) -> JsonResponse:
    _one(Body.objects, pk)
    return object_list(request, public_meetings().filter(body_id=pk), meeting)


@login_not_required
@require_GET
def person_list_view(request: HttpRequest, body_id: int) -> JsonResponse:
    _require_body(body_id)
    queryset = Person.objects.prefetch_related("memberships__term").order_by("pk")
    return object_list(request, queryset, person)


@login_not_required
@require_GET
def person_view(request: HttpRequest, pk: int) -> JsonResponse:
    obj = _one(Person.objects, pk)
    record_access(obj, actor=request.user)
    return respond(person(Urls(request), obj))


@login_not_required
@require_GET
def membership_view(request: HttpRequest, pk: int) -> JsonResponse:
    return respond(membership(Urls(request), _one(Membership.objects.select_related("term"), pk)))


@login_not_required
@require_GET
def meeting_list_view(request: HttpRequest, body_id: int) -> JsonResponse:
    _require_body(body_id)
    return object_list(request, public_meetings(), meeting)


@login_not_required
@require_GET
def meeting_view(request: HttpRequest, pk: int) -> JsonResponse:
    return respond(meeting(Urls(request), _one(public_meetings(), pk)))


@login_not_required
@require_GET
def agenda_item_view(request: HttpRequest, pk: int) -> JsonResponse:
    return respond(agenda_item(Urls(request), _one(public_items(), pk)))


@login_not_required
@require_GET
def paper_list_view(request: HttpRequest, body_id: int) -> JsonResponse:
    _require_body(body_id)
    queryset = public_items().prefetch_related("annexes").order_by("pk")
    return object_list(request, queryset, paper)


@login_not_required
@require_GET
def paper_view(request: HttpRequest, pk: int) -> JsonResponse:
    return respond(paper(Urls(request), _one(public_items(), pk)))


@login_not_required
@require_GET
def consultation_view(request: HttpRequest, pk: int) -> JsonResponse:
    return respond(consultation(Urls(request), _one(public_items(), pk)))


@login_not_required
@require_GET
def file_view(request: HttpRequest, pk: int) -> JsonResponse:
    return respond(file(Urls(request), _one(public_files(), pk)))
