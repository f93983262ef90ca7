"""The wheel's geometry, computed on the server: twelve month sectors clockwise from the top,
one ring per category, one marker per occurrence. The template only draws what is here."""

import calendar
import math
from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pejling.annualwheel.models import Category, Occurrence, Status

SIZE = 800  # room around the month names
CENTRE = SIZE // 2
HUB = 80  # radius of the centre disc
INNER = 92  # innermost ring's inner edge
OUTER = 318  # month sectors' outer edge
LABEL = 345  # month names
MARKER = 9

# DKFDS-like colours, each at least 3:1 against white (WCAG 1.4.11, non-text contrast).
COLOURS: dict[str, str] = {
    Category.POLICY: "#0059b3",
    Category.BUDGET: "#2b7a0b",
    Category.BAROMETER: "#a34a00",
    Category.REPORTING: "#6b3fa0",
    Category.COMMITTEE: "#454545",
    Category.CONFERENCE: "#b0005e",
    Category.NETWORK: "#00758a",
}
OVERDUE = "#b00"


def month_name(month: int) -> str:
    """The month's name in the active language ("januar")."""
    return date_format(date(2000, month, 1), "F")


@dataclass(frozen=True)
class Sector:
    month: int
    path: str
    fill: str
    url: str
    name: str
    label: str
    short_label: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    colour: str
    status: str
    url: str
    label: str


@dataclass(frozen=True)
class Ring:
    category: str
    label: str
    radius: float
    colour: str


@dataclass(frozen=True)
class Wheel:
    year: int
    size: int
    centre: float
    hub: int
    sectors: list[Sector]
    rings: list[Ring]
    guides: list[float]
    markers: list[Marker]
    today: tuple[float, float, float, float] | None
    check: str  # path of the tick drawn in a done marker, relative to its centre


def _point(angle: float, radius: float) -> tuple[float, float]:
    """A point at ``angle`` (degrees clockwise from the top) and ``radius`` from the centre."""
    rad = math.radians(angle)
    return round(CENTRE + radius * math.sin(rad), 2), round(CENTRE - radius * math.cos(rad), 2)


def angle_of(day: date) -> float:
    """Equal sectors per month; within a month, the day's share of it."""
    days = calendar.monthrange(day.year, day.month)[1]
    return ((day.month - 1) + (day.day - 0.5) / days) * 30


def _sector_path(month: int) -> str:
    start, end = (month - 1) * 30, month * 30
    x1, y1 = _point(start, OUTER)
    x2, y2 = _point(end, OUTER)
    x3, y3 = _point(end, INNER)
    x4, y4 = _point(start, INNER)
    return (
        f"M {x1} {y1} A {OUTER} {OUTER} 0 0 1 {x2} {y2} "
        f"L {x3} {y3} A {INNER} {INNER} 0 0 0 {x4} {y4} Z"
    )


def marker_label(occurrence: Occurrence, today: date) -> str:
    return _("%(title)s, %(date)s, %(category)s, %(status)s") % {
        "title": occurrence.event.title,
        "date": date_format(occurrence.date, "j. F Y"),
        "category": occurrence.event.get_category_display(),
        "status": Status(occurrence.status_on(today)).label.lower(),
    }


def draw(
    year: int,
    occurrences: list[Occurrence],
    *,
    today: date,
    counts: dict[int, int],
    categories: list[str] | None = None,
) -> Wheel:
    """The wheel for ``year`` with a ring for each of ``categories`` (all when None)."""
    shown = categories or list(Category.values)
    width = (OUTER - INNER - 8) / len(shown)
    rings = [
        Ring(
            category=value,
            label=str(Category(value).label),
            radius=round(INNER + 4 + width * (index + 0.5), 2),
            colour=COLOURS[value],
        )
        for index, value in enumerate(shown)
    ]
    radius_of = {ring.category: ring.radius for ring in rings}
    sectors = []
    for month in range(1, 13):
        lx, ly = _point((month - 0.5) * 30, LABEL)
        n = counts.get(month, 0)
        name = _("%(month)s %(year)s: %(count)s") % {
            "month": month_name(month).capitalize(),
            "year": year,
            "count": (_("én forekomst") if n == 1 else _("%(n)s forekomster") % {"n": n}),
        }
        sectors.append(
            Sector(
                month=month,
                path=_sector_path(month),
                fill="#f2f2f2" if month % 2 else "#ffffff",
                url=reverse("annualwheel:month", args=[year, month]),
                name=name,
                label=month_name(month).capitalize(),
                short_label=date_format(date(2000, month, 1), "b").capitalize(),
                label_x=lx,
                label_y=round(ly + 5, 2),
            )
        )
    markers = []
    for occurrence in occurrences:
        category = occurrence.event.category
        if category not in radius_of:
            continue
        x, y = _point(angle_of(occurrence.date), radius_of[category])
        markers.append(
            Marker(
                x=x,
                y=y,
                colour=COLOURS[category],
                status=occurrence.status_on(today),
                url=occurrence.get_absolute_url(),
                label=marker_label(occurrence, today),
            )
        )
    today_line = None
    if today.year == year:
        x1, y1 = _point(angle_of(today), HUB)
        x2, y2 = _point(angle_of(today), OUTER + 6)
        today_line = (x1, y1, x2, y2)
    guides = [round(INNER + 4 + width * index, 2) for index in range(len(shown) + 1)]
    return Wheel(
        year=year,
        size=SIZE,
        centre=CENTRE,
        hub=HUB,
        sectors=sectors,
        rings=rings,
        guides=guides,
        markers=markers,
        today=today_line,
        check="M -4.5 0.5 L -1.5 3.5 L 4.5 -3",
    )
