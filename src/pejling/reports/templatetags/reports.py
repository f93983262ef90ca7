from django import template

from pejling.reports import documents

register = template.Library()


@register.filter
def cell(value) -> str:
    return documents.cell(value)


@register.filter
def figure(value: dict) -> str:
    return documents.figure_text(value)
