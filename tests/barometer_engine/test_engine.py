"""The engine on DuckDB: correct numbers, disclosure control, CSV and bad input."""

import csv
import io
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pejling.barometer.engine import PanelError, compute, generate_panel, validate_panel, write_csv
from pejling.barometer.engine.catalogue import DEMO_SPECS
from pejling.barometer.engine.panel import ARROW_SCHEMA, is_synthetic
from pejling.barometer.engine.run import SpecError
from pejling.barometer.engine.spec import ORIGIN_GROUPS, IndicatorSpec

HEADER = "indicator,period,origin,district,sex,numerator,denominator,value,suppressed"


def reference(panel: Path, sql: str, *params) -> dict:
    """Counts straight from the panel with a plain DuckDB query (bound parameters)."""
    rows = duckdb.execute(sql.replace("PANEL", "read_parquet(?)"), [str(panel), *params])
    return {tuple(row[:-2]): (row[-2], row[-1]) for row in rows.fetchall()}


def test_generated_panel_has_the_schema_and_says_it_is_synthetic(small_panel):
    validate_panel(small_panel)
    schema = pq.read_schema(small_panel)
    assert schema.remove_metadata() == ARROW_SCHEMA.remove_metadata()
    assert is_synthetic(small_panel)
    assert b"SYNTHETIC" in schema.metadata[b"pejling.description"]


def test_generator_is_deterministic(tmp_path):
    generate_panel(tmp_path / "a.parquet", persons=200, seed=3)
    generate_panel(tmp_path / "b.parquet", persons=200, seed=3)
    generate_panel(tmp_path / "c.parquet", persons=200, seed=4)
    a = pq.read_table(tmp_path / "a.parquet")
    assert a.equals(pq.read_table(tmp_path / "b.parquet"))
    assert not a.equals(pq.read_table(tmp_path / "c.parquet"))
    assert set(a.column("period").to_pylist()) >= {"2013H1", "2024H2"}


def test_rates_match_a_direct_count(small_panel):
    spec = IndicatorSpec(
        code="besk",
        kind="rate",
        measure="employed",
        age_min=25,
        age_max=64,
        origins=("ikke_vestlig", "dansk"),
        by=("district",),
    )
    cells = compute([spec], small_panel, threshold=1)
    assert not any(cell.suppressed for cell in cells)
    got = {
        (c.period, c.origin, c.district): (c.numerator, c.denominator)
        for c in cells
        if c.origin == "ikke_vestlig" and c.district
    }
    expected = reference(
        small_panel,
        "SELECT period, 'ikke_vestlig', district, sum(employed::int), count(*) FROM PANEL "
        "WHERE origin IN (?, ?) AND left(period, 4)::int - birth_year BETWEEN 25 AND 64 "
        "GROUP BY ALL",
        *ORIGIN_GROUPS["ikke_vestlig"],
    )
    assert got == expected
    cell = next(c for c in cells if c.origin == "dansk" and not c.district)
    assert cell.value == round(100 * cell.numerator / cell.denominator, 4)


def test_means_and_gaps(small_panel):
    mean = next(s for s in DEMO_SPECS if s.code == "karakter_9")
    gap = next(s for s in DEMO_SPECS if s.code == "karakter_gab_9")
    sides = IndicatorSpec(
        code="sides", kind="mean", measure="grade_9th", origins=("ikke_vestlig", "dansk")
    )
    cells = compute([mean, gap, sides], small_panel, threshold=1)
    expected = reference(
        small_panel,
        "SELECT period, sum(grade_9th), count(grade_9th) FROM PANEL "
        "WHERE grade_9th IS NOT NULL GROUP BY ALL",
    )
    totals = {
        (c.period,): (c.numerator, c.denominator)
        for c in cells
        if c.indicator == "karakter_9" and c.origin == ""
    }
    assert totals.keys() == expected.keys()
    for key, (total, persons) in expected.items():
        assert totals[key][1] == persons
        assert totals[key][0] == pytest.approx(total)
    by_origin = {(c.period, c.origin): c.value for c in cells if c.indicator == "sides" and c.value}
    for c in cells:
        if c.indicator == "karakter_gab_9" and not c.suppressed:
            assert c.origin == "ikke_vestlig"
            assert c.numerator is None
            assert c.value == pytest.approx(
                by_origin[(c.period, "dansk")] - by_origin[(c.period, "ikke_vestlig")], abs=1e-3
            )


