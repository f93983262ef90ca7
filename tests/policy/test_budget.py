"""The budget overview, an appropriation's lines, and adding lines and spending."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from pejling.audit.models import AuditEvent
from pejling.core import crud
from pejling.policy.models import BudgetLine, Spending
from pejling.policy.services import record_spending
from tests.policy.support import (
    CPR_TEXT,
    csv_rows,
    error_at,
    html,
    logged_in,
    page_text,
    row_counts,
)

BUDGET = reverse("policy:budget")
LINES = [
    "Efteruddannelsesprogram",
    "Supplerende initiativer i kommunikationsstrategien",
    "Udvidelse af Equality Lab",
]


def line_url(appropriation) -> str:
    return reverse("policy:budget_line_create", args=[appropriation.pk])


def spending_url(line) -> str:
    return reverse("policy:spending_create", args=[line.pk])


def spend(line, amount: str, day: date = date(2012, 5, 1)) -> Spending:
    return record_spending(
        actor=None, line=line, spent_on=day, amount=Decimal(amount), text="Kursusdag"
    )


def year_rows(body: str) -> list[list[str]]:
    """The cells of each year's row in the budget overview's tables."""
    rows = re.findall(r"<tr><td>(\d{4})</td>(.*?)</tr>", body)
    return [[year, *re.findall(r"<td[^>]*>(.*?)</td>", rest)] for year, rest in rows]


# --- The overview ---------------------------------------------------------------------------


def test_budget_shows_each_appropriation_and_its_years(client, cast, demo):
    response = logged_in(client, cast.committee_member).get(BUDGET)

    text = page_text(response)
    assert "1.500.000,00 kr. pr. år · 2012 · bevilget af Beskæftigelses- og" in text
    assert "10.000.000,00 kr. pr. år · 2006–" in text
    assert "Bevillingen er ikke fordelt endnu." in text
    assert year_rows(html(response)) == [["2012", "1.500.000,00 kr.", "0,00 kr.", "–"]]


def test_spending_does_not_inflate_what_is_allocated(client, cast, demo):
    # Two payments on one line must not count that line's amount twice.
    spend(demo.budget_line, "100000")
    spend(demo.budget_line, "50000", date(2012, 9, 1))

    body = html(logged_in(client, cast.committee_member).get(BUDGET))

    assert year_rows(body) == [["2012", "1.500.000,00 kr.", "150.000,00 kr.", "–"]]
    assert "mere end bevillingen" not in body


def test_budget_warns_when_a_year_is_over_the_appropriation(client, cast, demo):
    crud.update(
        actor=None, instance=demo.appropriation, changes={"amount_per_year": Decimal("1000000")}
    )

    text = page_text(logged_in(client, cast.committee_member).get(BUDGET))

    assert "Fordelt 500.000,00 kr. mere end bevillingen" in text


def test_budget_lines_export_as_csv(client, cast, demo):
    spend(demo.budget_line, "100000")
    spend(demo.budget_line, "25000", date(2012, 9, 1))

    rows = csv_rows(logged_in(client, cast.committee_member).get(BUDGET, {"format": "csv"}))

    assert rows[0] == [
        "Bevilling",
        "År",
        "Linje",
        "Initiativ",
        "Indsatsspor",
        "Beløb (kr.)",
        "Brugt (kr.)",
    ]
    assert rows[1][2:5] == ["Efteruddannelsesprogram", "Efteruddannelse", "Efteruddannelse"]
    assert [Decimal(value) for value in rows[1][5:]] == [Decimal(600000), Decimal(125000)]
    assert [row[2] for row in rows[1:]] == LINES


def test_budget_query_count_does_not_grow_with_lines(
    client, cast, demo, django_assert_max_num_queries
):
    for year in range(2006, 2026):
        crud.create(
            actor=None,
            instance=BudgetLine(
                appropriation=demo.standing_appropriation, year=year, title="Task force", amount=1
            ),
        )
    client = logged_in(client, cast.committee_member)

    with django_assert_max_num_queries(6):
        response = client.get(BUDGET)

    assert len(year_rows(html(response))) == 21


# --- An appropriation -----------------------------------------------------------------------


def test_appropriation_shows_its_lines_and_what_is_left(client, cast, demo):
    spend(demo.budget_line, "125000")

    response = logged_in(client, cast.committee_member).get(demo.appropriation.get_absolute_url())

    text = page_text(response)
    assert "Beløb pr. år 1.500.000,00 kr. (1,5 mio. kr.)" in text
    # The line, what it was granted, what is spent and what is left on it.
    line = "Efteruddannelsesprogram Efteruddannelse 600.000,00 kr. 125.000,00 kr. 475.000,00 kr."
    assert line in text
    assert "I alt 1.500.000,00 kr. 125.000,00 kr. 0,00 kr. ufordelt" in text
    [year] = response.context["years"]
    assert [line.title for line in year["lines"]] == LINES
    assert line_url(demo.appropriation) not in html(response)  # not for a committee member


def test_appropriation_warns_when_over(client, cast, demo):
    crud.update(
        actor=None, instance=demo.appropriation, changes={"amount_per_year": Decimal("1000000")}
    )

    response = logged_in(client, cast.policy_officer).get(demo.appropriation.get_absolute_url())

    assert (
        "Der er fordelt 1.500.000,00 kr., men bevillingen er 1.000.000,00 kr. om året."
        in page_text(response)
    )
    assert line_url(demo.appropriation) in html(response)


# --- A new budget line ----------------------------------------------------------------------


def test_editor_adds_a_line_to_the_standing_appropriation(client, cast, demo):
    response = logged_in(client, cast.policy_officer).post(
        line_url(demo.standing_appropriation),
        {"year": "2024", "title": "Temadag om ligebehandling", "amount": "250000"},
    )

    assert response.status_code == 302
    assert response["Location"] == demo.standing_appropriation.get_absolute_url()
    line = demo.standing_appropriation.budget_lines.get()
    assert (line.year, line.amount) == (2024, Decimal(250000))
    assert AuditEvent.objects.for_object(line).get().actor == cast.policy_officer
    assert "Budgetlinjen er gemt." in html(client.get(response["Location"]))


def test_line_over_the_appropriation_is_refused(client, cast, demo):
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(
        line_url(demo.appropriation),
        {"year": "2012", "title": "Tolkning", "amount": "100000", "initiative": ""},
    )

    assert response.status_code == 400
    assert error_at(response, "amount") == (
        "Linjen bringer fordelingen i 2012 op på 1.600.000,00 kr., men bevillingen er "
        "1.500.000,00 kr. om året. Der er 0,00 kr. tilbage."
    )
    assert row_counts() == before


def test_negative_line_is_refused(client, cast, demo):
    before = row_counts()
    response = logged_in(client, cast.policy_officer).post(
        line_url(demo.standing_appropriation), {"year": "2024", "title": "Retur", "amount": "-5"}
    )
    assert response.status_code == 400
    assert error_at(response, "amount") == "Denne værdi skal være større end eller lig 0."
    assert row_counts() == before


def test_line_outside_the_appropriations_years_is_refused(client, cast, demo):
    before = row_counts()
    response = logged_in(client, cast.policy_officer).post(
        line_url(demo.standing_appropriation), {"year": "2005", "title": "Før", "amount": "5"}
    )
    assert response.status_code == 400
    assert error_at(response, "year") == "Bevillingen dækker ikke år 2005."
    assert row_counts() == before


# --- Spending -------------------------------------------------------------------------------


def test_editor_records_spending(client, cast, demo):
    response = logged_in(client, cast.policy_officer).post(
        spending_url(demo.budget_line),
        {"spent_on": "2012-04-12", "amount": "42000", "text": "Kursus for kontorchefer"},
    )

    assert response.status_code == 302
    assert response["Location"] == demo.appropriation.get_absolute_url()
    spending = demo.budget_line.spending.get()
    assert spending.amount == Decimal(42000)
    assert AuditEvent.objects.for_object(spending).get().actor == cast.policy_officer


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"spent_on": "2013-01-02", "amount": "100", "text": "For sent"},
            "spent_on",
            "Forbruget skal ligge i budgetlinjens år (2012).",
        ),
        (
            {"spent_on": "2012-04-12", "amount": "-100", "text": "Tilbagebetaling"},
            "amount",
            "Denne værdi skal være større end eller lig 0.",
        ),
        (
            {"spent_on": "2012-04-12", "amount": "100", "text": CPR_TEXT},
            "text",
            "Teksten ser ud til at indeholde et CPR-nummer. Fjern det, og beskriv personen uden "
            "CPR-nummer.",
        ),
        (
            {"spent_on": "2012-04-12", "amount": "100", "text": ""},
            "text",
            "Dette felt er påkrævet.",
        ),
    ],
)
def test_bad_spending_is_refused_at_the_field(client, cast, demo, data, field, message):
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(spending_url(demo.budget_line), data)

    assert response.status_code == 400
    assert error_at(response, field) == message
    assert row_counts() == before


def test_spending_on_an_unknown_line_is_not_found(client, cast, demo):
    response = logged_in(client, cast.policy_officer).get(
        reverse("policy:spending_create", args=[999_999])
    )
    assert response.status_code == 404
