import json

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from pejling.audit.forms import AuditFilterForm, EventFilterForm
from pejling.audit.models import AccessEvent, AuditEvent
from pejling.audit.permissions import require_log_reader
from pejling.lib.export import FORMATS, Column, export_response

PAGE_SIZE = 50

_COMMON = [
    Column(_("Tidspunkt"), lambda e: e.occurred_at),
    Column(_("Bruger"), lambda e: e.actor_label),
    Column(_("Type"), lambda e: e.content_type.name),
    Column(_("Id"), lambda e: e.object_pk),
    Column(_("Objekt"), lambda e: e.object_repr),
    Column(_("Kanal"), lambda e: e.get_channel_display()),
    Column(_("Side eller API-kald"), lambda e: e.path),
    Column(_("IP-adresse"), lambda e: e.remote_addr),
]
AUDIT_COLUMNS = [
    *_COMMON[:2],
    Column(_("Handling"), lambda e: e.get_action_display()),
    *_COMMON[2:],
    Column(_("Ændringer"), lambda e: json.dumps(e.changes, ensure_ascii=False)),
]


def _event_list(request, *, model, form_class, template, results_template, columns, filename):
    require_log_reader(request)
    form = form_class(request.GET or None, event_model=model)
    events = model.objects.select_related("content_type")
    if form.is_bound and form.is_valid():
        events = form.filter(events)
    elif form.is_bound:
        events = events.none()
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return export_response(events.iterator(), columns, filename=filename, fmt=fmt)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    if request.headers.get("HX-Request"):
        return render(request, results_template, context)
    return render(request, template, context)


@require_GET
def changes(request: HttpRequest) -> HttpResponse:
    return _event_list(
        request,
        model=AuditEvent,
        form_class=AuditFilterForm,
        template="audit/changes.html",
        results_template="audit/partials/changes_results.html",
        columns=AUDIT_COLUMNS,
        filename="revisionsspor",
    )


@require_GET
def access(request: HttpRequest) -> HttpResponse:
    return _event_list(
        request,
        model=AccessEvent,
        form_class=EventFilterForm,
        template="audit/access.html",
        results_template="audit/partials/access_results.html",
        columns=_COMMON,
        filename="adgangslog",
    )
