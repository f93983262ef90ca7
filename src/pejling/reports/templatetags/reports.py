from django import template

from pejling.reports import charts, documents

register = template.Library()


@register.filter
def chart_image(chart: dict) -> str:
    """The chart as an SVG ``data:`` address for an ``<img>``; empty when it cannot be drawn."""
    return charts.svg_data_uri(chart)


@register.filter
def cell(value) -> str:
    return documents.cell(value)


@register.filter
def figure(value: dict) -> str:
    return documents.figure_text(value)


@register.filter
def linked_rows(table: dict) -> list[tuple[list, str]]:
    """Each row with its own link ("" when it has none; content stored before rows had links)."""
    links = table.get("row_links") or []
    return [(row, links[i] if i < len(links) else "") for i, row in enumerate(table["rows"])]


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@register.filter
def aligned(value) -> bool:
    """Whether a cell is set right-aligned: numbers (and the dash for no number) are."""
    return value is None or _is_number(value)


@register.filter
def header_cells(table: dict) -> list[tuple[str, bool]]:
    """Each column's heading, and whether the column holds numbers (set right-aligned)."""
    rows = table["rows"]
    return [
        (
            heading,
            any(_is_number(row[i]) for row in rows if i < len(row))
            and all(aligned(row[i]) for row in rows if i < len(row)),
        )
        for i, heading in enumerate(table["header"])
    ]
