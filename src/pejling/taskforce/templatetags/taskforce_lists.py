"""Template helpers of the case list."""

from django import template

from pejling.taskforce.views.lists import response_answer, response_label

register = template.Library()


@register.filter
def first_response(case) -> str:
    """'inden', 'efter', 'ubesvaret', or '' for an outreach case (see views.lists)."""
    return response_answer(case)


@register.filter
def first_response_text(case) -> str:
    """The answer in words for the printed list; a dash for an outreach case."""
    return response_label(case) or "–"
