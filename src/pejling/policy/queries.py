"""Figures the policy's pages, its API and the reports compute alike."""

from collections import defaultdict
from decimal import Decimal
from typing import Any

from pejling.policy.models import Appropriation, BudgetLine


def line_spent(line: BudgetLine) -> Decimal:
    """What is spent on a line: its ``spent`` annotation, or else the sum of its spending."""
    if hasattr(line, "spent"):
        return line.spent or Decimal(0)
    return sum((spending.amount for spending in line.spending.all()), Decimal(0))


def budget_years(appropriation: Appropriation, lines: list[BudgetLine]) -> list[dict[str, Any]]:
    """Per year: the lines, what they allocate and spend, what is left, and whether it is over."""
    by_year: dict[int, list] = defaultdict(list)
    for line in lines:
        by_year[line.year].append(line)
    years = []
    for year, year_lines in sorted(by_year.items()):
        allocated = sum((line.amount for line in year_lines), Decimal(0))
        spent = sum((line_spent(line) for line in year_lines), Decimal(0))
        years.append(
            {
                "year": year,
                "allocated": allocated,
                "spent": spent,
                "left": appropriation.amount_per_year - allocated,
                "over": allocated > appropriation.amount_per_year,
                "lines": year_lines,
            }
        )
    return years
