"""The initiative list, an initiative's page, and creating and changing initiatives."""

from datetime import date

import pytest
from django.urls import reverse

from pejling.audit.models import AuditEvent
from pejling.core import crud
from pejling.policy.models import Initiative
from tests.policy.support import (
    CPR_TEXT,
    add_goals,
    add_initiatives,
    chain,
    csv_rows,
    error_at,
    form_values,
    html,
    is_partial,
    logged_in,
    page_text,
    row_counts,
    xlsx_rows,
)

LIST = reverse("policy:initiative_list")
CREATE = reverse("policy:initiative_create")
STRANDS = [
    "Efteruddannelse",
    "Kommunikation",
    "Equality Lab 2.0",
    "International erfaringsudveksling",
]


def listed(response) -> list[str]:
    return [initiative.title for initiative in response.context["page"].object_list]


def equality_lab(demo) -> Initiative:
    return Initiative.objects.get(policy=demo.draft, title="Equality Lab 2.0")


# --- The list -------------------------------------------------------------------------------


def test_staff_see_the_action_plans_initiatives(client, cast, demo):
    response = logged_in(client, cast.analyst).get(LIST)

    assert listed(response) == STRANDS
    text = page_text(response)
    assert "4 initiativer" in text
    # Initiative, policy, theme, status, responsible, period.
    assert (
        "Equality Lab 2.0 Bland dig i byen Mangfoldig arbejdsplads Planlagt BIF "
        "01.01.2012 – 31.12.2012"
    ) in text


def test_anonymous_sees_no_draft_initiatives(client, demo):
    response = client.get(LIST)
    assert listed(response) == []
    assert "Ingen initiativer passer til filteret." in html(response)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "lab"}, ["Equality Lab 2.0"]),
        ({"status": Initiative.Status.ONGOING}, ["Kommunikation"]),
        ({"lighthouse": "on"}, ["Testinitiativ 000"]),
    ],
)
def test_filter(client, cast, demo, query, expected):
    kommunikation = Initiative.objects.get(title="Kommunikation")
    crud.update(actor=None, instance=kommunikation, changes={"status": Initiative.Status.ONGOING})
    add_initiatives(1, policy=demo.draft, is_lighthouse=True)

    assert listed(logged_in(client, cast.analyst).get(LIST, query)) == expected


def test_unknown_status_lists_nothing(client, cast, demo):
    response = logged_in(client, cast.analyst).get(LIST, {"status": "i gang"})
    assert listed(response) == []
    assert response.context["form"].errors["status"]


def test_htmx_request_gets_only_the_results(client, cast, demo):
    response = logged_in(client, cast.analyst).get(
        LIST, {"q": "kommunikation"}, HTTP_HX_REQUEST="1"
    )
    assert is_partial(response)
    assert listed(response) == ["Kommunikation"]


def test_csv_export(client, cast, demo):
    response = logged_in(client, cast.analyst).get(LIST, {"q": "lab", "format": "csv"})

    assert response["Content-Disposition"] == 'attachment; filename="initiativer.csv"'
    header, row = csv_rows(response)
    assert header == [
        "Id",
        "Initiativ",
        "Politik",
        "Tema",
        "Fyrtårnsprojekt",
        "Status",
        "Ansvarlig",
        "Start",
        "Slut",
    ]
    assert row[1:] == [
        "Equality Lab 2.0",
        "Bland dig i byen",
        "Mangfoldig arbejdsplads",
        "nej",
        "Planlagt",
        "BIF",
        "2012-01-01",
        "2012-12-31",
    ]


def test_xlsx_export(client, cast, demo):
    response = logged_in(client, cast.analyst).get(LIST, {"format": "xlsx"})

    header, *rows = xlsx_rows(response)
    assert header[1] == "Initiativ"
    assert [row[1] for row in rows] == STRANDS
    assert rows[0][7].date() == date(2012, 1, 1)


def test_pagination(client, cast, demo):
    add_initiatives(50, policy=demo.draft)
    client = logged_in(client, cast.analyst)

    first, second = client.get(LIST), client.get(LIST, {"side": 2})

    assert len(listed(first)) == 50
    assert len(listed(second)) == 4
    assert "54 initiativer" in html(first)


@pytest.mark.parametrize("count", [3, 60])
def test_list_query_count_does_not_grow_with_initiatives(
    client, cast, demo, django_assert_max_num_queries, count
):
    theme = demo.draft.themes.get(number=2)
    add_initiatives(count, policy=demo.draft, theme=theme, responsible=cast.administration)
    client = logged_in(client, cast.analyst)

    # Session, user and roles; count, the page's keys and its rows; the filter's policy choices.
    with django_assert_max_num_queries(7):
        response = client.get(LIST)
    with django_assert_max_num_queries(7):
        client.get(LIST, {"status": Initiative.Status.PLANNED, "side": 2})

    assert response.status_code == 200


# --- An initiative's page -------------------------------------------------------------------


