"""Reports: the list, asking for one, reading it on the page, its files, and the priorities."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pejling.core.forms import add_errors
from pejling.core.models import TaskProgress
from pejling.governance.permissions import can_edit_governance
from pejling.reports import agenda, links, services
from pejling.reports.forms import AgendaPlacementForm, PriorityForm, ReportRequestForm
from pejling.reports.models import Kind, Priority, Report
from pejling.reports.permissions import (
    can_write_reports,
    get_priority_for_user,
    get_report_for_user,
    require_reader,
    require_writer,
)


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    return _list_page(request, ReportRequestForm())


def _list_page(request: HttpRequest, form: ReportRequestForm, status: int = 200) -> HttpResponse:
    reports = Report.objects.select_related("requested_by")
    return render(
        request,
        "reports/report_list.html",
        {
            "reports": reports,
            "form": form if can_write_reports(request.user) else None,
            "priority_year": timezone.localdate().year,
        },
        status=status,
    )


@require_POST
def report_request(request: HttpRequest) -> HttpResponse:
    require_writer(request)
    form = ReportRequestForm(request.POST)
    if form.is_valid():
        try:
            report = services.request_report(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Rapporten dannes nu; siden viser, hvor langt den er."))
            return redirect(report)
    return _list_page(request, form, status=400)


@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request, pk)
    if request.headers.get("HX-Request"):
        if report.is_done:
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        return render(request, "reports/partials/report_state.html", _state_context(report))
    return _detail_page(request, report)


def _detail_page(
    request: HttpRequest,
    report: Report,
    agenda_form: AgendaPlacementForm | None = None,
    status: int = 200,
) -> HttpResponse:
    placements = report.placements.select_related("meeting__body", "item")
    if report.is_done and report.kind == Kind.ORIENTATION and can_edit_governance(request.user):
        agenda_form = agenda_form or AgendaPlacementForm()
    else:
        agenda_form = None
    return render(
        request,
        "reports/report_detail.html",
        {
            "content": links.for_reader(report.content, request.user),
            "placements": placements,
            "agenda_form": agenda_form,
            **_state_context(report),
        },
        status=status,
    )


@require_POST
def report_agenda(request: HttpRequest, pk: int) -> HttpResponse:
    """Put a done orientation on an upcoming meeting's agenda, as an item with annexes."""
    report = get_report_for_user(request, pk)
    if not can_edit_governance(request.user):
        raise PermissionDenied
    form = AgendaPlacementForm(request.POST)
    if form.is_valid():
        try:
            item = agenda.put_on_agenda(
                actor=request.user, report=report, meeting=form.cleaned_data["meeting"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Orienteringen er sat på dagsordenen for %(meeting)s som punkt %(number)d.")
                % {"meeting": item.meeting, "number": item.number},
            )
            return redirect(report)
    if report.kind != Kind.ORIENTATION or not report.is_done:
        # The page shows no form for such a report: say why here instead.
        for message in form.non_field_errors():
            messages.error(request, message)
    return _detail_page(request, report, form, status=400)


def _state_context(report: Report) -> dict:
    progress = (
        TaskProgress.objects.filter(task_id=report.task_id).first() if report.task_id else None
    )
    return {"report": report, "progress": progress}


@require_GET
def report_file(request: HttpRequest, pk: int, fmt: str) -> FileResponse:
    report = get_report_for_user(request, pk)
    file = {"docx": report.docx, "pdf": report.pdf}.get(fmt)
    if not report.is_done or not file:
        raise Http404
    name = f"{report.kind}-{report.year}-v{report.version}-{report.language}.{fmt}"
    return FileResponse(file.open("rb"), as_attachment=True, filename=name)


@require_http_methods(["GET", "POST"])
def priorities(request: HttpRequest, year: int) -> HttpResponse:
    require_writer(request)
    form = PriorityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_priority(actor=request.user, year=year, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Prioriteten er gemt."))
            return redirect("reports:priorities", year=year)
    notes = Priority.objects.filter(year=year).select_related("author")
    return render(
        request,
        "reports/priorities.html",
        {"year": year, "next_year": year + 1, "notes": notes, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def priority_edit(request: HttpRequest, pk: int) -> HttpResponse:
    priority = get_priority_for_user(request, pk)
    form = PriorityForm(request.POST or None, instance=priority)
    if request.method == "POST":
        if "delete" in request.POST:
            services.delete_priority(actor=request.user, priority=priority)
            messages.success(request, _("Prioriteten er slettet."))
            return redirect("reports:priorities", year=priority.year)
        if form.is_valid():
            try:
                services.save_priority(actor=request.user, priority=priority, **form.cleaned_data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Prioriteten er gemt."))
                return redirect("reports:priorities", year=priority.year)
    return render(
        request,
        "reports/priority_edit.html",
        {"priority": priority, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )
