"""The network API: organisations, persons and theme networks.

It reads through the same querysets and permission helpers as the pages. Persons hold personal
data: only the task force (MANAGE_NETWORKS or WORK_CASES) reads them, and every person handed
out is access-logged. Writes go through the network's services, so they are audited as in the
browser.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.responses import Status as Reply

from pejling.accounts.models import Administration
from pejling.audit import services as audit
from pejling.network import services
from pejling.network.models import (
    Membership,
    Network,
    Organisation,
    OrganisationKind,
    Person,
)
from pejling.network.permissions import can_manage, can_read, can_see_personal_data
from pejling.network.schemas import (
    NetworkDetailOut,
    NetworkPage,
    OrganisationIn,
    OrganisationOut,
    OrganisationPage,
    PersonIn,
    PersonOut,
    PersonPage,
)

PAGE_SIZE = 50

router = Router(tags=["network"])


class PageQuery(Schema):
    page: int = 1


def _page(queryset: QuerySet, page: int) -> tuple[list, int]:
    paginator = Paginator(queryset, PAGE_SIZE)
    if page < 1 or (page > paginator.num_pages and paginator.count):
        raise Http404
    return list(paginator.page(page).object_list) if paginator.count else [], paginator.count


def _require_read(request: HttpRequest) -> None:
    if not can_read(request.user):
        raise PermissionDenied


def _require_manage(request: HttpRequest) -> None:
    if not can_manage(request.user):
        raise PermissionDenied


def _require_personal_data(request: HttpRequest) -> None:
    if not can_see_personal_data(request.user):
        raise PermissionDenied


# --- Organisations -----------------------------------------------------------------------------


def _organisations() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("administration").order_by("name", "id")


@router.get(
    "/organisations",
    response=OrganisationPage,
    summary="Organisations (actors), by kind and name; merged duplicates left out (internal)",
)
def organisation_list(
    request: HttpRequest,
    paging: Query[PageQuery],
    kind: str | None = None,
    q: str | None = None,
) -> dict:
    _require_read(request)
    organisations = _organisations().current()
    if kind:
        if kind not in OrganisationKind.values:
            raise ValidationError({"kind": _("Ukendt slags organisation.")})
        organisations = organisations.filter(kind=kind)
    if q:
        organisations = organisations.filter(name__icontains=q[:100])
    items, count = _page(organisations, paging.page)
    return {"items": items, "count": count}


@router.get(
    "/organisations/{organisation_id}", response=OrganisationOut, summary="One organisation"
)
def organisation_detail(request: HttpRequest, organisation_id: int) -> Organisation:
    _require_read(request)
    organisation = _organisations().filter(pk=organisation_id).first()
    if organisation is None:
        raise Http404
    return organisation


@router.post(
    "/organisations",
    response={201: OrganisationOut},
    summary="Create an organisation (coordinator)",
)
def organisation_create(request: HttpRequest, payload: OrganisationIn) -> Reply:
    _require_manage(request)
    values = payload.model_dump()
    administration_id = values.pop("administration_id")
    administration = None
    if administration_id is not None:
        administration = Administration.objects.filter(pk=administration_id).first()
        if administration is None:
            raise ValidationError(
                {
                    "administration_id": _("Der findes ingen forvaltning med id %(id)s.")
                    % {"id": administration_id}
                }
            )
    try:
        organisation = services.create_organisation(
            actor=request.user, administration=administration, **values
        )
    except ValidationError as error:
        if hasattr(error, "error_dict") and "administration" in error.error_dict:
            error.error_dict["administration_id"] = error.error_dict.pop("administration")
        raise
    return Reply(201, _organisations().get(pk=organisation.pk))


# --- Persons -----------------------------------------------------------------------------------


def _persons() -> QuerySet[Person]:
    return Person.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("organisation").order_by(
                "organisation__name", "id"
            ),
        )
    ).order_by("name", "id")


@router.get(
    "/persons",
    response=PersonPage,
    summary="Persons and their roles (task force; personal data, every read logged)",
)
def person_list(
    request: HttpRequest,
    paging: Query[PageQuery],
    organisation_id: int | None = None,
    q: str | None = None,
) -> dict:
    _require_personal_data(request)
    persons = _persons().current()
    if organisation_id is not None:
        persons = persons.filter(memberships__organisation_id=organisation_id).distinct()
    if q:
        q = q[:100]
        persons = persons.filter(Q(name__icontains=q) | Q(email__icontains=q))
    items, count = _page(persons, paging.page)
    for person in items:
        audit.record_access(person, actor=request.user)
    return {"items": items, "count": count}


@router.get(
    "/persons/{person_id}",
    response=PersonOut,
    summary="One person (task force; personal data, the read is logged)",
)
def person_detail(request: HttpRequest, person_id: int) -> Person:
    _require_personal_data(request)
    person = _persons().filter(pk=person_id).first()
    if person is None:
        raise Http404
    audit.record_access(person, actor=request.user)
    return person


@router.post("/persons", response={201: PersonOut}, summary="Create a person (coordinator)")
def person_create(request: HttpRequest, payload: PersonIn) -> Reply:
    _require_manage(request)
    person = services.create_person(actor=request.user, **payload.model_dump())
    return Reply(201, _persons().get(pk=person.pk))


# --- Theme networks ----------------------------------------------------------------------------


def _networks() -> QuerySet[Network]:
    return Network.objects.annotate(member_count=Count("members")).order_by("name")


@router.get("/networks", response=NetworkPage, summary="Theme networks (internal)")
def network_list(
    request: HttpRequest, paging: Query[PageQuery], active: bool | None = None
) -> dict:
    _require_read(request)
    networks = _networks()
    if active is not None:
        networks = networks.filter(is_active=active)
    items, count = _page(networks, paging.page)
    return {"items": items, "count": count}


@router.get(
    "/networks/{network_id}",
    response=NetworkDetailOut,
    summary="One theme network with its members; persons only for the task force (logged)",
)
def network_detail(request: HttpRequest, network_id: int) -> dict:
    _require_read(request)
    network = _networks().filter(pk=network_id).first()
    if network is None:
        raise Http404
    with_people = can_see_personal_data(request.user)
    members = []
    hidden = 0
    for member in network.members.select_related("person", "organisation").order_by("id"):
        if member.person is not None:
            if not with_people:
                hidden += 1
                continue
            audit.record_access(member.person, actor=request.user)
            members.append(
                {
                    "kind": "person",
                    "id": member.person_id,
                    "name": member.person.name,
                    "joined_on": member.joined_on,
                }
            )
        else:
            members.append(
                {
                    "kind": "organisation",
                    "id": member.organisation_id,
                    "name": member.organisation.name,
                    "joined_on": member.joined_on,
                }
            )
    return {
        "id": network.pk,
        "url": network.get_absolute_url(),
        "name": network.name,
        "slug": network.slug,
        "theme": network.theme,
        "description": network.description,
        "is_active": network.is_active,
        "member_count": network.member_count,
        "members": members,
        "hidden_person_count": hidden,
        "shared_article_ids": sorted(
            network.shared_articles.published().values_list("pk", flat=True)
        ),
    }
