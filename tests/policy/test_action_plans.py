"""The action plan list, an action plan's page with its targets, and recording progress."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from pejling.audit.models import AuditEvent
from pejling.core import crud
from pejling.policy.models import ActionPlan, PlanTarget, Strand, TargetProgress, TargetStatus
from pejling.policy.services import record_target_progress
from tests.policy.support import (
    CASE_NUMBER,
    CPR_TEXT,
    chain,
    csv_rows,
    error_at,
    html,
    is_partial,
    logged_in,
    page_text,
    row_counts,
    xlsx_rows,
)

LIST = reverse("policy:action_plan_list")
TITLE = "Videreførelse og styrkelse af handleplan for ligebehandling 2012"


def statuses(response) -> list[str]:
    """The status of each target as the page names it, in the order of the page's tables."""
    labels = dict(TargetStatus.choices)
    found = []
    for _strand, targets in response.context["rows"]:
        for _target, _latest, status, _history in targets:
            found.append(str(labels[status]))
    text = page_text(response)
    assert all(label in text for label in found)
    return found


def progress_url(target) -> str:
    return reverse("policy:target_progress_create", args=[target.pk])


# --- The list -------------------------------------------------------------------------------


def test_staff_see_the_plan_with_its_case_number_and_counts(client, cast, demo):
    response = logged_in(client, cast.contact_person).get(LIST)

    text = page_text(response)
    facts = f"2012 · Bland dig i byen · sagsnr. {CASE_NUMBER} · 4 indsatsspor, 8 målsætninger"
    assert f"{TITLE} {facts}" in text


def test_anonymous_sees_no_plans_of_a_draft(client, demo):
    assert TITLE not in html(client.get(LIST))


def test_htmx_and_exports_list_the_same_plans(client, cast, demo):
    client = logged_in(client, cast.contact_person)

    partial = client.get(LIST, {"q": "ligebehandling"}, HTTP_HX_REQUEST="true")
    rows = csv_rows(client.get(LIST, {"q": "ligebehandling", "format": "csv"}))
    sheet = xlsx_rows(client.get(LIST, {"q": "ligebehandling", "format": "xlsx"}))

    assert is_partial(partial)
    assert TITLE in html(partial)
    assert rows[1][1:] == [TITLE, "2012", "Bland dig i byen", CASE_NUMBER, "2011-704991", "4", "8"]
    assert sheet[1][1:] == (TITLE, 2012, "Bland dig i byen", CASE_NUMBER, "2011-704991", 4, 8)


def test_plans_are_listed_newest_first(client, cast, demo):
    for year in (2013, 2011):
        plan = ActionPlan(policy=demo.draft, title=f"Handleplan {year}", year=year)
        crud.create(actor=None, instance=plan)

    page = logged_in(client, cast.contact_person).get(LIST).context["page"]

    assert [plan.year for plan in page.object_list] == [2013, 2012, 2011]


# --- A plan's page --------------------------------------------------------------------------


@time_machine.travel(date(2012, 6, 1), tick=False)
def test_plan_shows_case_facts_targets_and_budget(client, cast, demo):
    response = logged_in(client, cast.committee_member).get(demo.plan.get_absolute_url())

    text = page_text(response)
    assert f"Handleplan 2012 {TITLE}" in text
    assert f"Sagsnr. {CASE_NUMBER} Dokumentnr. 2011-704991 Dateret 19. oktober 2011" in text
    # The target, its range, its deadline, no report yet, its status.
    assert (
        "Equality Lab 2.0 udvides til 8-10 nye institutioner i 2012 8–10 nye institutioner "
        "31.12.2012 – På vej"
    ) in text
    assert "3–4 mentor-institutioner" in text
    assert text.count(" ja/nej 31.12.2012 – På vej") == 6
    assert statuses(response) == ["På vej"] * 8
    assert "Budget: Efteruddannelsesprogram 2012: 0,6 mio. kr." in text
    assert "I alt: 1,5 mio. kr. (1.500.000,00 kr.)" in text
    assert progress_url(demo.range_target) not in html(response)  # not for a committee member


def test_plan_links_up_to_its_policy_and_initiatives(client, cast, demo):
    up, _down = chain(logged_in(client, cast.committee_member).get(demo.plan.get_absolute_url()))

    assert up == [
        ("Politik", "Bland dig i byen"),
        ("Initiativ", "Efteruddannelse"),
        ("Initiativ", "Kommunikation"),
        ("Initiativ", "Equality Lab 2.0"),
        ("Initiativ", "International erfaringsudveksling"),
    ]


