from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from pejling.accounts.roles import Capability


def require_log_reader(request: HttpRequest) -> None:
    if not request.user.can(Capability.VIEW_AUDIT_LOG):
        raise PermissionDenied
