"""Asking for a report and building it; the building runs on the worker (tasks.py)."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from pejling.audit import services as audit
from pejling.core import crud
from pejling.core import progress as task_progress
from pejling.reports import documents, figures
from pejling.reports.models import Priority, Report


def request_report(*, actor, kind: str, year: int, language: str = "da") -> Report:
    """Queue a new version of a report; refused for a future year or while one is being made."""
    today = timezone.localdate()
    if year > today.year:
        raise ValidationError(
            {"year": _("%(year)d er ikke begyndt endnu; vælg et år, der er gået.") % {"year": year}}
        )
    with transaction.atomic():
        busy = Report.objects.select_for_update().filter(kind=kind, year=year).in_progress()
        if busy.exists():
            raise ValidationError(
                _(
                    "Rapporten for %(year)d er ved at blive dannet. Vent til den er færdig, "
                    "og prøv så igen."
                )
                % {"year": year}
            )
        latest = Report.objects.filter(kind=kind, year=year, language=language).aggregate(
            n=Max("version")
        )["n"]
        report = crud.create(
            actor=actor,
            instance=Report(
                kind=kind,
                year=year,
                language=language,
                version=(latest or 0) + 1,
                state=Report.State.QUEUED,
                requested_by=actor,
            ),
        )
        from pejling.reports.tasks import generate_report

        result = generate_report.enqueue(report_id=report.pk)
        Report.objects.filter(pk=report.pk).update(task_id=str(result.id))
        report.task_id = str(result.id)
        task_progress.start(
            task_id=result.id, owner=actor, label=str(report), total=len(figures.PARTS) + 3
        )
    return report


def build_report(report: Report, *, progress=None) -> Report:
    """Compute the content, write the Word document and the PDF, and mark the version done."""
    report_progress = progress or (lambda step, total, message: None)
    Report.objects.filter(pk=report.pk).update(state=Report.State.RUNNING)
    try:
        content = figures.build(report.kind, report.year, report.language, report_progress)
        steps = len(figures.PARTS) + 3
        dated = timezone.localdate()
        name = f"{report.kind}-{report.year}-v{report.version}-{report.language}"
        docx = documents.docx_bytes(content, dated=dated)
        report_progress(steps - 1, steps, _("Word-dokument"))
        pdf = documents.pdf_bytes(content, dated=dated, base_url="")
        report_progress(steps, steps, _("PDF"))
    except Exception as error:
        Report.objects.filter(pk=report.pk).update(
            state=Report.State.FAILED, error=repr(error)[:2000], finished_at=timezone.now()
        )
        raise
    with transaction.atomic():
        before = audit.snapshot(Report.objects.get(pk=report.pk))
        report.refresh_from_db()
        report.content = content
        report.basis = {"year": report.year, "language": report.language}
        report.docx.save(f"{name}.docx", ContentFile(docx), save=False)
        report.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
        report.state = Report.State.DONE
        report.finished_at = timezone.now()
        report.save()
        audit.record_update(report, before=before, actor=None)
    return report


def save_priority(*, actor, priority: Priority | None = None, **fields) -> Priority:
    if priority is None:
        return crud.create(actor=actor, instance=Priority(author=actor, **fields))
    return crud.update(actor=actor, instance=priority, changes=fields)


def delete_priority(*, actor, priority: Priority) -> None:
    crud.delete(actor=actor, instance=priority)
