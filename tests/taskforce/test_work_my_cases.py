"""My cases: an advisor's open cases with the next follow-up and the last activity."""

from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pejling.taskforce import services
from pejling.taskforce.models import ActivityKind, Field, OutcomeKind, Priority
from tests.conftest import make_user
from tests.taskforce.test_work_support import (
    csv_rows,
    html,
    logged_in,
    new_case,
    open_case,
    page_text,
    xlsx_rows,
)

MINE = reverse("taskforce:my_cases")


def listed(response) -> list[str]:
    return [case.reference for case in response.context["page"].object_list]


@pytest.fixture
def cases(cast):
    """Two open cases of the advisor (one with a follow-up soon), one of a colleague, one
    closed, one still on the board."""
    colleague = make_user("advisor2", "advisor")
    later = open_case(
        coordinator=cast.coordinator, advisor=cast.advisor, title="Madordning", field=Field.HEALTH
    )
    sooner = open_case(
        coordinator=cast.coordinator, advisor=cast.advisor, title="Skole-hjem", days_ago=3
    )
    services.add_follow_up(
        actor=cast.advisor,
        case=sooner,
        due_on=timezone.localdate() - timedelta(days=1),
        note="Ring til skolen",
        advisor=cast.advisor,
    )
    done = services.add_follow_up(
        actor=cast.advisor,
        case=sooner,
        due_on=timezone.localdate() - timedelta(days=30),
        note="Send materiale",
        advisor=cast.advisor,
    )
    services.complete_follow_up(actor=cast.advisor, follow_up=done)
    services.add_activity(
        actor=cast.advisor,
        case=sooner,
        kind=ActivityKind.ADVICE,
        advisor=cast.advisor,
        date=date(2025, 3, 3),
        starts_at=time(9),
        ends_at=time(10),
    )
    colleagues = open_case(coordinator=cast.coordinator, advisor=colleague, title="Kollegas sag")
    closed = open_case(coordinator=cast.coordinator, advisor=cast.advisor, title="Lukket")
    services.close(actor=cast.advisor, case=closed, outcome=OutcomeKind.objects.first())
    waiting = new_case(title="Venter")
    return sooner, later, colleagues, waiting


def test_an_advisor_sees_their_open_cases_next_follow_up_first(client, cast, cases):
    sooner, later, colleagues, waiting = cases

    response = logged_in(client, cast.advisor).get(MINE)

    assert response.status_code == 200
    assert listed(response) == [sooner.reference, later.reference]
    first = response.context["page"].object_list[0]
    assert first.next_follow_up == timezone.localdate() - timedelta(days=1)  # not the done one
    assert first.last_activity == date(2025, 3, 3)
    text = page_text(response)
    assert "Overskredet" in text
    assert "3. marts 2025" in text
    assert colleagues.title not in text
    assert waiting.title not in text
    assert "everyone" not in response.context["form"].fields


def test_an_advisor_cannot_ask_for_all_cases(client, cast, cases):
    response = logged_in(client, cast.advisor).get(MINE, {"everyone": "on"})

    assert listed(response) == [cases[0].reference, cases[1].reference]


def test_the_coordinator_may_show_all_open_cases(client, cast, cases):
    sooner, later, colleagues, _waiting = cases
    client = logged_in(client, cast.coordinator)

    assert listed(client.get(MINE)) == []  # the coordinator has none of their own
    everyone = listed(client.get(MINE, {"everyone": "on"}))
    assert set(everyone) == {sooner.reference, later.reference, colleagues.reference}
    assert everyone[0] == sooner.reference


def test_my_cases_filter_and_htmx(client, cast, cases):
    sooner, later, *_ = cases
    client = logged_in(client, cast.advisor)

    assert listed(client.get(MINE, {"field": Field.HEALTH})) == [later.reference]
    assert listed(client.get(MINE, {"q": "skole"})) == [sooner.reference]
    assert listed(client.get(MINE, {"priority": Priority.HIGH})) == []
    partial = client.get(MINE, {"q": sooner.reference}, headers={"HX-Request": "true"})
    assert 'id="results"' in html(partial)
    assert "<html" not in html(partial)


def test_my_cases_export(client, cast, cases):
    sooner, later, *_ = cases
    client = logged_in(client, cast.advisor)

    rows = csv_rows(client.get(MINE, {"format": "csv"}))
    assert "Næste opfølgning" in rows[0]
    assert [row[0] for row in rows[1:]] == [sooner.reference, later.reference]
    assert "Advisor" in rows[1]
    sheet = xlsx_rows(client.get(MINE, {"format": "xlsx"}))
    assert sheet[1][0] == sooner.reference


@pytest.mark.parametrize("n", [3, 30])
def test_my_cases_query_count_does_not_grow(client, cast, django_assert_max_num_queries, n):
    for _ in range(n):
        case = open_case(coordinator=cast.coordinator, advisor=cast.advisor)
        services.add_follow_up(
            actor=cast.advisor,
            case=case,
            due_on=date(2025, 5, 1),
            note="Ring",
            advisor=cast.advisor,
        )
    client = logged_in(client, cast.advisor)
    client.get(MINE)

    with django_assert_max_num_queries(6):
        response = client.get(MINE)

    assert len(listed(response)) == n


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(MINE)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("member", ["contact_person", "committee_member", "outsider"])
def test_only_the_task_force_has_cases(client, cast, member):
    assert logged_in(client, getattr(cast, member)).get(MINE).status_code == 403


def test_my_cases_refuses_post(client, cast):
    assert logged_in(client, cast.advisor).post(MINE).status_code == 405
