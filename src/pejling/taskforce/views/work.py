"""The task force's own pages: the triage board, my cases, the case page and its forms,
outreach, barriers and the coordinator's vocabularies.

Every form posts to its own URL and redirects on success. On bad input the page is shown again
with the message at the field and status 400; an htmx request on the board gets only the
case's card back (with status 200, since htmx swaps no error responses by default).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F, Min, OuterRef, Prefetch, Q, Subquery
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pejling.accounts.models import User
from pejling.accounts.roles import Capability
from pejling.core import crud
from pejling.core.forms import add_errors
from pejling.core.listing import list_page
from pejling.core.printing import filtered, list_pdf, wants_pdf
from pejling.lib.export import Column
from pejling.taskforce import services
from pejling.taskforce.models import (
    Activity,
    Assignment,
    Barrier,
    BarrierKind,
    Case,
    Door,
    Field,
    OutcomeKind,
)
from pejling.taskforce.permissions import (
    can_triage,
    can_work_case,
    get_case_for_user,
    is_task_force,
    require_triage,
)
from pejling.taskforce.work_forms import (
    AcceptForm,
    ActivityForm,
    AskForm,
    AssignForm,
    AttachmentForm,
    BarrierFilterForm,
    BarrierForm,
    BoardFilterForm,
    CloseForm,
    DeclineForm,
    FollowUpForm,
    MergeForm,
    MyCasesFilterForm,
    NoteForm,
    OutreachForm,
    PolicyLinksForm,
    ReopenForm,
    TriageForm,
    advisors,
    vocabulary_form,
)


def _require_task_force(request: HttpRequest) -> None:
    if not is_task_force(request.user):
        raise PermissionDenied


def _is_htmx(request: HttpRequest) -> bool:
    return bool(request.headers.get("HX-Request"))


def _advisor_names(case: Case) -> str:
    return ", ".join(str(a.advisor) for a in case.assignments.all())


def _response_state_label(case: Case) -> str:
    return {
        "answered": _("Besvaret"),
        "due": _("Inden for fristen"),
        "overdue": _("Over fristen"),
    }[case.response_state()]


_CASE = {
    "reference": Column(gettext_lazy("Nummer"), lambda c: c.reference),
    "title": Column(gettext_lazy("Overskrift"), lambda c: c.title),
    "status": Column(gettext_lazy("Status"), lambda c: c.get_status_display()),
    "door": Column(gettext_lazy("Indgang"), lambda c: c.get_door_display()),
    "organisation": Column(gettext_lazy("Organisation"), lambda c: c.organisation),
    "actor_kind": Column(gettext_lazy("Slags aktør"), lambda c: c.get_actor_kind_display()),
    "administration": Column(
        gettext_lazy("Forvaltning"),
        lambda c: c.administration.short_name if c.administration else "",
    ),
    "field": Column(gettext_lazy("Indsatsområde"), lambda c: c.get_field_display()),
    "urgency": Column(gettext_lazy("Hast"), lambda c: c.get_urgency_display()),
    "priority": Column(gettext_lazy("Prioritet"), lambda c: c.get_priority_display()),
    "received_at": Column(gettext_lazy("Modtaget"), lambda c: c.received_at),
    "response_due_on": Column(gettext_lazy("Svarfrist"), lambda c: c.response_due_on),
    "response_state": Column(gettext_lazy("Svar"), _response_state_label),
    "advisors": Column(gettext_lazy("Rådgivere"), _advisor_names),
    "next_follow_up": Column(gettext_lazy("Næste opfølgning"), lambda c: c.next_follow_up),
    "last_activity": Column(gettext_lazy("Seneste aktivitet"), lambda c: c.last_activity),
}
BOARD_COLUMNS = [
    _CASE[name]
    for name in (
        "reference", "title", "status", "door", "organisation", "actor_kind", "administration",
        "field", "urgency", "priority", "received_at", "response_due_on", "response_state",
        "advisors",
    )
]  # fmt: skip
MY_CASE_COLUMNS = [
    _CASE[name]
    for name in (
        "reference", "title", "status", "organisation", "actor_kind", "administration", "field",
        "priority", "advisors", "next_follow_up", "last_activity",
    )
]  # fmt: skip

BARRIER_COLUMNS = [
    Column(gettext_lazy("Id"), lambda b: b.pk),
    Column(gettext_lazy("Barriere"), lambda b: b.text),
    Column(gettext_lazy("Uddybning"), lambda b: b.details),
    Column(gettext_lazy("Slags"), lambda b: b.kind.name),
    Column(gettext_lazy("Indsatsområde"), lambda b: b.get_field_display()),
    Column(
        gettext_lazy("Forvaltning"),
        lambda b: b.administration.short_name if b.administration else "",
    ),
    Column(gettext_lazy("Dato"), lambda b: b.recorded_on),
    Column(gettext_lazy("Registreret af"), lambda b: str(b.recorded_by)),
    Column(gettext_lazy("Sager"), lambda b: ", ".join(c.reference for c in b.cases.all())),
]


def _with_advisors(queryset):
    return queryset.prefetch_related(
        Prefetch(
            "assignments", queryset=Assignment.objects.select_related("advisor").order_by("id")
        )
    )


# --- The triage board ---------------------------------------------------------------------------


@dataclass
class Board:
    """What each case's card on the board needs: the advisors to choose from (fetched once for
    the whole board), and the form that failed, if one did, to show again with its errors."""

    advisors: list[User]
    query: str = ""
    # The one card shown with all its forms; the others show only "take up" and a link to it,
    # so that the board renders one form per card rather than seven.
    expanded: int | None = None
    failed_case: int | None = None
    failed_reference: str = ""
    failed_action: str = ""
    failed_form: object = None

    def forms_for(self, case: Case) -> dict:
        prefix = f"c{case.pk}-%s"
        forms = {
            "accept": AcceptForm(auto_id=prefix),
            "resume": AcceptForm(auto_id=prefix),
            "ask": AskForm(auto_id=prefix),
            "decline": DeclineForm(auto_id=prefix),
            "merge": MergeForm(auto_id=prefix),
            "triage": TriageForm(
                auto_id=prefix, initial={"priority": case.priority, "field": case.field}
            ),
            "assign": AssignForm(
                auto_id=prefix,
                advisors=self.advisors,
                initial={"advisors": [str(a.advisor_id) for a in case.assignments.all()]},
            ),
        }
        if self.failed_case == case.pk and self.failed_form is not None:
            forms[self.failed_action] = self.failed_form
        return forms


BOARD_ACTIONS = {
    "accept": (
        AcceptForm,
        lambda actor, case, data: services.accept(actor=actor, case=case),
        gettext_lazy("%(reference)s er taget op og er nu i gang."),
    ),
    "resume": (
        AcceptForm,
        lambda actor, case, data: services.resume(
            actor=actor, case=case, text=_("Oplysningerne er modtaget.")
        ),
        gettext_lazy("%(reference)s er tilbage til visitering; svarfristen løber igen."),
    ),
    "ask": (
        AskForm,
        lambda actor, case, data: services.ask_for_information(
            actor=actor, case=case, question=data["question"]
        ),
        gettext_lazy("Der er bedt om flere oplysninger til %(reference)s."),
    ),
    "decline": (
        DeclineForm,
        lambda actor, case, data: services.decline(actor=actor, case=case, reason=data["reason"]),
        gettext_lazy("%(reference)s er afvist."),
    ),
    "merge": (
        MergeForm,
        lambda actor, case, data: services.merge(actor=actor, case=case, into=data["into"]),
        gettext_lazy("%(reference)s er lagt sammen med en anden sag."),
    ),
    "triage": (
        TriageForm,
        lambda actor, case, data: services.set_triage(
            actor=actor, case=case, priority=data["priority"], field=data["field"]
        ),
        gettext_lazy("Prioritet og indsatsområde for %(reference)s er gemt."),
    ),
    "assign": (
        AssignForm,
        lambda actor, case, data: services.assign(
            actor=actor, case=case, advisors=data["advisors"]
        ),
        gettext_lazy("%(reference)s er fordelt og er nu i gang."),
    ),
}


def _board_cases():
    return _with_advisors(
        Case.objects.in_triage().select_related("administration").order_by("received_at", "id")
    )


def _board_page(request: HttpRequest, board: Board) -> HttpResponse:
    return list_page(
        request,
        queryset=_board_cases(),
        form=BoardFilterForm(request.GET or None),
        columns=BOARD_COLUMNS,
        template="taskforce/work/board.html",
        partial="taskforce/work/partials/board_results.html",
        filename="visitering",
        context={"board": board},
    )


@require_GET
def board(request: HttpRequest) -> HttpResponse:
    require_triage(request)
    board = Board(advisors=advisors(), query=request.GET.urlencode())
    return _board_page(request, board)


@require_POST
def board_action(request: HttpRequest, reference: str, action: str) -> HttpResponse:
    require_triage(request)
    if action not in BOARD_ACTIONS:
        raise Http404
    form_class, handler, done = BOARD_ACTIONS[action]
    case = get_case_for_user(request, reference)
    board = Board(advisors=advisors(), query=request.GET.urlencode())
    kwargs = {"advisors": board.advisors} if form_class is AssignForm else {}
    form = form_class(request.POST, auto_id=f"c{case.pk}-%s", **kwargs)
    if form.is_valid():
        try:
            handler(request.user, case, form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
    if not form.errors:
        notice = done % {"reference": case.reference}
        if _is_htmx(request):
            return _board_card(request, case, board, notice=notice)
        messages.success(request, notice)
        url = reverse("taskforce:board")
        return redirect(f"{url}?{board.query}#case-{case.pk}" if board.query else url)
    board.failed_case, board.failed_reference = case.pk, case.reference
    board.failed_action, board.failed_form = action, form
    board.expanded = case.pk
    if _is_htmx(request):
        return _board_card(request, case, board)
    response = _board_case_page(request, case, board)
    response.status_code = 400
    return response


@require_GET
def board_case(request: HttpRequest, reference: str) -> HttpResponse:
    """One case's card with every triage form; over htmx only the card, to replace it in place."""
    require_triage(request)
    case = get_case_for_user(request, reference)
    board = Board(advisors=advisors(), query=request.GET.urlencode(), expanded=case.pk)
    if _is_htmx(request):
        return _board_card(request, case, board)
    return _board_case_page(request, case, board)


