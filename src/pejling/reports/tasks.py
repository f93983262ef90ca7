"""The report generation on the worker, with its progress shown to the person who asked."""

from django_tasks import TaskContext, task

from pejling.audit.context import origin
from pejling.audit.models import Channel
from pejling.core import progress
from pejling.reports import services
from pejling.reports.models import Report


@task(takes_context=True)
def generate_report(context: TaskContext, report_id: int) -> dict:
    task_id = context.task_result.id
    report = Report.objects.get(pk=report_id)

    def report_progress(step: int, total: int, message: str) -> None:
        progress.report(task_id, current=step, total=total, message=message)

    with origin(Channel.TASK, path="generate_report"):
        services.build_report(report, progress=report_progress)
    return {"report": report_id}
