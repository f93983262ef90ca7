from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from pejling.accounts.roles import Capability
from pejling.core.models import TaskProgress


def can_run_tasks(user) -> bool:
    return user.is_authenticated and user.can(Capability.RUN_BACKGROUND_TASKS)


def require_task_runner(request: HttpRequest) -> None:
    if not can_run_tasks(request.user):
        raise PermissionDenied


def get_progress_for_user(request: HttpRequest, task_id: str) -> TaskProgress:
    """A task's progress, visible only to the user who started it (404 for everyone else)."""
    progress = TaskProgress.objects.filter(task_id=task_id, owner=request.user).first()
    if progress is None:
        raise Http404
    return progress
