import datetime

import pytest
import time_machine
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from pejling.core import progress
from pejling.core.models import TaskProgress
from pejling.core.tasks import demo_progress, prune_task_results

NOW = datetime.datetime(2025, 3, 12, 3, 0, tzinfo=datetime.UTC)

# The worker closes stale connections between tasks, so it cannot run inside a test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def run_worker() -> None:
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    ).run()


def finished_demo_task(moment: datetime.datetime, owner) -> str:
    with time_machine.travel(moment, tick=False):
        result = demo_progress.enqueue(steps=1, pause=0)
        progress.start(task_id=result.id, owner=owner, label="Demo", total=1)
        run_worker()
    return str(result.id)


def test_demo_task_reports_every_step(cast):
    task_id = finished_demo_task(NOW, cast.coordinator)

    result = demo_progress.get_result(task_id)
    assert result.status == "SUCCESSFUL"
    assert result.return_value == {"steps": 1}
    assert TaskProgress.objects.get(task_id=task_id).percent == 100


def test_prune_deletes_finished_results_past_retention_with_their_progress(cast, settings):
    days = settings.PEJLING_TASK_RESULT_RETENTION_DAYS
    old = finished_demo_task(NOW - datetime.timedelta(days=days, seconds=1), cast.coordinator)
    young = finished_demo_task(NOW - datetime.timedelta(days=days - 1), cast.coordinator)
    with time_machine.travel(NOW - datetime.timedelta(days=days + 1), tick=False):
        running = demo_progress.enqueue(steps=1, pause=0)
    # Still running on another worker: old, but not finished, so it is kept.
    DBTaskResult.objects.filter(id=running.id).update(status="RUNNING")

    with time_machine.travel(NOW, tick=False):
        result = prune_task_results.enqueue()
        run_worker()

    result.refresh()
    assert result.return_value == {"task_results": 1}
    remaining = {str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)}
    assert remaining == {young, str(running.id), str(result.id)}
    assert set(TaskProgress.objects.values_list("task_id", flat=True)) == {young}
    assert old not in remaining
