"""Background tasks of the core: a demonstration with progress, and the periodic clean-ups."""

import time
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskContext, task

from pejling.audit import services as audit
from pejling.audit.context import origin
from pejling.audit.models import Channel
from pejling.core import progress


@task(takes_context=True)
def demo_progress(context: TaskContext, steps: int = 10, pause: float = 0.5) -> dict:
    """Walks through ``steps`` steps, reporting progress after each; shows the machinery works."""
    task_id = context.task_result.id
    for step in range(1, steps + 1):
        time.sleep(pause)
        progress.report(
            task_id,
            current=step,
            total=steps,
            message=_("Trin %(step)d af %(steps)d") % {"step": step, "steps": steps},
        )
    return {"steps": steps}


@task()
def purge_logs() -> dict:
    """Apply the retention periods of the access log and the audit log."""
    with origin(Channel.TASK, path="purge_logs"):
        return {
            "access_events": audit.purge_access_log(),
            "audit_events": audit.purge_audit_log(),
        }


@task()
def prune_task_results() -> dict:
    """Delete finished task results (and their progress) past their retention period."""
    from django_tasks_db.models import DBTaskResult

    from pejling.core.models import TaskProgress

    cutoff = timezone.now() - timedelta(days=settings.PEJLING_TASK_RESULT_RETENTION_DAYS)
    old = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff)
    ids = [str(pk) for pk in old.values_list("id", flat=True)]
    TaskProgress.objects.filter(task_id__in=ids).delete()
    deleted, _ = old.delete()
    return {"task_results": deleted}
