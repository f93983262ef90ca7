"""Who may read and make reports."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from pejling.accounts.roles import Capability
from pejling.reports.models import Priority, Report


def can_read_reports(user) -> bool:
    return user.is_authenticated and user.can(Capability.READ_INTERNAL)


def can_write_reports(user) -> bool:
    return user.is_authenticated and user.can(Capability.WRITE_REPORTS)


def require_reader(request: HttpRequest) -> None:
    if not can_read_reports(request.user):
        raise PermissionDenied


def require_writer(request: HttpRequest) -> None:
    if not can_write_reports(request.user):
        raise PermissionDenied


def get_report_for_user(request: HttpRequest, pk: int) -> Report:
    require_reader(request)
    return get_object_or_404(Report.objects.select_related("requested_by"), pk=pk)


def get_priority_for_user(request: HttpRequest, pk: int) -> Priority:
    require_writer(request)
    return get_object_or_404(Priority, pk=pk)
