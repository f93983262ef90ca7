"""The barrier list with its overview, and the coordinator's vocabularies."""

from datetime import date

import pytest
from django.urls import reverse

from pejling.accounts.models import Administration
from pejling.audit.models import AuditEvent
from pejling.taskforce import services
from pejling.taskforce.models import BarrierKind, Field, OutcomeKind
from tests.taskforce.test_work_support import (
    csv_rows,
    error_at,
    html,
    logged_in,
    open_case,
    page_text,
    text_of,
    xlsx_rows,
)

BARRIERS = reverse("taskforce:barrier_list")
VOCABULARIES = reverse("taskforce:vocabularies")


def listed(response) -> list[str]:
    return [barrier.text for barrier in response.context["page"].object_list]


@pytest.fixture
def barriers(cast):
    tmf = Administration.objects.create(
        name="Teknik- og Miljøforvaltningen", short_name="TMF", slug="tmf"
    )
    case = open_case(coordinator=cast.coordinator, advisor=cast.advisor)
    language = BarrierKind.objects.get(name="Sprog og kommunikation")
    rules = BarrierKind.objects.get(name="Regler og procedurer")

    def record(text, kind, field, administration, day, cases=()):
        return services.record_barrier(
            actor=cast.advisor,
            text=text,
            kind=kind,
            field=field,
            administration=administration,
            cases=cases,
            recorded_on=day,
        )

    return [
        record(
            "Møder kun på dansk",
            language,
            Field.EDUCATION,
            cast.administration,
            date(2025, 1, 10),
            [case],
        ),
        record("Ingen tolk i boligsager", language, Field.HOUSING, tmf, date(2025, 2, 10)),
        record(
            "Krav om flydende dansk i opslag",
            rules,
            Field.EMPLOYMENT,
            cast.administration,
            date(2025, 3, 10),
        ),
        record("Lang sagsbehandling", rules, Field.EMPLOYMENT, None, date(2025, 4, 10)),
    ], case


def test_the_task_force_sees_every_barrier_newest_first(client, cast, barriers):
    rows, case = barriers

    response = logged_in(client, cast.advisor).get(BARRIERS)

    assert response.status_code == 200
    assert listed(response) == [
        "Lang sagsbehandling",
        "Krav om flydende dansk i opslag",
        "Ingen tolk i boligsager",
        "Møder kun på dansk",
    ]
    first = text_of(response, f"barrier-{rows[0].pk}")
    assert "Sprog og kommunikation" in first
    assert "Uddannelse og dagtilbud" in first
    assert case.reference in first
    assert f'href="{case.get_absolute_url()}"' in html(response)


def test_the_overview_counts_by_kind_field_and_administration(client, cast, barriers):
    response = logged_in(client, cast.advisor).get(BARRIERS)

    overview = response.context["overview"]
    assert overview["total"] == 4
    assert overview["by_kind"] == [("Regler og procedurer", 2), ("Sprog og kommunikation", 2)]
    assert overview["by_field"][0] == ("Beskæftigelse", 2)
    assert sorted(overview["by_field"][1:]) == [("Bolig", 1), ("Uddannelse og dagtilbud", 1)]
    assert overview["by_administration"] == [("BIF", 2), ("TMF", 1), ("Ingen forvaltning", 1)]
    assert "Regler og procedurer 2" in page_text(response)


def test_the_overview_follows_the_filter(client, cast, barriers):
    client = logged_in(client, cast.advisor)
    language = BarrierKind.objects.get(name="Sprog og kommunikation")

    response = client.get(BARRIERS, {"kind": language.pk})
    assert listed(response) == ["Ingen tolk i boligsager", "Møder kun på dansk"]
    assert response.context["overview"]["by_kind"] == [("Sprog og kommunikation", 2)]

    assert listed(client.get(BARRIERS, {"field": Field.EMPLOYMENT})) == [
        "Lang sagsbehandling",
        "Krav om flydende dansk i opslag",
    ]
    tmf = Administration.objects.get(short_name="TMF")
    assert listed(client.get(BARRIERS, {"administration": tmf.pk})) == ["Ingen tolk i boligsager"]
    assert listed(client.get(BARRIERS, {"since": "2025-02-01", "until": "2025-03-31"})) == [
        "Krav om flydende dansk i opslag",
        "Ingen tolk i boligsager",
    ]
    assert listed(client.get(BARRIERS, {"q": "tolk"})) == ["Ingen tolk i boligsager"]


def test_a_period_that_ends_before_it_starts_lists_nothing(client, cast, barriers):
    response = logged_in(client, cast.advisor).get(
        BARRIERS, {"since": "2025-03-01", "until": "2025-01-01"}
    )

    assert listed(response) == []
    assert error_at(response, "id_until") == "Slutdatoen skal ligge efter startdatoen."


def test_the_barrier_list_over_htmx_and_as_files(client, cast, barriers):
    client = logged_in(client, cast.advisor)

    partial = client.get(BARRIERS, {"field": Field.HOUSING}, headers={"HX-Request": "true"})
    assert 'id="results"' in html(partial)
    assert "Overblik" in html(partial)
    assert "<html" not in html(partial)

    rows = csv_rows(client.get(BARRIERS, {"format": "csv"}))
    assert rows[0][:4] == ["Id", "Barriere", "Uddybning", "Slags"]
    assert rows[-1][1] == "Møder kun på dansk"
    assert rows[-1][-1] == barriers[1].reference
    sheet = xlsx_rows(client.get(BARRIERS, {"format": "xlsx", "field": Field.EMPLOYMENT}))
    assert [row[1] for row in sheet[1:]] == [
        "Lang sagsbehandling",
        "Krav om flydende dansk i opslag",
    ]


