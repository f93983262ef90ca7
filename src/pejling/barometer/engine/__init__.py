"""The barometer's computing engine: indicator specs compiled to Ibis, run on DuckDB or Spark.

Public entry points (stable signatures): ``compute``, ``validate_panel``, ``write_csv``,
``generate_panel``, ``PanelError``, ``SpecError`` (both ValueError); the vocabulary is in
``spec`` and the demo's specs in ``catalogue``.
"""

from pejling.barometer.engine.panel import PanelError, generate_panel, validate_panel
from pejling.barometer.engine.run import SpecError, compute, write_csv
from pejling.barometer.engine.spec import Cell, IndicatorSpec

__all__ = [
    "Cell",
    "IndicatorSpec",
    "PanelError",
    "SpecError",
    "compute",
    "generate_panel",
    "validate_panel",
    "write_csv",
]
