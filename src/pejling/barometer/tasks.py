"""The engine run as a background task, reporting its progress as it goes."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskContext, task

from pejling.audit.context import origin
from pejling.audit.models import Channel
from pejling.core import progress


@task(takes_context=True)
def run_engine(context: TaskContext, run_id: int) -> dict:
    """Validate the run's panel, compute every computed indicator and store a draft edition.

    The panel holds a row per person, so it is deleted when the run ends, however it ends;
    only the aggregated, disclosure-controlled cells are kept.
    """
    from pejling.barometer.models import EngineRun

    run = EngineRun.objects.select_related("created_by").get(pk=run_id)
    try:
        return _run(context.task_result.id, run)
    finally:
        if run.panel:
            run.panel.delete(save=False)
            EngineRun.objects.filter(pk=run.pk).update(panel="")


def _run(task_id: str, run) -> dict:
    from pejling.barometer import engine, services
    from pejling.barometer.models import EngineRun, Indicator, Source

    EngineRun.objects.filter(pk=run.pk).update(state=EngineRun.State.RUNNING)
    progress.report(task_id, current=1, total=100, message=_("Kontrollerer registerudtrækket"))

    def fail(message: str) -> dict:
        EngineRun.objects.filter(pk=run.pk).update(
            state=EngineRun.State.FAILED, message=message[:500], finished_at=timezone.now()
        )
        progress.report(task_id, current=100, total=100, message=message)
        return {"error": message}

    try:
        engine.validate_panel(run.panel.path)
    except engine.PanelError as error:
        return fail(_("Registerudtrækket kan ikke bruges: %(reason)s") % {"reason": error})
    specs = [i.to_spec() for i in Indicator.objects.filter(source=Source.REGISTER)]
    if not specs:
        return fail(_("Der er ingen registerindikatorer at beregne."))

    def step(done: int, total: int) -> None:
        progress.report(
            task_id,
            current=5 + round(85 * done / max(total, 1)),
            total=100,
            message=_("Beregnet %(done)d af %(total)d indikatorer")
            % {"done": done, "total": total},
        )

    try:
        cells = engine.compute(specs, run.panel.path, progress=step)
    except ValueError as error:
        return fail(_("Beregningen fejlede: %(reason)s") % {"reason": error})
    progress.report(task_id, current=92, total=100, message=_("Gemmer udgaven"))
    with origin(Channel.TASK, path="barometer.run_engine"), transaction.atomic():
        edition = services.store_engine_run(
            cells=cells,
            period_from=run.period_from or None,
            actor=run.created_by,
            source_name=run.panel_name,
        )
        EngineRun.objects.filter(pk=run.pk).update(
            state=EngineRun.State.DONE,
            edition=edition,
            message=_("%(count)d tal beregnet") % {"count": len(cells)},
            finished_at=timezone.now(),
        )
    progress.report(
        task_id, current=100, total=100, message=_("Kladde for %(p)s klar") % {"p": edition.period}
    )
    return {"edition": edition.pk, "cells": len(cells)}
