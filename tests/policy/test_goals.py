"""The goal list (filters, htmx, exports, pages), a goal's page, and creating and changing goals."""

from decimal import Decimal

import pytest
from django.urls import reverse

from pejling.accounts.models import Administration
from pejling.audit.models import AuditEvent
from pejling.core import crud
from pejling.policy.models import Goal, PlanTarget, Theme
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

LIST = reverse("policy:goal_list")
CREATE = reverse("policy:goal_create")


def listed(response) -> list[str]:
    return [goal.title for goal in response.context["page"].object_list]


@pytest.fixture
def goals(demo):
    """Two goals in the draft (one owned by BIF) and one in the public policy."""
    theme = demo.draft.themes.get(number=1)
    bif = Administration.objects.get(short_name="BIF")
    draft_goals = [
        crud.create(
            actor=None,
            instance=Goal(
                policy=demo.draft,
                theme=theme,
                title="Medarbejderne afspejler befolkningen",
                target_value=Decimal("25.5"),
                unit="procent",
                target_year=2014,
                owner=bif,
            ),
        ),
        crud.create(
            actor=None,
            instance=Goal(
                policy=demo.draft, theme=demo.draft.themes.get(number=2), title="Mindre karaktergab"
            ),
        ),
    ]
    public_goal = crud.create(
        actor=None,
        instance=Goal(
            policy=demo.public,
            guidepost=demo.guidepost,
            title="Flere med danskkundskaber",
            target_value=Decimal(1200),
            unit="kursister",
        ),
    )
    return [*draft_goals, public_goal]


# --- The list -------------------------------------------------------------------------------


def test_staff_see_every_goal_with_its_theme_or_guidepost(client, cast, goals):
    response = logged_in(client, cast.advisor).get(LIST)

    assert response.status_code == 200
    assert sorted(listed(response)) == sorted(goal.title for goal in goals)
    text = page_text(response)
    # Goal, policy, theme (or guidepost where there is no theme), target, year, owner.
    assert (
        "Medarbejderne afspejler befolkningen Bland dig i byen Mangfoldig arbejdsplads "
        "25,5 procent 2014 BIF"
    ) in text
    assert "Mindre karaktergab Bland dig i byen Bedre præstationer i folkeskolen – – –" in text
    assert "Flere med danskkundskaber Vision, pejlemærker og særlige fokusområder" in text
    assert "Integration og sprog 1.200 kursister – –" in text
    assert "3 mål" in text


def test_goal_outside_theme_and_guidepost_is_listed(client, cast, demo):
    crud.create(
        actor=None,
        instance=Goal(policy=demo.public, focus_area=demo.focus_area, title="Ukrainere i job"),
    )
    crud.create(actor=None, instance=Goal(policy=demo.public, title="Løst mål"))

    text = page_text(logged_in(client, cast.advisor).get(LIST))

    assert (
        "Ukrainere i job Vision, pejlemærker og særlige fokusområder Ukrainske flygtninge" in text
    )
    assert "Løst mål Vision, pejlemærker og særlige fokusområder – – – –" in text


def test_anonymous_sees_only_the_public_policys_goals(client, goals):
    assert listed(client.get(LIST)) == ["Flere med danskkundskaber"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "karakter"}, ["Mindre karaktergab"]),
        ({"owner": "BIF"}, ["Medarbejderne afspejler befolkningen"]),
        ({"policy": "public"}, ["Flere med danskkundskaber"]),
    ],
)
def test_filter(client, cast, demo, goals, query, expected):
    ids = {
        "BIF": Administration.objects.get(short_name="BIF").pk,
        "public": demo.public.pk,
    }
    query = {key: ids.get(value, value) for key, value in query.items()}

    response = logged_in(client, cast.advisor).get(LIST, query)

    assert listed(response) == expected


def test_anonymous_cannot_filter_by_a_draft_policy(client, demo, goals):
    response = client.get(LIST, {"policy": demo.draft.pk})

    assert listed(response) == []
    assert "policy" in response.context["form"].errors


