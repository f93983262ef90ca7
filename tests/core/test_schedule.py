import datetime

import time_machine
from django_tasks_db.models import DBTaskResult

from pejling.core.models import ScheduledJob
from pejling.core.schedule import PERIODIC, enqueue_due_jobs

NOW = datetime.datetime(2025, 3, 12, 3, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(hours=24)
JOBS = [
    "purge_logs",
    "prune_task_results",
    "remind_follow_ups",
    "anonymise_expired_cases",
    "send_mail_digests",
    "remind_wheel_occurrences",
]


def queued(name: str) -> int:
    job, _interval = PERIODIC[name]
    return DBTaskResult.objects.filter(task_path=job.module_path).count()


def at(moment: datetime.datetime) -> list[str]:
    with time_machine.travel(moment, tick=False):
        return enqueue_due_jobs()


def test_every_periodic_job_runs_daily():
    assert sorted(PERIODIC) == sorted(JOBS)
    assert all(interval == DAY for _job, interval in PERIODIC.values())


def test_first_call_enqueues_every_job(db):
    assert at(NOW) == JOBS
    assert [queued(name) for name in JOBS] == [1] * len(JOBS)
    assert set(ScheduledJob.objects.values_list("last_enqueued_at", flat=True)) == {NOW}


def test_job_is_enqueued_once_per_interval(db):
    at(NOW)

    assert at(NOW) == []
    assert at(NOW + DAY - datetime.timedelta(seconds=1)) == []
    assert [queued(name) for name in JOBS] == [1] * len(JOBS)

    assert at(NOW + DAY) == JOBS
    assert at(NOW + DAY + datetime.timedelta(hours=1)) == []
    assert [queued(name) for name in JOBS] == [2] * len(JOBS)


def test_interval_counts_from_the_last_enqueue(db):
    at(NOW)
    late = NOW + DAY + datetime.timedelta(hours=5)
    at(late)

    assert at(NOW + 2 * DAY) == []
    assert at(late + DAY) == JOBS


def test_explicit_now_is_used(db):
    assert enqueue_due_jobs(now=NOW) == JOBS
    assert enqueue_due_jobs(now=NOW + datetime.timedelta(hours=1)) == []
