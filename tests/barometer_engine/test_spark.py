"""The same Ibis expressions on Spark (local mode) give exactly DuckDB's cells."""

import pytest

from pejling.barometer.engine import compute, generate_panel
from pejling.barometer.engine.catalogue import DEMO_SPECS
from pejling.barometer.engine.run import spark_session

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark():
    session = spark_session()
    yield session
    session.stop()


@pytest.fixture(scope="module")
def tiny_panel(tmp_path_factory):
    path = tmp_path_factory.mktemp("spark") / "panel.parquet"
    generate_panel(path, persons=400, seed=11)
    return path


def test_spark_and_duckdb_give_identical_cells(spark, tiny_panel):
    steps = []
    on_spark = compute(
        DEMO_SPECS, tiny_panel, backend="spark", progress=lambda d, t: steps.append(d)
    )
    on_duckdb = compute(DEMO_SPECS, tiny_panel, backend="duckdb")
    assert on_spark == on_duckdb
    assert steps == list(range(len(DEMO_SPECS) + 1))
    assert any(cell.suppressed for cell in on_spark)
    assert {cell.indicator for cell in on_spark} == {spec.code for spec in DEMO_SPECS}