def _board_case_page(request: HttpRequest, case: Case, board: Board) -> HttpResponse:
    case = _with_advisors(Case.objects.select_related("administration")).get(pk=case.pk)
    return render(
        request,
        "taskforce/work/board_case.html",
        {"case": case, "board": board, "query": board.query},
    )


def _board_card(request: HttpRequest, case: Case, board: Board, notice: str = "") -> HttpResponse:
    case = _with_advisors(Case.objects.select_related("administration")).get(pk=case.pk)
    return render(
        request,
        "taskforce/work/partials/board_case.html",
        {"case": case, "board": board, "notice": notice, "query": board.query},
    )


# --- My cases -----------------------------------------------------------------------------------


@require_GET
def my_cases(request: HttpRequest) -> HttpResponse:
    _require_task_force(request)
    user = request.user
    form = MyCasesFilterForm(request.GET or None, can_see_all=can_triage(user))
    cases = (
        _with_advisors(Case.objects.open().select_related("administration"))
        .annotate(
            next_follow_up=Min("follow_ups__due_on", filter=Q(follow_ups__done_at__isnull=True)),
            # A subquery, not a join: PostgreSQL then reads the activities of the shown page
            # only, instead of grouping every open case's activities before sorting.
            last_activity=Subquery(
                Activity.objects.filter(case=OuterRef("pk")).order_by("-date").values("date")[:1]
            ),
        )
        .order_by(F("next_follow_up").asc(nulls_last=True), "received_at", "id")
    )

    def mine_unless_all(queryset):
        everyone = form.is_bound and form.is_valid() and form.cleaned_data.get("everyone")
        return queryset if everyone else queryset.filter(assignments__advisor=user)

    return list_page(
        request,
        queryset=cases,
        form=form,
        columns=MY_CASE_COLUMNS,
        template="taskforce/work/my_cases.html",
        partial="taskforce/work/partials/my_cases_results.html",
        filename="mine-sager",
        apply=mine_unless_all,
        context={"today": timezone.localdate(), "can_open": user.can(Capability.WORK_CASES)},
    )


