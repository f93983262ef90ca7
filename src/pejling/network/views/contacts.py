"""Each administration's contact person, their meetings with the task force and their proposals."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pejling.accounts.models import Administration, User
from pejling.accounts.roles import Role
from pejling.audit import services as audit
from pejling.core.listing import list_page
from pejling.lib.export import FORMATS, Column, export_response
from pejling.network import services
from pejling.network.forms import (
    MeetingFilterForm,
    MeetingFollowUpForm,
    MeetingForm,
    ProposalFilterForm,
    ProposalForm,
    ProposalResponseForm,
)
from pejling.network.models import (
    CONTACT_PERSON_ROLE,
    ContactMeeting,
    MeetingFollowUp,
    Membership,
    Person,
    Proposal,
)
from pejling.network.permissions import (
    can_manage,
    can_propose,
    can_see_personal_data,
    get_scoped_for_user,
    is_contact_person_only,
    require_manage,
    require_read,
)
from pejling.network.views.common import (
    confirm_delete_page,
    edit,
    form_page,
    model_fields,
    posted,
)
from pejling.taskforce.models import Case

# --- Contact persons: who they are ---


@dataclass
class Contact:
    """One administration's contact person: a user account, a person in the network, or both."""

    name: str
    title: str = ""
    email: str = ""
    person_url: str = ""
    has_account: bool = False
    name_hidden: bool = False


def _title(title: str) -> str:
    """A title beside the name, unless it only repeats that this is the contact person."""
    return "" if title.casefold() == CONTACT_PERSON_ROLE.casefold() else title


def _same_human(contact: Contact, person: Person) -> bool:
    if contact.email and person.email and contact.email.lower() == person.email.lower():
        return True
    return contact.name.casefold() == person.name.casefold()


def _contacts_by_administration(request: HttpRequest, administrations) -> dict[int, list[Contact]]:
    """The user accounts with the contact-person role and the persons in the network with the
    contact-person role in their administration's organisation; one entry for each human."""
    with_people = can_see_personal_data(request.user)
    found: dict[int, list[Contact]] = {}
    users = (
        User.objects.filter(
            is_active=True,
            role_assignments__role=Role.CONTACT_PERSON,
            administration__in=administrations,
        )
        .order_by("first_name", "last_name", "username")
        .distinct()
    )
    for user in users:
        found.setdefault(user.administration_id, []).append(
            Contact(name=str(user), title=_title(user.title), email=user.email, has_account=True)
        )
    memberships = (
        Membership.objects.contact_persons()
        .filter(organisation__administration__in=administrations)
        .select_related("person", "organisation")
        .order_by("person__name", "id")
    )
    for membership in memberships:
        person = membership.person
        contacts = found.setdefault(membership.organisation.administration_id, [])
        if with_people:
            audit.record_access(person, actor=request.user)
            same = next((c for c in contacts if _same_human(c, person)), None)
            if same is not None:
                same.person_url = person.get_absolute_url()
                continue
            contacts.append(
                Contact(
                    name=person.name,
                    email=person.email,
                    person_url=person.get_absolute_url(),
                )
            )
        elif not contacts:
            # Persons' names are for the task force; others learn that there is someone.
            contacts.append(Contact(name="", name_hidden=True))
    return found


def _meeting(prefix: str, administration) -> dict | None:
    pk = getattr(administration, f"{prefix}_pk")
    if pk is None:
        return None
    return {
        "held_on": getattr(administration, f"{prefix}_on"),
        "url": reverse("network:meeting_detail", args=[pk]),
    }


def _overview_rows(request: HttpRequest) -> list[dict]:
    administrations = Administration.objects.filter(is_active=True).order_by("name")
    if is_contact_person_only(request.user):
        administrations = administrations.filter(pk=request.user.administration_id or -1)
    today = timezone.localdate()
    meetings = ContactMeeting.objects.filter(administration=OuterRef("pk"))
    past = meetings.filter(held_on__lte=today).order_by("-held_on", "-id")
    coming = meetings.filter(held_on__gt=today).order_by("held_on", "id")
    administrations = list(
        administrations.annotate(
            last_pk=Subquery(past.values("pk")[:1]),
            last_on=Subquery(past.values("held_on")[:1]),
            next_pk=Subquery(coming.values("pk")[:1]),
            next_on=Subquery(coming.values("held_on")[:1]),
        )
    )
    open_follow_ups = dict(
        MeetingFollowUp.objects.filter(
            meeting__administration__in=administrations, done_at__isnull=True
        )
        .values_list("meeting__administration")
        .annotate(n=Count("id"))
    )
    proposals = dict(
        Proposal.objects.filter(administration__in=administrations)
        .values_list("administration")
        .annotate(n=Count("id"))
    )
    contacts = _contacts_by_administration(request, administrations)
    return [
        {
            "administration": administration,
            "contacts": contacts.get(administration.pk, []),
            "last_meeting": _meeting("last", administration),
            "next_meeting": _meeting("next", administration),
            "open_follow_ups": open_follow_ups.get(administration.pk, 0),
            "proposals": proposals.get(administration.pk, 0),
        }
        for administration in administrations
    ]


