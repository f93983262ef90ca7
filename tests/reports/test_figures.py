"""The report's figures: what a year's records give, and that they match the list pages."""

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse

from pejling.reports import figures
from pejling.reports.models import Kind, Priority
from pejling.taskforce import services
from pejling.taskforce.models import OutcomeKind
from tests.reports.support import CPH, a_year_of_work


def table(content: dict, section: str, key: str) -> dict:
    part = next(s for s in content["sections"] if s["key"] == section)
    return next(t for t in part["tables"] if t["key"] == key)


def summary(content: dict) -> dict:
    return {f["label"]: f["value"] for f in content["summary"]}


@pytest.fixture
def work(cast):
    return a_year_of_work(cast, 2025)


def test_the_summary_counts_the_years_requests_hours_and_barriers(cast, work):
    content = figures.build(Kind.STATUS_REPORT, 2025, "da")

    numbers = summary(content)
    assert numbers["Henvendelser modtaget"] == 3
    assert numbers["Timer med aktiviteter"] == 5.0
    assert numbers["Andel af timerne i aftener, nætter og weekender"] == 40.0
    assert numbers["Barrierer registreret"] == 1
    assert numbers["Bevilget i året"] == 1_000_000.0
    assert numbers["Forbrugt i året"] == 250_000.0
    assert content["has_data"] is True


def test_the_tables_group_the_years_requests(cast, work):
    content = figures.build(Kind.STATUS_REPORT, 2025, "da")

    doors = dict(table(content, "taskforce", "door")["rows"])
    assert doors == {
        "Offentlig formular": 2,
        "Kontaktperson (rekvirering)": 1,
        "Opsøgende arbejde": 0,
    }
    fields = dict(table(content, "taskforce", "field")["rows"])
    assert (fields["Uddannelse og dagtilbud"], fields["Bolig"]) == (2, 1)
    admins = dict(table(content, "taskforce", "administration")["rows"])
    assert admins["BIF"] == 1
    money = table(content, "money", "appropriations")["rows"]
    assert money == [["Task forcen", 1_000_000.0, 600_000.0, 250_000.0, 350_000.0]]


def test_the_summary_matches_the_overview_list_page(client, cast, work):
    content = figures.build(Kind.STATUS_REPORT, 2025, "da")
    client.force_login(cast.coordinator)

    overview = client.get(reverse("taskforce:overview"), {"aar": 2025})
    tables = {t.key: t for t in overview.context["tables"]}
    per_door = {row.label: row.value for row in tables["door"].rows}
    report_doors = dict(table(content, "taskforce", "door")["rows"])
    assert per_door == report_doors
    hours = sum(row.value for row in tables["activity_hours"].rows)
    assert hours == round(summary(content)["Timer med aktiviteter"])
    assert (
        table(content, "taskforce", "door")["link"] == reverse("taskforce:case_list") + "?aar=2025"
    )


# The summary's counts, each the length of the list page it links to.
COUNTS = ("Henvendelser modtaget", "Sager afsluttet", "Barrierer registreret", "Initiativer i alt")


def test_every_count_in_the_summary_is_the_length_of_the_list_it_links_to(client, cast, work):
    with time_machine.travel(datetime(2025, 6, 2, 12, tzinfo=CPH)):
        services.close(actor=cast.advisor, case=work["case"], outcome=OutcomeKind.objects.first())
    content = figures.build(Kind.STATUS_REPORT, 2025, "da")
    client.force_login(cast.coordinator)

    numbers = {f["label"]: f for f in content["summary"]}
    for label in COUNTS:
        listed = client.get(numbers[label]["link"]).context["page"].paginator.count
        assert (label, listed) == (label, numbers[label]["value"])
    assert numbers["Sager afsluttet"]["value"] == 1
    in_time = client.get(numbers["Første svar inden fristen"]["link"]).context["page"]
    late = client.get(reverse("taskforce:case_list"), {"aar": 2025, "svar": "efter"})
    answered = in_time.paginator.count + late.context["page"].paginator.count
    assert numbers["Første svar inden fristen"]["value"] == round(
        100 * in_time.paginator.count / answered, 1
    )


