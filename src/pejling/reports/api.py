"""The reports API: the generated reports with their files, and starting a new one."""

from datetime import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate
from ninja.responses import Status

from pejling.core.models import TaskProgress
from pejling.reports import services
from pejling.reports.models import Kind, Language, Report
from pejling.reports.permissions import can_read_reports, can_write_reports

router = Router(tags=["reports"])


class ReportOut(Schema):
    id: int
    kind: str
    kind_label: str
    year: int
    language: str
    version: int
    state: str
    requested_at: datetime
    finished_at: datetime | None
    task_id: str
    progress_percent: int | None
    url: str
    docx_url: str | None
    pdf_url: str | None

    @staticmethod
    def resolve_kind_label(report: Report) -> str:
        return str(report.get_kind_display())

    @staticmethod
    def resolve_url(report: Report) -> str:
        return report.get_absolute_url()

    @staticmethod
    def resolve_docx_url(report: Report) -> str | None:
        return reverse("reports:report_file", args=[report.pk, "docx"]) if report.is_done else None

    @staticmethod
    def resolve_pdf_url(report: Report) -> str | None:
        return reverse("reports:report_file", args=[report.pk, "pdf"]) if report.is_done else None

    @staticmethod
    def resolve_progress_percent(report: Report) -> int | None:
        if report.is_done:
            return 100
        item = TaskProgress.objects.filter(task_id=report.task_id).first()
        return item.percent if item else None


class ReportIn(Schema):
    kind: Literal["status_report", "orientation"] = Kind.STATUS_REPORT.value
    year: int
    language: Literal["da", "en"] = Language.DANISH.value


def _require_reader(request: HttpRequest) -> None:
    if not can_read_reports(request.user):
        raise PermissionDenied


@router.get("/reports", response=list[ReportOut], summary="Generated reports (internal)")
@paginate(PageNumberPagination, page_size=50)
def report_list(request: HttpRequest):
    _require_reader(request)
    return Report.objects.order_by("-year", "kind", "-version", "-id")


@router.get("/reports/{report_id}", response=ReportOut, summary="One report and its progress")
def report_detail(request: HttpRequest, report_id: int) -> Report:
    _require_reader(request)
    return get_object_or_404(Report, pk=report_id)


@router.post(
    "/reports",
    response={202: ReportOut},
    summary="Start generating a report; poll the report for its progress",
)
def report_create(request: HttpRequest, payload: ReportIn) -> Status:
    if not can_write_reports(request.user):
        raise PermissionDenied
    report = services.request_report(actor=request.user, **payload.dict())
    return Status(202, report)