# --- The case page ------------------------------------------------------------------------------


def _case_forms(request: HttpRequest, case: Case) -> dict:
    """The empty forms of the case page, each with its own ids."""
    user = request.user
    tf_user = user.pk if is_task_force(user) else None
    forms = {
        "activity": ActivityForm(
            auto_id="activity-%s", initial={"advisor": tf_user, "date": timezone.localdate()}
        ),
        "follow_up": FollowUpForm(
            auto_id="follow_up-%s",
            initial={"advisor": tf_user, "due_on": timezone.localdate() + timedelta(days=14)},
        ),
        "note": NoteForm(auto_id="note-%s"),
        "barrier": BarrierForm(
            auto_id="barrier-%s",
            initial={"field": case.field, "administration": case.administration_id},
        ),
        "attachment": AttachmentForm(auto_id="attachment-%s"),
        "links": PolicyLinksForm(
            auto_id="links-%s",
            user=user,
            initial={
                "goals": [g.pk for g in case.goals.all()],
                "themes": [t.pk for t in case.themes.all()],
                "guideposts": [g.pk for g in case.guideposts.all()],
            },
        ),
        "close": CloseForm(auto_id="close-%s"),
        "reopen": ReopenForm(auto_id="reopen-%s"),
    }
    if can_triage(user):
        forms["assign"] = AssignForm(
            auto_id="assign-%s",
            advisors=advisors(),
            initial={"advisors": [str(a.advisor_id) for a in case.assignments.all()]},
        )
    return forms


