"""Disclosure control: primary and secondary suppression of one period's table of cells.

A table is a mapping from a cell's coordinates ``(origin, district, sex)`` ("" = all) to its
counts. Primary suppression hides every cell about fewer persons than the threshold.
Secondary suppression then makes sure no hidden cell can be worked out by subtraction: a
*margin* is a set of published cells where one (the parent) is the sum of the others (its
children), e.g. the districts and their total, or the origin groups that partition a parent
group (``ikke_vestlig`` = its two origins; all = ``dansk`` + ``vestlig`` + ``ikke_vestlig``).
As long as some margin has exactly one suppressed cell, the smallest published cell of that
margin (ties broken by coordinates) is suppressed too. The result is deterministic and no
margin ends with exactly one suppressed cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from pejling.barometer.engine.spec import ORIGIN_GROUPS, ORIGINS

Key = tuple[str, str, str]  # (origin, district, sex)


@dataclass(frozen=True)
class Counts:
    """The persons a cell is about: ``denominator`` (population) and ``numerator`` (status).

    For a count only ``numerator`` is set; for a mean ``numerator`` is a sum, not persons.
    """

    numerator: float | None
    denominator: int | None


def members(origin: str) -> frozenset[str]:
    """The panel origins of an origin group ("" = all)."""
    return frozenset(ORIGINS) if origin == "" else frozenset(ORIGIN_GROUPS[origin])


def origin_partitions(origins: Iterable[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Every (parent, children) among ``origins`` where the children partition the parent.

    Children are two or more pairwise disjoint groups whose union is the parent. Sorted.
    """
    groups = sorted(set(origins))
    found: list[tuple[str, tuple[str, ...]]] = []
    for parent in groups:
        whole = members(parent)
        inside = [g for g in groups if g != parent and members(g) < whole]
        for size in range(2, len(inside) + 1):
            for family in combinations(inside, size):
                sets = [members(g) for g in family]
                if sum(len(s) for s in sets) == len(whole) and frozenset().union(*sets) == whole:
                    found.append((parent, family))
    return found


def primary(table: Mapping[Key, Counts], *, kind: str, threshold: int) -> set[Key]:
    """Cells about fewer than ``threshold`` persons.

    rate: fewer persons in the population, or between 1 and threshold-1 with the status;
    mean: fewer persons with a value; count: between 1 and threshold-1 persons.
    """
    hidden: set[Key] = set()
    for key, counts in table.items():
        small = False
        if kind in ("rate", "mean") and (counts.denominator or 0) < threshold:
            small = True
        if kind in ("rate", "count") and 0 < (counts.numerator or 0) < threshold:
            small = True
        if small:
            hidden.add(key)
    return hidden


def margins(keys: Iterable[Key], origins: Iterable[str] | None = None) -> list[tuple[Key, ...]]:
    """The margins among ``keys``: tuples whose first key is the sum of the others.

    Districts sum to their total (district ""), the sexes to theirs, and origin groups that
    partition a parent group (among ``origins``, default the origins present) to the parent,
    each with the other two coordinates fixed. Only margins of two or more present cells.
    """
    present = set(keys)
    found: list[tuple[Key, ...]] = []
    for position in (1, 2):  # district, sex
        children: dict[Key, list[Key]] = {}
        for key in present:
            if key[position] != "":
                parent = tuple("" if i == position else v for i, v in enumerate(key))
                children.setdefault(parent, []).append(key)  # type: ignore[arg-type]
        for parent, kids in children.items():
            if parent in present:
                found.append((parent, *sorted(kids)))
    groups = {key[0] for key in present} if origins is None else set(origins)
    partitions = origin_partitions(groups)
    coordinates = sorted({(key[1], key[2]) for key in present})
    for parent_origin, family in partitions:
        for district, sex in coordinates:
            parent = (parent_origin, district, sex)
            if parent not in present:
                continue
            kids = [(o, district, sex) for o in family if (o, district, sex) in present]
            if kids:
                found.append((parent, *kids))
    return sorted(set(found))


def secondary(
    hidden: set[Key], all_margins: list[tuple[Key, ...]], size: Mapping[Key, float]
) -> set[Key]:
    """Extend ``hidden`` until no margin has exactly one hidden cell.

    The complement chosen is the margin's published cell with the smallest ``size`` (then the
    smallest coordinates), so the choice is deterministic.
    """
    hidden = set(hidden)
    changed = True
    while changed:
        changed = False
        for margin in all_margins:
            inside = [key for key in margin if key in hidden]
            if len(inside) != 1:
                continue
            candidates = [key for key in margin if key not in hidden]
            if candidates:
                hidden.add(min(candidates, key=lambda key: (size.get(key, 0), key)))
                changed = True
    return hidden


def protect(
    table: Mapping[Key, Counts],
    *,
    kind: str,
    threshold: int,
    origins: Iterable[str] | None = None,
) -> set[Key]:
    """The keys to suppress in one period's ``table``: primary, then secondary suppression."""
    hidden = primary(table, kind=kind, threshold=threshold)
    if not hidden:
        return hidden
    size = {
        key: float(counts.numerator if kind == "count" else counts.denominator or 0)
        for key, counts in table.items()
    }
    return secondary(hidden, margins(table, origins), size)
