"""Periodic jobs, put on the task queue by whichever worker notices first that one is due."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from pejling.accounts import tasks as accounts_tasks
from pejling.annualwheel import tasks as annualwheel_tasks
from pejling.core import tasks
from pejling.core.models import ScheduledJob
from pejling.taskforce import tasks as taskforce_tasks

PERIODIC = {
    "purge_logs": (tasks.purge_logs, timedelta(hours=24)),
    "prune_task_results": (tasks.prune_task_results, timedelta(hours=24)),
    "remind_follow_ups": (taskforce_tasks.remind_follow_ups, timedelta(hours=24)),
    "anonymise_expired_cases": (taskforce_tasks.anonymise_expired_cases, timedelta(hours=24)),
    "send_mail_digests": (accounts_tasks.send_mail_digests, timedelta(hours=24)),
    "remind_wheel_occurrences": (
        annualwheel_tasks.remind_wheel_occurrences,
        timedelta(hours=24),
    ),
}


def enqueue_due_jobs(*, now=None) -> list[str]:
    """Enqueue every periodic job whose interval has passed; returns the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for name, (job, interval) in PERIODIC.items():
        ScheduledJob.objects.get_or_create(name=name)
        # A conditional UPDATE is a compare-and-set on every database, so of several workers
        # only one wins each due job.
        won = ScheduledJob.objects.filter(
            Q(last_enqueued_at__isnull=True) | Q(last_enqueued_at__lte=now - interval), name=name
        ).update(last_enqueued_at=now)
        if won:
            job.enqueue()
            enqueued.append(name)
    return enqueued