def _render_case(request: HttpRequest, case: Case, *, failed: dict | None = None) -> HttpResponse:
    user = request.user
    task_force = is_task_force(user)
    can_work = can_work_case(user, case)
    events = case.events.select_related("actor")
    if not task_force:
        # A contact person follows the case as the requester does: internal notes stay inside.
        events = events.filter(public=True)
    activities = list(case.activities.select_related("advisor"))
    minutes = sum(a.minutes for a in activities)
    off_hours = sum(a.minutes_off_hours for a in activities)
    goals = list(case.goals.select_related("policy"))
    themes = list(case.themes.select_related("policy"))
    guideposts = list(case.guideposts.select_related("policy"))
    barriers = list(case.barriers.select_related("kind", "administration"))
    articles = list(case.articles.visible_to(user).order_by("id"))
    forms = {}
    if can_work:
        forms = _case_forms(request, case)
        forms.update(failed or {})
    context = {
        "case": case,
        "articles": articles,
        "can_work": can_work,
        "can_triage": can_triage(user),
        "task_force": task_force,
        "advisors": [a.advisor for a in case.assignments.select_related("advisor").order_by("id")],
        "events": events,
        "activities": activities,
        "hours": minutes / 60,
        "off_hours": off_hours / 60,
        "off_share": round(off_hours * 100 / minutes) if minutes else None,
        "follow_ups": list(case.follow_ups.select_related("advisor")),
        "barriers": barriers,
        "attachments": list(case.attachments.select_related("uploaded_by")),
        "merged_cases": list(case.merged_cases.all()),
        "chain_up": [(_("Mål"), g) for g in goals]
        + [(_("Tema"), t) for t in themes]
        + [(_("Pejlemærke"), g) for g in guideposts],
        # The barrier list is the task force's own; others see the barriers further down.
        "chain_down": [(_("Barriere"), b) for b in barriers] if task_force else [],
        "forms": forms,
        "response_state": case.response_state(),
    }
    return render(
        request, "taskforce/work/case_detail.html", context, status=400 if failed else 200
    )


@require_GET
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    return _render_case(request, get_case_for_user(request, reference))


def _case_post(request, reference, key, form_factory, act, done: str, anchor: str):
    """The shape of every form on the case page: may the user work the case → form → service
    → back to the case, or the page again with the errors."""
    case = get_case_for_user(request, reference, write=True)
    form = form_factory(request, case)
    if form.is_valid():
        try:
            act(request.user, case, form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, done)
            return redirect(case.get_absolute_url() + f"#{anchor}")
    return _render_case(request, case, failed={key: form})


