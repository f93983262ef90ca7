"""Template helpers of the barometer, among them the indicators of a goal for its page."""

from django import template

from pejling.barometer import overview
from pejling.barometer.models import Edition, Indicator

register = template.Library()


@register.filter
def cell_value(cell, indicator: Indicator) -> str:
    """A measurement's value as shown in tables: Danish decimals, ".." when suppressed."""
    if cell is None:
        return "–"
    if cell.suppressed:
        return ".."
    return overview.format_value(cell.value, indicator)


@register.filter
def origin_label(origin: str) -> str:
    return overview.origin_label(origin)


@register.inclusion_tag("barometer/_goal_indicators.html", takes_context=True)
def goal_indicators(context, goal) -> dict:
    """The indicators measuring ``goal`` with their status in the latest published edition.

    For the goal's page: ``{% load barometer %}{% goal_indicators goal %}``.
    """
    indicators = list(goal.indicators.select_related("target").order_by("code"))
    edition = Edition.objects.published().order_by("-period").first()
    states = overview.headline_states(edition, indicators) if indicators else []
    return {"states": states, "edition": edition, "goal": goal}
