"""Theme networks with their members, meetings, shared knowledge-bank entries and member list."""

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pejling.audit import services as audit
from pejling.core.listing import list_page
from pejling.lib.export import FORMATS, Column
from pejling.network import services
from pejling.network.forms import (
    NetworkFilterForm,
    NetworkForm,
    NetworkMeetingForm,
    NetworkMemberForm,
    SharedArticlesForm,
)
from pejling.network.models import (
    Network,
    NetworkMeeting,
    NetworkMember,
)
from pejling.network.permissions import (
    can_manage,
    can_see_personal_data,
    require_manage,
    require_personal_data,
    require_read,
)
from pejling.network.views.common import (
    confirm_delete_page,
    edit,
    model_fields,
    posted,
)

# --- Theme networks ----------------------------------------------------------------------------

NETWORK_COLUMNS = [
    Column(gettext_lazy("Netværk"), lambda n: n.name),
    Column(gettext_lazy("Tema"), lambda n: n.theme),
    Column(gettext_lazy("Medlemmer"), lambda n: n.n_members),
    Column(gettext_lazy("Aktivt"), lambda n: _("Ja") if n.is_active else _("Nej")),
]


@require_GET
def network_list(request: HttpRequest) -> HttpResponse:
    require_read(request)
    return list_page(
        request,
        queryset=Network.objects.annotate(n_members=Count("members")).order_by("name"),
        form=NetworkFilterForm(request.GET or None),
        columns=NETWORK_COLUMNS,
        template="network/network_list.html",
        partial="network/partials/network_results.html",
        filename="temanetvaerk",
        context={"can_manage": can_manage(request.user)},
    )


def _network(slug: str) -> Network:
    return get_object_or_404(Network, slug=slug)


def _member_rows(network: Network, *, with_people: bool):
    members = network.members.select_related("person", "organisation")
    if not with_people:
        members = members.filter(organisation__isnull=False)
    return members


MEMBER_COLUMNS = [
    Column(gettext_lazy("Navn"), lambda m: str(m.person or m.organisation)),
    Column(
        gettext_lazy("Slags"),
        lambda m: m.organisation.get_kind_display() if m.organisation else _("Person"),
    ),
    Column(gettext_lazy("E-mail"), lambda m: m.person.email if m.person else ""),
    Column(gettext_lazy("Telefon"), lambda m: m.person.phone if m.person else ""),
    Column(gettext_lazy("Med siden"), lambda m: m.joined_on),
]


@require_GET
def network_detail(request: HttpRequest, slug: str) -> HttpResponse:
    require_read(request)
    network = _network(slug)
    with_people = can_see_personal_data(request.user)
    members = list(_member_rows(network, with_people=with_people))
    for member in members:
        if member.person:
            audit.record_access(member.person, actor=request.user)
    manage = can_manage(request.user)
    return render(
        request,
        "network/network_detail.html",
        {
            "network": network,
            "members": members,
            "hidden_people": 0
            if with_people
            else network.members.filter(person__isnull=False).count(),
            "meetings": network.meetings.all(),
            "articles": _shared_articles(network, request.user),
            "can_manage": manage,
            "can_export": with_people,
            "member_form": NetworkMemberForm() if manage else None,
            "meeting_form": NetworkMeetingForm() if manage else None,
            "articles_form": SharedArticlesForm(initial={"articles": network.shared_articles.all()})
            if manage
            else None,
        },
    )


def _shared_articles(network: Network, user) -> list:
    return list(network.shared_articles.visible_to(user).published().order_by("title"))


@require_GET
def network_members_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    from pejling.lib.export import export_response

    require_personal_data(request)
    network = _network(slug)
    if fmt not in FORMATS:
        raise Http404
    members = list(_member_rows(network, with_people=True))
    for member in members:
        if member.person:
            audit.record_access(member.person, actor=request.user)
    return export_response(members, MEMBER_COLUMNS, filename=f"medlemmer-{network.slug}", fmt=fmt)


@require_http_methods(["GET", "POST"])
def network_create(request: HttpRequest) -> HttpResponse:
    require_manage(request)
    form = NetworkForm(posted(request), initial={"is_active": True})
    return edit(
        request,
        form,
        lambda data: services.create_network(actor=request.user, **model_fields(form)),
        title=_("Nyt temanetværk"),
        parent_url=reverse("network:network_list"),
        parent_label=_("Temanetværk"),
        done=_("“%(name)s” er oprettet."),
    )


