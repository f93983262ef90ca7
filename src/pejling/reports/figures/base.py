"""The building blocks every part of a report is made of: tables, figures and sections."""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils import formats, timezone, translation

Progress = Callable[[int, int, str], None]


@dataclass
class Table:
    key: str
    caption: str
    header: list[str]
    rows: list[list]
    link: str = ""  # the list page that shows the rows behind the figures
    note: str = ""
    # Per row, the page that shows that row's records (a filtered list, or the record itself);
    # the web page links the row's ``link_column`` cell to it, the documents leave it out.
    row_links: list[str] = field(default_factory=list)
    link_column: int = 1


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
    # Vega-Lite charts with their data inline: {"key", "title", "spec", "alt"}.
    charts: list[dict] = field(default_factory=list)
    numbered: bool = False  # the paragraphs are numbered points, as a recommendation's are


def list_url(name: str, **query) -> str:
    """The address of the list page that shows a figure's rows, filtered by ``query``."""
    path = reverse(name)
    return f"{path}?{urlencode(query)}" if query else path


def short_date(value) -> str:
    """A date, or a moment's local date, as the report's language writes it in a table."""
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value).date()
    if translation.get_language() == "da":
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    # English's short form is the American 02/03/2025, which a European reader takes for March.
    return formats.date_format(value, "j M Y")


def hours(minutes) -> float:
    return round((minutes or 0) / 60, 1)


def share(part: float, whole: float) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def kroner(value) -> float:
    return float(Decimal(value or 0).quantize(Decimal("0.01")))


def counted(queryset, column: str, choices) -> list[list]:
    """A row per choice, in the choices' order, with how many rows of ``queryset`` have it."""
    counts = dict(queryset.values_list(column).annotate(n=Count("id")).order_by())
    return [[str(label), counts.get(value, 0)] for value, label in choices]
