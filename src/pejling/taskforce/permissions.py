"""Who sees and changes task-force cases.

The task force (coordinator and advisors) sees every case; a contact person sees the cases of
their own administration and the ones they sent; nobody else sees cases, which hold personal
data. The coordinator triages; advisors work the cases assigned to them (the coordinator may
work any case).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest

from pejling.accounts.roles import Capability
from pejling.audit import services as audit


def is_task_force(user) -> bool:
    return user.is_authenticated and (
        user.can(Capability.WORK_CASES) or user.can(Capability.TRIAGE_REQUESTS)
    )


def can_triage(user) -> bool:
    return user.is_authenticated and user.can(Capability.TRIAGE_REQUESTS)


def can_send_requests(user) -> bool:
    return user.is_authenticated and user.can(Capability.SEND_REQUESTS)


def case_visibility(queryset, user):
    if is_task_force(user):
        return queryset
    if can_send_requests(user):
        own = Q(submitted_by=user)
        if user.administration_id:
            own |= Q(administration_id=user.administration_id)
        return queryset.filter(own)
    return queryset.none()


def can_work_case(user, case) -> bool:
    if can_triage(user):
        return True
    return (
        user.is_authenticated
        and user.can(Capability.WORK_CASES)
        and (case.assignments.filter(advisor=user).exists())
    )


def require_personal_data_rights(request: HttpRequest) -> None:
    """A data subject's requests are answered by the administrator or the coordinator."""
    if not request.user.can(Capability.HANDLE_PERSONAL_DATA):
        raise PermissionDenied


def require_triage(request: HttpRequest) -> None:
    if not can_triage(request.user):
        raise PermissionDenied


def get_case_for_user(request: HttpRequest, reference: str, *, write: bool = False):
    """A case the user may see (404 otherwise), access-logged; 403 when ``write`` is refused."""
    from pejling.taskforce.models import Case

    case = Case.objects.visible_to(request.user).filter(reference=reference).first()
    if case is None:
        raise Http404
    if write and not can_work_case(request.user, case):
        raise PermissionDenied
    audit.record_access(case, actor=request.user)
    return case
