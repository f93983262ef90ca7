import datetime
import os

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from pejling.core.management.commands.worker import Heartbeat
from pejling.core.models import WorkerHeartbeat
from pejling.core.schedule import PERIODIC

NOW = datetime.datetime(2025, 3, 12, 3, 0, tzinfo=datetime.UTC)

# beat() closes its database connection, as a thread of its own must: keep it out of the
# per-test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def test_beat_writes_a_heartbeat():
    with time_machine.travel(NOW, tick=False):
        Heartbeat("worker-1").beat()

    beat = WorkerHeartbeat.objects.get()
    assert beat.worker_id == "worker-1"
    assert beat.pid == os.getpid()
    assert beat.hostname
    assert beat.last_seen_at == NOW


def test_next_beat_moves_the_same_heartbeat_on():
    with time_machine.travel(NOW, tick=False):
        Heartbeat("worker-1").beat()
    later = NOW + datetime.timedelta(seconds=15)
    with time_machine.travel(later, tick=False):
        Heartbeat("worker-1").beat()

    beat = WorkerHeartbeat.objects.get()
    assert beat.last_seen_at == later


def test_each_worker_has_its_own_heartbeat():
    Heartbeat("worker-1").beat()
    Heartbeat("worker-2").beat()
    assert set(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == {
        "worker-1",
        "worker-2",
    }


def test_beat_enqueues_the_due_periodic_jobs():
    with time_machine.travel(NOW, tick=False):
        Heartbeat("worker-1").beat()
        Heartbeat("worker-2").beat()

    # Each periodic job once, however many workers beat.
    assert DBTaskResult.objects.count() == len(PERIODIC)


def test_health_check_sees_the_worker_after_a_beat(client):
    Heartbeat("worker-1").beat()
    assert client.get("/healthz").json()["worker"]["status"] == "ok"