def _contact_cell(row: dict, part: str) -> str:
    values = []
    for contact in row["contacts"]:
        if part == "name":
            values.append(
                _("Navnet kan kun ses af task forcen") if contact.name_hidden else contact.name
            )
        else:
            values.append(getattr(contact, part))
    return "; ".join(v for v in values if v) or (_("Ingen kontaktperson") if part == "name" else "")


OVERVIEW_COLUMNS = [
    Column(gettext_lazy("Forvaltning"), lambda r: r["administration"].name),
    Column(gettext_lazy("Kontaktperson"), lambda r: _contact_cell(r, "name")),
    Column(gettext_lazy("Stilling eller rolle"), lambda r: _contact_cell(r, "title")),
    Column(gettext_lazy("E-mail"), lambda r: _contact_cell(r, "email")),
    Column(
        gettext_lazy("Seneste møde"),
        lambda r: r["last_meeting"]["held_on"] if r["last_meeting"] else None,
    ),
    Column(
        gettext_lazy("Næste møde"),
        lambda r: r["next_meeting"]["held_on"] if r["next_meeting"] else None,
    ),
    Column(gettext_lazy("Åben opfølgning"), lambda r: r["open_follow_ups"]),
    Column(gettext_lazy("Forslag"), lambda r: r["proposals"]),
]


@require_GET
def contact_overview(request: HttpRequest) -> HttpResponse:
    """Every administration with its contact person, latest and next meeting with the task
    force, open follow-ups and proposals; as a page or a CSV/XLSX download."""
    require_read(request)
    rows = _overview_rows(request)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return export_response(rows, OVERVIEW_COLUMNS, filename="kontaktpersoner", fmt=fmt)
    return render(
        request,
        "network/contact_overview.html",
        {"rows": rows, "can_manage": can_manage(request.user)},
    )


# --- Contact persons: meetings -----------------------------------------------------------------

MEETING_COLUMNS = [
    Column(gettext_lazy("Dato"), lambda m: m.held_on),
    Column(gettext_lazy("Forvaltning"), lambda m: m.administration.short_name),
    Column(gettext_lazy("Dagsorden"), lambda m: m.agenda),
    Column(gettext_lazy("Beslutninger"), lambda m: m.decisions),
]


@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    require_read(request)
    return list_page(
        request,
        queryset=ContactMeeting.objects.visible_to(request.user).select_related("administration"),
        form=MeetingFilterForm(request.GET or None),
        columns=MEETING_COLUMNS,
        template="network/meeting_list.html",
        partial="network/partials/meeting_results.html",
        filename="kontaktpersonmoeder",
        context={"can_manage": can_manage(request.user)},
    )


@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_scoped_for_user(request, ContactMeeting, pk)
    manage = can_manage(request.user)
    return render(
        request,
        "network/meeting_detail.html",
        {
            "meeting": meeting,
            "follow_ups": meeting.follow_ups.all(),
            "can_manage": manage,
            "follow_up_form": MeetingFollowUpForm() if manage else None,
        },
    )


@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    require_manage(request)
    form = MeetingForm(posted(request))
    return edit(
        request,
        form,
        lambda data: services.create_meeting(actor=request.user, **model_fields(form)),
        title=_("Nyt møde med en kontaktperson"),
        parent_url=reverse("network:meeting_list"),
        parent_label=_("Kontaktpersonmøder"),
        done=_("Mødet %(name)s er oprettet."),
    )


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_scoped_for_user(request, ContactMeeting, pk, write=True)
    form = MeetingForm(posted(request), instance=ContactMeeting.objects.get(pk=pk))
    return edit(
        request,
        form,
        lambda data: services.update_meeting(
            actor=request.user, meeting=meeting, **model_fields(form)
        ),
        title=_("Ret mødet %(name)s") % {"name": meeting},
        parent_url=meeting.get_absolute_url(),
        parent_label=str(meeting),
        done=_("Mødet %(name)s er gemt."),
    )


