"""The demo's annual wheel follows seed 003 and loads twice without creating anything twice."""

import time_machine

from pejling.annualwheel.models import Category, Occurrence, RecurringEvent, State, Status
from pejling.demo import accounts as demo_accounts
from pejling.demo import annualwheel as demo_wheel


@time_machine.travel("2026-11-22 10:00 +01:00", tick=False)
def test_demo_wheel_for_the_current_year(db):
    demo_accounts.load()
    first = demo_wheel.load()
    assert first["events"] == len(demo_wheel.EVENTS)
    assert first["occurrences"] == Occurrence.objects.filter(date__year=2026).count()
    barometer = RecurringEvent.objects.get(category=Category.BAROMETER)
    assert [o.date.month for o in barometer.occurrences.all()] == [2, 8]
    assert barometer.responsible.username == "analytiker"
    report = Occurrence.objects.get(event__title="Statusrapport om integrationsindsatsen")
    talks = Occurrence.objects.get(event__title="Budgetforhandlinger")
    assert report.date < talks.date  # the status report comes before the budget talks
    assert report.state == State.DONE
    assert RecurringEvent.objects.filter(title__startswith="Orientering af udvalget").exists()
    overdue = Occurrence.objects.overdue()
    assert sorted(o.event.title for o in overdue) == [
        "Møde i Eksperttænketanken for integration",
        "Møde i temanetværkene",
    ]
    assert Occurrence.objects.with_status(Status.PLANNED).filter(date__month=12).count() == 2

    second = demo_wheel.load()
    assert second == {"events": 0, "occurrences": 0, "done": 0}
