"""Who reads and changes the annual wheel: every internal role reads it, the policy officer
(EDIT_GOVERNANCE) keeps it."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from pejling.accounts.roles import Capability


def can_read_wheel(user) -> bool:
    return user.is_authenticated and user.can(Capability.READ_INTERNAL)


def can_edit_wheel(user) -> bool:
    return user.is_authenticated and user.can(Capability.EDIT_GOVERNANCE)


def require_reader(request: HttpRequest) -> None:
    if not can_read_wheel(request.user):
        raise PermissionDenied


def require_editor(request: HttpRequest) -> None:
    if not can_edit_wheel(request.user):
        raise PermissionDenied


def get_visible(request: HttpRequest, queryset, *, write: bool = False, **lookup):
    """One record through the user's visible queryset: 404 when invisible, 403 when read-only."""
    require_reader(request)
    obj = queryset.visible_to(request.user).filter(**lookup).first()
    if obj is None:
        raise Http404
    if write:
        require_editor(request)
    return obj
