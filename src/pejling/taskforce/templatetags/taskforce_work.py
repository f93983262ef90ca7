"""Template helpers of the task force's pages."""

from decimal import Decimal

from django import template

from pejling.lib import danish

register = template.Library()


@register.simple_tag
def board_forms(board, case) -> dict:
    """The triage forms of one case's card on the board (see views.work.Board)."""
    return board.forms_for(case)


@register.filter
def hours(value) -> str:
    """7.5 → '7,5' (Danish) or '7.5' (English), at most one decimal."""
    if value is None:
        return "–"
    return danish.number(Decimal(str(round(value, 1))))


@register.filter
def minutes_as_hours(minutes) -> str:
    return hours(minutes / 60) if minutes is not None else "–"