def test_htmx_request_gets_only_the_results(client, cast, goals):
    response = logged_in(client, cast.advisor).get(LIST, {"q": "karakter"}, HTTP_HX_REQUEST="true")

    assert is_partial(response)
    assert "Mindre karaktergab" in html(response)
    assert "Flere med danskkundskaber" not in html(response)


def test_csv_export_has_the_filtered_goals(client, cast, demo, goals):
    response = logged_in(client, cast.advisor).get(LIST, {"policy": demo.draft.pk, "format": "csv"})

    assert response["Content-Disposition"] == 'attachment; filename="maal.csv"'
    header, *rows = csv_rows(response)
    assert header == [
        "Id",
        "Mål",
        "Politik",
        "Tema",
        "Pejlemærke",
        "Målværdi",
        "Enhed",
        "Retning",
        "Målår",
        "Ansvarlig",
    ]
    assert [row[1] for row in rows] == [
        "Medarbejderne afspejler befolkningen",
        "Mindre karaktergab",
    ]
    assert rows[0][2:] == [
        "Bland dig i byen",
        "Mangfoldig arbejdsplads",
        "",
        "25.50",
        "procent",
        "Højere er bedre",
        "2014",
        "BIF",
    ]


def test_xlsx_export_opens_with_a_header_and_a_row(client, goals):
    response = client.get(LIST, {"format": "xlsx"})

    assert response["Content-Disposition"] == 'attachment; filename="maal.xlsx"'
    header, *rows = xlsx_rows(response)
    assert header[:5] == ("Id", "Mål", "Politik", "Tema", "Pejlemærke")
    [row] = rows
    assert row[0] == goals[2].pk
    assert row[1:5] == (
        "Flere med danskkundskaber",
        "Vision, pejlemærker og særlige fokusområder",
        None,
        "Integration og sprog",
    )


def test_pagination_shows_fifty_a_page(client, cast, demo):
    add_goals(57, policy=demo.draft)
    client = logged_in(client, cast.advisor)

    first, second = client.get(LIST), client.get(LIST, {"side": 2})

    assert len(listed(first)) == 50
    assert len(listed(second)) == 7
    assert set(listed(first)).isdisjoint(listed(second))
    assert "57 mål" in html(second)


@pytest.mark.parametrize("count", [3, 60])
def test_list_query_count_does_not_grow_with_goals(
    client, cast, demo, django_assert_max_num_queries, count
):
    owner = Administration.objects.get(short_name="BIF")
    add_goals(count, policy=demo.draft, theme=demo.draft.themes.get(number=2), owner=owner)
    add_goals(count, policy=demo.public, guidepost=demo.guidepost)
    client = logged_in(client, cast.advisor)

    # Session, user and roles; count, the page's keys and its rows; the filter's policy and
    # owner choices.
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    # The same and the lookup of the chosen policy.
    with django_assert_max_num_queries(9):
        client.get(LIST, {"policy": demo.draft.pk, "side": 2 if count > 50 else 1})

    assert response.status_code == 200


# --- A goal's page --------------------------------------------------------------------------


def test_goal_links_up_to_theme_and_policy_and_down_to_initiatives_and_plan(
    client, cast, demo, goals
):
    goal = goals[0]
    [initiative] = add_initiatives(1, policy=demo.draft, theme=goal.theme, goals=[goal])
    crud.update(actor=None, instance=demo.range_target, changes={"goal": goal})

    response = logged_in(client, cast.committee_member).get(goal.get_absolute_url())

    text = page_text(response)
    assert "Mål Medarbejderne afspejler befolkningen" in text
    assert "Målværdi 25,5 procent" in text
    up, down = chain(response)
    assert up == [("Politik", "Bland dig i byen"), ("Tema", "1. Mangfoldig arbejdsplads")]
    assert down == [
        ("Initiativ", initiative.title),
        ("Handleplan", "Videreførelse og styrkelse af handleplan for ligebehandling 2012"),
    ]


def test_goal_page_query_count_does_not_grow_with_initiatives(
    client, cast, demo, goals, django_assert_max_num_queries
):
    goal = goals[0]
    add_initiatives(20, policy=demo.draft, goals=[goal])
    for target in PlanTarget.objects.filter(strand__action_plan=demo.plan):
        crud.update(actor=None, instance=target, changes={"goal": goal})
    client = logged_in(client, cast.committee_member)

    # Eight for the goal and its chain, three for its indicators' status in the barometer.
    with django_assert_max_num_queries(11):
        response = client.get(goal.get_absolute_url())

    assert html(response).count("Testinitiativ") == 20


