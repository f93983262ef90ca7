"""The figures of a report for one year, computed once from the records as plain data.

``build(kind, year, language)`` returns a dict that the web page, the Word document and the PDF
all draw from. Numbers stay numbers (formatted when shown); every table names the list page that
produces its rows, so a reader can trace a figure to the records behind it. Nothing here depends
on the clock except through ``year``: the same records give the same report. Each part of the
report is a module of its own here.
"""

from dataclasses import asdict

from django.utils import translation
from django.utils.translation import gettext as _

from pejling.policy.models import BudgetLine
from pejling.reports.figures import (
    barometer,
    governance,
    knowledge,
    money,
    orientation,
    policy,
    priorities,
    taskforce,
)
from pejling.reports.figures.base import Progress
from pejling.reports.models import Kind
from pejling.taskforce.models import Activity


def _has_data(year: int) -> bool:
    return (
        taskforce.requests_of(year).exists()
        or Activity.objects.filter(date__year=year).exists()
        or BudgetLine.objects.filter(year=year).exists()
        or knowledge.articles_of(year).exists()
        or knowledge.issues_of(year).exists()
        or governance.hearings_of(year).exists()
        or governance.decisions_of(year).exists()
        or governance.amendments_of(year).exists()
    )


PARTS = (
    barometer.barometer,
    policy.policy,
    taskforce.task_force,
    knowledge.knowledge,
    governance.governance,
    money.money,
)


def build(kind: str, year: int, language: str, progress: Progress | None = None) -> dict:
    """The report's content; ``progress(step, steps, message)`` is told after each part."""
    report_progress = progress or (lambda step, total, message: None)
    steps = len(PARTS) + 3  # the parts, the priorities, then the Word document and the PDF
    with translation.override(language):
        if kind == Kind.ORIENTATION:
            title = _("Orientering om task forcens arbejde i %(year)d") % {"year": year}
            # An agenda item opens with its recommendation: the main figures are in its summary.
            sections, summary = orientation.build_sections(year)[0], []
            report_progress(len(PARTS) + 1, steps, title)
        else:
            title = _("Statusrapport for integrationsindsatsen %(year)d") % {"year": year}
            sections, summary = [], []
            for number, part in enumerate(PARTS, start=1):
                section, figures = part(year)
                sections.append(section)
                summary += figures
                report_progress(number, steps, str(section.title))
            sections.append(priorities.priorities(year))
            report_progress(len(PARTS) + 1, steps, _("Prioriteter"))
        return {
            "title": title,
            "kind": kind,
            "year": year,
            "language": language,
            "has_data": _has_data(year),
            "summary": [asdict(f) for f in summary],
            "sections": [asdict(s) for s in sections],
        }
