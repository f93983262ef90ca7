"""Run the background task worker, with a heartbeat and the periodic jobs."""

import logging
import os
import socket
import threading

from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from pejling.audit.context import origin
from pejling.audit.models import Channel
from pejling.core.models import WorkerHeartbeat
from pejling.core.schedule import enqueue_due_jobs

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 15


class Heartbeat(threading.Thread):
    def __init__(self, worker_id: str) -> None:
        super().__init__(name="pejling-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def beat(self) -> None:
        close_old_connections()
        try:
            WorkerHeartbeat.objects.update_or_create(
                worker_id=self.worker_id,
                defaults={
                    "hostname": socket.gethostname()[:200],
                    "pid": os.getpid(),
                    "last_seen_at": timezone.now(),
                },
            )
            enqueue_due_jobs()
        except Exception:  # a missed beat must never stop the worker
            logger.exception("Worker heartbeat failed")
        finally:
            connection.close()

    def run(self) -> None:
        with origin(Channel.TASK):
            self.beat()
            while not self.stopped.wait(HEARTBEAT_SECONDS):
                self.beat()


class Command(DbWorkerCommand):
    help = "Run the background task worker (with heartbeat and periodic jobs)."

    def handle(self, *args, **options) -> None:
        heartbeat = Heartbeat(options["worker_id"])
        heartbeat.start()
        try:
            with origin(Channel.TASK):
                super().handle(*args, **options)
        finally:
            heartbeat.stopped.set()
            WorkerHeartbeat.objects.filter(worker_id=options["worker_id"]).delete()
