"""Compile indicator specs to Ibis expressions and run them on DuckDB or Spark.

Each spec becomes ONE Ibis expression over the panel: the population filters, one fine
aggregate by period and origin (and the spec's disaggregations), then a union of one
roll-up per published origin group and disaggregation, ordered by its coordinates. Values
enter as typed Ibis literals (the backend binds them); no SQL is built from strings.
Sums are exact (integers, or decimals for a numeric measure), and values are derived from
them in Python, so DuckDB and Spark give identical cells.
"""

from __future__ import annotations

import csv
import io
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import ibis
import ibis.expr.types as ir

from pejling.barometer.engine.disclosure import Counts, Key, protect
from pejling.barometer.engine.panel import CATEGORICAL_VALUES, check_values, validate_schema
from pejling.barometer.engine.spec import (
    BOOLEAN_MEASURES,
    CSV_HEADER,
    NUMERIC_MEASURES,
    ORIGIN_GROUPS,
    ORIGINS,
    PANEL_SCHEMA,
    Cell,
    IndicatorSpec,
)

BACKENDS = ("duckdb", "spark")
# Means are summed exactly as decimals with this many decimal places.
MEAN_SCALE = 4
VALUE_DIGITS = 4


class SpecError(ValueError):
    """A spec cannot be computed from the panel (e.g. its filters select nobody)."""


def _members(origin: str) -> tuple[str, ...]:
    return ORIGINS if origin == "" else ORIGIN_GROUPS[origin]


# Columns of the cube: persons, then per boolean measure the persons having it, per numeric
# measure its exact sum and the persons with a value.
def _count_column(measure: str) -> str:
    return f"{measure}__count"


def cube(panel: ir.Table, measures: Iterable[str] | None = None) -> ir.Table:
    """The panel summed by period, birth year, sex, origin and district.

    Every spec's filters and disaggregations use only these five columns and every kind is
    a sum of persons or of a measure, so the cube is an exact summary of the panel for the
    engine: about 250,000 rows for any number of persons. Computing it is the one pass
    over the panel; every spec is then aggregated from it. ``measures`` limits the summed
    measures to those the specs use (default all).
    """
    wanted = set(PANEL_SCHEMA) if measures is None else set(measures)
    sums: dict[str, ir.Value] = {"persons": panel.count().cast("int64")}
    for measure in (m for m in BOOLEAN_MEASURES if m in wanted):
        sums[measure] = panel[measure].cast("int64").sum()
    for measure in (m for m in NUMERIC_MEASURES if m in wanted):
        sums[measure] = panel[measure].cast(ibis.dtype(f"decimal(18, {MEAN_SCALE})")).sum()
        sums[_count_column(measure)] = panel[measure].count().cast("int64")
    return panel.group_by(["period", "birth_year", "sex", "origin", "district"]).aggregate(**sums)


def population(cubed: ir.Table, spec: IndicatorSpec) -> ir.Table:
    """The cube rows (persons by period and background) the spec is about."""
    predicates = []
    if spec.age_min is not None or spec.age_max is not None:
        age = cubed.period.substr(0, 4).cast("int32") - cubed.birth_year.cast("int32")
        if spec.age_min is not None:
            predicates.append(age >= ibis.literal(spec.age_min, "int32"))
        if spec.age_max is not None:
            predicates.append(age <= ibis.literal(spec.age_max, "int32"))
    if spec.sex is not None:
        predicates.append(cubed.sex == ibis.literal(spec.sex, "string"))
    if spec.districts:
        predicates.append(cubed.district.isin(list(spec.districts)))
    needed = sorted({o for group in spec.computed_origins for o in _members(group)})
    if len(needed) < len(ORIGINS):
        predicates.append(cubed.origin.isin(needed))
    if spec.is_mean:
        predicates.append(cubed[_count_column(spec.measure)] > ibis.literal(0, "int64"))
    return cubed.filter(*predicates) if predicates else cubed


def compile_spec(panel: ir.Table, spec: IndicatorSpec) -> ir.Table:
    """The spec as one Ibis expression over the panel (see ``compile_cubed``)."""
    return compile_cubed(cube(panel, [spec.measure]), spec)