def test_initiative_links_up_to_theme_and_goals_and_down_to_the_action_plan(client, cast, demo):
    initiative = equality_lab(demo)
    theme = initiative.theme
    [goal] = add_goals(1, policy=demo.draft, theme=theme)
    initiative.goals.add(goal)

    up, down = chain(logged_in(client, cast.committee_member).get(initiative.get_absolute_url()))

    assert up == [
        ("Politik", "Bland dig i byen"),
        ("Tema", "1. Mangfoldig arbejdsplads"),
        ("Mål", "Testmål 000"),
    ]
    assert down == [
        ("Handleplan", "Videreførelse og styrkelse af handleplan for ligebehandling 2012")
    ]


def test_staff_see_the_initiatives_budget(client, cast, demo):
    response = logged_in(client, cast.committee_member).get(equality_lab(demo).get_absolute_url())

    assert "Budget Udvidelse af Equality Lab (2012): 450.000,00 kr." in page_text(response)
    assert demo.appropriation.get_absolute_url() in html(response)


def test_public_initiative_hides_the_budget_from_the_public(client, cast, demo):
    crud.update(actor=None, instance=demo.draft, changes={"status": "adopted", "is_public": True})

    text = page_text(client.get(equality_lab(demo).get_absolute_url()))

    assert "Initiativ Equality Lab 2.0" in text
    assert "450.000,00 kr." not in text


def test_initiative_page_query_count_does_not_grow_with_goals(
    client, cast, demo, django_assert_max_num_queries
):
    initiative = equality_lab(demo)
    initiative.goals.set(add_goals(25, policy=demo.draft))
    client = logged_in(client, cast.committee_member)

    with django_assert_max_num_queries(9):
        response = client.get(initiative.get_absolute_url())

    assert html(response).count("Testmål") == 25


# --- Creating and changing initiatives ------------------------------------------------------


def new_initiative(demo, **changes) -> dict:
    return {
        "policy": demo.draft.pk,
        "theme": demo.draft.themes.get(number=3).pk,
        "title": "Særindsats i Mjølnerparken",
        "is_lighthouse": "on",
        "status": Initiative.Status.PLANNED,
        "starts_on": "2012-01-01",
        "ends_on": "2014-12-31",
        **changes,
    }


def test_editor_creates_a_lighthouse_project_with_goals(client, cast, demo):
    goals = add_goals(2, policy=demo.draft, theme=demo.draft.themes.get(number=3))

    response = logged_in(client, cast.policy_officer).post(
        CREATE, new_initiative(demo, goals=[g.pk for g in goals])
    )

    assert response.status_code == 302
    initiative = Initiative.objects.get(title="Særindsats i Mjølnerparken")
    assert response["Location"] == initiative.get_absolute_url()
    assert initiative.is_lighthouse
    assert set(initiative.goals.all()) == set(goals)
    [event] = AuditEvent.objects.for_object(initiative)
    assert event.actor == cast.policy_officer
    assert event.changes["goals"] == {"before": None, "after": sorted(g.pk for g in goals)}


def test_initiative_ending_before_it_starts_is_refused(client, cast, demo):
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(
        CREATE, new_initiative(demo, starts_on="2013-01-01", ends_on="2012-12-31")
    )

    assert response.status_code == 400
    assert error_at(response, "ends_on") == "Slutdatoen kan ikke ligge før startdatoen."
    assert row_counts() == before


def test_goals_of_another_policy_are_refused(client, cast, demo):
    [foreign] = add_goals(1, policy=demo.public, guidepost=demo.guidepost)
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(
        CREATE, new_initiative(demo, goals=[foreign.pk])
    )

    assert response.status_code == 400
    assert error_at(response, "goals") == "Vælg kun mål fra den samme politik som initiativet."
    assert row_counts() == before


def test_initiative_with_a_cpr_number_is_refused(client, cast, demo):
    before = row_counts()
    response = logged_in(client, cast.policy_officer).post(
        CREATE, new_initiative(demo, description=CPR_TEXT)
    )
    assert response.status_code == 400
    assert "CPR-nummer" in error_at(response, "description")
    assert row_counts() == before


def test_editor_starts_an_initiative(client, cast, demo):
    initiative = equality_lab(demo)
    url = reverse("policy:initiative_edit", args=[initiative.pk])
    client = logged_in(client, cast.policy_officer)
    values = form_values(client.get(url))

    response = client.post(url, {**values, "status": Initiative.Status.ONGOING})

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.ONGOING
    [event] = AuditEvent.objects.for_object(initiative).filter(action=AuditEvent.Action.UPDATE)
    assert event.changes == {"status": {"before": "planned", "after": "ongoing"}}


def test_changing_the_end_to_before_the_start_is_refused(client, cast, demo):
    initiative = equality_lab(demo)
    url = reverse("policy:initiative_edit", args=[initiative.pk])
    client = logged_in(client, cast.policy_officer)
    values = form_values(client.get(url))
    before = row_counts()

    response = client.post(url, {**values, "ends_on": "2011-12-31"})

    assert response.status_code == 400
    assert error_at(response, "ends_on") == "Slutdatoen kan ikke ligge før startdatoen."
    assert row_counts() == before
    initiative.refresh_from_db()
    assert initiative.ends_on == date(2012, 12, 31)
