from django import template

from pejling.reports import charts

register = template.Library()


@register.filter
def chart_image(chart: dict) -> str:
    """The chart as an SVG ``data:`` address for an ``<img>``; empty when it cannot be drawn."""
    return charts.svg_data_uri(chart)
