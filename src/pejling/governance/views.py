"""Meetings with their agenda, decisions and amendments; hearings with responses and the note."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pejling.core.forms import add_errors
from pejling.core.listing import list_page
from pejling.governance import hearing_note, services
from pejling.governance.forms import (
    AgendaItemForm,
    AmendmentDecisionForm,
    AmendmentForm,
    AnnexForm,
    AssessForm,
    DecisionForm,
    HearingEditForm,
    HearingFilterForm,
    HearingForm,
    MeetingFilterForm,
    MeetingForm,
    MembershipForm,
    ResponseForm,
)
from pejling.governance.models import (
    AgendaItem,
    Amendment,
    Annex,
    Body,
    Hearing,
    HearingResponse,
    Meeting,
    Membership,
)
from pejling.governance.permissions import (
    can_edit_governance,
    get_for_user,
    require_editor,
    require_reader,
)
from pejling.lib.export import Column
from pejling.lib.textdiff import word_diff


def _form_page(request, form, *, title: str, back, help_text: str = "", multipart=False):
    return render(
        request,
        "governance/edit.html",
        {"form": form, "title": title, "object": back, "help": help_text, "multipart": multipart},
        status=400 if form.is_bound and form.errors else 200,
    )


# --- Meetings ---------------------------------------------------------------------------------

MEETING_COLUMNS = [
    Column(_("Udvalg"), lambda m: m.body.name),
    Column(_("Betegnelse"), lambda m: m.name),
    Column(_("Tidspunkt"), lambda m: m.starts_at),
    Column(_("Mødested"), lambda m: m.location),
    Column(_("Status"), lambda m: m.get_state_display()),
    Column(_("Punkter"), lambda m: m.item_count),
]

HEARING_COLUMNS = [
    Column(_("Titel"), lambda h: h.title),
    Column(_("Sendt i høring af"), lambda h: h.asked_by.name),
    Column(_("Sendt den"), lambda h: h.sent_on),
    Column(_("Høringsfrist"), lambda h: h.deadline),
    Column(_("Fase"), lambda h: h.get_phase_display()),
    Column(_("Høringsparter"), lambda h: h.party_count),
    Column(_("Svar"), lambda h: h.response_count),
]


@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    return list_page(
        request,
        queryset=Meeting.objects.visible_to(request.user).listed(),
        form=MeetingFilterForm(request.GET or None),
        columns=MEETING_COLUMNS,
        template="governance/meeting_list.html",
        partial="governance/partials/meeting_results.html",
        filename="moeder",
        context={"can_edit": can_edit_governance(request.user)},
    )


@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    require_editor(request)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.create_meeting(
                actor=request.user,
                body=data["body"],
                name=data["name"],
                starts_at=form.starts_at(),
                location=data["location"],
            )
        except ValidationError as error:
            add_errors(form, error, rename={"starts_at": "day"})
        else:
            messages.success(request, _("Mødet er oprettet."))
            return redirect(meeting)
    return _form_page(request, form, title=_("Nyt møde"), back=None)


@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_for_user(request, Meeting.objects.select_related("body"), pk=pk)
    items = meeting.items.prefetch_related("recommendation_points", "annexes", "amendments")
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "can_edit": can_edit_governance(request.user),
            # A meeting that has begun cannot go back to planned; the button would only fail.
            "next_states": [
                Meeting.State(s)
                for s in meeting.allowed_states()
                if not (s == Meeting.State.PLANNED and meeting.starts_at < timezone.now())
            ],
        },
    )


@require_POST
def meeting_transition(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_for_user(request, Meeting.objects, write=True, pk=pk)
    try:
        meeting = services.transition_meeting(
            actor=request.user, meeting=meeting, to=request.POST.get("to", "")
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Mødets status er nu “%(state)s”.") % {"state": meeting.get_state_display()}
        )
    return redirect(meeting)


@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_for_user(request, Meeting.objects.select_related("body"), write=True, pk=pk)
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = services.add_agenda_item(
                actor=request.user,
                meeting=meeting,
                title=data["title"],
                case_reference=data["case_reference"],
                recommended_by=data["recommended_by"],
                summary=data["summary"],
                case_description=data["case_description"],
                recommendation_points=form.points(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Punktet er tilføjet dagsordenen."))
            return redirect(item)
    return _form_page(
        request, form, title=_("Nyt punkt til %(meeting)s") % {"meeting": meeting}, back=meeting
    )


def _item(request: HttpRequest, pk: int, *, write: bool = False) -> AgendaItem:
    return get_for_user(
        request, AgendaItem.objects.select_related("meeting__body"), write=write, pk=pk
    )


@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    amendments = []
    for amendment in item.amendments.select_related(
        "party", "target_version__text", "produced_version"
    ).prefetch_related("votes__party"):
        amendments.append((amendment, word_diff(amendment.text_from, amendment.text_to)))
    can_edit = can_edit_governance(request.user)
    return render(
        request,
        "governance/item_detail.html",
        {
            "item": item,
            "meeting": item.meeting,
            "amendments": amendments,
            "votes": item.votes.filter(amendment__isnull=True).select_related("party"),
            "hearings": item.hearings.all(),
            "can_edit": can_edit,
            "can_decide": can_edit and item.meeting.is_held,
            "annex_form": AnnexForm() if can_edit else None,
        },
    )


@require_POST
def annex_create(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk, write=True)
    form = AnnexForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_annex(
                actor=request.user,
                item=item,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Bilaget er tilføjet."))
            return redirect(item)
    return _form_page(
        request, form, title=_("Nyt bilag til %(item)s") % {"item": item}, back=item, multipart=True
    )


@login_not_required
@require_GET
def annex_download(request: HttpRequest, pk: int) -> FileResponse:
    """Annexes of published meetings are public, as the meeting records are."""
    annex = (
        Annex.objects.filter(
            item__meeting__in=Meeting.objects.visible_to(request.user), item__is_public=True
        )
        .filter(pk=pk)
        .first()
    )
    if annex is None:
        raise Http404
    try:
        handle = annex.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=annex.original_name, content_type=annex.content_type
    )


@require_http_methods(["GET", "POST"])
def decision_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk, write=True)
    form = DecisionForm(
        request.POST or None,
        initial={"outcome": item.outcome, "with_vote": item.decided_with_vote},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_decision(
                actor=request.user,
                item=item,
                outcome=form.cleaned_data["outcome"],
                with_vote=form.cleaned_data["with_vote"],
                votes=form.votes(),
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Beslutningen er registreret."))
            return redirect(item)
    return _form_page(
        request, form, title=_("Beslutning om %(item)s") % {"item": item.title}, back=item
    )


@require_http_methods(["GET", "POST"])
def amendment_create(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk, write=True)
    form = AmendmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.propose_amendment(
                actor=request.user,
                item=item,
                party=data["party"],
                proposed_by=data["proposed_by"],
                kind=data["kind"],
                target_version=data["target_version"],
                target_section=data["target_section"],
                text_from=data["text_from"],
                text_to=data["text_to"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Ændringsforslaget er registreret."))
            return redirect(item)
    return _form_page(
        request, form, title=_("Ændringsforslag til %(item)s") % {"item": item.title}, back=item
    )


@require_http_methods(["GET", "POST"])
def amendment_decide(request: HttpRequest, pk: int) -> HttpResponse:
    amendment = get_for_user(
        request, Amendment.objects.select_related("item__meeting"), write=True, pk=pk
    )
    form = AmendmentDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        service = (
            services.adopt_amendment
            if form.cleaned_data["decision"] == "adopt"
            else services.reject_amendment
        )
        try:
            amendment = service(
                actor=request.user,
                amendment=amendment,
                with_vote=form.cleaned_data["with_vote"],
                votes=form.votes(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Ændringsforslaget er %(status)s.")
                % {"status": amendment.get_status_display().lower()},
            )
            return redirect(amendment)
    return _form_page(request, form, title=str(amendment), back=amendment.item)


# --- Hearings ---------------------------------------------------------------------------------


@require_GET
def hearing_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    return list_page(
        request,
        queryset=Hearing.objects.visible_to(request.user).listed(),
        form=HearingFilterForm(request.GET or None),
        columns=HEARING_COLUMNS,
        template="governance/hearing_list.html",
        partial="governance/partials/hearing_results.html",
        filename="hoeringer",
        context={"can_edit": can_edit_governance(request.user)},
    )


@require_http_methods(["GET", "POST"])
def hearing_create(request: HttpRequest) -> HttpResponse:
    require_editor(request)
    form = HearingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            hearing = services.create_hearing(
                actor=request.user,
                title=data["title"],
                asked_by=data["asked_by"],
                case_number=data["case_number"],
                proposal=data["proposal"],
                deadline=data["deadline"],
                bodies=list(data["bodies"]),
                organisations=data["organisations"].splitlines(),
                documents_sent=data["documents_sent"],
                introduction=data["introduction"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Høringen er oprettet."))
            return redirect(hearing)
    return _form_page(request, form, title=_("Ny høring"), back=None)


@require_GET
def hearing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    hearing = get_for_user(request, Hearing.objects.select_related("asked_by", "item"), pk=pk)
    return render(
        request,
        "governance/hearing_detail.html",
        {
            "hearing": hearing,
            "sections": hearing_note.note_sections(hearing),
            "can_edit": can_edit_governance(request.user),
            "next_phases": [Hearing.Phase(p) for p in hearing.allowed_phases()],
            "today": timezone.localdate(),
        },
    )


@require_http_methods(["GET", "POST"])
def hearing_edit(request: HttpRequest, pk: int) -> HttpResponse:
    hearing = get_for_user(request, Hearing.objects, write=True, pk=pk)
    form = HearingEditForm(
        request.POST or None,
        initial={name: getattr(hearing, name) for name in services.HEARING_EDITABLE},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_hearing(actor=request.user, hearing=hearing, changes=form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Høringen er gemt."))
            return redirect(hearing)
    return _form_page(request, form, title=_("Redigér høringen"), back=hearing)


@require_POST
def hearing_transition(request: HttpRequest, pk: int) -> HttpResponse:
    hearing = get_for_user(request, Hearing.objects, write=True, pk=pk)
    try:
        hearing = services.transition_hearing(
            actor=request.user, hearing=hearing, to=request.POST.get("to", "")
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Høringen er nu i fasen “%(phase)s”.") % {"phase": hearing.get_phase_display()},
        )
    return redirect(hearing)


@require_http_methods(["GET", "POST"])
def response_create(request: HttpRequest, pk: int) -> HttpResponse:
    hearing = get_for_user(request, Hearing.objects, write=True, pk=pk)
    form = ResponseForm(
        request.POST or None,
        request.FILES or None,
        hearing=hearing,
        initial={"received_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            response = services.receive_response(
                actor=request.user,
                hearing=hearing,
                party=data["party"],
                received_on=data["received_on"],
                text=data["text"],
                upload=data["file"],
                signed_by=data["signed_by"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if response.is_late:
                messages.warning(
                    request, _("Svaret er modtaget efter fristen og er markeret som for sent.")
                )
            messages.success(request, _("Høringssvaret er modtaget."))
            return redirect(response)
    return _form_page(
        request,
        form,
        title=_("Nyt høringssvar til %(hearing)s") % {"hearing": hearing},
        back=hearing,
        multipart=True,
    )


def _response(request: HttpRequest, pk: int, *, write: bool = False) -> HearingResponse:
    return get_for_user(
        request,
        HearingResponse.objects.select_related("hearing", "party__body"),
        write=write,
        pk=pk,
    )


@require_http_methods(["GET", "POST"])
def response_detail(request: HttpRequest, pk: int) -> HttpResponse:
    response = _response(request, pk)
    can_edit = can_edit_governance(request.user)
    form = None
    if can_edit:
        form = AssessForm(
            request.POST or None,
            initial={
                "corrected_text": response.text,
                "summary": response.summary,
                "administration_comment": response.administration_comment,
                "leads_to_change": response.leads_to_change,
                "change_description": response.change_description,
            },
        )
    elif request.method == "POST":
        require_editor(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.assess_response(actor=request.user, response=response, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Høringssvaret er gemt."))
            return redirect(response)
    return render(
        request,
        "governance/response_detail.html",
        {
            "response": response,
            "hearing": response.hearing,
            "form": form,
            "diff": word_diff(response.extracted_text, response.corrected_text)
            if response.corrected_text
            else [],
        },
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )


@require_GET
def response_file(request: HttpRequest, pk: int) -> FileResponse:
    response = _response(request, pk)
    if not response.original_file:
        raise Http404
    try:
        handle = response.original_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=response.original_name,
        content_type=response.content_type,
    )


@require_GET
def hearing_note_docx(request: HttpRequest, pk: int) -> HttpResponse:
    hearing = get_for_user(request, Hearing.objects.select_related("asked_by"), pk=pk)
    return hearing_note.note_docx(hearing)


@require_GET
def hearing_note_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    hearing = get_for_user(request, Hearing.objects.select_related("asked_by"), pk=pk)
    return hearing_note.note_pdf(hearing)


# --- Bodies and their members -----------------------------------------------------------------


@require_GET
def body_list(request: HttpRequest) -> HttpResponse:
    """The political bodies with their members; members' names are personal data, reads logged."""
    require_reader(request)
    bodies = Body.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("person", "party", "term").order_by(
                "role", "person__name"
            ),
        )
    ).order_by("kind", "name")
    for body in bodies:
        for membership in body.memberships.all():
            services.record_read(actor=request.user, instance=membership.person)
    return render(
        request,
        "governance/body_list.html",
        {
            "bodies": bodies,
            "form": MembershipForm() if can_edit_governance(request.user) else None,
        },
    )


@require_http_methods(["GET", "POST"])
def membership_create(request: HttpRequest) -> HttpResponse:
    require_editor(request)
    form = MembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_membership(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Medlemskabet er registreret."))
            return redirect("governance:body_list")
    return _form_page(request, form, title=_("Nyt medlemskab"), back=None)
