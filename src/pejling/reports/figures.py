"""The figures of a report for one year, computed once from the records as plain data.

``build(kind, year, language)`` returns a dict that the web page, the Word document and the PDF
all draw from. Numbers stay numbers (formatted when shown); every table names the list page that
produces its rows, so a reader can trace a figure to the records behind it. Nothing here depends
on the clock except through ``year``: the same records give the same report.
"""

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Count, F, Q, Sum
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from pejling.accounts.models import Administration
from pejling.policy.models import (
    Appropriation,
    BudgetLine,
    Initiative,
    PlanTarget,
    Spending,
    TargetStatus,
)
from pejling.reports.models import Kind, Priority
from pejling.taskforce.models import (
    Activity,
    ActivityKind,
    ActorKind,
    Barrier,
    Case,
    Door,
    Field,
    Status,
)

Progress = Callable[[int, int, str], None]


@dataclass
class Table:
    key: str
    caption: str
    header: list[str]
    rows: list[list]
    link: str = ""  # the list page that shows the rows behind the figures
    note: str = ""


@dataclass
class Figure:
    label: str
    value: int | float | str
    unit: str = ""
    link: str = ""


@dataclass
class Section:
    key: str
    title: str
    intro: str = ""
    tables: list[Table] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    priorities: list[dict] = field(default_factory=list)


def _url(name: str, **query) -> str:
    path = reverse(name)
    return f"{path}?{urlencode(query)}" if query else path


def _hours(minutes) -> float:
    return round((minutes or 0) / 60, 1)


def _share(part: float, whole: float) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _money(value) -> float:
    return float(Decimal(value or 0).quantize(Decimal("0.01")))


# --- The task force ---------------------------------------------------------------------------


def _requests_of(year: int):
    return Case.objects.filter(received_at__year=year).exclude(status=Status.MERGED)


def _counted(queryset, column: str, choices) -> list[list]:
    counts = dict(queryset.values_list(column).annotate(n=Count("id")).order_by())
    return [[str(label), counts.get(value, 0)] for value, label in choices]


def task_force(year: int) -> tuple[Section, list[Figure]]:
    requests = _requests_of(year)
    overview = _url("taskforce:overview", aar=year)
    received = requests.count()
    closed = Case.objects.filter(closed_at__year=year, status=Status.CLOSED).count()
    by_admin = dict(
        requests.exclude(administration=None)
        .values_list("administration")
        .annotate(n=Count("id"))
        .order_by()
    )
    activities = Activity.objects.filter(date__year=year)
    hours = {
        row["kind"]: row
        for row in activities.values("kind")
        .annotate(n=Count("id"), minutes_total=Sum("minutes"), off=Sum("minutes_off_hours"))
        .order_by()
    }
    total_minutes = sum((row["minutes_total"] or 0) for row in hours.values())
    off_minutes = sum((row["off"] or 0) for row in hours.values())
    answered = requests.exclude(door=Door.OUTREACH).aggregate(
        in_time=Count("id", filter=Q(first_responded_at__date__lte=F("response_due_on"))),
        late=Count("id", filter=Q(first_responded_at__date__gt=F("response_due_on"))),
        unanswered=Count("id", filter=Q(first_responded_at__isnull=True)),
    )
    with_answer = answered["in_time"] + answered["late"]
    barriers = (
        Barrier.objects.filter(recorded_on__year=year)
        .values("kind__name")
        .annotate(n=Count("id"))
        .order_by("-n", "kind__name")
    )
    barrier_count = sum(row["n"] for row in barriers)
    since, until = date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    barrier_link = _url("taskforce:barrier_list", since=since, until=until)

    tables = [
        Table(
            "door",
            _("Henvendelser efter indgang"),
            [_("Indgang"), _("Henvendelser")],
            _counted(requests, "door", Door.choices),
            overview,
        ),
        Table(
            "field",
            _("Henvendelser efter indsatsområde"),
            [_("Indsatsområde"), _("Henvendelser")],
            _counted(requests, "field", Field.choices),
            overview,
        ),
        Table(
            "administration",
            _("Henvendelser efter forvaltning"),
            [_("Forvaltning"), _("Henvendelser")],
            [[a.short_name, by_admin.get(a.pk, 0)] for a in Administration.objects.all()],
            overview,
        ),
        Table(
            "actor_kind",
            _("Henvendelser efter slags aktør"),
            [_("Aktør"), _("Henvendelser")],
            _counted(requests, "actor_kind", ActorKind.choices),
            overview,
        ),
        Table(
            "activities",
            _("Aktiviteter efter redskab"),
            [_("Redskab"), _("Aktiviteter"), _("Timer"), _("Heraf aften, nat og weekend")],
            [
                [
                    str(label),
                    hours.get(value, {}).get("n", 0),
                    _hours(hours.get(value, {}).get("minutes_total")),
                    _hours(hours.get(value, {}).get("off")),
                ]
                for value, label in ActivityKind.choices
            ],
            overview,
        ),
        Table(
            "response",
            _("Første svar på henvendelser"),
            [_("Svar"), _("Henvendelser")],
            [
                [_("Svaret inden fristen"), answered["in_time"]],
                [_("Svaret efter fristen"), answered["late"]],
                [_("Ikke besvaret"), answered["unanswered"]],
            ],
            overview,
        ),
        Table(
            "barriers",
            _("De barrierer, der oftest blev mødt"),
            [_("Slags barriere"), _("Barrierer")],
            [[row["kind__name"], row["n"]] for row in barriers[:10]],
            barrier_link,
        ),
    ]
    section = Section(
        "taskforce",
        _("Task forcen"),
        _(
            "Henvendelser modtaget i året fra offentligheden, fra forvaltningernes "
            "kontaktpersoner og som opsøgende arbejde; aktiviteter og timer efter redskab; "
            "svartider og de barrierer, rådgiverne mødte."
        ),
        tables,
    )
    figures = [
        Figure(_("Henvendelser modtaget"), received, link=overview),
        Figure(_("Sager afsluttet"), closed, link=overview),
        Figure(_("Timer med aktiviteter"), _hours(total_minutes), link=overview),
        Figure(
            _("Andel af timerne i aftener, nætter og weekender"),
            _share(off_minutes, total_minutes),
            "%",
            overview,
        ),
        Figure(
            _("Første svar inden fristen"),
            _share(answered["in_time"], with_answer),
            "%",
            overview,
        ),
        Figure(_("Barrierer registreret"), barrier_count, link=barrier_link),
    ]
    return section, figures


