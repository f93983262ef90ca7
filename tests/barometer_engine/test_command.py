"""``pejling barometer generate-panel`` and ``pejling barometer run``."""

import csv
from io import StringIO

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from django.core.management import CommandError, call_command

HEADER = ["indicator", "period", "origin", "district", "sex"]


def test_generate_panel_writes_a_synthetic_panel(tmp_path):
    out = StringIO()
    path = tmp_path / "panel.parquet"
    call_command("barometer", "generate-panel", "--out", str(path), "--persons", "50", stdout=out)
    assert "SYNTHETIC" in out.getvalue()
    assert pq.read_metadata(path).num_rows > 0


@pytest.mark.django_db
def test_run_writes_every_cell_as_csv(small_panel, tmp_path):
    out = StringIO()
    target = tmp_path / "cells.csv"
    call_command(
        "barometer",
        "run",
        "--panel",
        str(small_panel),
        "--csv",
        str(target),
        "--no-store",
        stdout=out,
    )
    assert "Computed" in out.getvalue()
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert list(rows[0])[:5] == HEADER
    assert {row["indicator"] for row in rows} >= {"besk_25_64", "udsat_bolig"}


@pytest.mark.django_db
def test_run_refuses_a_panel_missing_a_column(small_panel, tmp_path):
    bad = tmp_path / "bad.parquet"
    pq.write_table(pq.read_table(small_panel).slice(0, 100).drop_columns(["grade_9th"]), bad)
    with pytest.raises(CommandError, match="lacks the column grade_9th"):
        call_command("barometer", "run", "--panel", str(bad), stdout=StringIO())


@pytest.mark.django_db
def test_run_refuses_a_bad_period(small_panel, tmp_path):
    bad = tmp_path / "bad.parquet"
    table = pq.read_table(small_panel).slice(0, 100)
    index = table.schema.get_field_index("period")
    pq.write_table(table.set_column(index, "period", pa.array(["2023H3"] * 100)), bad)
    with pytest.raises(CommandError, match="'2023H3' is not a half-year"):
        call_command("barometer", "run", "--panel", str(bad), stdout=StringIO())


@pytest.mark.django_db
def test_run_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("barometer", "run", "--panel", str(tmp_path / "none.parquet"))


@pytest.mark.django_db
def test_run_without_defined_indicators_stores_nothing_and_says_why(small_panel):
    from pejling.barometer.models import Edition

    with pytest.raises(CommandError):
        call_command("barometer", "run", "--panel", str(small_panel), stdout=StringIO())
    assert not Edition.objects.exists()


@pytest.mark.django_db
def test_run_stores_a_draft_edition_of_the_defined_indicators(small_panel):
    from pejling.barometer import services
    from pejling.barometer.engine import compute
    from pejling.barometer.models import Edition, Indicator, Source
    from pejling.demo.barometer import INDICATORS

    fields, _themes, _target = INDICATORS["besk_25_64"]
    indicator = services.save_indicator(
        actor=None,
        indicator=Indicator(code="besk_25_64"),
        changes={"source": Source.REGISTER, **fields},
    )
    out = StringIO()
    call_command("barometer", "run", "--panel", str(small_panel), stdout=out)
    assert "Computing 1 indicators from the defined register indicators" in out.getvalue()
    assert "Stored a draft edition for 2024H2" in out.getvalue()
    edition = Edition.objects.get()
    assert edition.is_synthetic
    cells = compute([indicator.to_spec()], small_panel)
    assert edition.measurements.count() == len(cells)
