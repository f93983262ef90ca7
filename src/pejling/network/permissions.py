"""Who sees and changes the network's records.

Every internal role reads organisations, theme networks and the newsletter; persons' details
(personal data) are for the task force only (MANAGE_NETWORKS or WORK_CASES), and every read of
one is access-logged. The coordinator (MANAGE_NETWORKS) keeps everything. A contact person sees
their own administration's meetings and proposals, and proposes focus areas for it.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from pejling.accounts.roles import Capability
from pejling.audit import services as audit


def can_read(user) -> bool:
    return user.is_authenticated and user.can(Capability.READ_INTERNAL)


def can_manage(user) -> bool:
    return user.is_authenticated and user.can(Capability.MANAGE_NETWORKS)


def can_see_personal_data(user) -> bool:
    return user.is_authenticated and (
        user.can(Capability.MANAGE_NETWORKS) or user.can(Capability.WORK_CASES)
    )


def is_contact_person_only(user) -> bool:
    """A contact person who is not also in the task force: limited to their administration."""
    return (
        user.is_authenticated
        and user.can(Capability.SEND_REQUESTS)
        and not user.can(Capability.WORK_CASES)
        and not user.can(Capability.MANAGE_NETWORKS)
    )


def administration_scope(queryset, user):
    """Contact-person meetings and proposals the user may read."""
    if not can_read(user):
        return queryset.none()
    if is_contact_person_only(user):
        return queryset.filter(administration_id=user.administration_id or -1)
    return queryset


def can_propose(user) -> bool:
    """Contact persons propose for their administration; the coordinator for any."""
    if can_manage(user):
        return True
    return (
        user.is_authenticated
        and user.can(Capability.SEND_REQUESTS)
        and user.administration_id is not None
    )


def require_read(request: HttpRequest) -> None:
    if not can_read(request.user):
        raise PermissionDenied


def require_manage(request: HttpRequest) -> None:
    if not can_manage(request.user):
        raise PermissionDenied


def require_personal_data(request: HttpRequest) -> None:
    if not can_see_personal_data(request.user):
        raise PermissionDenied


def get_person_for_user(request: HttpRequest, pk: int, *, write: bool = False):
    """A person the user may see (403 without the right, 404 when missing), access-logged."""
    from pejling.network.models import Person

    require_personal_data(request)
    person = Person.objects.filter(pk=pk).first()
    if person is None:
        raise Http404
    if write and not can_manage(request.user):
        raise PermissionDenied
    audit.record_access(person, actor=request.user)
    return person


def get_scoped_for_user(request: HttpRequest, model, pk: int, *, write: bool = False):
    """A meeting or proposal in the user's reach (404 otherwise); 403 when ``write`` is refused."""
    require_read(request)
    instance = model.objects.visible_to(request.user).filter(pk=pk).first()
    if instance is None:
        raise Http404
    if write and not can_manage(request.user):
        raise PermissionDenied
    return instance
