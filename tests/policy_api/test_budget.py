"""The budget under /api/v1/budget: appropriations, their lines and spending (internal only)."""

import datetime
from decimal import Decimal

import pytest

from pejling.core import crud
from pejling.policy.models import BudgetLine, Spending
from pejling.policy.services import record_spending
from tests.policy_api.factories import (
    make_appropriation,
    make_initiative,
    make_line,
    make_policy,
)
from tests.policy_api.support import (
    A_CPR_NUMBER,
    assert_cpr_refused,
    assert_forbidden,
    assert_invalid,
    assert_not_found,
    assert_unauthenticated,
    audit_events,
)


def spend(line: BudgetLine, amount: str, day: int = 1, text: str = "Faktura") -> Spending:
    return record_spending(
        actor=None,
        line=line,
        spent_on=datetime.date(line.year, 3, day),
        amount=Decimal(amount),
        text=text,
    )


@pytest.fixture
def appropriation(db):
    """1.5 mio. a year for 2024-2025; 2024 has two lines, one of them with two payments."""
    appropriation = make_appropriation(
        "1500000", 2024, 2025, policy=make_policy("public-policy"), reference="BIU 12/2024"
    )
    courses = make_line(appropriation, "600000.00", title="Efteruddannelse")
    make_line(appropriation, "450000.00", title="Kommunikation")
    spend(courses, "100000.50", 1)
    spend(courses, "50000.25", 2)
    return appropriation


# --- GET /budget/appropriations -------------------------------------------------------------


def test_internal_users_get_appropriations_with_yearly_totals(api, cast, appropriation):
    response = api.get("/budget/appropriations", cast.committee_member)

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == 1
    [item] = body["items"]
    assert item["amount_per_year"] == "1500000.00"
    assert (item["first_year"], item["last_year"]) == (2024, 2025)
    assert item["reference"] == "BIU 12/2024"
    assert item["granted_by"]["short_name"] == "BR"
    assert item["policy"]["slug"] == "public-policy"
    assert item["url"] == f"/politik/bevillinger/{appropriation.pk}/"
    # A line with two payments is still allocated once.
    assert item["years"] == [
        {
            "year": 2024,
            "allocated": "1050000.00",
            "spent": "150000.75",
            "left": "450000.00",
            "over": False,
        }
    ]


def test_a_year_is_over_when_the_frame_is_cut_below_its_lines(api, cast, appropriation):
    crud.update(actor=None, instance=appropriation, changes={"amount_per_year": Decimal(1000000)})

    [year] = api.get("/budget/appropriations", cast.analyst).json()["items"][0]["years"]

    assert year["over"] is True
    assert year["left"] == "-50000.00"


def test_anonymous_callers_get_401_for_the_budget(api, appropriation):
    assert_unauthenticated(api.get("/budget/appropriations"))


def test_outsiders_get_403_for_the_budget(api, cast, appropriation):
    assert_forbidden(api.get("/budget/appropriations", cast.outsider))


@pytest.mark.parametrize("rows", [3, 30])
def test_appropriation_list_query_count_does_not_grow_with_rows(
    api, cast, rows, django_assert_max_num_queries
):
    for n in range(rows):
        appropriation = make_appropriation(title=f"Bevilling {n}", policy=make_policy(f"p-{n}"))
        spend(make_line(appropriation, "1000.00"), "10.00")
        make_line(appropriation, "2000.00")
    api.get("/budget/appropriations", cast.policy_officer)

    with django_assert_max_num_queries(5):
        response = api.client.get(
            "/api/v1/budget/appropriations", **api.headers(cast.policy_officer)
        )

    assert response.json()["count"] == rows


# --- GET /budget/appropriations/{id} --------------------------------------------------------


def test_appropriation_detail_has_lines_and_spending_by_year(api, cast, appropriation):
    response = api.get(f"/budget/appropriations/{appropriation.pk}", cast.coordinator)

    assert response.status_code == 200, response.content
    [year] = response.json()["years"]
    assert year["allocated"] == "1050000.00"
    courses, communication = year["lines"]
    assert courses["title"] == "Efteruddannelse"
    assert courses["spent"] == "150000.75"
    assert [s["amount"] for s in courses["spending"]] == ["100000.50", "50000.25"]
    assert courses["spending"][0]["spent_on"] == "2024-03-01"
    assert courses["url"] == f"/politik/bevillinger/{appropriation.pk}/"
    assert communication["spent"] == "0.00"
    assert communication["spending"] == []


def test_appropriation_detail_access(api, cast, appropriation):
    path = f"/budget/appropriations/{appropriation.pk}"

    assert_unauthenticated(api.get(path))
    assert_forbidden(api.get(path, cast.outsider))
    assert_not_found(api.get("/budget/appropriations/999", cast.analyst))


def test_appropriation_detail_query_count_does_not_grow_with_lines(
    api, cast, appropriation, django_assert_max_num_queries
):
    for n in range(10):
        spend(make_line(appropriation, "1000.00", year=2025, title=f"Linje {n}"), "5.00")
    api.get(f"/budget/appropriations/{appropriation.pk}", cast.analyst)

    with django_assert_max_num_queries(6):
        response = api.client.get(
            f"/api/v1/budget/appropriations/{appropriation.pk}", **api.headers(cast.analyst)
        )

    assert [y["year"] for y in response.json()["years"]] == [2024, 2025]


# --- POST /budget/appropriations/{id}/lines -------------------------------------------------


def lines_url(appropriation) -> str:
    return f"/budget/appropriations/{appropriation.pk}/lines"


