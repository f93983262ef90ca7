from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TaskProgress(models.Model):
    """How far a background task has come, shown to its owner as a progress bar.

    Keyed by the task result's id, so any task may report progress without knowing its backend.
    """

    task_id = models.CharField(max_length=64, unique=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    label = models.CharField(_("opgave"), max_length=200)
    current = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # A user's own recent tasks on the task page.
            models.Index(fields=["owner", "-created_at"], name="progress_owner_idx"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def percent(self) -> int:
        if not self.total:
            return 0
        return min(100, round(100 * self.current / self.total))


class WorkerHeartbeat(models.Model):
    """A running task worker says it is alive; /healthz reads these."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=200)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            # /healthz asks for the freshest heartbeat.
            models.Index(fields=["-last_seen_at"], name="heartbeat_seen_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.hostname}:{self.pid}"


class ScheduledJob(models.Model):
    """When a periodic job was last put on the queue, so that several workers enqueue it once."""

    name = models.CharField(max_length=100, unique=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name