@pytest.mark.parametrize("key", ["door", "field", "administration", "actor_kind", "response"])
def test_each_rows_count_links_to_the_case_list_showing_as_many_cases(client, cast, work, key):
    content = figures.build(Kind.STATUS_REPORT, 2025, "da")
    client.force_login(cast.coordinator)

    part = table(content, "taskforce", key)
    assert len(part["row_links"]) == len(part["rows"])
    for row, link in zip(part["rows"], part["row_links"], strict=True):
        assert link.startswith(reverse("taskforce:case_list") + "?aar=2025&")
        assert client.get(link).context["page"].paginator.count == row[1], row[0]


def test_building_twice_gives_the_same_report(cast, work):
    assert figures.build(Kind.STATUS_REPORT, 2025, "da") == figures.build(
        Kind.STATUS_REPORT, 2025, "da"
    )


def test_a_year_without_records_says_so_and_still_has_every_table(cast, work):
    content = figures.build(Kind.STATUS_REPORT, 2019, "da")

    assert content["has_data"] is False
    assert summary(content)["Henvendelser modtaget"] == 0
    assert table(content, "taskforce", "barriers")["rows"] == []


def test_the_report_in_english(cast, work):
    content = figures.build(Kind.STATUS_REPORT, 2025, "en")

    assert content["title"] == "Status report on the integration effort 2025"
    assert "Requests received" in summary(content)


def test_the_priorities_written_for_the_year_are_included(cast, work):
    Priority.objects.create(
        year=2025,
        section=Priority.Section.TASK_FORCE,
        title="Flere opsøgende sager i boligområderne",
        text="Barriererne peger på boligområderne.",
        author=cast.coordinator,
    )
    content = figures.build(Kind.STATUS_REPORT, 2025, "da")

    part = content["sections"][-1]
    assert part["title"] == "Forslag til prioriteter for 2026"
    assert [p["title"] for p in part["priorities"]] == ["Flere opsøgende sager i boligområderne"]


@time_machine.travel("2026-03-01 12:00 +01:00", tick=False)
def test_the_committee_orientation_keeps_the_task_force_money_and_priorities(cast, work):
    content = figures.build(Kind.ORIENTATION, 2025, "da")

    assert content["title"] == "Orientering om task forcens arbejde i 2025"
    # In the shape of an agenda item; tests/reports/test_orientation.py reads it in full.
    assert [s["key"] for s in content["sections"]] == [
        "recommendation",
        "summary",
        "case",
        "priorities",
        "economy",
        "annexes",
    ]


def test_the_barometer_section_reads_the_latest_edition_published_for_the_year(cast):
    from pejling.barometer.models import Edition, Indicator
    from pejling.demo import POLICY_PARTS, load_all

    load_all((*POLICY_PARTS, "barometer"))
    edition = Edition.objects.published().filter(period__lte="2024H2").order_by("-period")[0]

    content = figures.build(Kind.STATUS_REPORT, 2024, "da")

    section = next(s for s in content["sections"] if s["key"] == "barometer")
    assert section["intro"].startswith(f"Fra integrationsbarometerets udgave for {edition.period}.")
    assert "syntetiske" in section["intro"]
    rows = table(content, "barometer", "indicators")["rows"]
    assert len(rows) == Indicator.objects.count()
    assert table(content, "barometer", "indicators")["link"] == edition.get_absolute_url()
    assert all(row[3] for row in rows)  # every indicator has a status or says why not
    assert "Indikatorer, hvor målet er nået" in summary(content)

    early = figures.build(Kind.STATUS_REPORT, 2012, "da")
    section = next(s for s in early["sections"] if s["key"] == "barometer")
    assert (
        section["intro"]
        == "Der er ikke offentliggjort en udgave af integrationsbarometeret for året."
    )
    assert table(early, "barometer", "indicators")["rows"] == []
