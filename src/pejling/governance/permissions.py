"""Who reads and changes meetings and hearings: the policy officer edits, internal roles read.

Meeting records whose agenda is published are public through the OParl API.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from pejling.accounts.roles import Capability


def can_read_governance(user) -> bool:
    return user.is_authenticated and user.can(Capability.READ_INTERNAL)


def can_edit_governance(user) -> bool:
    return user.is_authenticated and user.can(Capability.EDIT_GOVERNANCE)


def require_reader(request: HttpRequest) -> None:
    if not can_read_governance(request.user):
        raise Http404


def require_editor(request: HttpRequest) -> None:
    require_reader(request)
    if not can_edit_governance(request.user):
        raise PermissionDenied


def get_for_user(request: HttpRequest, queryset, *, write: bool = False, **lookup):
    """One object for an internal reader: 404 when invisible, 403 when read-only."""
    require_reader(request)
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise Http404
    if write and not can_edit_governance(request.user):
        raise PermissionDenied
    return obj
