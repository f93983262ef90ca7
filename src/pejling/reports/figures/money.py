"""The money: appropriations, allocations and spending in the year."""

from decimal import Decimal

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from pejling.policy.models import Appropriation, BudgetLine, Spending
from pejling.reports.figures.base import Figure, Section, Table, kroner, list_url


def money(year: int) -> tuple[Section, list[Figure]]:
    appropriations = Appropriation.objects.filter(first_year__lte=year).filter(
        Q(last_year__isnull=True) | Q(last_year__gte=year)
    )
    allocated = dict(
        BudgetLine.objects.filter(year=year)
        .values_list("appropriation")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    # Spending is summed on its own: joined into the allocations it would count a line once
    # for every spending entry on it.
    spent = dict(
        Spending.objects.filter(budget_line__year=year)
        .values_list("budget_line__appropriation")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    rows = []
    for appropriation in appropriations:
        granted = appropriation.amount_per_year
        given = allocated.get(appropriation.pk, Decimal(0))
        used = spent.get(appropriation.pk, Decimal(0))
        rows.append(
            [
                appropriation.title,
                kroner(granted),
                kroner(given),
                kroner(used),
                kroner(given - used),
            ]
        )
    lines = (
        BudgetLine.objects.filter(year=year)
        .select_related("initiative", "strand")
        .annotate(spent=Sum("spending__amount"))
        .order_by("appropriation__title", "pk")
    )
    line_rows = [
        [
            line.title,
            str(line.initiative or line.strand or "–"),
            kroner(line.amount),
            kroner(line.spent),
            kroner(line.amount - (line.spent or 0)),
        ]
        for line in lines
    ]
    budget = list_url("policy:budget")
    section = Section(
        "money",
        _("Økonomi"),
        _("Bevillingerne i året, hvad der er fordelt på initiativer og indsatsspor, og forbruget."),
        [
            Table(
                "appropriations",
                _("Bevillinger i året (kr.)"),
                [_("Bevilling"), _("Bevilget"), _("Fordelt"), _("Forbrugt"), _("Forskel")],
                rows,
                budget,
            ),
            Table(
                "lines",
                _("Budgetlinjer i året (kr.)"),
                [_("Budgetlinje"), _("Til"), _("Beløb"), _("Forbrugt"), _("Forskel")],
                line_rows,
                budget,
            ),
        ],
    )
    figures = [
        Figure(_("Bevilget i året"), sum(row[1] for row in rows), "kr.", budget),
        Figure(_("Forbrugt i året"), sum(row[3] for row in rows), "kr.", budget),
    ]
    return section, figures