def compile_cubed(cubed: ir.Table, spec: IndicatorSpec) -> ir.Table:
    """The spec as one Ibis expression over the cube with columns period, origin, district,
    sex, numerator, denominator; one row per computed cell, ordered by its coordinates.

    The population is summed by period, origin and the spec's disaggregations; a small
    rollup table then maps every panel origin to each computed origin group and each
    published level (total, by district, by sex), so one more aggregation yields every cell
    (a grouping-sets rollup that both DuckDB and Spark run in one pass).
    """
    rows = population(cubed, spec)
    if spec.is_mean:
        numerator = rows[spec.measure].sum()
        denominator = rows[_count_column(spec.measure)].sum()
    else:
        numerator = rows[spec.measure].sum()
        denominator = rows.persons.sum()
    dimensions = list(spec.by)
    fine = rows.group_by(["period", "origin", *dimensions]).aggregate(
        numerator=numerator, denominator=denominator.cast("int64")
    )
    levels = [(), *((d,) for d in dimensions)]
    mapping = [
        (group, origin, "district" in level, "sex" in level)
        for group in spec.computed_origins
        for origin in _members(group)
        for level in levels
    ]
    rollup = ibis.memtable(
        {
            "rollup_group": [row[0] for row in mapping],
            "rollup_origin": [row[1] for row in mapping],
            "rollup_district": [row[2] for row in mapping],
            "rollup_sex": [row[3] for row in mapping],
        },
        schema={
            "rollup_group": "string",
            "rollup_origin": "string",
            "rollup_district": "boolean",
            "rollup_sex": "boolean",
        },
    )
    joined = fine.join(rollup, fine.origin == rollup.rollup_origin)
    empty = ibis.literal("", "string")
    district = (
        joined.rollup_district.ifelse(joined.district, empty) if "district" in dimensions else empty
    )
    sex = joined.rollup_sex.ifelse(joined.sex, empty) if "sex" in dimensions else empty
    cells = joined.group_by(
        period=joined.period, origin=joined.rollup_group, district=district, sex=sex
    ).aggregate(
        numerator=joined.numerator.sum(), denominator=joined.denominator.sum().cast("int64")
    )
    return cells.order_by(["period", "origin", "district", "sex"])


# --- backends ------------------------------------------------------------------------------