@require_POST
def activity_create(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_post(
        request,
        reference,
        "activity",
        lambda request, case: ActivityForm(request.POST, auto_id="activity-%s"),
        lambda actor, case, data: services.add_activity(actor=actor, case=case, **data),
        _("Aktiviteten er registreret."),
        "aktiviteter",
    )


@require_POST
def follow_up_create(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_post(
        request,
        reference,
        "follow_up",
        lambda request, case: FollowUpForm(request.POST, auto_id="follow_up-%s"),
        lambda actor, case, data: services.add_follow_up(actor=actor, case=case, **data),
        _("Opfølgningen er gemt."),
        "opfoelgning",
    )


@require_POST
def follow_up_done(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    case = get_case_for_user(request, reference, write=True)
    follow_up = case.follow_ups.filter(pk=pk).first()
    if follow_up is None:
        raise Http404
    services.complete_follow_up(actor=request.user, follow_up=follow_up)
    messages.success(request, _("Opfølgningen er markeret som udført."))
    return redirect(case.get_absolute_url() + "#opfoelgning")


@require_POST
def note_create(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_post(
        request,
        reference,
        "note",
        lambda request, case: NoteForm(request.POST, auto_id="note-%s"),
        lambda actor, case, data: services.add_note(actor=actor, case=case, **data),
        _("Noten er gemt."),
        "forloeb",
    )


@require_POST
def barrier_create(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_post(
        request,
        reference,
        "barrier",
        lambda request, case: BarrierForm(request.POST, auto_id="barrier-%s"),
        lambda actor, case, data: services.record_barrier(actor=actor, cases=[case], **data),
        _("Barrieren er registreret."),
        "barrierer",
    )


@require_POST
def attachment_create(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_post(
        request,
        reference,
        "attachment",
        lambda request, case: AttachmentForm(request.POST, request.FILES, auto_id="attachment-%s"),
        lambda actor, case, data: services.add_attachment(
            actor=actor, case=case, upload=data["file"]
        ),
        _("Bilaget er gemt."),
        "bilag",
    )


@require_GET
def attachment_download(request: HttpRequest, reference: str, pk: int) -> FileResponse:
    case = get_case_for_user(request, reference)
    attachment = case.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


@require_POST
def policy_links(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_post(
        request,
        reference,
        "links",
        lambda request, case: PolicyLinksForm(request.POST, auto_id="links-%s", user=request.user),
        lambda actor, case, data: services.set_policy_links(actor=actor, case=case, **data),
        _("Sagens plads i politikken er gemt."),
        "politik",
    )


@require_POST
def case_close(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_post(
        request,
        reference,
        "close",
        lambda request, case: CloseForm(request.POST, auto_id="close-%s"),
        lambda actor, case, data: services.close(
            actor=actor, case=case, outcome=data["outcome"], text=data["text"]
        ),
        _("Sagen er afsluttet."),
        "status",
    )


@require_POST
def case_reopen(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_post(
        request,
        reference,
        "reopen",
        lambda request, case: ReopenForm(request.POST, auto_id="reopen-%s"),
        lambda actor, case, data: services.reopen(actor=actor, case=case, reason=data["reason"]),
        _("Sagen er genåbnet."),
        "status",
    )


@require_POST
def case_assign(request: HttpRequest, reference: str) -> HttpResponse:
    require_triage(request)
    return _case_post(
        request,
        reference,
        "assign",
        lambda request, case: AssignForm(request.POST, auto_id="assign-%s", advisors=advisors()),
        lambda actor, case, data: services.assign(
            actor=actor, case=case, advisors=data["advisors"]
        ),
        _("Sagens rådgivere er gemt."),
        "status",
    )


# --- Outreach -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def outreach_create(request: HttpRequest) -> HttpResponse:
    if not request.user.can(Capability.WORK_CASES):
        raise PermissionDenied
    form = OutreachForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.receive_case(
                actor=request.user, door=Door.OUTREACH, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Sagen %(reference)s er oprettet og fordelt til dig.")
                % {"reference": case.reference},
            )
            return redirect(case)
    return render(
        request,
        "taskforce/work/outreach.html",
        {"form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


# --- Barriers -----------------------------------------------------------------------------------


def _overview(queryset) -> dict:
    """The filtered barriers counted by kind, by field and by administration."""

    def grouped(name: str) -> list[dict]:
        # Most first; a missing administration (NULL) last on every database.
        rows = queryset.order_by().values(name).annotate(n=Count("id"))
        return list(rows.order_by("-n", F(name).asc(nulls_last=True)))

    fields = dict(Field.choices)
    return {
        "total": queryset.count(),
        "by_kind": [(row["kind__name"], row["n"]) for row in grouped("kind__name")],
        "by_field": [
            (fields.get(row["field"], row["field"]), row["n"]) for row in grouped("field")
        ],
        "by_administration": [
            (row["administration__short_name"] or _("Ingen forvaltning"), row["n"])
            for row in grouped("administration__short_name")
        ],
    }


@require_GET
def barrier_list(request: HttpRequest) -> HttpResponse:
    _require_task_force(request)
    overview: dict = {}

    def count_them(queryset):
        if request.GET.get("format") is None:
            overview.update(_overview(queryset))
        return queryset

    barriers = Barrier.objects.select_related(
        "kind", "administration", "recorded_by"
    ).prefetch_related(Prefetch("cases", queryset=Case.objects.only("id", "reference", "title")))
    form = BarrierFilterForm(request.GET or None)
    if wants_pdf(request):
        return list_pdf(
            request,
            queryset=filtered(barriers, form),
            template="taskforce/work/barrier_list_print.html",
            filename="barrierer",
            title=_("Barrierer"),
            form=form,
        )
    return list_page(
        request,
        queryset=barriers,
        form=form,
        columns=BARRIER_COLUMNS,
        template="taskforce/work/barrier_list.html",
        partial="taskforce/work/partials/barrier_results.html",
        filename="barrierer",
        apply=count_them,
        context={"overview": overview, "can_triage": can_triage(request.user)},
    )


# --- The coordinator's vocabularies -------------------------------------------------------------

VOCABULARIES = {
    "barrierer": (BarrierKind, gettext_lazy("Slags barrierer")),
    "resultater": (OutcomeKind, gettext_lazy("Slags resultater")),
}


def _vocabulary_page(request: HttpRequest, failed: tuple | None = None) -> HttpResponse:
    sections = []
    for slug, (model, title) in VOCABULARIES.items():
        rows = []
        for entry in model.objects.annotate(uses=Count(_uses_of(model))).order_by("order", "name"):
            form = vocabulary_form(model, instance=entry, auto_id=f"{slug}-{entry.pk}-%s")
            if failed and failed[0] == slug and failed[1] == entry.pk:
                form = failed[2]
            rows.append((entry, form))
        new = vocabulary_form(model, auto_id=f"{slug}-new-%s", initial={"is_active": True})
        if failed and failed[0] == slug and failed[1] is None:
            new = failed[2]
        sections.append({"slug": slug, "title": title, "rows": rows, "new": new})
    return render(
        request,
        "taskforce/work/vocabularies.html",
        {"sections": sections},
        status=400 if failed else 200,
    )


def _uses_of(model) -> str:
    return "barriers" if model is BarrierKind else "cases"


@require_GET
def vocabularies(request: HttpRequest) -> HttpResponse:
    require_triage(request)
    return _vocabulary_page(request)


@require_POST
def vocabulary_save(request: HttpRequest, kind: str, pk: int | None = None) -> HttpResponse:
    require_triage(request)
    if kind not in VOCABULARIES:
        raise Http404
    model, _title = VOCABULARIES[kind]
    entry = None
    if pk is not None:
        entry = model.objects.filter(pk=pk).first()
        if entry is None:
            raise Http404
    auto_id = f"{kind}-{pk or 'new'}-%s"
    form = vocabulary_form(model, request.POST, instance=entry, auto_id=auto_id)
    if form.is_valid():
        try:
            if entry is None:
                saved = crud.create(actor=request.user, instance=form.instance)
            else:
                saved = crud.update(actor=request.user, instance=form.instance, changes={})
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” er gemt.") % {"name": saved})
            return redirect(reverse("taskforce:vocabularies") + f"#{kind}")
    return _vocabulary_page(request, failed=(kind, pk, form))
