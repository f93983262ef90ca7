"""Requests in: the public form, the receipt, the requester's status page, and a contact
person's requests on behalf of their administration."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from pejling.accounts.models import RoleAssignment
from pejling.accounts.roles import Role
from pejling.audit import services as audit
from pejling.core.forms import add_errors
from pejling.core.listing import list_page
from pejling.core.ratelimit import over_the_limit, seconds_left_in_the_hour
from pejling.lib.export import Column
from pejling.lib.workdays import add_working_days
from pejling.taskforce import services
from pejling.taskforce.forms.requests import (
    AnswerForm,
    ContactCaseFilterForm,
    ContactRequestForm,
    PublicRequestForm,
)
from pejling.taskforce.models import ActorKind, Case, CaseEvent, Door, Status
from pejling.taskforce.permissions import can_send_requests

# A robot that fills in the honeypot is shown a receipt like everyone else's, for this long.
DECOY_SECONDS = 60 * 60


def _posted(request: HttpRequest):
    """The POSTed data, also when empty: an empty form is bound and shows what is missing."""
    return request.POST if request.method == "POST" else None


# --- The public form --------------------------------------------------------------------------


def _over_the_limit(request: HttpRequest) -> bool:
    """Count one request from this address in the current hour; True past the limit.

    The count is only taken for requests that would be saved (or look as if they were), so a
    person correcting mistakes in the form is not locked out.
    """
    return over_the_limit(
        request, scope="requests:public", per_hour=settings.PEJLING_PUBLIC_REQUESTS_PER_HOUR
    )


def _decoy_receipt(request: HttpRequest) -> HttpResponse:
    """Answer a robot as if its request had been received: same redirect, same kind of page."""
    token = secrets.token_urlsafe(24)
    year = timezone.localdate().year
    cache.set(
        f"pejling:requests:decoy:{token}",
        f"TF-{year}-{secrets.randbelow(99_999) + 1:05d}",
        timeout=DECOY_SECONDS,
    )
    return redirect("requests:receipt", token=token)


@login_not_required
@require_http_methods(["GET", "POST"])
def public_create(request: HttpRequest) -> HttpResponse:
    form = PublicRequestForm(_posted(request))
    status = 200
    if request.method == "POST":
        if form.is_spam():
            if _over_the_limit(request):
                return _too_many(request, form)
            return _decoy_receipt(request)
        if form.is_valid():
            if _over_the_limit(request):
                return _too_many(request, form)
            try:
                case = services.receive_case(
                    actor=request.user, door=Door.PUBLIC, **form.case_fields()
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                return redirect("requests:receipt", token=case.status_token)
        status = 400
    return _public_form(request, form, status=status)


def _too_many(request: HttpRequest, form: PublicRequestForm) -> HttpResponse:
    response = _public_form(request, form, status=429, too_many=True)
    # The count starts again at the next hour.
    response["Retry-After"] = str(seconds_left_in_the_hour())
    return response


def _public_form(request: HttpRequest, form, *, status: int, **extra) -> HttpResponse:
    return render(
        request,
        "taskforce/requests/public_form.html",
        {
            "form": form,
            "working_days": settings.PEJLING_FIRST_RESPONSE_WORKING_DAYS,
            **extra,
        },
        status=status,
    )


@login_not_required
@never_cache
@require_GET
def receipt(request: HttpRequest, token: str) -> HttpResponse:
    case = Case.objects.filter(status_token=token).first()
    if case is not None:
        context = {
            "reference": case.reference,
            "status_url": request.build_absolute_uri(case.get_status_url()),
            "response_due_on": case.response_due_on,
            "from_contact_person": case.door == Door.CONTACT_PERSON,
        }
    else:
        reference = cache.get(f"pejling:requests:decoy:{token}")
        if reference is None:
            raise Http404
        context = {
            "reference": reference,
            "status_url": request.build_absolute_uri(reverse("requests:status", args=[token])),
            # What the due date would have been, so that the page looks like any receipt.
            "response_due_on": add_working_days(
                timezone.localdate(), settings.PEJLING_FIRST_RESPONSE_WORKING_DAYS
            ),
            "from_contact_person": False,
        }
    return render(
        request,
        "taskforce/requests/receipt.html",
        {**context, "working_days": settings.PEJLING_FIRST_RESPONSE_WORKING_DAYS},
    )


# --- The requester's status page --------------------------------------------------------------

EXPLANATIONS = {
    Status.NEW: gettext_lazy("Henvendelsen venter på, at task forcen ser på den."),
    Status.PENDING: gettext_lazy(
        "Task forcen har brug for flere oplysninger, før den kan gå videre. Svar herunder."
    ),
    Status.OPEN: gettext_lazy("Task forcen arbejder med sagen."),
    Status.DECLINED: gettext_lazy(
        "Task forcen har ikke taget sagen op. Begrundelsen står i forløbet herunder."
    ),
    Status.MERGED: gettext_lazy(
        "Henvendelsen er lagt sammen med en anden sag om det samme og behandles dér."
    ),
    Status.CLOSED: gettext_lazy("Sagen er afsluttet."),
}


def _timeline(case: Case) -> list[dict]:
    """The public lines of a case, each saying who it is from without naming staff."""
    events = list(case.events.filter(public=True).order_by("at", "id"))
    actor_ids = {e.actor_id for e in events if e.actor_id}
    task_force = set(
        RoleAssignment.objects.filter(
            user_id__in=actor_ids, role__in=[Role.COORDINATOR, Role.ADVISOR]
        ).values_list("user_id", flat=True)
    )
    lines = []
    for event in events:
        if event.kind == CaseEvent.Kind.RECEIVED:
            heading = _("Henvendelsen er modtaget")
        elif event.kind == CaseEvent.Kind.STATUS:
            heading = _("Ny status: %(status)s") % {"status": event.get_to_status_display()}
        elif event.kind == CaseEvent.Kind.NOTE and event.actor_id not in task_force:
            heading = _("Svar til task forcen")
        elif event.kind == CaseEvent.Kind.NOTE:
            heading = _("Besked fra task forcen")
        else:
            heading = event.get_kind_display()
        # The receipt line's text is only the name of the door: the heading says it all.
        text = "" if event.kind == CaseEvent.Kind.RECEIVED else event.text
        lines.append({"at": event.at, "heading": heading, "text": text})
    return lines


def _question(case: Case) -> str:
    """What the task force asked for, when the case waits for the requester."""
    if case.status != Status.PENDING:
        return ""
    event = (
        case.events.filter(public=True, kind=CaseEvent.Kind.STATUS, to_status=Status.PENDING)
        .order_by("-at", "-id")
        .first()
    )
    return event.text if event else ""


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def status(request: HttpRequest, token: str) -> HttpResponse:
    case = get_object_or_404(Case, status_token=token)
    form = None
    response_status = 200
    if case.status == Status.PENDING:
        form = AnswerForm(_posted(request))
    if request.method == "POST":
        if form is None:
            messages.info(request, _("Henvendelsen venter ikke på svar fra dig."))
            return redirect(case.get_status_url())
        if form.is_valid():
            try:
                _answer(request, case, form.cleaned_data["text"])
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Tak for dit svar. Henvendelsen er sendt tilbage til task forcen."),
                )
                return redirect(case.get_status_url())
        response_status = 400
    audit.record_access(case, actor=request.user)
    return render(
        request,
        "taskforce/requests/status.html",
        {
            "case": case,
            "lines": _timeline(case),
            "question": _question(case),
            "explanation": EXPLANATIONS[case.status],
            "form": form,
            "can_list": can_send_requests(request.user),
        },
        status=response_status,
    )


def _answer(request: HttpRequest, case: Case, text: str) -> None:
    # The timeline is a record kept in the source language, whatever the requester reads.
    with translation.override(settings.LANGUAGE_CODE):
        line = _("Vi har fået dit svar, og task forcen ser på henvendelsen igen.")
    with transaction.atomic():
        services.add_note(actor=request.user, case=case, text=text, public=True)
        services.resume(actor=request.user, case=case, text=line)


# --- Contact persons --------------------------------------------------------------------------


def _require_sender(request: HttpRequest) -> None:
    if not can_send_requests(request.user):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def contact_create(request: HttpRequest) -> HttpResponse:
    _require_sender(request)
    user = request.user
    administration = user.administration
    if administration is None:
        return render(request, "taskforce/requests/contact_form.html", {"form": None}, status=403)
    form = ContactRequestForm(
        _posted(request),
        initial={
            "contact_name": user.get_full_name(),
            "contact_email": user.email,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            case = services.receive_case(
                actor=user,
                door=Door.CONTACT_PERSON,
                actor_kind=ActorKind.ADMINISTRATION,
                administration=administration,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("requests:receipt", token=case.status_token)
    return render(
        request,
        "taskforce/requests/contact_form.html",
        {"form": form, "administration": administration},
        status=400 if form.is_bound and form.errors else 200,
    )


CONTACT_COLUMNS = [
    Column(gettext_lazy("Referencenummer"), lambda c: c.reference),
    Column(gettext_lazy("Overskrift"), lambda c: c.title),
    Column(gettext_lazy("Indsatsområde"), lambda c: c.get_field_display()),
    Column(gettext_lazy("Status"), lambda c: c.get_status_display()),
    Column(gettext_lazy("Hvor haster det"), lambda c: c.get_urgency_display()),
    Column(gettext_lazy("Indgang"), lambda c: c.get_door_display()),
    Column(gettext_lazy("Modtaget"), lambda c: c.received_at),
    Column(gettext_lazy("Afsluttet"), lambda c: c.closed_at),
]


@require_GET
def contact_list(request: HttpRequest) -> HttpResponse:
    _require_sender(request)
    return list_page(
        request,
        queryset=Case.objects.visible_to(request.user),
        form=ContactCaseFilterForm(request.GET or None),
        columns=CONTACT_COLUMNS,
        template="taskforce/requests/contact_list.html",
        partial="taskforce/requests/partials/contact_results.html",
        filename="henvendelser",
        context={"administration": request.user.administration},
    )
