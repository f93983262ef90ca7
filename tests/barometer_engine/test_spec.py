"""Indicator specs refuse definitions the engine cannot compute, with a clear message."""

import pytest

from pejling.barometer.engine.catalogue import DEMO_SPECS, MANUAL_CODES
from pejling.barometer.engine.spec import (
    DISTRICTS,
    ORIGIN_GROUPS,
    ORIGINS,
    PANEL_SCHEMA,
    IndicatorSpec,
    parse_period,
    periods_between,
)


def test_vocabulary_matches_the_documented_panel():
    assert len(DISTRICTS) == 10
    assert ORIGIN_GROUPS["ikke_vestlig"] == ("indvandrer_ikke_vestlig", "efterkommer_ikke_vestlig")
    assert all(ORIGIN_GROUPS[origin] == (origin,) for origin in ORIGINS)
    assert list(PANEL_SCHEMA)[:3] == ["person_id", "period", "birth_year"]
    assert PANEL_SCHEMA["grade_9th"] == "double"


def test_demo_catalogue_has_the_six_computed_indicators():
    assert [spec.code for spec in DEMO_SPECS] == [
        "besk_25_64",
        "besk_gab_25_64",
        "ungdomsudd_20_24",
        "karakter_9",
        "karakter_gab_9",
        "udsat_bolig",
    ]
    assert MANUAL_CODES == ("ansatte_ikke_dansk",)


def test_published_origins():
    rate = IndicatorSpec(code="r", kind="rate", measure="employed", origins=["dansk"])
    assert rate.origins == ("dansk",)
    assert rate.published_origins == ("dansk",)
    both = IndicatorSpec(
        code="r", kind="rate", measure="employed", origins=("dansk",), include_all_origins=True
    )
    assert both.published_origins == ("", "dansk")
    assert IndicatorSpec(code="r", kind="rate", measure="employed").published_origins == ("",)
    gap = IndicatorSpec(
        code="g", kind="gap", measure="employed", group="ikke_vestlig", reference="dansk"
    )
    assert gap.published_origins == ("ikke_vestlig",)
    assert gap.computed_origins == ("ikke_vestlig", "dansk")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"measure": "salary"}, "measure 'salary' is not a panel column"),
        ({"origins": ("nordisk",)}, "unknown origin group 'nordisk'"),
        ({"districts": ("Frederiksberg",)}, "unknown district 'Frederiksberg'"),
        ({"kind": "median"}, "kind 'median' is not one of"),
        ({"kind": "mean"}, "a mean needs a numeric measure"),
        ({"measure": "grade_9th"}, "a rate needs a boolean status column"),
        ({"age_min": 65, "age_max": 25}, "population is empty"),
        ({"sex": "X"}, "sex 'X' is not K or M"),
        ({"by": ("origin",)}, "cannot disaggregate by 'origin'"),
        ({"kind": "gap"}, "a gap needs both group and reference"),
        ({"group": "dansk", "reference": "ikke_vestlig"}, "belong to a gap only"),
        ({"code": "Bad Code"}, "lowercase letters"),
        ({"districts": "Valby"}, "must be a tuple of names"),
        ({"sex": "K", "by": ("sex",)}, "when filtering on sex"),
    ],
)
def test_invalid_specs_are_refused_with_a_clear_message(values, message):
    arguments = {"code": "x", "kind": "rate", "measure": "employed", **values}
    with pytest.raises(ValueError, match=message):
        IndicatorSpec(**arguments)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"group": "ikke_vestlig", "reference": "ikke_vestlig"}, "are the same"),
        ({"group": "ikke_vestlig", "reference": "indvandrere"}, "overlap"),
        ({"group": "ikke_vestlig", "reference": "nordisk"}, "reference 'nordisk'"),
        (
            {"group": "ikke_vestlig", "reference": "dansk", "origins": ("dansk",)},
            "leave origins empty",
        ),
    ],
)
def test_invalid_gaps_are_refused(values, message):
    with pytest.raises(ValueError, match=message):
        IndicatorSpec(code="g", kind="gap", measure="employed", **values)


def test_a_gap_of_means_is_allowed():
    spec = IndicatorSpec(
        code="g", kind="gap", measure="grade_9th", group="ikke_vestlig", reference="dansk"
    )
    assert spec.is_mean


def test_periods():
    assert parse_period("2023H2") == (2023, 2)
    for bad in ("2023H3", "2023", "23H1", ""):
        with pytest.raises(ValueError, match="is not a half-year"):
            parse_period(bad)
    periods = periods_between()
    assert periods[0] == "2013H1"
    assert periods[-1] == "2024H2"
    assert len(periods) == 24