def test_a_barrier_links_to_its_row(barriers):
    barrier = barriers[0][0]

    assert barrier.get_absolute_url() == f"{BARRIERS}#barrier-{barrier.pk}"


@pytest.mark.parametrize("n", [3, 30])
def test_barrier_list_query_count_does_not_grow(client, cast, django_assert_max_num_queries, n):
    kind = BarrierKind.objects.first()
    case = open_case(coordinator=cast.coordinator, advisor=cast.advisor)
    for i in range(n):
        services.record_barrier(
            actor=cast.advisor, text=f"Barriere {i}", kind=kind, field=Field.HEALTH, cases=[case]
        )
    client = logged_in(client, cast.advisor)
    client.get(BARRIERS)

    with django_assert_max_num_queries(12):
        response = client.get(BARRIERS)

    assert len(listed(response)) == n


def test_anonymous_is_sent_to_log_in(client):
    assert client.get(BARRIERS).status_code == 302


@pytest.mark.parametrize("member", ["contact_person", "committee_member", "outsider"])
def test_only_the_task_force_sees_the_barriers(client, cast, member):
    assert logged_in(client, getattr(cast, member)).get(BARRIERS).status_code == 403


def test_the_barrier_list_refuses_post(client, cast):
    assert logged_in(client, cast.advisor).post(BARRIERS).status_code == 405


# --- Vocabularies -------------------------------------------------------------------------------


def vocabulary_url(kind: str, pk: int | None = None) -> str:
    if pk is None:
        return reverse("taskforce:vocabulary_create", args=[kind])
    return reverse("taskforce:vocabulary_save", args=[kind, pk])


def test_the_coordinator_sees_both_vocabularies_in_order(client, cast):
    response = logged_in(client, cast.coordinator).get(VOCABULARIES)

    assert response.status_code == 200
    barrier_section, outcome_section = response.context["sections"]
    assert [entry.name for entry, _form in barrier_section["rows"]][:2] == [
        "Manglende kendskab til politikken",
        "Sprog og kommunikation",
    ]
    assert outcome_section["rows"][0][0].name == "Løst"


def test_the_coordinator_adds_a_kind_of_barrier(client, cast):
    response = logged_in(client, cast.coordinator).post(
        vocabulary_url("barrierer"),
        {"name": "Manglende tolkning", "description": "", "order": "8", "is_active": "on"},
    )

    assert response.status_code == 302
    kind = BarrierKind.objects.get(name="Manglende tolkning")
    assert kind.is_active
    assert AuditEvent.objects.filter(
        object_pk=str(kind.pk), action="create", actor=cast.coordinator
    ).exists()


def test_the_coordinator_renames_and_deactivates_an_outcome(client, cast):
    outcome = OutcomeKind.objects.get(name="Ikke løst")

    response = logged_in(client, cast.coordinator).post(
        vocabulary_url("resultater", outcome.pk),
        {"name": "Ikke løst i denne omgang", "description": "", "order": "5"},
    )

    assert response.status_code == 302
    outcome.refresh_from_db()
    assert (outcome.name, outcome.is_active) == ("Ikke løst i denne omgang", False)
    event = AuditEvent.objects.get(object_pk=str(outcome.pk), action="update")
    assert event.changes["name"] == {"before": "Ikke løst", "after": "Ikke løst i denne omgang"}
    assert event.changes["is_active"] == {"before": True, "after": False}


def test_a_duplicate_or_empty_name_is_refused(client, cast):
    client = logged_in(client, cast.coordinator)
    before = BarrierKind.objects.count()

    response = client.post(
        vocabulary_url("barrierer"), {"name": "Sprog og kommunikation", "order": "1"}
    )
    assert response.status_code == 400
    assert error_at(response, "barrierer-new-name")

    kind = BarrierKind.objects.get(name="Ressourcer og tid")
    response = client.post(vocabulary_url("barrierer", kind.pk), {"name": "", "order": "1"})
    assert response.status_code == 400
    assert error_at(response, f"barrierer-{kind.pk}-name")
    assert BarrierKind.objects.count() == before
    kind.refresh_from_db()
    assert kind.name == "Ressourcer og tid"


def test_unknown_vocabularies_and_entries_are_not_found(client, cast):
    client = logged_in(client, cast.coordinator)

    assert client.post(vocabulary_url("farver"), {"name": "Blå"}).status_code == 404
    assert client.post(vocabulary_url("barrierer", 99999), {"name": "Blå"}).status_code == 404


@pytest.mark.parametrize("member", ["advisor", "contact_person"])
def test_only_the_coordinator_keeps_the_vocabularies(client, cast, member):
    client = logged_in(client, getattr(cast, member))

    assert client.get(VOCABULARIES).status_code == 403
    assert client.post(vocabulary_url("barrierer"), {"name": "Ny", "order": "1"}).status_code == 403
    assert not BarrierKind.objects.filter(name="Ny").exists()


def test_vocabularies_refuse_wrong_methods(client, cast):
    client = logged_in(client, cast.coordinator)

    assert client.post(VOCABULARIES).status_code == 405
    assert client.get(vocabulary_url("barrierer")).status_code == 405
