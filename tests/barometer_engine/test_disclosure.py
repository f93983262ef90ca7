"""Primary and secondary suppression on small hand-made tables, and its properties."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pejling.barometer.engine.disclosure import (
    Counts,
    margins,
    origin_partitions,
    primary,
    protect,
)
from pejling.barometer.engine.spec import ORIGIN_GROUPS, ORIGINS


def rate_table(rows: dict[tuple[str, str, str], int]) -> dict[tuple[str, str, str], Counts]:
    """Cells of a rate with half the persons having the status (numerators stay >= 5)."""
    return {key: Counts(numerator=max(5, n // 2), denominator=n) for key, n in rows.items()}


def test_nothing_is_suppressed_when_every_cell_is_large():
    table = rate_table({("", "", ""): 100, ("", "Valby", ""): 60, ("", "Vanløse", ""): 40})
    assert protect(table, kind="rate", threshold=5) == set()


def test_a_small_district_and_the_smallest_other_district_are_suppressed():
    table = rate_table(
        {
            ("", "", ""): 100,
            ("", "Valby", ""): 50,
            ("", "Vanløse", ""): 47,
            ("", "Indre By", ""): 3,
        }
    )
    assert protect(table, kind="rate", threshold=5) == {
        ("", "Indre By", ""),
        ("", "Vanløse", ""),
    }


def test_a_margin_of_one_child_suppresses_the_total():
    table = rate_table({("dansk", "", ""): 4, ("dansk", "Valby", ""): 4})
    assert protect(table, kind="rate", threshold=5) == {
        ("dansk", "", ""),
        ("dansk", "Valby", ""),
    }


def test_origin_groups_partitioning_a_parent_are_a_margin():
    table = rate_table(
        {
            ("ikke_vestlig", "", ""): 60,
            ("indvandrer_ikke_vestlig", "", ""): 57,
            ("efterkommer_ikke_vestlig", "", ""): 3,
        }
    )
    # The parent is larger than the other child, so the other child is the complement.
    assert protect(table, kind="rate", threshold=5) == {
        ("efterkommer_ikke_vestlig", "", ""),
        ("indvandrer_ikke_vestlig", "", ""),
    }


def test_suppression_spreads_from_the_district_margin_to_the_origin_margin():
    rows = {
        ("", "", ""): 300,
        ("", "Valby", ""): 150,
        ("", "Vanløse", ""): 150,
        ("dansk", "", ""): 200,
        ("dansk", "Valby", ""): 100,
        ("dansk", "Vanløse", ""): 100,
    }
    # The other four origins, each with a tiny count in Valby only for one of them.
    for origin, (valby, vanlose) in zip(
        ORIGINS[1:], [(48, 20), (1, 28), (1, 1), (0, 1)], strict=True
    ):
        rows[(origin, "", "")] = valby + vanlose
        if valby:
            rows[(origin, "Valby", "")] = valby
        rows[(origin, "Vanløse", "")] = vanlose
    table = {key: Counts(numerator=n, denominator=n) for key, n in rows.items()}
    hidden = protect(table, kind="count", threshold=5)
    for margin in margins(table):
        assert sum(key in hidden for key in margin) != 1
    assert ("indvandrer_ikke_vestlig", "Valby", "") in hidden
    assert ("efterkommer_vestlig", "Valby", "") in hidden


def test_primary_rules_per_kind():
    table = {
        ("a", "", ""): Counts(numerator=0, denominator=50),
        ("b", "", ""): Counts(numerator=3, denominator=50),
        ("c", "", ""): Counts(numerator=40.5, denominator=4),
    }
    assert primary(table, kind="rate", threshold=5) == {("b", "", ""), ("c", "", "")}
    assert primary(table, kind="count", threshold=5) == {("b", "", "")}
    assert primary(table, kind="mean", threshold=5) == {("c", "", "")}


def test_origin_partitions_find_the_classification():
    partitions = origin_partitions(["", "dansk", "vestlig", "ikke_vestlig"])
    assert partitions == [("", ("dansk", "ikke_vestlig", "vestlig"))]
    assert ("ikke_vestlig", ("efterkommer_ikke_vestlig", "indvandrer_ikke_vestlig")) in (
        origin_partitions(["ikke_vestlig", *ORIGINS])
    )
    # Dansk and ikke_vestlig alone do not add up to anything published.
    assert origin_partitions(["ikke_vestlig", "dansk"]) == []


DISTRICT_NAMES = ("Valby", "Vanløse", "Nørrebro")


@st.composite
def tables(draw):
    """An additive table: persons per origin, district and sex, rolled up to published cells
    (origin groups, each in total, by district and by sex, as a spec publishes them)."""
    groups = draw(
        st.lists(st.sampled_from(["", *ORIGIN_GROUPS]), min_size=1, max_size=7, unique=True)
    )
    by_district = draw(st.booleans())
    by_sex = draw(st.booleans())
    leaves = {
        (origin, district, sex): draw(st.integers(0, 8))
        for origin in ORIGINS
        for district in DISTRICT_NAMES
        for sex in ("K", "M")
    }
    levels = [("", "")]
    levels += [(d, "") for d in DISTRICT_NAMES] if by_district else []
    levels += [("", s) for s in ("K", "M")] if by_sex else []
    table = {}
    for group in groups:
        members = ORIGINS if group == "" else ORIGIN_GROUPS[group]
        for district, sex in levels:
            persons = sum(
                n
                for (origin, place, kind), n in leaves.items()
                if origin in members and district in ("", place) and sex in ("", kind)
            )
            if persons:
                table[(group, district, sex)] = Counts(numerator=persons // 3, denominator=persons)
    return table


@settings(max_examples=150, deadline=None)
@given(tables(), st.integers(1, 10))
def test_no_margin_has_exactly_one_suppressed_cell(table, threshold):
    hidden = protect(table, kind="rate", threshold=threshold)
    assert primary(table, kind="rate", threshold=threshold) <= hidden
    assert hidden <= set(table)
    for margin in margins(table):
        assert sum(key in hidden for key in margin) != 1


@settings(max_examples=60, deadline=None)
@given(tables(), st.integers(1, 10), st.randoms())
def test_suppression_is_deterministic(table, threshold, random):
    items = list(table.items())
    random.shuffle(items)
    assert protect(dict(items), kind="rate", threshold=threshold) == protect(
        table, kind="rate", threshold=threshold
    )


@settings(max_examples=60, deadline=None)
@given(tables())
def test_a_threshold_of_one_suppresses_nothing(table):
    assert protect(table, kind="rate", threshold=1) == set()
