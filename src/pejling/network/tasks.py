"""Sending a newsletter issue in the background, with progress."""

from django_tasks import TaskContext, task

from pejling.audit.context import origin
from pejling.audit.models import Channel


@task(takes_context=True)
def send_issue(context: TaskContext, issue_id: int) -> dict:
    """Send one issue to its recipients; a retry sends only to those not yet reached."""
    from pejling.network import services
    from pejling.network.models import NewsletterIssue

    issue = NewsletterIssue.objects.filter(pk=issue_id).first()
    if issue is None:
        return {"sent": 0}
    with origin(Channel.TASK, path="send_issue"):
        sent = services.deliver_issue(issue, task_id=str(context.task_result.id))
    return {"sent": sent}