# --- The barometer ---------------------------------------------------------------------------


def barometer(year: int) -> tuple[Section, list[Figure]]:
    """Each indicator's status and distance to target in the latest edition published for
    the year (an edition for a half-year of the year, or the last one before it)."""
    from pejling.barometer.models import Edition, Indicator
    from pejling.barometer.overview import headline_states

    edition = (
        Edition.objects.published().filter(period__lte=f"{year}H2").order_by("-period").first()
    )
    indicators = list(
        Indicator.objects.select_related("target").prefetch_related("goals").order_by("code")
    )
    states = headline_states(edition, indicators) if edition else []
    rows = []
    for state in states:
        first = next((value for _period, value in state.series if value is not None), None)
        since = (
            round(state.latest - first, 1)
            if state.latest is not None and first is not None
            else None
        )
        rows.append(
            [
                state.indicator.label,
                ", ".join(g.title for g in state.indicator.goals.all()) or "–",
                state.latest_text,
                str(state.status_label),
                state.distance_text,
                since,
            ]
        )
    link = edition.get_absolute_url() if edition else _url("barometer:overview")
    intro = (
        _("Fra integrationsbarometerets udgave for %(period)s.") % {"period": edition.period}
        if edition
        else _("Der er ikke offentliggjort en udgave af integrationsbarometeret for året.")
    )
    if edition and edition.is_synthetic:
        intro += " " + _("Tallene er syntetiske demonstrationsdata.")
    section = Section(
        "barometer",
        _("Integrationsbarometeret"),
        intro,
        [
            Table(
                "indicators",
                _("Indikatorernes status og afstand til målet"),
                [
                    _("Indikator"),
                    _("Mål"),
                    _("Seneste tal"),
                    _("Status"),
                    _("Afstand til målet"),
                    _("Udvikling siden første måling"),
                ],
                rows,
                link,
            )
        ],
    )
    achieved = sum(1 for state in states if state.status == "achieved")
    return section, [Figure(_("Indikatorer, hvor målet er nået"), achieved, link=link)]


# --- Policy and action plans ------------------------------------------------------------------


def policy(year: int) -> tuple[Section, list[Figure]]:
    initiatives = Initiative.objects.all()
    status_rows = _counted(initiatives, "status", Initiative.Status.choices)
    end_of_year = date(year, 12, 31)
    targets = PlanTarget.objects.select_related("strand__action_plan").prefetch_related("progress")
    by_status: dict[str, int] = {}
    for target in targets:
        latest = next((p for p in target.progress.all() if p.recorded_on <= end_of_year), None)
        status = target.status_on(end_of_year, latest)
        by_status[status] = by_status.get(status, 0) + 1
    target_rows = [[str(label), by_status.get(value, 0)] for value, label in TargetStatus.choices]
    section = Section(
        "policy",
        _("Politik og handleplaner"),
        _(
            "Initiativerne efter status, og handleplanernes målsætninger, som de stod ved årets "
            "udgang efter den seneste registrerede fremdrift."
        ),
        [
            Table(
                "initiatives",
                _("Initiativer efter status"),
                [_("Status"), _("Initiativer")],
                status_rows,
                _url("policy:initiative_list"),
            ),
            Table(
                "targets",
                _("Handleplanernes målsætninger ved årets udgang"),
                [_("Status"), _("Målsætninger")],
                target_rows,
                _url("policy:action_plan_list"),
            ),
        ],
    )
    figures = [
        Figure(_("Initiativer i alt"), sum(row[1] for row in status_rows)),
        Figure(
            _("Målsætninger opfyldt"),
            by_status.get(TargetStatus.MET, 0),
            link=_url("policy:action_plan_list"),
        ),
    ]
    return section, figures


