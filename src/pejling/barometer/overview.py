"""What the barometer pages show: headline series, status, distance to target, trend, and the
goal cards; and the comparison of two editions. Reads only; one query per edition."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pejling.barometer import status as progress
from pejling.barometer.models import (
    Edition,
    Indicator,
    Measurement,
    ProgressStatus,
    Unit,
    period_years,
)
from pejling.lib import danish
from pejling.policy.models import Direction

# The word for a difference between two values of a unit ("6,3 procentpoint fra målet").
DIFFERENCE_WORDS = {
    Unit.PERCENT: gettext_lazy("procentpoint"),
    Unit.POINTS: gettext_lazy("procentpoint"),
    Unit.GRADE: gettext_lazy("karakterpoint"),
    Unit.COUNT: "",
    Unit.PER_THOUSAND: gettext_lazy("promillepoint"),
}

ORIGIN_LABELS = {
    "": gettext_lazy("Alle"),
    "dansk": gettext_lazy("Dansk oprindelse"),
    "indvandrer_vestlig": gettext_lazy("Indvandrere, vestlige"),
    "indvandrer_ikke_vestlig": gettext_lazy("Indvandrere, ikke-vestlige"),
    "efterkommer_vestlig": gettext_lazy("Efterkommere, vestlige"),
    "efterkommer_ikke_vestlig": gettext_lazy("Efterkommere, ikke-vestlige"),
    "ikke_vestlig": gettext_lazy("Ikke-vestlige indvandrere og efterkommere"),
    "vestlig": gettext_lazy("Vestlige indvandrere og efterkommere"),
    "indvandrere": gettext_lazy("Indvandrere"),
    "efterkommere": gettext_lazy("Efterkommere"),
    "indvandrere_efterkommere": gettext_lazy("Indvandrere og efterkommere"),
}
SEX_LABELS = {
    "": gettext_lazy("Begge køn"),
    "K": gettext_lazy("Kvinder"),
    "M": gettext_lazy("Mænd"),
}


def origin_label(origin: str) -> str:
    return str(ORIGIN_LABELS.get(origin, origin))


def format_value(value: float | None, indicator: Indicator) -> str:
    if value is None:
        return ".."
    decimals = 0 if indicator.unit == Unit.COUNT else (2 if indicator.unit == Unit.GRADE else 1)
    # Through str: Django's number formatting cuts decimals off rather than rounding them.
    return danish.number(Decimal(str(round(value, decimals))), decimals)


def latest_edition(user, *, include_drafts: bool = False) -> Edition | None:
    editions = Edition.objects.visible_to(user)
    if not include_drafts:
        editions = editions.published()
    return editions.order_by("-period", "-created_at").first()


@dataclass
class IndicatorState:
    indicator: Indicator
    series: list[tuple[str, float | None]] = field(default_factory=list)  # headline, by period
    latest_period: str = ""
    latest: float | None = None
    previous: float | None = None
    previous_period: str = ""
    assessment: progress.Assessment | None = None

    @property
    def status(self) -> str:
        return self.assessment.status if self.assessment else ""

    @property
    def status_label(self) -> str:
        return ProgressStatus(self.status).label if self.status else _("Kan ikke vurderes endnu")

    @property
    def latest_text(self) -> str:
        return format_value(self.latest, self.indicator)

    @property
    def distance_text(self) -> str:
        """The distance to target in plain words: "6,3 procentpoint fra målet"."""
        target = getattr(self.indicator, "target", None)
        if target is None or target.target_value is None:
            return _("Der er ikke sat et mål.")
        if self.latest is None:
            return _("Der er endnu ingen tal.")
        lower = self.indicator.direction == Direction.LOWER
        if progress.achieved(self.latest, target.target_value, lower_is_better=lower):
            return _("Målet for %(year)s er nået.") % {"year": target.target_year}
        distance = format_value(abs(target.target_value - self.latest), self.indicator)
        word = DIFFERENCE_WORDS.get(self.indicator.unit, "")
        return _("%(distance)s %(word)s fra målet for %(year)s") % {
            "distance": distance,
            "word": word,
            "year": target.target_year,
        }

    @property
    def trend(self) -> str:
        """better, worse or same since the previous half-year, given the direction."""
        if self.latest is None or self.previous is None:
            return ""
        change = self.latest - self.previous
        if self.indicator.direction == Direction.LOWER:
            change = -change
        tolerance = getattr(getattr(self.indicator, "target", None), "tolerance", 0) or 0
        if abs(self.latest - self.previous) <= tolerance or change == 0:
            return "same"
        return "better" if change > 0 else "worse"

    @property
    def trend_text(self) -> str:
        if not self.trend:
            return ""
        change = self.latest - self.previous
        word = DIFFERENCE_WORDS.get(self.indicator.unit, "")
        amount = format_value(abs(change), self.indicator)
        if self.trend == "same":
            return _("ingen ændring af betydning siden %(period)s") % {
                "period": self.previous_period
            }
        direction = _("op") if change > 0 else _("ned")
        text = _("forbedring") if self.trend == "better" else _("forværring")
        return _("%(direction)s %(amount)s %(word)s siden %(period)s (%(text)s)") % {
            "direction": direction,
            "amount": amount,
            "word": word,
            "period": self.previous_period,
            "text": text,
        }


def assess(indicator: Indicator, series: list[tuple[str, float | None]]) -> IndicatorState:
    """The indicator's state from its headline series (period order, None = suppressed)."""
    state = IndicatorState(indicator=indicator, series=series)
    known = [(p, v) for p, v in series if v is not None]
    if known:
        state.latest_period, state.latest = known[-1]
    if len(known) > 1:
        state.previous_period, state.previous = known[-2]
    if indicator.status_override:
        state.assessment = progress.override(
            indicator.status_override, indicator.status_override_reason or "-"
        )
        return state
    if state.latest is None:
        return state
    target = getattr(indicator, "target", None)
    if target is not None:
        baseline, baseline_period = target.baseline_value, target.baseline_period
    else:
        baseline_period, baseline = known[0]
    state.assessment = progress.assess(
        baseline=baseline,
        baseline_year=period_years(baseline_period),
        current=state.latest,
        current_year=period_years(state.latest_period),
        target=target.target_value if target else None,
        target_year=target.target_year + 0.5 if target and target.target_year else None,
        lower_is_better=indicator.direction == Direction.LOWER,
        tolerance=target.tolerance if target else 0.0,
    )
    return state


