"""What the engine computes: the register panel's vocabulary, indicator specs and result cells.

The register panel is a person-period table (one row per person and half-year) stored as
Parquet with exactly the columns of ``PANEL_SCHEMA``. Age is the period's year minus
``birth_year``. An ``IndicatorSpec`` says which persons an indicator is about and which cells
to publish; the engine turns every spec into one ``Cell`` per period and published combination
of origin group, district and sex, after disclosure control.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ORIGINS: tuple[str, ...] = (
    "dansk",
    "indvandrer_vestlig",
    "indvandrer_ikke_vestlig",
    "efterkommer_vestlig",
    "efterkommer_ikke_vestlig",
)

# Every origin group a spec may publish, as the panel origins it is made of (Statistics
# Denmark's classification). The empty string in a cell means all origins and is not a group.
ORIGIN_GROUPS: dict[str, tuple[str, ...]] = {
    **{origin: (origin,) for origin in ORIGINS},
    "ikke_vestlig": ("indvandrer_ikke_vestlig", "efterkommer_ikke_vestlig"),
    "vestlig": ("indvandrer_vestlig", "efterkommer_vestlig"),
    "indvandrere": ("indvandrer_vestlig", "indvandrer_ikke_vestlig"),
    "efterkommere": ("efterkommer_vestlig", "efterkommer_ikke_vestlig"),
    "indvandrere_efterkommere": (
        "indvandrer_vestlig",
        "indvandrer_ikke_vestlig",
        "efterkommer_vestlig",
        "efterkommer_ikke_vestlig",
    ),
}

DISTRICTS: tuple[str, ...] = (
    "Indre By",
    "Østerbro",
    "Nørrebro",
    "Vesterbro-Kongens Enghave",
    "Valby",
    "Vanløse",
    "Brønshøj-Husum",
    "Bispebjerg",
    "Amager Øst",
    "Amager Vest",
)

SEXES: tuple[str, ...] = ("K", "M")

# Column -> Arrow type name of the register panel (pyarrow's names).
PANEL_SCHEMA: dict[str, str] = {
    "person_id": "int32",
    "period": "string",
    "birth_year": "int16",
    "sex": "string",
    "origin": "string",
    "district": "string",
    "employed": "bool",
    "in_education": "bool",
    "completed_youth_education": "bool",
    "receives_benefits": "bool",
    "lives_in_vulnerable_area": "bool",
    "grade_9th": "double",
}

BOOLEAN_MEASURES: tuple[str, ...] = tuple(c for c, t in PANEL_SCHEMA.items() if t == "bool")
NUMERIC_MEASURES: tuple[str, ...] = ("grade_9th",)

KINDS: tuple[str, ...] = ("rate", "gap", "mean", "count")
DIMENSIONS: tuple[str, ...] = ("district", "sex")

PERIOD_PATTERN = re.compile(r"^(\d{4})H([12])$")
FIRST_PERIOD = "2013H1"
LAST_PERIOD = "2024H2"


def parse_period(period: str) -> tuple[int, int]:
    """``"2023H2"`` -> ``(2023, 2)``; ValueError naming the period when it is not a half-year."""
    match = PERIOD_PATTERN.match(period or "")
    if not match:
        raise ValueError(f"period {period!r} is not a half-year like 2023H1 or 2023H2")
    return int(match[1]), int(match[2])


def periods_between(first: str = FIRST_PERIOD, last: str = LAST_PERIOD) -> list[str]:
    """Every half-year from ``first`` to ``last``, both included, in order."""
    year, half = parse_period(first)
    end = parse_period(last)
    out: list[str] = []
    while (year, half) <= end:
        out.append(f"{year}H{half}")
        year, half = (year, 2) if half == 1 else (year + 1, 1)
    return out


Kind = Literal["rate", "gap", "mean", "count"]


@dataclass(frozen=True)
class IndicatorSpec:
    """One computed indicator.

    - ``kind`` ``rate``: share in percent of the population having ``measure`` (a boolean).
    - ``kind`` ``gap``: ``reference`` minus ``group`` cell by cell (same period, district, sex),
      over the same population: of two rates in percentage points when ``measure`` is boolean,
      of two means in the measure's unit when it is numeric (e.g. grade points).
    - ``kind`` ``mean``: mean of ``measure`` (numeric) over the persons where it is not null.
    - ``kind`` ``count``: number of persons in the population having ``measure`` (a boolean).

    The population is every panel row (person and half-year) with age (period year minus
    birth year) within ``age_min``..``age_max`` (inclusive, None = open), of sex ``sex`` (None =
    both) living in one of ``districts`` (empty = all). ``origins`` are the origin groups
    (keys of ``ORIGIN_GROUPS``) to publish; empty means only all origins together, otherwise
    ``include_all_origins`` also publishes the all-origins cell. ``by`` lists extra
    disaggregations (``district``, ``sex``), each published besides the total (not crossed with
    each other). A gap publishes one series (its ``origins`` must stay empty).
    """

    code: str
    kind: Kind
    measure: str
    age_min: int | None = None
    age_max: int | None = None
    sex: str | None = None
    districts: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()
    include_all_origins: bool = False
    by: tuple[str, ...] = ()
    group: str | None = None
    reference: str | None = None

    def __post_init__(self) -> None:
        # Lists are accepted and stored as tuples so specs stay hashable.
        for name in ("districts", "origins", "by"):
            value = getattr(self, name)
            if isinstance(value, str):
                raise ValueError(f"{self.code}: {name} must be a tuple of names, not a string")
            object.__setattr__(self, name, tuple(value))
        if not re.fullmatch(r"[a-z0-9_]{1,50}", self.code or ""):
            raise ValueError(
                f"code {self.code!r} must be 1-50 lowercase letters, digits or underscores"
            )
        if self.kind not in KINDS:
            raise ValueError(f"{self.code}: kind {self.kind!r} is not one of {', '.join(KINDS)}")
        if self.measure not in PANEL_SCHEMA:
            raise ValueError(f"{self.code}: measure {self.measure!r} is not a panel column")
        if self.kind == "gap" and self.measure in NUMERIC_MEASURES:
            pass  # a gap of two means
        elif self.kind == "mean":
            if self.measure not in NUMERIC_MEASURES:
                raise ValueError(
                    f"{self.code}: a mean needs a numeric measure "
                    f"({', '.join(NUMERIC_MEASURES)}), not {self.measure!r}"
                )
        elif self.measure not in BOOLEAN_MEASURES:
            raise ValueError(
                f"{self.code}: a {self.kind} needs a boolean status column "
                f"({', '.join(BOOLEAN_MEASURES)}), not {self.measure!r}"
            )
        for name in ("age_min", "age_max"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or not 0 <= value <= 130):
                raise ValueError(f"{self.code}: {name} must be a whole number from 0 to 130")
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValueError(
                f"{self.code}: age_min {self.age_min} is above age_max {self.age_max}, "
                "so the population is empty"
            )
        if self.sex is not None and self.sex not in SEXES:
            raise ValueError(f"{self.code}: sex {self.sex!r} is not K or M")
        for district in self.districts:
            if district not in DISTRICTS:
                raise ValueError(f"{self.code}: unknown district {district!r}")
        if len(set(self.districts)) != len(self.districts):
            raise ValueError(f"{self.code}: a district is listed twice")
        for origin in self.origins:
            if origin not in ORIGIN_GROUPS:
                raise ValueError(f"{self.code}: unknown origin group {origin!r}")
        if len(set(self.origins)) != len(self.origins):
            raise ValueError(f"{self.code}: an origin group is listed twice")
        for dimension in self.by:
            if dimension not in DIMENSIONS:
                raise ValueError(
                    f"{self.code}: cannot disaggregate by {dimension!r} "
                    f"(only {', '.join(DIMENSIONS)})"
                )
        if len(set(self.by)) != len(self.by):
            raise ValueError(f"{self.code}: a disaggregation is listed twice")
        if "sex" in self.by and self.sex is not None:
            raise ValueError(f"{self.code}: cannot disaggregate by sex when filtering on sex")
        if "district" in self.by and len(self.districts) == 1:
            raise ValueError(
                f"{self.code}: cannot disaggregate by district when filtering on one district"
            )
        if self.kind == "gap":
            if not self.group or not self.reference:
                raise ValueError(f"{self.code}: a gap needs both group and reference")
            for name in ("group", "reference"):
                if getattr(self, name) not in ORIGIN_GROUPS:
                    raise ValueError(
                        f"{self.code}: {name} {getattr(self, name)!r} is not an origin group"
                    )
            if self.group == self.reference:
                raise ValueError(f"{self.code}: group and reference are the same")
            if set(ORIGIN_GROUPS[self.group]) & set(ORIGIN_GROUPS[self.reference]):
                raise ValueError(f"{self.code}: group and reference overlap")
            if self.origins or self.include_all_origins:
                raise ValueError(f"{self.code}: a gap publishes one series; leave origins empty")
        elif self.group or self.reference:
            raise ValueError(f"{self.code}: group and reference belong to a gap only")

    @property
    def is_mean(self) -> bool:
        """Whether the cells (or a gap's two sides) are means of a numeric measure."""
        return self.measure in NUMERIC_MEASURES

    @property
    def published_origins(self) -> tuple[str, ...]:
        """The origin values of the published cells ("" = all origins); a gap's is its group."""
        if self.kind == "gap":
            return (self.group or "",)
        if not self.origins:
            return ("",)
        return (("",) if self.include_all_origins else ()) + self.origins

    @property
    def computed_origins(self) -> tuple[str, ...]:
        """The origin groups whose rates or means are computed ("" = all origins)."""
        if self.kind == "gap":
            return (self.group or "", self.reference or "")
        return self.published_origins


@dataclass(frozen=True)
class Cell:
    """One computed number for one period and one combination of origin, district and sex.

    ``origin``, ``district`` and ``sex`` are "" for all; ``origin`` is an ``ORIGIN_GROUPS``
    key. For a gap, ``origin`` is the spec's ``group`` (the gap of that group to the reference).

    Per kind:
    - rate: ``numerator`` = persons with the status, ``denominator`` = persons in the
      population, ``value`` = 100 * numerator / denominator (percent);
    - mean: ``numerator`` = sum of the measure, ``denominator`` = persons with a non-null
      measure, ``value`` = numerator / denominator;
    - count: ``numerator`` = persons with the status, ``denominator`` None, ``value`` = numerator;
    - gap: ``numerator`` and ``denominator`` None, ``value`` = reference rate minus group rate in
      percentage points (or reference mean minus group mean for a numeric measure); suppressed
      if either side is.

    A suppressed cell (disclosure control) has ``numerator``, ``denominator`` and ``value`` None.
    """

    indicator: str
    period: str
    origin: str
    district: str
    sex: str
    numerator: int | float | None
    denominator: int | None
    value: float | None
    suppressed: bool

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        return (self.indicator, self.period, self.origin, self.district, self.sex)


CSV_HEADER: tuple[str, ...] = (
    "indicator",
    "period",
    "origin",
    "district",
    "sex",
    "numerator",
    "denominator",
    "value",
    "suppressed",
)
