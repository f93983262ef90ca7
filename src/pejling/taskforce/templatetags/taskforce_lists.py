"""Template helpers of the case list."""

from django import template

from pejling.taskforce.views.lists import response_answer

register = template.Library()


@register.filter
def first_response(case) -> str:
    """'inden', 'efter', 'ubesvaret', or '' for an outreach case (see views.lists)."""
    return response_answer(case)
