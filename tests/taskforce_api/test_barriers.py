"""GET and POST /api/v1/barriers."""

import pytest

from pejling.taskforce.models import Barrier, BarrierKind, CaseEvent
from tests.taskforce_api.factories import (
    make_administration,
    make_barrier,
    make_case,
    make_open_case,
)
from tests.taskforce_api.support import (
    A_CPR_NUMBER,
    assert_cpr_refused,
    assert_forbidden,
    assert_invalid,
    assert_unauthenticated,
    audit_events,
)


@pytest.fixture
def kind(db) -> BarrierKind:
    return BarrierKind.objects.get(name="Sprog og kommunikation")


def barrier(kind, **fields) -> dict:
    return {
        "text": "Forældrebreve kun på dansk",
        "details": "Skolens breve når ikke forældre, der læser andre sprog.",
        "field": "education",
        "kind_id": kind.pk,
    } | fields


# --- POST -----------------------------------------------------------------------------------


def test_advisor_records_a_barrier_linked_to_cases(api, cast, kind):
    first = make_open_case(cast.coordinator, cast.advisor)
    second = make_case(cast.contact_person)

    response = api.post(
        "/barriers",
        barrier(
            kind,
            administration_id=cast.administration.pk,
            case_references=[first.reference, second.reference],
            recorded_on="2025-03-01",
        ),
        cast.advisor,
    )

    assert response.status_code == 201, response.content
    body = response.json()
    created = Barrier.objects.get()
    assert body["id"] == created.pk
    assert body["url"].endswith(f"#barrier-{created.pk}")
    assert body["kind"] == {"id": kind.pk, "name": "Sprog og kommunikation"}
    assert body["administration"]["short_name"] == "BIF"
    assert body["case_references"] == [first.reference, second.reference]
    assert body["recorded_by"] == {"id": cast.advisor.pk, "name": "Advisor"}
    assert body["recorded_on"] == "2025-03-01"
    assert set(created.cases.all()) == {first, second}
    assert first.events.filter(kind="barrier").exists()
    [event] = audit_events(created)
    assert (event.action, event.actor, event.channel) == ("create", cast.advisor, "api")
    detail = api.get(f"/requests/{first.reference}", cast.advisor).json()
    assert detail["barrier_ids"] == [created.pk]


def test_barrier_without_cases_is_dated_today(api, cast, kind):
    response = api.post("/barriers", barrier(kind), cast.coordinator)

    assert response.status_code == 201, response.content
    created = Barrier.objects.get()
    assert response.json()["case_references"] == []
    assert str(created.recorded_on) == response.json()["recorded_on"]


def test_barrier_with_an_unknown_case_saves_nothing(api, cast, kind):
    case = make_open_case(cast.coordinator, cast.advisor)
    events = CaseEvent.objects.count()

    response = api.post(
        "/barriers",
        barrier(kind, case_references=[case.reference, "TF-1999-00001"]),
        cast.advisor,
    )

    assert_invalid(response, "case_references", "“TF-1999-00001”")
    assert not Barrier.objects.exists()
    assert CaseEvent.objects.count() == events


def test_barrier_with_an_unknown_or_retired_kind_is_refused(api, cast, kind):
    BarrierKind.objects.filter(pk=kind.pk).update(is_active=False)

    for kind_id in (kind.pk, 999):
        assert_invalid(
            api.post("/barriers", barrier(kind, kind_id=kind_id), cast.advisor),
            "kind_id",
            "Vælg en slags barriere, der er i brug.",
        )
    assert not Barrier.objects.exists()


def test_barrier_with_bad_text_or_field_is_refused(api, cast, kind):
    response = api.post("/barriers", barrier(kind, text="", field="moon"), cast.advisor)

    assert response.status_code == 400
    assert {"text", "field"} <= set(response.json()["errors"])
    assert not Barrier.objects.exists()


@pytest.mark.parametrize("name", ["text", "details"])
def test_barrier_with_a_cpr_number_is_422(api, cast, kind, name):
    assert_cpr_refused(
        api.post("/barriers", barrier(kind, **{name: A_CPR_NUMBER}), cast.advisor), name
    )
    assert not Barrier.objects.exists()


def test_anonymous_cannot_record_or_list_barriers(api, kind):
    assert_unauthenticated(api.post("/barriers", barrier(kind)))
    assert_unauthenticated(api.get("/barriers"))
    assert not Barrier.objects.exists()


@pytest.mark.parametrize("role", ["contact_person", "committee_member", "outsider", "analyst"])
def test_barriers_are_for_the_task_force(api, cast, kind, role):
    assert_forbidden(api.post("/barriers", barrier(kind), getattr(cast, role)))
    assert_forbidden(api.get("/barriers", getattr(cast, role)))
    assert not Barrier.objects.exists()


# --- GET ------------------------------------------------------------------------------------


def test_barrier_list_filters_by_kind_field_and_administration(api, cast, kind):
    other_kind = BarrierKind.objects.exclude(pk=kind.pk).first()
    other = make_administration()
    language = make_barrier(cast.advisor, kind=kind, administration=cast.administration)
    rules = make_barrier(cast.advisor, text="Regler", kind=other_kind, field="housing")
    elsewhere = make_barrier(cast.advisor, text="Andetsteds", kind=kind, administration=other)

    def ids(**params):
        return [b["id"] for b in api.get("/barriers", cast.coordinator, **params).json()["items"]]

    assert set(ids()) == {language.pk, rules.pk, elsewhere.pk}
    assert set(ids(kind_id=kind.pk)) == {language.pk, elsewhere.pk}
    assert ids(field="housing") == [rules.pk]
    assert ids(administration_id=other.pk) == [elsewhere.pk]
    assert api.get("/barriers", cast.coordinator, field="moon").status_code == 422


@pytest.mark.parametrize("rows", [3, 30])
def test_barrier_list_query_count_does_not_grow_with_rows(
    api, cast, kind, rows, django_assert_max_num_queries
):
    cases = [make_open_case(cast.coordinator, cast.advisor) for _ in range(3)]
    for n in range(rows):
        make_barrier(
            cast.advisor,
            text=f"Barriere {n}",
            administration=cast.administration if n % 2 else None,
            cases=cases[: n % 3 + 1],
        )
    api.get("/barriers", cast.advisor)

    with django_assert_max_num_queries(5):
        response = api.client.get("/api/v1/barriers", **api.headers(cast.advisor))

    assert response.json()["count"] == rows