def headline_states(edition: Edition | None, indicators: list[Indicator]) -> list[IndicatorState]:
    """Each indicator's state in ``edition`` from its headline cells (one query)."""
    by_indicator: dict[int, list[tuple[str, float | None]]] = defaultdict(list)
    if edition is not None:
        wanted = {i.pk: i.headline_origin for i in indicators}
        cells = (
            Measurement.objects.filter(
                edition=edition, indicator__in=list(wanted), district="", sex=""
            )
            .order_by("period")
            .values_list("indicator_id", "origin", "period", "value")
        )
        for indicator_id, origin, period, value in cells:
            if wanted[indicator_id] == origin:
                by_indicator[indicator_id].append((period, value))
    return [assess(i, by_indicator[i.pk]) for i in indicators]


@dataclass
class GoalCard:
    goal: object | None  # a policy Goal, or None for indicators that serve no goal
    states: list[IndicatorState]

    @property
    def status(self) -> str:
        return progress.goal_status([s.status for s in self.states]) or ""

    @property
    def status_label(self) -> str:
        return ProgressStatus(self.status).label if self.status else _("Kan ikke vurderes endnu")


def goal_cards(edition: Edition | None, user) -> list[GoalCard]:
    """One card per goal that has indicators, with its indicators' states."""
    from pejling.policy.models import Goal

    indicators = list(
        Indicator.objects.select_related("target").prefetch_related("goals").order_by("code")
    )
    states = {s.indicator.pk: s for s in headline_states(edition, indicators)}
    visible_goals = set(Goal.objects.visible_to(user).values_list("pk", flat=True))
    cards: dict[int, GoalCard] = {}
    loose: list[IndicatorState] = []
    for indicator in indicators:
        goals = [g for g in indicator.goals.all() if g.pk in visible_goals]
        if not goals:
            loose.append(states[indicator.pk])
        for goal in goals:
            cards.setdefault(goal.pk, GoalCard(goal=goal, states=[])).states.append(
                states[indicator.pk]
            )
    ordered = sorted(cards.values(), key=lambda c: (c.goal.policy_id, c.goal.pk))
    if loose:
        ordered.append(GoalCard(goal=None, states=loose))
    return ordered


@dataclass
class ComparisonRow:
    indicator: Indicator
    period: str
    old: float | None
    new: float | None

    @property
    def change(self) -> float | None:
        if self.old is None or self.new is None:
            return None
        return self.new - self.old


def compare(old: Edition, new: Edition) -> tuple[list[ComparisonRow], dict[str, int]]:
    """Headline values of every indicator and period in either edition, side by side; and
    counts of cells added, removed and revised between them."""

    def cells(edition: Edition) -> dict[tuple, float | None]:
        return {
            (code, period, origin, district, sex): value
            for code, period, origin, district, sex, value in edition.measurements.values_list(
                "indicator__code", "period", "origin", "district", "sex", "value"
            )
        }

    before, after = cells(old), cells(new)
    counts = {
        "added": len(after.keys() - before.keys()),
        "removed": len(before.keys() - after.keys()),
        "revised": sum(1 for k in after.keys() & before.keys() if after[k] != before[k]),
    }
    indicators = {i.code: i for i in Indicator.objects.order_by("code")}
    rows = []
    for code, indicator in indicators.items():
        periods = sorted(
            {
                k[1]
                for k in before.keys() | after.keys()
                if k[0] == code and k[2:] == (indicator.headline_origin, "", "")
            }
        )
        for period in periods:
            key = (code, period, indicator.headline_origin, "", "")
            if key in before or key in after:
                rows.append(ComparisonRow(indicator, period, before.get(key), after.get(key)))
    return rows, counts
