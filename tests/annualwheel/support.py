"""Small factories for the annual wheel's tests."""

from pejling.annualwheel import services
from pejling.annualwheel.models import Category, Occurrence, RecurringEvent

BAROMETER_RULE = "FREQ=YEARLY;BYMONTH=2,8;BYMONTHDAY=15"


def make_event(
    *,
    title: str = "Integrationsbarometeret offentliggøres",
    category: str = Category.BAROMETER,
    rule: str = BAROMETER_RULE,
    responsible=None,
    reminder_days: int | None = None,
    description: str = "Barometeret to gange om året.",
) -> RecurringEvent:
    return services.create_event(
        actor=None,
        title=title,
        category=category,
        rule=rule,
        description=description,
        responsible=responsible,
        reminder_days=reminder_days,
    )


def occurrences_of(event: RecurringEvent, year: int) -> list[Occurrence]:
    services.generate_occurrences(actor=None, year=year)
    return list(event.occurrences.filter(date__year=year).order_by("date"))
