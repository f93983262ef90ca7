"""The case list ("Sager"): every case the user may see, filtered by year, field, door,
administration, actor, status and first response; paged by key; exported as CSV, XLSX or PDF.

The annual report's figures link here with the same filters, so a figure and the count on this
page agree: both leave merged cases out and count first responses the same way.
"""

import csv
from collections.abc import Iterable, Iterator

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from pejling.core.listing import PAGE_SIZE, KeyPagedMixin
from pejling.core.printing import list_pdf, wants_pdf
from pejling.lib.export import Column, export_response
from pejling.taskforce.forms.cases import (
    IN_TIME,
    LATE,
    RESPONSE_CHOICES,
    UNANSWERED,
    CaseListFilterForm,
)
from pejling.taskforce.models import Case, CaseQuerySet, Door, Status
from pejling.taskforce.permissions import can_send_requests, is_task_force


class CasePages(KeyPagedMixin, CaseQuerySet):
    pass


def response_answer(case: Case) -> str:
    """'inden', 'efter' or 'ubesvaret' as the svar filter counts it; '' for outreach."""
    if case.door == Door.OUTREACH:
        return ""
    if case.first_responded_at is None:
        return UNANSWERED
    answered_on = timezone.localtime(case.first_responded_at).date()
    return IN_TIME if answered_on <= case.response_due_on else LATE


def response_label(case: Case) -> str:
    """The answer in words, as the filter names it; "" for an outreach case."""
    return str(dict(RESPONSE_CHOICES).get(response_answer(case), ""))


CASE_LIST_COLUMNS = [
    Column(gettext_lazy("Nummer"), lambda c: c.reference),
    Column(gettext_lazy("Overskrift"), lambda c: c.title),
    Column(gettext_lazy("Modtaget"), lambda c: c.received_at),
    Column(gettext_lazy("Indsatsområde"), lambda c: c.get_field_display()),
    Column(gettext_lazy("Indgang"), lambda c: c.get_door_display()),
    Column(gettext_lazy("Slags aktør"), lambda c: c.get_actor_kind_display()),
    Column(
        gettext_lazy("Forvaltning"),
        lambda c: c.administration.short_name if c.administration else "",
    ),
    Column(gettext_lazy("Status"), lambda c: c.get_status_display()),
    Column(gettext_lazy("Svarfrist"), lambda c: c.response_due_on),
    Column(gettext_lazy("Første svar"), lambda c: c.first_responded_at),
    Column(gettext_lazy("Svar"), response_label),
    Column(gettext_lazy("Afsluttet"), lambda c: c.closed_at),
]


def _require_case_reader(request: HttpRequest) -> None:
    if not (is_task_force(request.user) or can_send_requests(request.user)):
        raise PermissionDenied


def listed_cases(user) -> CasePages:
    """The cases ``user`` may see, merged ones left out, newest first."""
    return (
        CasePages(Case)
        .visible_to(user)
        .exclude(status=Status.MERGED)
        .select_related("administration")
        .order_by("-received_at", "-id")
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


def stream_csv(rows: Iterable, columns: list[Column], *, filename: str) -> StreamingHttpResponse:
    """As lib.export's CSV (semicolons, byte-order mark, no formulas), written row by row so
    that a list of a hundred thousand cases starts downloading at once."""
    from pejling.lib.export import _cell, _safe_text

    writer = csv.writer(_Echo(), delimiter=";")

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow([str(c.title) for c in columns])
        for row in rows:
            yield writer.writerow([_safe_text(_cell(c.value(row))) for c in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    _require_case_reader(request)
    form = CaseListFilterForm(request.GET or None)
    cases = form.filter(listed_cases(request.user))
    fmt = request.GET.get("format")
    if fmt == "csv":
        return stream_csv(cases.iterator(chunk_size=2000), CASE_LIST_COLUMNS, filename="sager")
    if fmt == "xlsx":
        return export_response(
            cases.iterator(chunk_size=2000), CASE_LIST_COLUMNS, filename="sager", fmt=fmt
        )
    if wants_pdf(request):
        return list_pdf(
            request,
            queryset=cases,
            template="taskforce/lists/case_list_print.html",
            filename="sager",
            title=_("Sager"),
            form=form,
        )
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    query.pop("format", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "task_force": is_task_force(request.user),
    }
    if request.headers.get("HX-Request"):
        return render(request, "taskforce/lists/partials/case_results.html", context)
    return render(request, "taskforce/lists/case_list.html", context)
