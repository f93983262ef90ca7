"""Who may read and change the barometer.

Analysts (MANAGE_BAROMETER) define indicators, load data and publish editions, and see drafts.
Everyone else, the public included, reads indicator definitions and published editions only.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from pejling.accounts.roles import Capability


def can_manage(user) -> bool:
    return bool(user and user.is_authenticated and user.can(Capability.MANAGE_BAROMETER))


def require_manager(request: HttpRequest) -> None:
    if not can_manage(request.user):
        raise PermissionDenied


def get_edition_for_user(request: HttpRequest, pk: int, *, write: bool = False):
    """An edition the user may see (404 otherwise); 403 when ``write`` is refused."""
    from pejling.barometer.models import Edition

    edition = Edition.objects.visible_to(request.user).filter(pk=pk).first()
    if edition is None:
        raise Http404
    if write:
        require_manager(request)
    return edition


def get_indicator_for_user(request: HttpRequest, code: str, *, write: bool = False):
    from pejling.barometer.models import Indicator

    indicator = Indicator.objects.visible_to(request.user).filter(code=code).first()
    if indicator is None:
        raise Http404
    if write:
        require_manager(request)
    return indicator
