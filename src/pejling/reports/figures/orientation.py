"""The committee's yearly orientation on the task force, in the shape of an agenda item.

Seed 000 promises that the committee "orienteres en gang årligt om indsatser og prioritering af
indsatsområder i det kommende år". The orientation is written the way the committee reads its
agenda: recommendation, summary, case description, the proposed priorities, economy and annexes,
so that it can be put on a meeting's agenda as it is (see ``pejling.reports.agenda``).
"""

from datetime import datetime
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pejling.lib import danish
from pejling.reports.figures import money, priorities, taskforce
from pejling.reports.figures.base import Figure, Section, Table
from pejling.reports.models import Kind, Priority, Report

# The section keys in the order of an agenda item; the agenda action reads them by key.
RECOMMENDATION, SUMMARY, CASE, PRIORITIES, ECONOMY, ANNEXES = (
    "recommendation",
    "summary",
    "case",
    "priorities",
    "economy",
    "annexes",
)


def annex_reports(year: int, *, done_by: datetime | None = None) -> list[Report]:
    """The status report for the year that goes with the orientation: its latest done version
    (of those done by ``done_by``, the time the orientation was made, when it is given)."""
    reports = Report.objects.filter(
        kind=Kind.STATUS_REPORT,
        year=year,
        state=Report.State.DONE,
        language=(translation.get_language() or "da")[:2],
    )
    if done_by is not None:
        reports = reports.filter(finished_at__lte=done_by)
    latest = reports.order_by("-version").first()
    return [latest] if latest else []


def annex_title(report: Report) -> str:
    title = (report.content or {}).get("title") or str(report)
    return _("%(title)s, version %(version)d") % {"title": title, "version": report.version}


def build_sections(year: int) -> tuple[list[Section], list[Figure]]:
    """The orientation's sections in agenda order, and the main figures its summary quotes."""
    work, work_figures = taskforce.task_force(year)
    funds, money_figures = money.money(year)
    proposals = priorities.priorities(year)
    numbers = {figure.label: figure.value for figure in work_figures + money_figures}
    main_figures = work_figures + money_figures
    next_year = year + 1
    proposal_count = Priority.objects.filter(year=year).count()

    recommendation = Section(
        RECOMMENDATION,
        _("Indstilling"),
        _("Forvaltningen indstiller,"),
        numbered=True,
        paragraphs=[
            _("at udvalget tager orienteringen om task forcens arbejde i %(year)d til efterretning")
            % {"year": year},
            _(
                "at udvalget drøfter de foreslåede prioriteter for task forcens "
                "indsatsområder i %(year)d"
            )
            % {"year": next_year},
        ],
    )

    requests = ngettext(
        "%(n)s henvendelse", "%(n)s henvendelser", numbers[_("Henvendelser modtaget")]
    )
    closed = ngettext("%(n)s sag", "%(n)s sager", numbers[_("Sager afsluttet")])
    barriers = ngettext("%(n)s barriere", "%(n)s barrierer", numbers[_("Barrierer registreret")])
    summary_paragraphs = [
        _("Task forcen modtog %(requests)s i %(year)d og afsluttede %(closed)s.")
        % {
            "requests": requests % {"n": _number(numbers[_("Henvendelser modtaget")])},
            "closed": closed % {"n": _number(numbers[_("Sager afsluttet")])},
            "year": year,
        },
        _(
            "Rådgiverne registrerede %(hours)s timers aktiviteter, heraf %(off)s %% i aftener, "
            "nætter og weekender. %(in_time)s %% af henvendelserne fik første svar inden fristen, "
            "og der blev registreret %(barriers)s for integrationspolitikkens gennemførelse."
        )
        % {
            "hours": _number(numbers[_("Timer med aktiviteter")]),
            "off": _number(numbers[_("Andel af timerne i aftener, nætter og weekender")]),
            "in_time": _number(numbers[_("Første svar inden fristen")]),
            "barriers": barriers % {"n": _number(numbers[_("Barrierer registreret")])},
        },
        ngettext(
            "Der foreslås %(n)d prioritet for %(year)d.",
            "Der foreslås %(n)d prioriteter for %(year)d.",
            proposal_count,
        )
        % {"n": proposal_count, "year": next_year}
        if proposal_count
        else _("Der er endnu ikke skrevet forslag til prioriteter for %(year)d.")
        % {"year": next_year},
    ]
    summary = Section(
        SUMMARY,
        _("Resumé"),
        _(
            "Udvalget orienteres en gang om året om task forcens indsatser og om prioriteringen "
            "af indsatsområderne i det kommende år. Denne orientering gælder %(year)d."
        )
        % {"year": year},
        tables=[
            Table(
                "figures",
                _("Årets hovedtal"),
                [_("Tal"), _("Værdi")],
                [[_labelled(figure), figure.value] for figure in main_figures],
            )
        ],
        paragraphs=summary_paragraphs,
    )

    case = Section(CASE, _("Sagsbeskrivelse"), work.intro, work.tables)

    granted = numbers[_("Bevilget i året")]
    spent = numbers[_("Forbrugt i året")]
    economy = Section(
        ECONOMY,
        _("Økonomi"),
        _(
            "I %(year)d blev der brugt %(spent)s af de %(granted)s, der var bevilget til "
            "integrationsindsatsen, som task forcen er en del af."
        )
        % {"year": year, "granted": danish.kroner(granted), "spent": danish.kroner(spent)},
        tables=[t for t in funds.tables if t.key == "appropriations"],
        paragraphs=[_("Orienteringen har ikke i sig selv økonomiske konsekvenser.")],
    )

    attached = annex_reports(year)
    annexes = Section(
        ANNEXES,
        _("Bilag"),
        "" if attached else _("Der er ingen bilag."),
        paragraphs=[
            f"{number}. {annex_title(report)}" for number, report in enumerate(attached, start=1)
        ],
    )
    return [recommendation, summary, case, proposals, economy, annexes], main_figures


def _number(value) -> str:
    # Through str: a float such as 57.1 would otherwise carry its binary tail into the text.
    return danish.number(Decimal(str(value)))


def _labelled(figure: Figure) -> str:
    return f"{figure.label} ({figure.unit})" if figure.unit else figure.label
