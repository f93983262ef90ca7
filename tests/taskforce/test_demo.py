"""The task force's demo cases: dated as they would have been, so a year's report has content."""

from datetime import UTC, date, datetime

import pytest
from django.utils import timezone

from pejling.demo import load_all
from pejling.reports import figures
from pejling.reports.models import Kind
from pejling.taskforce.models import Activity, Assignment, Case, CaseEvent, Door, Status

pytestmark = pytest.mark.django_db

PARTS = ("accounts", "policy", "taskforce")


def summary(content: dict) -> dict:
    return {f["label"]: f["value"] for f in content["summary"]}


def dates() -> list[tuple]:
    return list(
        Case.objects.order_by("reference").values_list(
            "reference", "received_at", "first_responded_at", "closed_at", "pending_since"
        )
    )


def test_the_2025_report_counts_closed_cases_answers_and_hours():
    load_all(PARTS)

    numbers = summary(figures.build(Kind.STATUS_REPORT, 2025, "da"))

    assert numbers["Henvendelser modtaget"] == 9
    assert numbers["Sager afsluttet"] == 7
    assert numbers["Timer med aktiviteter"] == 50.0
    assert numbers["Andel af timerne i aftener, nætter og weekender"] == 70.0
    # Six of the seven requests answered (outreach aside) within three working days.
    assert numbers["Første svar inden fristen"] == 85.7


def test_cases_are_answered_and_closed_after_they_arrive_not_when_loaded():
    loaded = timezone.now()
    load_all(PARTS)

    stories = Case.objects.exclude(title="Beboerforening ønsker oplæg om nabofællesskab")
    for case in stories.exclude(status=Status.PENDING):
        assert case.received_at <= case.first_responded_at < datetime(2026, 7, 1, tzinfo=UTC)
        if case.status == Status.CLOSED:
            assert case.first_responded_at < case.closed_at < loaded
            last = case.activities.order_by("-date").values_list("date", flat=True).first()
            assert last is None or last <= timezone.localtime(case.closed_at).date()
    # Only the open cases' next follow-ups, due in a week, are set while the demo loads.
    events = CaseEvent.objects.filter(case__in=stories).exclude(kind=CaseEvent.Kind.FOLLOW_UP)
    assert all(e.at < loaded for e in events)
    assert all(a.assigned_at < loaded for a in Assignment.objects.filter(case__in=stories))
    pending = Case.objects.get(status=Status.PENDING)
    assert timezone.localtime(pending.pending_since).date() == date(2026, 10, 27)
    school = Case.objects.get(title="Skole modtager tosprogede elever for første gang")
    assert timezone.localtime(school.first_responded_at).date() == date(2024, 3, 5)
    late = [
        c
        for c in Case.objects.exclude(door=Door.OUTREACH).exclude(first_responded_at=None)
        if timezone.localtime(c.first_responded_at).date() > c.response_due_on
    ]
    assert late, "some first answers come after the deadline"
    assert Activity.objects.filter(date__year=2025).exists()


def test_the_dates_are_the_same_every_load_and_nothing_is_made_twice():
    load_all(PARTS)
    first = dates()
    assert load_all(PARTS)["taskforce"] == {"cases": 0}
    assert dates() == first

    Case.objects.all().delete()
    load_all(PARTS)
    again = dates()
    fresh = "Beboerforening ønsker oplæg om nabofællesskab"
    fresh_refs = set(Case.objects.filter(title=fresh).values_list("reference", flat=True))
    assert [row for row in again if row[0] not in fresh_refs] == [
        row for row in first if row[0] not in fresh_refs
    ]
