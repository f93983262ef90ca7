"""The barometer's part of a report: each goal's and indicator's status in an edition, and a
chart per indicator of its development since the baseline."""

from collections.abc import Collection

from django.utils import translation
from django.utils.translation import gettext as _

from pejling.reports.figures.base import Figure, Section, Table, list_url


def barometer(year: int) -> tuple[Section, list[Figure]]:
    """The barometer in the latest edition published for the year (an edition for a half-year
    of the year, or the last one before it)."""
    from pejling.barometer.models import Edition

    edition = (
        Edition.objects.published().filter(period__lte=f"{year}H2").order_by("-period").first()
    )
    return edition_section(edition)


def edition_section(
    edition, *, goal_ids: Collection[int] | None = None
) -> tuple[Section, list[Figure]]:
    """Each goal's combined status, each indicator's status and distance to target, and a
    chart per indicator, in ``edition`` (None: no edition). ``goal_ids`` limits the goals
    named to those (None: every goal)."""
    from pejling.barometer.models import Indicator
    from pejling.barometer.overview import GoalCard, headline_states

    indicators = list(
        Indicator.objects.select_related("target").prefetch_related("goals").order_by("code")
    )
    states = headline_states(edition, indicators) if edition else []

    def goals_of(indicator) -> list:
        return [g for g in indicator.goals.all() if goal_ids is None or g.pk in goal_ids]

    cards: dict[int, GoalCard] = {}
    rows = []
    for state in states:
        first = next((value for _period, value in state.series if value is not None), None)
        since = (
            round(state.latest - first, 1)
            if state.latest is not None and first is not None
            else None
        )
        goals = goals_of(state.indicator)
        for goal in goals:
            cards.setdefault(goal.pk, GoalCard(goal=goal, states=[])).states.append(state)
        rows.append(
            [
                state.indicator.label,
                ", ".join(g.title for g in goals) or "–",
                state.latest_text,
                str(state.status_label),
                state.distance_text,
                since,
            ]
        )
    # The same order and the same rule (the weakest status) as the barometer's goal cards.
    goal_rows = [
        [card.goal.title, len(card.states), str(card.status_label)]
        for card in sorted(cards.values(), key=lambda c: (c.goal.policy_id, c.goal.pk))
    ]
    link = edition.get_absolute_url() if edition else list_url("barometer:overview")
    intro = (
        _("Fra integrationsbarometerets udgave for %(period)s.") % {"period": edition.period}
        if edition
        else _("Der er ikke offentliggjort en udgave af integrationsbarometeret for året.")
    )
    if edition and edition.is_synthetic:
        intro += " " + _("Tallene er syntetiske demonstrationsdata.")
    tables = []
    if goal_rows:
        tables.append(
            Table(
                "goals",
                _("Målenes status"),
                [_("Mål"), _("Indikatorer"), _("Status")],
                goal_rows,
                list_url("barometer:overview"),
                _(
                    "Et måls status er den svageste status blandt dets indikatorer: målet står "
                    "kun til “Målet er nået”, når alle dets indikatorer har nået deres mål, og "
                    "én indikator i tilbagegang trækker målet ned. Indikatorer, der endnu ikke "
                    "kan vurderes, tæller ikke med."
                ),
            )
        )
    tables.append(
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
    )
    section = Section(
        "barometer",
        _("Integrationsbarometeret"),
        intro,
        tables,
        charts=[chart for state in states if (chart := indicator_chart(state))],
    )
    achieved = sum(1 for state in states if state.status == "achieved")
    return section, [Figure(_("Indikatorer, hvor målet er nået"), achieved, link=link)]


def indicator_chart(state) -> dict | None:
    """The indicator's headline series as the indicator page draws it by default: a Vega-Lite
    spec with its data inline, a title and a text alternative; None without any values."""
    from pejling.barometer import charts
    from pejling.barometer.overview import format_value, origin_label

    indicator = state.indicator
    known = [(period, value) for period, value in state.series if value is not None]
    if not known:
        return None
    target = getattr(indicator, "target", None)
    has_target = target is not None and target.target_value is not None
    spec = charts.line_chart(
        periods=[period for period, _value in state.series],
        series=[(origin_label(indicator.headline_origin), dict(state.series))],
        unit_label=str(indicator.get_unit_display()),
        target=target.target_value if has_target else None,
        target_label=charts.target_label(
            target.target_value, _("Mål %(year)s:") % {"year": target.target_year}
        )
        if has_target
        else "",
    )
    (first_period, first), (last_period, last) = known[0], known[-1]
    unit = indicator.get_unit_display()
    alt = _(
        "Graf over %(name)s pr. halvår fra %(first_period)s (%(first)s %(unit)s) til "
        "%(last_period)s (%(last)s %(unit)s)."
    ) % {
        "name": indicator.label,
        "unit": unit,
        "first_period": first_period,
        "first": format_value(first, indicator),
        "last_period": last_period,
        "last": format_value(last, indicator),
    }
    if has_target:
        alt += " " + _("Den stiplede linje er målet.")
    return {
        "key": f"indicator-{indicator.code}",
        "title": f"{indicator.label} ({unit})",
        "spec": spec,
        "alt": alt,
    }


def edition_content(edition, *, language: str, goal_ids: Collection[int] | None) -> dict:
    """A stand-alone report of one edition, in the shape of a report's content."""
    from dataclasses import asdict

    with translation.override(language):
        section, figures = edition_section(edition, goal_ids=goal_ids)
        return {
            "title": _("Integrationsbarometeret %(period)s") % {"period": edition.period},
            "kind": "barometer_edition",
            "year": int(edition.period[:4]),
            "language": language,
            "has_data": any(table.rows for table in section.tables),
            "summary": [asdict(f) for f in figures],
            "sections": [asdict(section)],
        }