def spark_session():
    """The local, quiet SparkSession the engine uses (reused when one is running)."""
    from pyspark.sql import SparkSession

    logging.getLogger("py4j").setLevel(logging.WARNING)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # local only, and no hostname warning
    session = SparkSession.getActiveSession()
    if session is not None:
        return session
    session = (
        SparkSession.builder.master(os.environ.get("PEJLING_SPARK_MASTER", "local[2]"))
        .appName("pejling-barometer")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def connect(backend: str):
    if backend == "duckdb":
        connection = ibis.duckdb.connect()
        connection.con.execute("SET enable_progress_bar = false")  # a constant setting
        return connection
    if backend == "spark":
        return ibis.pyspark.connect(spark_session())
    raise ValueError(f"Unknown engine {backend!r}; use {' or '.join(BACKENDS)}.")


def _number(value: Any) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    if isinstance(value, float):
        return value
    return int(value)


def _fetch(connection, expression: ir.Table) -> list[dict[str, Any]]:
    return connection.to_pyarrow(expression).to_pylist()


def _run_batch(connection, cubed: ir.Table, specs: Sequence[IndicatorSpec]) -> dict[str, list]:
    """Every spec's expression in one job (Spark has a large fixed cost per job).

    Each spec stays one expression; they are tagged with their code and unioned, with the
    numerators as exact decimals so rates and means share a column type.
    """
    if not specs:
        return {}
    tagged = [
        compile_cubed(cubed, spec).mutate(
            indicator=ibis.literal(spec.code, "string"),
            numerator=lambda t: t.numerator.cast(ibis.dtype(f"decimal(38, {MEAN_SCALE})")),
        )
        for spec in specs
    ]
    union = tagged[0] if len(tagged) == 1 else ibis.union(*tagged, distinct=False)
    grouped: dict[str, list] = {}
    for row in _fetch(connection, union):
        grouped.setdefault(row["indicator"], []).append(row)
    return grouped


# --- cells ------------------------------------------------------------------------------------


def _value(spec: IndicatorSpec, counts: Counts) -> float | None:
    if spec.kind == "count":
        return float(counts.numerator or 0)
    if not counts.denominator:
        return None
    ratio = float(counts.numerator or 0) / counts.denominator
    return ratio if spec.is_mean else 100 * ratio


def cells_from_rows(
    spec: IndicatorSpec, rows: Iterable[dict[str, Any]], *, threshold: int
) -> list[Cell]:
    """Turn the expression's rows into cells with disclosure control, per period."""
    tables: dict[str, dict[Key, Counts]] = {}
    for row in rows:
        key = (row["origin"], row["district"], row["sex"])
        numerator = _number(row["numerator"])
        if numerator is not None and not spec.is_mean:
            numerator = int(numerator)
        tables.setdefault(row["period"], {})[key] = Counts(
            numerator=numerator if numerator is not None else 0,
            denominator=_number(row["denominator"]),  # type: ignore[arg-type]
        )
    kind = "rate" if spec.kind == "gap" and not spec.is_mean else spec.kind
    if spec.kind == "gap" and spec.is_mean:
        kind = "mean"
    cells: list[Cell] = []
    for period in sorted(tables):
        table = tables[period]
        hidden = protect(table, kind=kind, threshold=threshold, origins=spec.computed_origins)
        if spec.kind == "gap":
            cells.extend(_gap_cells(spec, period, table, hidden))
            continue
        for key in sorted(table):
            counts = table[key]
            suppressed = key in hidden
            value = None if suppressed else _value(spec, counts)
            cells.append(
                Cell(
                    indicator=spec.code,
                    period=period,
                    origin=key[0],
                    district=key[1],
                    sex=key[2],
                    numerator=None if suppressed else counts.numerator,
                    denominator=None if suppressed or spec.kind == "count" else counts.denominator,
                    value=None if value is None else round(value, VALUE_DIGITS),
                    suppressed=suppressed,
                )
            )
    return cells


def _gap_cells(
    spec: IndicatorSpec, period: str, table: dict[Key, Counts], hidden: set[Key]
) -> list[Cell]:
    group, reference = spec.group or "", spec.reference or ""
    coordinates = sorted({(key[1], key[2]) for key in table})
    cells = []
    for district, sex in coordinates:
        sides = [(group, district, sex), (reference, district, sex)]
        suppressed = any(side not in table or side in hidden for side in sides)
        value = None
        if not suppressed:
            group_value = _value(spec, table[sides[0]])
            reference_value = _value(spec, table[sides[1]])
            if group_value is not None and reference_value is not None:
                value = round(reference_value - group_value, VALUE_DIGITS)
        cells.append(
            Cell(
                indicator=spec.code,
                period=period,
                origin=group,
                district=district,
                sex=sex,
                numerator=None,
                denominator=None,
                value=value,
                suppressed=suppressed,
            )
        )
    return cells


def compute(
    specs: Sequence[IndicatorSpec],
    panel_path: str | os.PathLike[str],
    *,
    backend: str = "duckdb",
    threshold: int = 5,
    progress: Callable[[int, int], None] | None = None,
) -> list[Cell]:
    """Every cell of every spec for every period in the panel, after disclosure control.

    Validates the panel (``PanelError``, as ``validate_panel``); raises ``SpecError``
    naming a spec whose filters select nobody. ``progress(done, total)`` is called after each
    spec. The cells are ordered by spec (as given), period, origin, district and sex. The
    panel is read once into the cube; on DuckDB each spec's expression then runs on its own
    (progress per spec), on Spark they run as one job.
    """
    if backend not in BACKENDS:
        raise ValueError(f"Unknown engine {backend!r}; use {' or '.join(BACKENDS)}.")
    if threshold < 1:
        raise ValueError("The suppression threshold must be at least 1.")
    codes = [spec.code for spec in specs]
    if len(set(codes)) != len(codes):
        raise SpecError("Two specs have the same code.")
    validate_schema(panel_path)
    connection = connect(backend)
    panel = connection.read_parquet(str(Path(panel_path).resolve()))
    try:
        return _compute(connection, panel, specs, backend, threshold, progress)
    finally:
        if backend == "duckdb":
            connection.disconnect()  # also drops the temporary cube table


def _compute(connection, panel, specs, backend, threshold, progress) -> list[Cell]:
    # The one pass over the panel, materialised (a temporary table or a persisted DataFrame).
    summed = cube(panel, {spec.measure for spec in specs})
    if backend == "duckdb":
        cubed = connection.create_table("panel_cube", summed, temp=True)
    else:
        cubed = summed.cache()
    # The values of the panel's categorical columns, checked on the small cube (one pass).
    names = ["period", *CATEGORICAL_VALUES]
    combinations = connection.to_pyarrow(cubed.select(*names).distinct())
    check_values({name: set(combinations[name].to_pylist()) for name in names})
    total = len(specs)
    if progress:
        progress(0, total)
    batched = _run_batch(connection, cubed, specs) if backend == "spark" else None
    cells: list[Cell] = []
    for done, spec in enumerate(specs, start=1):
        if batched is None:
            rows = _fetch(connection, compile_cubed(cubed, spec))
        else:
            rows = batched.get(spec.code, [])
        if not rows:
            raise SpecError(f"{spec.code}: the indicator's filters select nobody in the panel.")
        cells.extend(cells_from_rows(spec, rows, threshold=threshold))
        if progress:
            progress(done, total)
    if backend == "spark":
        cubed.release()  # unpersists the cube
    return cells


# --- CSV ------------------------------------------------------------------------------------


def _text(value: int | float | None) -> str:
    if value is None:
        return ""
    return repr(float(value)) if isinstance(value, float) else str(int(value))


def write_csv(cells: Iterable[Cell], path_or_file: str | os.PathLike[str] | IO[str]) -> int:
    """Write ``cells`` as tidy CSV with the header of ``CSV_HEADER``; returns the row count."""
    if isinstance(path_or_file, str | os.PathLike):
        with open(path_or_file, "w", newline="", encoding="utf-8") as handle:
            return write_csv(cells, handle)
    writer = csv.writer(path_or_file, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    count = 0
    for cell in cells:
        writer.writerow(
            [
                cell.indicator,
                cell.period,
                cell.origin,
                cell.district,
                cell.sex,
                "" if cell.suppressed else _text(cell.numerator),
                "" if cell.suppressed else _text(cell.denominator),
                "" if cell.suppressed else _text(cell.value),
                "true" if cell.suppressed else "false",
            ]
        )
        count += 1
    return count


def csv_text(cells: Iterable[Cell]) -> str:
    buffer = io.StringIO()
    write_csv(cells, buffer)
    return buffer.getvalue()
