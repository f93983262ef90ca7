"""Each administration's contact person, their meetings with the task force and their proposals."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pejling.accounts.models import Administration, User
from pejling.accounts.roles import Role
from pejling.core.listing import list_page
from pejling.lib.export import Column
from pejling.network import services
from pejling.network.forms import (
    AdministrationFilterForm,
    MeetingFollowUpForm,
    MeetingForm,
    ProposalFilterForm,
    ProposalForm,
    ProposalResponseForm,
)
from pejling.network.models import (
    ContactMeeting,
    MeetingFollowUp,
    Proposal,
)
from pejling.network.permissions import (
    can_manage,
    can_propose,
    get_scoped_for_user,
    is_contact_person_only,
    require_manage,
    require_read,
)
from pejling.network.views.common import (
    edit,
    form_page,
    model_fields,
    posted,
)
from pejling.taskforce.models import Case

# --- Contact persons: who they are ---


@require_GET
def contact_overview(request: HttpRequest) -> HttpResponse:
    """Each administration's contact persons, latest meeting, open follow-ups and proposals."""
    require_read(request)
    administrations = Administration.objects.filter(is_active=True).order_by("name")
    if is_contact_person_only(request.user):
        administrations = administrations.filter(pk=request.user.administration_id or -1)
    contacts = (
        User.objects.filter(
            is_active=True,
            role_assignments__role=Role.CONTACT_PERSON,
            administration__in=administrations,
        )
        .order_by("first_name", "last_name", "username")
        .distinct()
    )
    by_administration: dict[int, list] = {}
    for contact in contacts:
        by_administration.setdefault(contact.administration_id, []).append(contact)
    meetings = ContactMeeting.objects.visible_to(request.user)
    rows = [
        {
            "administration": administration,
            "contacts": by_administration.get(administration.pk, []),
            "last_meeting": meetings.filter(administration=administration).first(),
            "open_follow_ups": MeetingFollowUp.objects.filter(
                meeting__administration=administration, done_at__isnull=True
            ).count(),
            "proposals": Proposal.objects.filter(administration=administration).count(),
        }
        for administration in administrations
    ]
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
        form=AdministrationFilterForm(request.GET or None),
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
