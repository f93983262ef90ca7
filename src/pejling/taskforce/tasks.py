"""The task force's periodic work: follow-up reminders and the retention of personal data."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from pejling.audit.context import origin
from pejling.audit.models import Channel
from pejling.taskforce import notifications, personal_data
from pejling.taskforce.models import FollowUp


@task()
def remind_follow_ups() -> dict:
    """Mail each advisor once about every follow-up that is due and not done."""
    today = timezone.localdate()
    due = FollowUp.objects.filter(
        done_at__isnull=True, reminded_at__isnull=True, due_on__lte=today
    ).select_related("case", "advisor")
    sent = 0
    for follow_up in due:
        with transaction.atomic():
            # Marked first: a mail that fails is better missed once than sent every day.
            FollowUp.objects.filter(pk=follow_up.pk).update(reminded_at=timezone.now())
            notifications.follow_up_due(follow_up)
        sent += 1
    return {"reminders": sent}


@task()
def anonymise_expired_cases() -> dict:
    with origin(Channel.TASK, path="anonymise_expired_cases"):
        return {"anonymised": personal_data.anonymise_expired()}
