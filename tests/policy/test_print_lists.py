"""The action plans with their targets and the budget, printed as PDF."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pejling.core import crud
from pejling.policy.models import ActionPlan, PlanTarget, Strand
from tests.pdf import pdf_text
from tests.policy.support import html, logged_in

LIST = reverse("policy:action_plan_list")
BUDGET = reverse("policy:budget")
TITLE = "Videreførelse og styrkelse af handleplan for ligebehandling 2012"
TARGET = "Equality Lab 2.0 udvides til 8-10 nye institutioner i 2012"


def test_action_plans_print_with_their_targets_and_the_filter(client, cast, demo):
    response = logged_in(client, cast.contact_person).get(
        LIST, {"q": "ligebehandling", "format": "pdf"}
    )

    text = pdf_text(response)
    assert response["Content-Disposition"] == 'attachment; filename="handleplaner.pdf"'
    assert "Handleplaner og målsætninger" in text
    assert TITLE in text
    assert TARGET in text
    assert "Søg i titel: ligebehandling" in text


def test_the_action_plan_list_links_to_its_pdf_with_the_filter(client, cast, demo):
    body = html(logged_in(client, cast.contact_person).get(LIST, {"q": "ligebehandling"}))

    assert "?q=ligebehandling&amp;format=pdf" in body
    assert "Hent som PDF" in body


def test_the_public_pdf_holds_no_draft_plans(client, demo):
    text = pdf_text(client.get(LIST, {"format": "pdf"}))

    assert TITLE not in text
    assert "Ingen handleplaner passer til filteret." in text


def test_the_public_pdf_holds_a_published_plan_without_money(client, demo):
    crud.update(actor=None, instance=demo.draft, changes={"status": "adopted", "is_public": True})

    text = pdf_text(client.get(LIST, {"format": "pdf"}))

    assert TITLE in text and TARGET in text
    assert "kr." not in text


def test_a_bad_plan_filter_prints_nothing(client, cast, demo):
    text = pdf_text(
        logged_in(client, cast.contact_person).get(LIST, {"policy": "x", "format": "pdf"})
    )

    assert TITLE not in text


def test_the_budget_prints_each_appropriation_and_its_years(client, cast, demo):
    response = logged_in(client, cast.committee_member).get(BUDGET, {"format": "pdf"})

    text = pdf_text(response)
    assert response["Content-Disposition"] == 'attachment; filename="budget.pdf"'
    assert "1.500.000,00 kr. pr. år · 2012" in text
    assert "Bevillingen er ikke fordelt endnu." in text
    assert "Filter" not in text


def test_the_budget_links_to_its_pdf(client, cast, demo):
    body = html(logged_in(client, cast.committee_member).get(BUDGET))

    assert "?format=pdf" in body and "Hent som PDF" in body


def test_the_anonymous_visitor_is_sent_to_log_in_for_the_budget_pdf(client, demo):
    response = client.get(BUDGET, {"format": "pdf"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", ["outsider"])
def test_a_user_without_internal_rights_gets_no_budget_pdf(client, cast, demo, who):
    assert logged_in(client, getattr(cast, who)).get(BUDGET, {"format": "pdf"}).status_code == 403


def _pdf_queries(client, demo, plans: int) -> int:
    for n in range(plans):
        plan = crud.create(
            actor=None, instance=ActionPlan(policy=demo.plan.policy, title=f"Plan {n}", year=2012)
        )
        strand = crud.create(actor=None, instance=Strand(action_plan=plan, number=1, title="Spor"))
        crud.create(
            actor=None,
            instance=PlanTarget(
                strand=strand,
                text=f"Mål {n}",
                kind=PlanTarget.Kind.COUNT,
                minimum=Decimal(5),
                deadline=date(2012, 12, 31),
            ),
        )
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST, {"format": "pdf"}).status_code == 200
    return len(queries)


def test_the_pdf_query_count_does_not_grow_with_the_plans(client, cast, demo):
    client = logged_in(client, cast.contact_person)

    one = _pdf_queries(client, demo, 1)
    three = _pdf_queries(client, demo, 2)  # two more: three in all

    assert three == one