def test_plan_statuses_follow_progress_and_deadline(client, cast, demo):
    # By the deadline: Equality Lab reached nine institutions; one yes/no target answered no.
    with time_machine.travel(date(2012, 12, 31), tick=False):
        record_target_progress(
            actor=cast.policy_officer,
            target=demo.range_target,
            value=Decimal(9),
            recorded_on=date(2012, 11, 1),
            note="Ni nye institutioner",
        )
        record_target_progress(
            actor=cast.policy_officer,
            target=demo.yes_no_target,
            value=Decimal(0),
            recorded_on=date(2012, 11, 1),
        )
        before = logged_in(client, cast.policy_officer).get(demo.plan.get_absolute_url())
    with time_machine.travel(date(2013, 1, 15), tick=False):
        after = logged_in(client, cast.policy_officer).get(demo.plan.get_absolute_url())

    assert before.context["statuses"] == {TargetStatus.MET: 1, TargetStatus.ON_THE_WAY: 7}
    assert "På vej 7 Opfyldt 1" in page_text(before)
    assert "8–10 nye institutioner 31.12.2012 9 (01.11.2012) Ni nye institutioner Opfyldt" in (
        page_text(before)
    )
    assert statuses(after).count("Opfyldt") == 1
    assert statuses(after).count("Ikke opfyldt") == 1
    assert statuses(after).count("Overskredet") == 6
    assert progress_url(demo.range_target) in html(after)  # the editor may record more


def test_plan_hides_the_money_from_the_public(client, demo):
    crud.update(actor=None, instance=demo.draft, changes={"status": "adopted", "is_public": True})

    text = page_text(client.get(demo.plan.get_absolute_url()))

    assert CASE_NUMBER in text
    assert "mio. kr." not in text


@pytest.mark.parametrize("reports", [1, 20])
def test_plan_query_count_does_not_grow_with_targets_and_reports(
    client, cast, demo, django_assert_max_num_queries, reports
):
    strand = crud.create(
        actor=None, instance=Strand(action_plan=demo.plan, number=5, title="Ekstra")
    )
    for n in range(reports):
        target = crud.create(
            actor=None,
            instance=PlanTarget(
                strand=strand,
                text=f"Mål {n}",
                kind=PlanTarget.Kind.COUNT,
                minimum=Decimal(5),
                deadline=date(2012, 12, 31),
            ),
        )
        record_target_progress(
            actor=None, target=target, value=Decimal(n), recorded_on=date(2012, 6, 1)
        )
    client = logged_in(client, cast.committee_member)

    with django_assert_max_num_queries(12):
        response = client.get(demo.plan.get_absolute_url())

    assert len(statuses(response)) == 8 + reports


# --- Recording progress on a target ---------------------------------------------------------


def test_progress_form_explains_the_target(client, cast, demo):
    client = logged_in(client, cast.policy_officer)

    range_form = page_text(client.get(progress_url(demo.range_target)))
    yes_no_form = page_text(client.get(progress_url(demo.yes_no_target)))

    assert "Equality Lab 2.0 udvides til 8-10 nye institutioner i 2012 8–10 nye institutioner" in (
        range_form
    )
    assert "Skriv 1 for ja og 0 for nej." in yes_no_form


def test_editor_records_progress(client, cast, demo):
    response = logged_in(client, cast.policy_officer).post(
        progress_url(demo.range_target),
        {"value": "9", "recorded_on": "2012-11-01", "note": "Ni nye institutioner"},
    )

    assert response.status_code == 302
    assert response["Location"] == demo.plan.get_absolute_url()
    progress = TargetProgress.objects.get(target=demo.range_target)
    assert progress.value == Decimal(9)
    [event] = AuditEvent.objects.for_object(progress)
    assert event.actor == cast.policy_officer
    assert "Fremdriften er registreret." in html(client.get(response["Location"]))


def test_yes_no_target_refuses_two(client, cast, demo):
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(
        progress_url(demo.yes_no_target), {"value": "2", "recorded_on": "2012-11-01"}
    )

    assert response.status_code == 400
    assert error_at(response, "value") == "Et ja/nej-mål registreres som 1 (ja) eller 0 (nej)."
    assert row_counts() == before


def test_negative_progress_is_refused(client, cast, demo):
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(
        progress_url(demo.range_target), {"value": "-1", "recorded_on": "2012-11-01"}
    )

    assert response.status_code == 400
    assert error_at(response, "value") == "Denne værdi skal være større end eller lig 0."
    assert row_counts() == before


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"value": "9", "recorded_on": "2012-11-01", "note": CPR_TEXT}, "note"),
        ({"value": "9", "recorded_on": ""}, "recorded_on"),
        ({"value": "ni", "recorded_on": "2012-11-01"}, "value"),
    ],
)
def test_bad_progress_is_shown_at_the_field(client, cast, demo, data, field):
    before = row_counts()
    response = logged_in(client, cast.policy_officer).post(progress_url(demo.range_target), data)
    assert response.status_code == 400
    assert error_at(response, field)
    assert row_counts() == before
