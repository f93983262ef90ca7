"""Progress status by Open SDG's method, with numbers worked out by hand."""

import pytest

from pejling.barometer.status import Method, Status, assess, cagr, goal_status, override


def test_cagr_of_a_doubling_over_one_year_is_one():
    assert cagr(50, 100, 1) == pytest.approx(1.0)


def test_cagr_over_two_years():
    # 100 → 121 in two years is 10 % a year.
    assert cagr(100, 121, 2) == pytest.approx(0.10)


@pytest.mark.parametrize(
    ("current", "expected", "ratio"),
    [
        # Needed: 100 → 121 in 2 years = 10 %/yr. After one year:
        (110.0, Status.SUBSTANTIAL, 1.0),  # 10 % of 10 %
        (109.5, Status.SUBSTANTIAL, 0.95),  # 9.5 % of 10 %: exactly the threshold
        (107.0, Status.MODERATE, 0.70),  # 7 % of 10 %
        (106.0, Status.MODERATE, 0.60),  # the lower threshold of moderate
        (103.0, Status.LIMITED, 0.30),
        (100.0, Status.LIMITED, 0.0),  # no change is limited, not deterioration
        (98.0, Status.DETERIORATION, -0.20),
    ],
)
def test_with_target_the_ratio_of_actual_to_required_growth_decides(current, expected, ratio):
    result = assess(
        baseline=100,
        baseline_year=2020,
        current=current,
        current_year=2021,
        target=121,
        target_year=2022,
    )
    assert result.status == expected
    assert result.method == Method.CAGR
    assert result.ratio == pytest.approx(ratio, abs=1e-9)


def test_target_reached_is_achieved():
    result = assess(
        baseline=100,
        baseline_year=2020,
        current=125,
        current_year=2021,
        target=121,
        target_year=2022,
    )
    assert result.status == Status.ACHIEVED


def test_lower_is_better_reached_from_above_is_achieved():
    result = assess(
        baseline=10,
        baseline_year=2020,
        current=4.9,
        current_year=2021,
        target=5,
        target_year=2025,
        lower_is_better=True,
    )
    assert result.status == Status.ACHIEVED


def test_lower_is_better_with_a_target():
    # Needed: 10 → 8.1 in 2 years = −10 %/yr; actual 10 → 9.3 in one year = −7 %: ratio 0.7.
    result = assess(
        baseline=10,
        baseline_year=2020,
        current=9.3,
        current_year=2021,
        target=8.1,
        target_year=2022,
        lower_is_better=True,
    )
    assert result.status == Status.MODERATE
    assert result.ratio == pytest.approx(0.7)


def test_lower_is_better_rising_is_deterioration():
    result = assess(
        baseline=10,
        baseline_year=2020,
        current=10.5,
        current_year=2021,
        target=8.1,
        target_year=2022,
        lower_is_better=True,
    )
    assert result.status == Status.DETERIORATION


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        (101.5, Status.SUBSTANTIAL),  # 1.5 % a year
        (101.0, Status.MODERATE),
        (100.5, Status.MODERATE),  # 0.5 %: lower threshold of moderate
        (100.2, Status.LIMITED),
        (100.0, Status.LIMITED),
        (99.0, Status.DETERIORATION),
    ],
)
def test_without_target_the_growth_per_year_decides(current, expected):
    result = assess(baseline=100, baseline_year=2020, current=current, current_year=2021)
    assert result.status == expected
    assert result.method == Method.GROWTH


def test_without_target_lower_is_better_counts_a_fall_as_progress():
    result = assess(
        baseline=100, baseline_year=2020, current=98, current_year=2021, lower_is_better=True
    )
    assert result.status == Status.SUBSTANTIAL
    assert result.growth == pytest.approx(0.02)


def test_half_years_count_as_half_a_year():
    # 2020H1 → 2021H2 is 1.5 years; 100 → 103 needs ≈ 1.99 %/yr: substantial.
    result = assess(baseline=100, baseline_year=2020.0, current=103, current_year=2021.5)
    assert result.growth == pytest.approx(1.03 ** (1 / 1.5) - 1)
    assert result.status == Status.SUBSTANTIAL


def test_change_within_tolerance_counts_as_no_change():
    result = assess(
        baseline=100,
        baseline_year=2020,
        current=104,
        current_year=2021,
        target=121,
        target_year=2022,
        tolerance=5,
    )
    assert result.within_tolerance
    assert result.status == Status.LIMITED
    assert result.ratio == 0


def test_change_beyond_tolerance_counts():
    result = assess(
        baseline=100,
        baseline_year=2020,
        current=106,
        current_year=2021,
        target=121,
        target_year=2022,
        tolerance=5,
    )
    assert not result.within_tolerance
    assert result.status == Status.MODERATE


def test_gap_toward_target_zero_uses_the_share_of_the_required_change():
    # Gap 20 pp in 2020, target 0 in 2030: −2 pp a year needed. −1.5 pp a year achieved is 0.75.
    result = assess(
        baseline=20,
        baseline_year=2020,
        current=17,
        current_year=2022,
        target=0,
        target_year=2030,
        lower_is_better=True,
    )
    assert result.method == Method.LINEAR
    assert result.ratio == pytest.approx(0.75)
    assert result.status == Status.MODERATE


def test_gap_toward_zero_at_the_pace_needed_is_substantial():
    result = assess(
        baseline=20,
        baseline_year=2020,
        current=16,
        current_year=2022,
        target=0,
        target_year=2030,
        lower_is_better=True,
    )
    assert result.ratio == pytest.approx(1.0)
    assert result.status == Status.SUBSTANTIAL


def test_gap_toward_zero_that_widens_is_deterioration():
    result = assess(
        baseline=20,
        baseline_year=2020,
        current=21,
        current_year=2022,
        target=0,
        target_year=2030,
        lower_is_better=True,
    )
    assert result.ratio == pytest.approx(-0.25)
    assert result.status == Status.DETERIORATION


def test_gap_closed_is_achieved():
    result = assess(
        baseline=20,
        baseline_year=2020,
        current=-0.5,
        current_year=2022,
        target=0,
        target_year=2030,
        lower_is_better=True,
    )
    assert result.status == Status.ACHIEVED


def test_cannot_judge_without_time_passing():
    assert assess(baseline=10, baseline_year=2020, current=11, current_year=2020) is None


def test_override_needs_a_reason():
    with pytest.raises(ValueError):
        override("moderate", "  ")
    result = override("moderate", "Databrud i 2022")
    assert (result.status, result.method, result.reason) == (
        Status.MODERATE,
        Method.OVERRIDE,
        "Databrud i 2022",
    )


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["achieved", "achieved"], Status.ACHIEVED),
        (["achieved", "substantial"], Status.SUBSTANTIAL),
        (["substantial", "deterioration", "moderate"], Status.DETERIORATION),
        (["limited", None, "moderate"], Status.LIMITED),
        ([None, ""], None),
        ([], None),
    ],
)
def test_goal_takes_the_weakest_status_of_its_indicators(statuses, expected):
    assert goal_status(statuses) == expected
