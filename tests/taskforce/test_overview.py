"""The coordinator's overview: the figures, the downloads, who may see it, what it costs."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from pejling.taskforce import services
from pejling.taskforce.models import ActivityKind, ActorKind, Door, Field

URL = reverse("taskforce:overview")


def open_case(cast, **fields):
    values = {
        "title": "Skole",
        "description": "Hjælp",
        "field": Field.EDUCATION,
        "actor_kind": ActorKind.SCHOOL,
    }
    case = services.receive_case(actor=None, door=Door.PUBLIC, **(values | fields))
    return services.assign(actor=cast.coordinator, case=case, advisors=[cast.advisor])


def table(response, key):
    return next(t for t in response.context["tables"] if t.key == key)


def test_the_coordinator_sees_workload_fields_and_hours(client, cast):
    case = open_case(cast)
    open_case(cast, field=Field.HOUSING, actor_kind=ActorKind.HOUSING_ASSOCIATION)
    services.add_activity(
        actor=cast.advisor,
        case=case,
        kind=ActivityKind.TALK,
        advisor=cast.advisor,
        date=date(2026, 11, 19),
        starts_at=time(16),
        ends_at=time(20),
    )
    client.force_login(cast.coordinator)
    response = client.get(URL)
    assert response.status_code == 200
    assert [(r.label, r.value) for r in table(response, "workload").rows] == [
        (str(cast.advisor), 2)
    ]
    fields = {r.label: r.value for r in table(response, "field").rows}
    assert (fields["Uddannelse og dagtilbud"], fields["Bolig"]) == (1, 1)
    off = {r.label: r.value for r in table(response, "off_hours").rows}
    assert off == {"Inden for almindelig arbejdstid": 1, "Aften, nat og weekend": 3}


def test_a_table_downloads_as_csv_and_an_unknown_one_is_not_found(client, cast):
    open_case(cast)
    client.force_login(cast.coordinator)
    response = client.get(URL, {"tabel": "field", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "Uddannelse og dagtilbud;1" in response.content.decode("utf-8-sig")
    assert client.get(URL, {"tabel": "nope", "format": "csv"}).status_code == 404


def test_only_the_coordinator_sees_the_overview(client, cast):
    assert client.get(URL).status_code == 302
    for user in (cast.advisor, cast.committee_member, cast.outsider):
        client.force_login(user)
        assert client.get(URL).status_code == 403


def test_the_overview_costs_the_same_with_more_cases(client, cast, django_assert_max_num_queries):
    for _ in range(3):
        open_case(cast)
    client.force_login(cast.coordinator)
    with django_assert_max_num_queries(25) as few:
        client.get(URL)
    for _ in range(20):
        open_case(cast, field=Field.HEALTH)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)


def hours_by_kind(response) -> dict[str, int]:
    return {r.label: r.value for r in table(response, "activity_hours").rows}


@time_machine.travel(datetime(2026, 6, 1, 12, tzinfo=ZoneInfo("Europe/Copenhagen")), tick=False)
def test_the_overview_shows_this_year_unless_another_or_all_years_are_chosen(client, cast):
    case = open_case(cast)
    for day in (date(2024, 3, 4), date(2026, 3, 4)):
        services.add_activity(
            actor=cast.advisor,
            case=case,
            kind=ActivityKind.TALK,
            advisor=cast.advisor,
            date=day,
            starts_at=time(9),
            ends_at=time(11),
        )
    client.force_login(cast.coordinator)

    this_year = client.get(URL)
    assert this_year.context["year"] == 2026
    assert hours_by_kind(this_year)["Oplæg og foredrag"] == 2
    assert hours_by_kind(client.get(URL, {"aar": "2024"}))["Oplæg og foredrag"] == 2
    assert hours_by_kind(client.get(URL, {"aar": "2025"}))["Oplæg og foredrag"] == 0
    every_year = client.get(URL, {"aar": "alle"})
    assert every_year.context["year"] is None
    assert hours_by_kind(every_year)["Oplæg og foredrag"] == 4
    # A year that is not a number falls back to this year rather than failing.
    assert client.get(URL, {"aar": "to tusind"}).context["year"] == 2026
    csv = client.get(URL, {"aar": "alle", "tabel": "activity_hours", "format": "csv"})
    assert "Oplæg og foredrag;4" in csv.content.decode("utf-8-sig")


def test_all_years_are_counted_once_and_kept_for_a_few_minutes(client, cast):
    from django.core.cache import cache

    cache.clear()
    case = open_case(cast)
    client.force_login(cast.coordinator)

    def talk(day):
        services.add_activity(
            actor=cast.advisor,
            case=case,
            kind=ActivityKind.TALK,
            advisor=cast.advisor,
            date=day,
            starts_at=time(9),
            ends_at=time(11),
        )

    talk(date(2024, 3, 4))
    first = client.get(URL, {"aar": "alle"})
    assert hours_by_kind(first)["Oplæg og foredrag"] == 2
    assert "Tallene for alle år er beregnet kl." in first.content.decode()

    talk(date(2024, 3, 5))
    assert hours_by_kind(client.get(URL, {"aar": "alle"}))["Oplæg og foredrag"] == 2
    # A single year is always counted afresh.
    assert hours_by_kind(client.get(URL, {"aar": "2024"}))["Oplæg og foredrag"] == 4
    cache.clear()
    assert hours_by_kind(client.get(URL, {"aar": "alle"}))["Oplæg og foredrag"] == 4