def test_demo_indicators_publish_every_disaggregation(small_panel):
    cells = compute(DEMO_SPECS, small_panel)
    periods = {c.period for c in cells}
    assert len(periods) == 24
    besk = [c for c in cells if c.indicator == "besk_25_64" and c.period == "2020H1"]
    assert {c.origin for c in besk} == {"ikke_vestlig", "dansk"}
    assert len({c.district for c in besk if c.origin == "dansk"}) == 11  # ten and the total
    bolig = [c for c in cells if c.indicator == "udsat_bolig" and c.period == "2020H1"]
    assert {c.origin for c in bolig} == {"", *ORIGIN_GROUPS.keys()} - {
        "ikke_vestlig",
        "vestlig",
        "indvandrere",
        "efterkommere",
        "indvandrere_efterkommere",
    }
    for cell in cells:
        if cell.suppressed:
            assert cell.value is None and cell.numerator is None and cell.denominator is None
    # Small groups exist in a small panel, so something is suppressed, but not everything.
    assert 0 < sum(c.suppressed for c in cells) < len(cells)


def test_results_are_deterministic_and_ordered(small_panel):
    first = compute(DEMO_SPECS[:3], small_panel)
    assert first == compute(DEMO_SPECS[:3], small_panel)
    for code in ("besk_25_64", "besk_gab_25_64", "ungdomsudd_20_24"):
        keys = [c.key for c in first if c.indicator == code]
        assert keys == sorted(keys)


def test_progress_is_reported(small_panel):
    calls = []
    compute(DEMO_SPECS[:2], small_panel, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 2), (1, 2), (2, 2)]


def test_csv_has_the_documented_header_and_blank_suppressed_values(small_panel):
    cells = compute(DEMO_SPECS, small_panel)
    buffer = io.StringIO()
    assert write_csv(cells, buffer) == len(cells)
    lines = buffer.getvalue().splitlines()
    assert lines[0] == HEADER
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    suppressed = [r for r in rows if r["suppressed"] == "true"]
    assert suppressed
    assert all(r["numerator"] == "" and r["value"] == "" for r in suppressed)
    assert {r["suppressed"] for r in rows} == {"true", "false"}
    total = next(r for r in rows if r["indicator"] == "besk_25_64" and r["district"] == "")
    assert int(total["numerator"]) <= int(total["denominator"])
    assert 0 <= float(total["value"]) <= 100


def test_a_spec_that_selects_nobody_is_refused(small_panel):
    spec = IndicatorSpec(code="oldies", kind="rate", measure="employed", age_min=125)
    with pytest.raises(SpecError, match="oldies: the indicator's filters select nobody"):
        compute([spec], small_panel)


def rewrite(source: Path, target: Path, change) -> Path:
    table = change(pq.read_table(source))
    pq.write_table(table, target)
    return target


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.drop_columns(["employed"]), "lacks the column employed"),
        (
            lambda t: t.set_column(
                t.schema.get_field_index("birth_year"),
                "birth_year",
                t.column("birth_year").cast(pa.string()),
            ),
            "column birth_year has type string; it must be int16",
        ),
        (
            lambda t: t.set_column(
                t.schema.get_field_index("period"),
                "period",
                pa.array(["2023H3"] * t.num_rows),
            ),
            "'2023H3' is not a half-year",
        ),
        (
            lambda t: t.set_column(
                t.schema.get_field_index("origin"), "origin", pa.array(["nordisk"] * t.num_rows)
            ),
            "column origin has unknown value",
        ),
        (lambda t: t.slice(0, 0), "has no rows"),
    ],
)
def test_bad_panels_are_refused_naming_the_column(small_panel, tmp_path, change, message):
    bad = rewrite(small_panel, tmp_path / "bad.parquet", lambda t: change(t.slice(0, 500)))
    with pytest.raises(PanelError, match=message):
        validate_panel(bad)
    with pytest.raises(PanelError, match=message):
        compute(DEMO_SPECS[:1], bad)


def test_a_file_that_is_not_parquet_is_refused(tmp_path):
    path = tmp_path / "panel.parquet"
    path.write_text("person_id,period\n1,2023H1\n")
    with pytest.raises(PanelError, match="is not a Parquet file"):
        validate_panel(path)
    with pytest.raises(PanelError, match="does not exist"):
        validate_panel(tmp_path / "missing.parquet")


def test_unknown_engine_is_refused(small_panel):
    with pytest.raises(ValueError, match="Unknown engine 'oracle'"):
        compute(DEMO_SPECS[:1], small_panel, backend="oracle")
