"""The annual wheel's periodic work: reminders before each occurrence."""

from django_tasks import task

from pejling.annualwheel import services
from pejling.audit.context import origin
from pejling.audit.models import Channel


@task()
def remind_wheel_occurrences() -> dict:
    """Mail each responsible person once, the event's number of days before an occurrence."""
    with origin(Channel.TASK, path="remind_wheel_occurrences"):
        return {"reminders": services.send_reminders()}
