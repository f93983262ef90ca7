"""Goal, theme and guidepost pages link down to the task force's cases that serve them."""

import pytest
from django.urls import reverse

from pejling.policy import chain as policy_chain
from pejling.taskforce import services
from pejling.taskforce.models import ActorKind, Door, Field
from tests.policy.support import add_goals, chain, logged_in


def serving_case(cast, title: str, *, administration=None, **links):
    case = services.receive_case(
        actor=None,
        door=Door.PUBLIC,
        title=title,
        description="Hjælp til forældremøder",
        field=Field.EDUCATION,
        actor_kind=ActorKind.SCHOOL,
    )
    if administration is not None:
        case.administration = administration
        case.save(update_fields=["administration"])
    return services.set_policy_links(actor=cast.coordinator, case=case, **links)


@pytest.fixture
def linked(cast, demo):
    guidepost = demo.guidepost
    goal = add_goals(1, policy=demo.draft)[0]
    theme = demo.draft.themes.first()
    case = serving_case(
        cast,
        "Forældresamarbejde på Nørrebro",
        administration=cast.administration,
        goals=[goal],
        themes=[theme],
        guideposts=[guidepost],
    )
    other = serving_case(cast, "Sprogcafé", guideposts=[guidepost])
    return case, other, goal, theme, guidepost


def case_links(response) -> list[str]:
    _up, down = chain(response)
    return [name for kind, name in down if kind == str(policy_chain.CASE)]


@pytest.mark.parametrize("member", ["coordinator", "advisor"])
def test_the_task_force_sees_the_cases_that_serve_a_record(client, cast, linked, member):
    case, other, goal, theme, guidepost = linked
    client = logged_in(client, getattr(cast, member))

    assert case_links(client.get(goal.get_absolute_url())) == [str(case)]
    assert case_links(client.get(theme.get_absolute_url())) == [str(case)]
    # The newest first.
    assert case_links(client.get(guidepost.get_absolute_url())) == [str(other), str(case)]


def test_a_contact_person_sees_only_their_administrations_cases(client, cast, linked):
    case, _other, _goal, _theme, guidepost = linked

    response = logged_in(client, cast.contact_person).get(guidepost.get_absolute_url())

    assert case_links(response) == [str(case)]


@pytest.mark.parametrize("member", ["committee_member", "policy_officer", "analyst"])
def test_other_roles_see_no_cases(client, cast, linked, member):
    _case, _other, goal, _theme, guidepost = linked
    client = logged_in(client, getattr(cast, member))

    assert case_links(client.get(goal.get_absolute_url())) == []
    assert case_links(client.get(guidepost.get_absolute_url())) == []


def test_the_public_page_of_a_guidepost_shows_no_cases(client, linked):
    _case, _other, _goal, _theme, guidepost = linked

    response = client.get(guidepost.get_absolute_url())

    assert response.status_code == 200
    assert case_links(response) == []
    assert "Sprogcafé" not in response.content.decode()


def test_only_the_newest_cases_are_listed(client, cast, demo):
    goal = add_goals(1, policy=demo.draft)[0]
    for n in range(policy_chain.CASES_SHOWN + 2):
        serving_case(cast, f"Sag nummer {n}", goals=[goal])

    links = case_links(logged_in(client, cast.coordinator).get(goal.get_absolute_url()))

    assert len(links) == policy_chain.CASES_SHOWN
    assert links[0].endswith("Sag nummer 11")


def test_the_case_list_query_count_does_not_grow_with_the_cases(
    client, cast, demo, django_assert_max_num_queries
):
    goal = add_goals(1, policy=demo.draft)[0]
    client = logged_in(client, cast.coordinator)
    serving_case(cast, "Første", goals=[goal])
    with django_assert_max_num_queries(40) as few:
        client.get(goal.get_absolute_url())
    for n in range(5):
        serving_case(cast, f"Flere {n}", goals=[goal])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("policy:goal_detail", args=[goal.pk]))
