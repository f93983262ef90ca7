"""Progress reporting for background tasks."""

from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend

from pejling.core.models import TaskProgress


def start(*, task_id: str, owner, label: str, total: int = 0) -> TaskProgress:
    return TaskProgress.objects.create(task_id=str(task_id), owner=owner, label=label, total=total)


def report(task_id: str, *, current: int, total: int | None = None, message: str = "") -> None:
    """Called from inside a task; one UPDATE, so it is cheap enough to call on every step."""
    fields = {"current": current, "message": message[:300], "updated_at": timezone.now()}
    if total is not None:
        fields["total"] = total
    TaskProgress.objects.filter(task_id=str(task_id)).update(**fields)


def task_status(item: TaskProgress) -> str:
    """The task's status on the queue; FAILED when its result was pruned or never queued."""
    try:
        return default_task_backend.get_result(item.task_id).status
    except Exception:
        return TaskResultStatus.FAILED
