"""Recurrence rules and the derived status of an occurrence."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from pejling.annualwheel.models import Occurrence, State, Status, dates_in_year, validate_rule
from tests.annualwheel.support import BAROMETER_RULE


def test_barometer_rule_gives_february_and_august():
    assert dates_in_year(BAROMETER_RULE, 2026) == [date(2026, 2, 15), date(2026, 8, 15)]


def test_rule_may_carry_the_rrule_prefix():
    validate_rule("RRULE:" + BAROMETER_RULE)
    assert dates_in_year("RRULE:" + BAROMETER_RULE, 2026)[0] == date(2026, 2, 15)


def test_monthly_rule_with_a_weekday_and_a_gap_in_july():
    rule = "FREQ=MONTHLY;BYMONTH=1,2,3,4,5,6,8,9,10,11,12;BYDAY=2WE"
    days = dates_in_year(rule, 2026)
    assert len(days) == 11
    assert all(d.weekday() == 2 for d in days)
    assert 7 not in {d.month for d in days}


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("hvert år i februar", "er ikke en gyldig gentagelsesregel"),
        ("FREQ=YEARLY;BYMONTH=13", "er ikke en gyldig gentagelsesregel"),
        ("FREQ=HOURLY", "gentages årligt, månedligt eller ugentligt"),
        ("FREQ=DAILY", "gentages årligt, månedligt eller ugentligt"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=15;COUNT=3", "brug ikke COUNT eller UNTIL"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "giver ingen datoer"),
        ("DTSTART:20260101\nRRULE:FREQ=YEARLY", "på én linje"),
        ("", "på én linje"),
    ],
)
def test_invalid_rules_are_refused_with_a_danish_message(rule, message):
    with pytest.raises(ValidationError) as caught:
        validate_rule(rule)
    assert message in " ".join(caught.value.messages)


def test_status_is_overdue_when_past_and_not_done():
    occurrence = Occurrence(date=date(2026, 2, 15), state=State.PLANNED)
    assert occurrence.status_on(date(2026, 2, 14)) == Status.PLANNED
    assert occurrence.status_on(date(2026, 2, 15)) == Status.PLANNED
    assert occurrence.status_on(date(2026, 2, 16)) == Status.OVERDUE
    occurrence.state = State.DONE
    assert occurrence.status_on(date(2026, 3, 1)) == Status.DONE


@pytest.mark.parametrize(
    "rule",
    ["FREQ=YEARLY;BYMONTH=0", "FREQ=YEARLY;BYMONTHDAY=32", "FREQ=YEARLY;BYMONTH=2;FOO=1"],
)
def test_out_of_range_parts_are_refused(rule):
    with pytest.raises(ValidationError, match="ikke en gyldig gentagelsesregel"):
        validate_rule(rule)
