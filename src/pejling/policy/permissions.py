"""Who may read and change the policy structure: policy officers edit, staff read,
and everyone reads adopted policies marked public."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from pejling.accounts.roles import Capability


def can_read_internal(user) -> bool:
    return user.is_authenticated and user.can(Capability.READ_INTERNAL)


def can_edit_policy(user) -> bool:
    return user.is_authenticated and user.can(Capability.EDIT_POLICY)


def require_editor(request: HttpRequest) -> None:
    if not can_edit_policy(request.user):
        raise PermissionDenied


def get_visible(request: HttpRequest, queryset, *, write: bool = False, **lookup):
    """One object through the user's visible queryset: 404 when invisible, 403 when read-only."""
    obj = queryset.visible_to(request.user).filter(**lookup).first()
    if obj is None:
        raise Http404
    if write:
        require_editor(request)
    return obj