# --- Money --------------------------------------------------------------------------------------


def money(year: int) -> tuple[Section, list[Figure]]:
    appropriations = Appropriation.objects.filter(first_year__lte=year).filter(
        Q(last_year__isnull=True) | Q(last_year__gte=year)
    )
    allocated = dict(
        BudgetLine.objects.filter(year=year)
        .values_list("appropriation")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    # Spending is summed on its own: joined into the allocations it would count a line once
    # for every spending entry on it.
    spent = dict(
        Spending.objects.filter(budget_line__year=year)
        .values_list("budget_line__appropriation")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    rows = []
    for appropriation in appropriations:
        granted = appropriation.amount_per_year
        given = allocated.get(appropriation.pk, Decimal(0))
        used = spent.get(appropriation.pk, Decimal(0))
        rows.append(
            [
                appropriation.title,
                _money(granted),
                _money(given),
                _money(used),
                _money(given - used),
            ]
        )
    lines = (
        BudgetLine.objects.filter(year=year)
        .select_related("initiative", "strand")
        .annotate(spent=Sum("spending__amount"))
        .order_by("appropriation__title", "pk")
    )
    line_rows = [
        [
            line.title,
            str(line.initiative or line.strand or "–"),
            _money(line.amount),
            _money(line.spent),
            _money(line.amount - (line.spent or 0)),
        ]
        for line in lines
    ]
    budget = _url("policy:budget")
    section = Section(
        "money",
        _("Økonomi"),
        _("Bevillingerne i året, hvad der er fordelt på initiativer og indsatsspor, og forbruget."),
        [
            Table(
                "appropriations",
                _("Bevillinger i året (kr.)"),
                [_("Bevilling"), _("Bevilget"), _("Fordelt"), _("Forbrugt"), _("Forskel")],
                rows,
                budget,
            ),
            Table(
                "lines",
                _("Budgetlinjer i året (kr.)"),
                [_("Budgetlinje"), _("Til"), _("Beløb"), _("Forbrugt"), _("Forskel")],
                line_rows,
                budget,
            ),
        ],
    )
    figures = [
        Figure(_("Bevilget i året"), sum(row[1] for row in rows), "kr.", budget),
        Figure(_("Forbrugt i året"), sum(row[3] for row in rows), "kr.", budget),
    ]
    return section, figures


# --- Priorities ---------------------------------------------------------------------------------


def priorities(year: int) -> Section:
    notes = Priority.objects.filter(year=year).select_related("author")
    return Section(
        "priorities",
        _("Forslag til prioriteter for %(year)d") % {"year": year + 1},
        _("Skrevet af task forcens koordinator og politikkontoret, ud fra tallene ovenfor."),
        priorities=[
            {
                "section": str(note.get_section_display()),
                "title": note.title,
                "text": note.text,
                "author": str(note.author),
            }
            for note in notes
        ],
    )


# --- The whole report -----------------------------------------------------------------------


def _has_data(year: int) -> bool:
    return (
        _requests_of(year).exists()
        or Activity.objects.filter(date__year=year).exists()
        or BudgetLine.objects.filter(year=year).exists()
    )


PARTS = (barometer, task_force, policy, money)


def build(kind: str, year: int, language: str, progress: Progress | None = None) -> dict:
    """The report's content; ``progress(step, steps, message)`` is told after each part."""
    steps = PARTS
    report_progress = progress or (lambda step, total, message: None)
    with translation.override(language):
        sections, summary = [], []
        for number, part in enumerate(steps, start=1):
            section, figures = part(year)
            sections.append(section)
            summary += figures
            report_progress(number, len(steps) + 3, str(section.title))
        sections.append(priorities(year))
        report_progress(len(steps) + 1, len(steps) + 3, _("Prioriteter"))
        title = (
            _("Statusrapport for integrationsindsatsen %(year)d")
            if kind == Kind.STATUS_REPORT
            else _("Orientering om task forcens arbejde i %(year)d")
        ) % {"year": year}
        if kind == Kind.ORIENTATION:
            sections = [s for s in sections if s.key in ("taskforce", "money", "priorities")]
            summary = [f for f in summary if f.label != _("Indikatorer, hvor målet er nået")]
        return {
            "title": title,
            "kind": kind,
            "year": year,
            "language": language,
            "has_data": _has_data(year),
            "summary": [asdict(f) for f in summary],
            "sections": [asdict(s) for s in sections],
        }
