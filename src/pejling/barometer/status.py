"""Progress status per indicator and per goal, with Open SDG's method.

With a target, the compound annual growth rate since the baseline (CAGR) is compared with the
growth needed each year to reach the target by the target year; the ratio decides:
≥ 0.95 substantial, 0.6–0.95 moderate, 0–0.6 limited, below 0 deterioration. Without a target,
the growth per year decides: ≥ 1.5 % substantial, 0.5–1.5 % moderate, 0–0.5 % limited, below 0
deterioration. When lower is better, growth counts the other way. A value at or past the
target is "target achieved".

Growth rates mean nothing toward zero (a gap whose target is 0 needs a growth of −100 %) or
from zero or across it, so there the absolute change per year is compared with the absolute
change needed per year instead: the share of the required change achieved, with the same
thresholds. A change no larger than the tolerance band counts as no change.

Pure functions on plain numbers; nothing here reads the database.
"""

from dataclasses import dataclass
from enum import StrEnum

SUBSTANTIAL_RATIO, MODERATE_RATIO = 0.95, 0.6
SUBSTANTIAL_GROWTH, MODERATE_GROWTH = 0.015, 0.005


class Status(StrEnum):
    ACHIEVED = "achieved"
    SUBSTANTIAL = "substantial"
    MODERATE = "moderate"
    LIMITED = "limited"
    DETERIORATION = "deterioration"


# From best to worst: a goal takes the worst of its indicators.
RANK = [
    Status.ACHIEVED,
    Status.SUBSTANTIAL,
    Status.MODERATE,
    Status.LIMITED,
    Status.DETERIORATION,
]


class Method(StrEnum):
    CAGR = "cagr"  # growth against the growth needed
    LINEAR = "linear"  # share of the needed absolute change achieved per year
    GROWTH = "growth"  # growth per year, without a target
    ACHIEVED = "achieved"
    OVERRIDE = "override"


@dataclass(frozen=True)
class Assessment:
    status: Status
    method: Method
    ratio: float | None = None  # actual / required (CAGR or absolute), when there is a target
    growth: float | None = None  # growth per year, signed so that positive is progress
    within_tolerance: bool = False
    reason: str = ""


def _classify_ratio(ratio: float) -> Status:
    # Rounded so that a value on a threshold (9.5 % of 10 %) is not missed by a float's last bit.
    ratio = round(ratio, 9)
    if ratio >= SUBSTANTIAL_RATIO:
        return Status.SUBSTANTIAL
    if ratio >= MODERATE_RATIO:
        return Status.MODERATE
    if ratio >= 0:
        return Status.LIMITED
    return Status.DETERIORATION


def _classify_growth(growth: float) -> Status:
    growth = round(growth, 9)
    if growth >= SUBSTANTIAL_GROWTH:
        return Status.SUBSTANTIAL
    if growth >= MODERATE_GROWTH:
        return Status.MODERATE
    if growth >= 0:
        return Status.LIMITED
    return Status.DETERIORATION


def cagr(start: float, end: float, years: float) -> float:
    """Compound annual growth rate from ``start`` to ``end`` over ``years`` (both positive)."""
    return (end / start) ** (1 / years) - 1


def achieved(value: float, target: float, *, lower_is_better: bool) -> bool:
    return value <= target if lower_is_better else value >= target


def assess(
    *,
    baseline: float,
    baseline_year: float,
    current: float,
    current_year: float,
    target: float | None = None,
    target_year: float | None = None,
    lower_is_better: bool = False,
    tolerance: float = 0.0,
) -> Assessment | None:
    """The progress status of ``current`` since ``baseline``; None when it cannot be judged.

    Years are on a year scale (2024H2 is 2024.5). It cannot be judged before a year has passed
    since the baseline, or with a target year not after the baseline.
    """
    if target is not None and achieved(current, target, lower_is_better=lower_is_better):
        return Assessment(Status.ACHIEVED, Method.ACHIEVED)
    elapsed = current_year - baseline_year
    if elapsed <= 0:
        return None
    within = abs(current - baseline) <= tolerance
    if within:
        current = baseline
    sign = -1.0 if lower_is_better else 1.0

    if target is None or target_year is None:
        if baseline > 0 and current > 0:
            growth = sign * cagr(baseline, current, elapsed)
            return Assessment(
                _classify_growth(growth), Method.GROWTH, growth=growth, within_tolerance=within
            )
        # No growth rate from or to zero: only the direction of the change can be judged.
        change = sign * (current - baseline)
        status = Status.LIMITED if change >= 0 else Status.DETERIORATION
        return Assessment(status, Method.GROWTH, within_tolerance=within)

    horizon = target_year - baseline_year
    if horizon <= 0:
        return None
    if baseline > 0 and current > 0 and target > 0:
        actual = cagr(baseline, current, elapsed)
        required = cagr(baseline, target, horizon)
        method = Method.CAGR
    else:
        # Toward zero, from zero or across it: absolute change per year instead.
        actual = (current - baseline) / elapsed
        required = (target - baseline) / horizon
        method = Method.LINEAR
    if required == 0:
        # The baseline already sits on the target line; only a step back would matter.
        ratio = 0.0 if actual == 0 else (1.0 if sign * actual > 0 else -1.0)
    else:
        ratio = actual / required
    return Assessment(_classify_ratio(ratio), method, ratio=ratio, within_tolerance=within)


def override(status: str, reason: str) -> Assessment:
    """A status set by hand; the reason is required and shown with it."""
    if not reason.strip():
        raise ValueError("A manual status needs a reason.")
    return Assessment(Status(status), Method.OVERRIDE, reason=reason.strip())


def goal_status(statuses: list[Status | str | None]) -> Status | None:
    """A goal's status: the worst of its indicators' statuses (indicators without one skipped).

    "Target achieved" only when every judged indicator has achieved its target.
    """
    judged = [Status(s) for s in statuses if s]
    if not judged:
        return None
    return max(judged, key=RANK.index)
