"""Indicator charts as Vega-Lite specs, rendered to SVG on the server (no chart script in
the browser). The same numbers are always shown as a table beside the chart."""

from decimal import Decimal
from typing import Any

import vl_convert

from pejling.lib import danish

WIDTH, HEIGHT = 640, 300
FONT = "Arial, Helvetica, sans-serif"
# Colours with at least 3:1 contrast against white, told apart also by the point shapes.
PALETTE = ["#004993", "#b65d00", "#2b7a3d", "#8d3e8d", "#5c5c5c", "#a5272d", "#00708a"]
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "wedge"]


def line_chart(
    *,
    periods: list[str],
    series: list[tuple[str, dict[str, float | None]]],
    unit_label: str,
    target: float | None = None,
    target_label: str = "",
) -> dict[str, Any]:
    """One line per series over the half-years; a missing or suppressed value breaks its line.

    ``series`` is ``[(label, {period: value or None})]``.
    """
    values = [
        {"period": period, "series": label, "value": points.get(period)}
        for label, points in series
        for period in periods
    ]
    labels = [label for label, _points in series]
    layers: list[dict[str, Any]] = [
        {
            # The nulls stay in the data and break the line where a value is missing.
            "mark": {
                "type": "line",
                "point": {"filled": True, "size": 45},
                "invalid": "break-paths-filter-domains",
            },
            "encoding": {
                "x": {
                    "field": "period",
                    "type": "ordinal",
                    "sort": periods,
                    "title": None,
                    "axis": {"labelAngle": -45},
                },
                "y": {
                    "field": "value",
                    "type": "quantitative",
                    "title": unit_label,
                    "scale": {"zero": False},
                },
                "color": {
                    "field": "series",
                    "type": "nominal",
                    "sort": labels,
                    "title": None,
                    "scale": {"domain": labels, "range": PALETTE[: max(1, len(labels))]},
                    "legend": {"orient": "bottom", "columns": 3},
                },
                "shape": {
                    "field": "series",
                    "type": "nominal",
                    "sort": labels,
                    "scale": {"domain": labels, "range": SHAPES[: max(1, len(labels))]},
                    "legend": None,
                },
            },
        }
    ]
    if target is not None:
        layers.append(
            {
                "data": {"values": [{"target": target, "label": target_label}]},
                "layer": [
                    {
                        "mark": {"type": "rule", "strokeDash": [6, 4], "color": "#1a1a1a"},
                        "encoding": {"y": {"field": "target", "type": "quantitative"}},
                    },
                    {
                        "mark": {
                            "type": "text",
                            "align": "right",
                            "dy": -6,
                            "x": "width",
                            "color": "#1a1a1a",
                        },
                        "encoding": {
                            "y": {"field": "target", "type": "quantitative"},
                            "text": {"field": "label"},
                        },
                    },
                ],
            }
        )
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": WIDTH,
        "height": HEIGHT,
        "data": {"values": values},
        "layer": layers,
        "config": {
            "font": FONT,
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "labelColor": "#1a1a1a"},
            "legend": {"labelFontSize": 12, "labelLimit": 260},
            "view": {"stroke": None},
        },
    }


def render_svg(spec: dict[str, Any]) -> str:
    return vl_convert.vegalite_to_svg(spec)


def target_label(value: float, prefix: str) -> str:
    return f"{prefix} {danish.number(Decimal(str(round(value, 1))))}"