def test_policy_officer_adds_a_budget_line(api, cast, appropriation):
    initiative = make_initiative(appropriation.policy)

    response = api.post(
        lines_url(appropriation),
        {"year": 2024, "title": "Tolkning", "amount": "450000.00", "initiative_id": initiative.pk},
        cast.policy_officer,
    )

    assert response.status_code == 201, response.content
    body = response.json()
    line = BudgetLine.objects.get(title="Tolkning")
    assert body["id"] == line.pk
    assert body["amount"] == "450000.00"
    assert body["initiative_id"] == initiative.pk
    assert body["spent"] == "0.00"
    [event] = audit_events(line)
    assert event.action == "create"
    assert event.actor == cast.policy_officer
    assert event.channel == "api"


def test_a_line_over_the_frame_is_refused_with_the_services_message(api, cast, appropriation):
    response = api.post(
        lines_url(appropriation),
        {"year": 2024, "title": "Tolkning", "amount": "450000.01"},
        cast.policy_officer,
    )

    assert_invalid(response, "amount", "Linjen bringer fordelingen i 2024 op på 1.500.000,01 kr.")
    assert_invalid(response, "amount", "Der er 450.000,00 kr. tilbage.")
    assert BudgetLine.objects.count() == 2


def test_a_negative_line_is_refused(api, cast, appropriation):
    response = api.post(
        lines_url(appropriation),
        {"year": 2024, "title": "Tilbagebetaling", "amount": "-1000"},
        cast.policy_officer,
    )

    assert_invalid(response, "amount", "større end eller lig 0")
    assert BudgetLine.objects.count() == 2


def test_a_line_outside_the_appropriations_years_is_refused(api, cast, appropriation):
    response = api.post(
        lines_url(appropriation),
        {"year": 2030, "title": "Senere", "amount": "1000"},
        cast.policy_officer,
    )

    assert_invalid(response, "year", "Bevillingen dækker ikke år 2030.")
    assert BudgetLine.objects.count() == 2


def test_a_line_with_a_cpr_number_is_refused(api, cast, appropriation):
    response = api.post(
        lines_url(appropriation),
        {"year": 2024, "title": A_CPR_NUMBER, "amount": "1000"},
        cast.policy_officer,
    )

    assert_cpr_refused(response, "title")
    assert BudgetLine.objects.count() == 2


def test_a_line_with_an_unknown_initiative_is_refused_under_the_sent_name(api, cast, appropriation):
    response = api.post(
        lines_url(appropriation),
        {"year": 2024, "title": "X", "amount": "1000", "initiative_id": 999},
        cast.policy_officer,
    )

    assert_invalid(response, "initiative_id", "999")
    assert BudgetLine.objects.count() == 2


def test_budget_line_access(api, cast, appropriation):
    data = {"year": 2024, "title": "X", "amount": "1000"}

    assert_unauthenticated(api.post(lines_url(appropriation), data))
    assert_forbidden(api.post(lines_url(appropriation), data, cast.outsider))
    assert_forbidden(api.post(lines_url(appropriation), data, cast.analyst))
    assert_not_found(api.post("/budget/appropriations/999/lines", data, cast.policy_officer))
    assert BudgetLine.objects.count() == 2


# --- POST /budget/lines/{id}/spending -------------------------------------------------------


@pytest.fixture
def line(appropriation) -> BudgetLine:
    return appropriation.budget_lines.get(title="Kommunikation")


def spending_url(line) -> str:
    return f"/budget/lines/{line.pk}/spending"


def test_policy_officer_records_spending(api, cast, line):
    response = api.post(
        spending_url(line),
        {"spent_on": "2024-05-02", "amount": "1234.50", "text": "Tolkebureau, april"},
        cast.policy_officer,
    )

    assert response.status_code == 201, response.content
    body = response.json()
    spending = line.spending.get()
    assert body == {
        "id": spending.pk,
        "budget_line_id": line.pk,
        "spent_on": "2024-05-02",
        "amount": "1234.50",
        "text": "Tolkebureau, april",
    }
    [event] = audit_events(spending)
    assert event.action == "create"
    assert event.actor == cast.policy_officer


def test_spending_outside_the_lines_year_is_refused(api, cast, line):
    response = api.post(
        spending_url(line),
        {"spent_on": "2025-01-02", "amount": "100", "text": "For sent"},
        cast.policy_officer,
    )

    assert_invalid(response, "spent_on", "Forbruget skal ligge i budgetlinjens år (2024).")
    assert not line.spending.exists()


def test_negative_spending_is_refused(api, cast, line):
    response = api.post(
        spending_url(line),
        {"spent_on": "2024-05-02", "amount": "-100", "text": "Kreditnota"},
        cast.policy_officer,
    )

    assert_invalid(response, "amount", "større end eller lig 0")
    assert not line.spending.exists()


def test_spending_with_a_cpr_number_is_refused(api, cast, line):
    response = api.post(
        spending_url(line),
        {"spent_on": "2024-05-02", "amount": "100", "text": A_CPR_NUMBER},
        cast.policy_officer,
    )

    assert_cpr_refused(response, "text")
    assert not line.spending.exists()


def test_spending_with_a_malformed_amount_is_422(api, cast, line):
    response = api.post(
        spending_url(line),
        {"spent_on": "2024-05-02", "amount": "100,50", "text": "Komma"},
        cast.policy_officer,
    )

    assert response.status_code == 422
    assert not line.spending.exists()


def test_spending_access(api, cast, line):
    data = {"spent_on": "2024-05-02", "amount": "100", "text": "X"}

    assert_unauthenticated(api.post(spending_url(line), data))
    assert_forbidden(api.post(spending_url(line), data, cast.outsider))
    assert_forbidden(api.post(spending_url(line), data, cast.committee_member))
    assert_not_found(api.post("/budget/lines/999/spending", data, cast.policy_officer))
    assert not line.spending.exists()