@require_http_methods(["GET", "POST"])
def meeting_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask first; delete the meeting and its follow-ups on POST."""
    meeting = get_scoped_for_user(request, ContactMeeting, pk, write=True)
    if request.method == "POST":
        services.delete_meeting(actor=request.user, meeting=meeting)
        messages.success(request, _("Mødet %(name)s er slettet.") % {"name": meeting})
        return redirect("network:meeting_list")
    n_follow_ups = meeting.follow_ups.count()
    return confirm_delete_page(
        request,
        title=_("Slet mødet %(name)s") % {"name": meeting},
        question=_("Vil du slette mødet med %(administration)s den %(day)s?")
        % {
            "administration": meeting.administration.name,
            "day": date_format(meeting.held_on, "j. F Y"),
        },
        consequence=ngettext(
            "Mødets %(n)d opfølgning slettes også.",
            "Mødets %(n)d opfølgninger slettes også.",
            n_follow_ups,
        )
        % {"n": n_follow_ups}
        if n_follow_ups
        else "",
        button=_("Slet mødet"),
        parent_url=meeting.get_absolute_url(),
        parent_label=str(meeting),
    )


@require_POST
def meeting_follow_up_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_scoped_for_user(request, ContactMeeting, pk, write=True)
    form = MeetingFollowUpForm(request.POST)
    if form.is_valid():
        services.add_meeting_follow_up(actor=request.user, meeting=meeting, **form.cleaned_data)
        messages.success(request, _("Opfølgningen er tilføjet."))
        return redirect(meeting.get_absolute_url())
    return form_page(
        request,
        form,
        title=_("Ny opfølgning"),
        parent_url=meeting.get_absolute_url(),
        parent_label=str(meeting),
        status=400,
    )


@require_POST
def meeting_follow_up_done(request: HttpRequest, pk: int, follow_up_pk: int) -> HttpResponse:
    meeting = get_scoped_for_user(request, ContactMeeting, pk, write=True)
    follow_up = get_object_or_404(MeetingFollowUp, pk=follow_up_pk, meeting=meeting)
    services.complete_meeting_follow_up(actor=request.user, follow_up=follow_up)
    messages.success(request, _("Opfølgningen er markeret som udført."))
    return redirect(meeting.get_absolute_url())


# --- Contact persons: proposals ----------------------------------------------------------------

PROPOSAL_COLUMNS = [
    Column(gettext_lazy("Forslag"), lambda p: p.title),
    Column(gettext_lazy("Forvaltning"), lambda p: p.administration.short_name),
    Column(gettext_lazy("Status"), lambda p: p.get_status_display()),
    Column(gettext_lazy("Foreslået"), lambda p: p.proposed_at),
    Column(gettext_lazy("Begrundelse"), lambda p: p.reasoning),
]


@require_GET
def proposal_list(request: HttpRequest) -> HttpResponse:
    require_read(request)
    return list_page(
        request,
        queryset=Proposal.objects.visible_to(request.user).select_related(
            "administration", "proposed_by"
        ),
        form=ProposalFilterForm(request.GET or None),
        columns=PROPOSAL_COLUMNS,
        template="network/proposal_list.html",
        partial="network/partials/proposal_results.html",
        filename="forslag",
        context={"can_propose": can_propose(request.user)},
    )


@require_GET
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_scoped_for_user(request, Proposal, pk)
    # Only the cases the reader may see are shown; the rest are counted.
    visible = Case.objects.visible_to(request.user)
    cases = list(proposal.cases.filter(pk__in=visible.values("pk")))
    manage = can_manage(request.user)
    return render(
        request,
        "network/proposal_detail.html",
        {
            "proposal": proposal,
            "barriers": proposal.barriers.select_related("kind"),
            "cases": cases,
            "hidden_cases": proposal.cases.count() - len(cases),
            "can_manage": manage,
            "response_form": ProposalResponseForm(instance=proposal) if manage else None,
        },
    )


@require_http_methods(["GET", "POST"])
def proposal_create(request: HttpRequest) -> HttpResponse:
    if not can_propose(request.user):
        raise PermissionDenied
    form = ProposalForm(posted(request), user=request.user)
    return edit(
        request,
        form,
        lambda data: services.propose_focus_area(actor=request.user, **data),
        title=_("Foreslå et indsatsområde"),
        parent_url=reverse("network:proposal_list"),
        parent_label=_("Forslag til indsatsområder"),
        done=_("Forslaget “%(name)s” er sendt til task forcen."),
    )


@require_POST
def proposal_respond(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_scoped_for_user(request, Proposal, pk, write=True)
    form = ProposalResponseForm(request.POST, instance=Proposal.objects.get(pk=pk))
    return edit(
        request,
        form,
        lambda data: services.respond_to_proposal(actor=request.user, proposal=proposal, **data),
        title=_("Svar på forslaget"),
        parent_url=proposal.get_absolute_url(),
        parent_label=proposal.title,
        done=_("Svaret på “%(name)s” er gemt."),
    )