# --- Creating and changing goals ------------------------------------------------------------


def new_goal(demo, **changes) -> dict:
    return {
        "policy": demo.draft.pk,
        "theme": demo.draft.themes.get(number=4).pk,
        "title": "Overledigheden halveres",
        "target_value": "50",
        "unit": "procent",
        "direction": "lower",
        "target_year": "2014",
        **changes,
    }


def test_new_goal_form_takes_the_policy_from_the_address(client, cast, demo):
    response = logged_in(client, cast.policy_officer).get(CREATE, {"politik": "bland-dig-i-byen"})
    assert response.context["form"]["policy"].value() == demo.draft.pk


def test_editor_creates_a_goal_under_a_theme(client, cast, demo):
    response = logged_in(client, cast.policy_officer).post(CREATE, new_goal(demo))

    assert response.status_code == 302
    goal = Goal.objects.get(title="Overledigheden halveres")
    assert response["Location"] == goal.get_absolute_url()
    assert goal.theme.title == "Flere bidrager til byens vækst"
    assert AuditEvent.objects.for_object(goal).get().actor == cast.policy_officer


def test_goal_under_another_policys_theme_is_refused(client, cast, demo):
    other = crud.create(actor=None, instance=Theme(policy=demo.public, number=1, title="Sprog"))
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(CREATE, new_goal(demo, theme=other.pk))

    assert response.status_code == 400
    assert (
        error_at(response, "theme")
        == "Vælg et tema, pejlemærke eller fokusområde fra den samme politik som målet."
    )
    assert row_counts() == before


def test_goal_under_another_policys_guidepost_is_refused(client, cast, demo):
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(
        CREATE, new_goal(demo, guidepost=demo.guidepost.pk)
    )

    assert response.status_code == 400
    assert (
        error_at(response, "guidepost")
        == "Vælg et tema, pejlemærke eller fokusområde fra den samme politik som målet."
    )
    assert row_counts() == before


def test_goal_with_a_cpr_number_is_refused(client, cast, demo):
    before = row_counts()
    response = logged_in(client, cast.policy_officer).post(
        CREATE, new_goal(demo, description=CPR_TEXT)
    )
    assert response.status_code == 400
    assert "CPR-nummer" in error_at(response, "description")
    assert row_counts() == before


@pytest.mark.parametrize(("field", "value"), [("target_value", "mange"), ("target_year", "-2014")])
def test_goal_needs_numbers_where_numbers_belong(client, cast, demo, field, value):
    before = row_counts()
    response = logged_in(client, cast.policy_officer).post(CREATE, new_goal(demo, **{field: value}))
    assert response.status_code == 400
    assert error_at(response, field)
    assert row_counts() == before


def test_editor_changes_a_goals_target(client, cast, goals):
    goal = goals[0]
    url = reverse("policy:goal_edit", args=[goal.pk])
    client = logged_in(client, cast.policy_officer)
    values = form_values(client.get(url))

    response = client.post(url, {**values, "target_value": "30"})

    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.target_value == Decimal(30)
    [event] = AuditEvent.objects.for_object(goal).filter(action=AuditEvent.Action.UPDATE)
    assert event.actor == cast.policy_officer
    assert list(event.changes) == ["target_value"]


def test_moving_a_goal_to_another_policy_keeps_its_theme_in_check(client, cast, demo, goals):
    goal = goals[0]
    url = reverse("policy:goal_edit", args=[goal.pk])
    client = logged_in(client, cast.policy_officer)
    values = form_values(client.get(url))
    before = row_counts()

    response = client.post(url, {**values, "policy": demo.public.pk})

    assert response.status_code == 400
    assert (
        error_at(response, "theme")
        == "Vælg et tema, pejlemærke eller fokusområde fra den samme politik som målet."
    )
    assert row_counts() == before
    goal.refresh_from_db()
    assert goal.policy == demo.draft
