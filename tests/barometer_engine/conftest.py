"""A small synthetic register panel shared by the engine's tests."""

from pathlib import Path

import pytest

from pejling.barometer.engine.panel import generate_panel


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "spark: runs the engine on a local Spark (one session per module)"
    )


@pytest.fixture(scope="session")
def small_panel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("panel") / "panel.parquet"
    generate_panel(path, persons=1_500, seed=7)
    return path