@require_http_methods(["GET", "POST"])
def network_edit(request: HttpRequest, slug: str) -> HttpResponse:
    require_manage(request)
    network = _network(slug)
    form = NetworkForm(posted(request), instance=Network.objects.get(pk=network.pk))
    return edit(
        request,
        form,
        lambda data: services.update_network(
            actor=request.user, network=network, **model_fields(form)
        ),
        title=_("Ret %(name)s") % {"name": network},
        parent_url=network.get_absolute_url(),
        parent_label=network.name,
        done=_("“%(name)s” er gemt."),
    )


@require_POST
def network_member_add(request: HttpRequest, slug: str) -> HttpResponse:
    require_manage(request)
    network = _network(slug)
    form = NetworkMemberForm(request.POST)
    return edit(
        request,
        form,
        lambda data: (
            services.add_network_member(actor=request.user, network=network, **data) and network
        ),
        title=_("Nyt medlem af %(name)s") % {"name": network},
        parent_url=network.get_absolute_url(),
        parent_label=network.name,
        done=_("Medlemmet er tilføjet %(name)s."),
    )


@require_POST
def network_member_remove(request: HttpRequest, slug: str, member_pk: int) -> HttpResponse:
    require_manage(request)
    network = _network(slug)
    member = get_object_or_404(NetworkMember, pk=member_pk, network=network)
    services.remove_network_member(actor=request.user, member=member)
    messages.success(request, _("Medlemmet er fjernet fra netværket."))
    return redirect(network.get_absolute_url())


@require_POST
def network_articles(request: HttpRequest, slug: str) -> HttpResponse:
    require_manage(request)
    network = _network(slug)
    form = SharedArticlesForm(request.POST)
    return edit(
        request,
        form,
        lambda data: services.share_articles(
            actor=request.user, network=network, articles=data["articles"]
        ),
        title=_("Delt fra vidensbanken i %(name)s") % {"name": network},
        parent_url=network.get_absolute_url(),
        parent_label=network.name,
        done=_("Listen over delte indlæg i %(name)s er gemt."),
    )


@require_POST
def network_meeting_add(request: HttpRequest, slug: str) -> HttpResponse:
    require_manage(request)
    network = _network(slug)
    form = NetworkMeetingForm(request.POST)
    return edit(
        request,
        form,
        lambda data: (
            services.add_network_meeting(actor=request.user, network=network, **data) and network
        ),
        title=_("Nyt møde i %(name)s") % {"name": network},
        parent_url=network.get_absolute_url(),
        parent_label=network.name,
        done=_("Mødet er tilføjet %(name)s."),
    )


def _network_meeting(slug: str, meeting_pk: int) -> tuple[Network, NetworkMeeting]:
    network = _network(slug)
    return network, get_object_or_404(NetworkMeeting, pk=meeting_pk, network=network)


@require_http_methods(["GET", "POST"])
def network_meeting_edit(request: HttpRequest, slug: str, meeting_pk: int) -> HttpResponse:
    require_manage(request)
    network, meeting = _network_meeting(slug, meeting_pk)
    form = NetworkMeetingForm(posted(request), instance=NetworkMeeting.objects.get(pk=meeting.pk))
    return edit(
        request,
        form,
        lambda data: services.update_network_meeting(
            actor=request.user, meeting=meeting, **model_fields(form)
        ),
        title=_("Ret mødet %(day)s i %(name)s")
        % {"day": date_format(meeting.held_on, "j. F Y"), "name": network},
        parent_url=network.get_absolute_url(),
        parent_label=network.name,
        done=_("Mødet %(name)s er gemt."),
    )


@require_http_methods(["GET", "POST"])
def network_meeting_delete(request: HttpRequest, slug: str, meeting_pk: int) -> HttpResponse:
    """Ask first; delete the meeting on POST."""
    require_manage(request)
    network, meeting = _network_meeting(slug, meeting_pk)
    if request.method == "POST":
        services.delete_network_meeting(actor=request.user, meeting=meeting)
        messages.success(request, _("Mødet %(name)s er slettet.") % {"name": meeting})
        return redirect(f"{network.get_absolute_url()}#moeder")
    return confirm_delete_page(
        request,
        title=_("Slet mødet %(day)s i %(name)s")
        % {"day": date_format(meeting.held_on, "j. F Y"), "name": network},
        question=_("Vil du slette netværkets møde den %(day)s med dagsorden og referat?")
        % {"day": date_format(meeting.held_on, "j. F Y")},
        consequence="",
        button=_("Slet mødet"),
        parent_url=meeting.get_absolute_url(),
        parent_label=network.name,
    )
