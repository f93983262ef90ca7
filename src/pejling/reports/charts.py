"""A report's charts as images: the stored Vega-Lite spec rendered as PNG for Word and as SVG
for the PDF and the web page, with the same renderer as the barometer pages.

A chart that cannot be rendered is left out with a warning in the log; the table with the same
numbers is always there, so the report still says everything.
"""

import base64
import json
import logging
from functools import lru_cache
from typing import Any

import vl_convert

from pejling.barometer.charts import render_svg

logger = logging.getLogger(__name__)

# Pixels per CSS pixel in the PNG: sharp on paper at the width of a page.
PNG_SCALE = 2


def _key(spec: dict[str, Any]) -> str:
    return json.dumps(spec, sort_keys=True, ensure_ascii=False)


@lru_cache(maxsize=128)
def _svg(spec_json: str) -> str:
    return render_svg(json.loads(spec_json))


@lru_cache(maxsize=32)
def _png(spec_json: str) -> bytes:
    return vl_convert.vegalite_to_png(json.loads(spec_json), scale=PNG_SCALE)


def png(chart: dict[str, Any]) -> bytes | None:
    """The chart as PNG bytes, or None when it cannot be rendered."""
    try:
        return _png(_key(chart["spec"]))
    except Exception:  # any failure of the renderer: the table is still there
        logger.warning("Report chart %s could not be rendered", chart.get("key"), exc_info=True)
        return None


def svg(chart: dict[str, Any]) -> str | None:
    """The chart as SVG markup, or None when it cannot be rendered."""
    try:
        return _svg(_key(chart["spec"]))
    except Exception:  # any failure of the renderer: the table is still there
        logger.warning("Report chart %s could not be rendered", chart.get("key"), exc_info=True)
        return None


def svg_data_uri(chart: dict[str, Any]) -> str:
    """The chart as a ``data:`` address for an ``<img>``; empty when it cannot be rendered."""
    markup = svg(chart)
    if markup is None:
        return ""
    return "data:image/svg+xml;base64," + base64.b64encode(markup.encode()).decode("ascii")
