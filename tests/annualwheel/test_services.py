"""The annual wheel's services: generating a year, completing, reassigning, linking, reminders."""

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from pejling.annualwheel import services
from pejling.annualwheel.models import (
    CalendarToken,
    Category,
    Occurrence,
    RecurringEvent,
    State,
    Status,
)
from pejling.audit.models import AuditEvent
from tests.annualwheel.support import make_event, occurrences_of


def test_generate_occurrences_is_idempotent(cast):
    event = make_event(responsible=cast.analyst)
    created = services.generate_occurrences(actor=cast.policy_officer, year=2026)
    assert [o.date for o in created] == [date(2026, 2, 15), date(2026, 8, 15)]
    assert all(o.responsible == cast.analyst for o in created)
    assert services.generate_occurrences(actor=cast.policy_officer, year=2026) == []
    assert event.occurrences.count() == 2
    assert AuditEvent.objects.for_object(created[0]).get().action == "create"


def test_generate_skips_inactive_events_and_keeps_each_year_apart(cast):
    event = make_event()
    services.update_event(actor=None, event=event, is_active=False)
    assert services.generate_occurrences(actor=None, year=2026) == []
    services.update_event(actor=None, event=event, is_active=True)
    assert len(services.generate_occurrences(actor=None, year=2026)) == 2
    assert len(services.generate_occurrences(actor=None, year=2027)) == 2


def test_an_invalid_rule_saves_no_event(cast):
    with pytest.raises(ValidationError) as caught:
        make_event(rule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
    assert "rule" in caught.value.message_dict
    assert not RecurringEvent.objects.exists()


def test_an_outsider_cannot_be_responsible(cast):
    with pytest.raises(ValidationError, match="kan ikke være ansvarlig"):
        make_event(responsible=cast.outsider)
    assert not RecurringEvent.objects.exists()


@time_machine.travel("2026-11-22 10:00 +01:00", tick=False)
def test_complete_and_reopen(cast):
    february, _august = occurrences_of(make_event(), 2026)
    assert february.status == Status.OVERDUE
    done = services.complete_occurrence(
        actor=cast.policy_officer,
        occurrence=february,
        notes="Udgivet med bydelstal.",
        result_url="/barometer/",
        result_title="Integrationsbarometeret, februar 2026",
    )
    assert done.state == State.DONE
    assert done.status == Status.DONE
    assert done.completed_by == cast.policy_officer
    assert done.result_link == ("/barometer/", "Integrationsbarometeret, februar 2026")
    update = AuditEvent.objects.for_object(done).filter(action="update").get()
    assert update.changes["state"] == {"before": "planned", "after": "done"}

    reopened = services.reopen_occurrence(actor=cast.policy_officer, occurrence=done)
    assert reopened.state == State.PLANNED
    assert reopened.completed_at is None


def test_completing_twice_is_refused_and_changes_nothing(cast):
    february, _ = occurrences_of(make_event(), 2026)
    services.complete_occurrence(actor=cast.policy_officer, occurrence=february, notes="Første")
    with pytest.raises(services.IllegalTransition, match="allerede markeret som udført"):
        services.complete_occurrence(actor=cast.policy_officer, occurrence=february, notes="Anden")
    february.refresh_from_db()
    assert february.notes == "Første"


def test_a_cpr_number_in_the_notes_is_refused_and_nothing_saved(cast):
    february, _ = occurrences_of(make_event(), 2026)
    with pytest.raises(ValidationError):
        services.complete_occurrence(
            actor=cast.policy_officer, occurrence=february, notes="Borger 010203-1234"
        )
    february.refresh_from_db()
    assert february.state == State.PLANNED
    assert february.notes == ""


def test_a_result_url_must_be_a_web_address(cast):
    february, _ = occurrences_of(make_event(), 2026)
    with pytest.raises(ValidationError, match="https://"):
        services.complete_occurrence(
            actor=cast.policy_officer, occurrence=february, result_url="javascript:alert(1)"
        )
    february.refresh_from_db()
    assert february.state == State.PLANNED


def test_link_result_points_at_any_record_through_the_generic_relation(cast):
    february, _ = occurrences_of(make_event(), 2026)
    linked = services.link_result(
        actor=cast.policy_officer, occurrence=february, result=cast.administration
    )
    linked = Occurrence.objects.get(pk=linked.pk)
    assert linked.result == cast.administration
    assert linked.result_link == ("", str(cast.administration))


def test_reassign_gives_one_occurrence_another_person(cast):
    february, august = occurrences_of(make_event(responsible=cast.analyst), 2026)
    services.reassign(actor=cast.policy_officer, occurrence=february, responsible=cast.coordinator)
    february.refresh_from_db()
    august.refresh_from_db()
    assert february.responsible == cast.coordinator
    assert august.responsible == cast.analyst
    with pytest.raises(ValidationError, match="kan ikke være ansvarlig"):
        services.reassign(actor=cast.policy_officer, occurrence=february, responsible=cast.outsider)
    february.refresh_from_db()
    assert february.responsible == cast.coordinator


def test_an_occurrence_moves_only_within_its_year(cast):
    february, august = occurrences_of(make_event(), 2026)
    moved = services.update_occurrence(
        actor=cast.policy_officer, occurrence=february, date=date(2026, 2, 20), responsible=None
    )
    assert moved.date == date(2026, 2, 20)
    with pytest.raises(ValidationError, match="inden for sit eget år"):
        services.update_occurrence(
            actor=cast.policy_officer, occurrence=february, date=date(2027, 2, 20)
        )
    with pytest.raises(ValidationError, match="allerede en forekomst"):
        services.update_occurrence(actor=cast.policy_officer, occurrence=february, date=august.date)


def test_renewing_a_calendar_token_revokes_the_old_one(cast):
    old = services.calendar_token_for(user=cast.committee_member).token
    assert services.calendar_token_for(user=cast.committee_member).token == old
    assert services.user_for_token(old) == cast.committee_member
    new = services.renew_calendar_token(actor=cast.committee_member, user=cast.committee_member)
    assert new.token != old
    assert services.user_for_token(old) is None
    assert services.user_for_token(new.token) == cast.committee_member
    assert CalendarToken.objects.count() == 1


def test_a_token_of_an_outsider_or_inactive_user_gives_no_one(cast):
    outsider = services.calendar_token_for(user=cast.outsider).token
    assert services.user_for_token(outsider) is None
    token = services.calendar_token_for(user=cast.advisor).token
    cast.advisor.is_active = False
    cast.advisor.save()
    assert services.user_for_token(token) is None
    assert services.user_for_token("") is None
    assert services.user_for_token("x" * 200) is None


@pytest.mark.django_db(transaction=True)
def test_reminders_go_once_the_configured_days_before(cast, settings):
    settings.PEJLING_WHEEL_REMINDER_DAYS = 14
    make_event(responsible=cast.analyst)
    make_event(
        title="Integrationskonference",
        category=Category.CONFERENCE,
        rule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=20",
        responsible=cast.coordinator,
        reminder_days=30,
    )
    services.generate_occurrences(actor=None, year=2026)

    assert services.send_reminders(today=date(2026, 1, 20)) == 0
    assert services.send_reminders(today=date(2026, 1, 21)) == 1  # conference, 30 days before
    assert mail.outbox[-1].to == ["coordinator@example.org"]
    assert "Integrationskonference" in mail.outbox[-1].subject
    assert services.send_reminders(today=date(2026, 2, 1)) == 1  # barometer, 14 days before
    assert mail.outbox[-1].to == ["analyst@example.org"]
    assert "/aarshjul/forekomster/" in mail.outbox[-1].body
    assert services.send_reminders(today=date(2026, 2, 2)) == 0  # once only
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
def test_no_reminder_for_a_done_or_past_occurrence(cast):
    february, _ = occurrences_of(make_event(responsible=cast.analyst), 2026)
    services.complete_occurrence(actor=cast.policy_officer, occurrence=february)
    assert services.send_reminders(today=date(2026, 2, 10)) == 0
    assert services.send_reminders(today=date(2026, 9, 1)) == 0
    assert mail.outbox == []


def test_the_setting_gives_the_default_reminder_days(cast, settings):
    event = make_event()
    assert event.effective_reminder_days == 14
    settings.PEJLING_WHEEL_REMINDER_DAYS = 3
    assert event.effective_reminder_days == 3


def test_update_keeps_the_person_unless_told_and_checks_the_link(cast):
    february, _ = occurrences_of(make_event(responsible=cast.analyst), 2026)
    services.update_occurrence(actor=cast.policy_officer, occurrence=february, notes="Noter")
    february.refresh_from_db()
    assert (february.responsible, february.notes) == (cast.analyst, "Noter")
    with pytest.raises(ValidationError, match="https://"):
        services.update_occurrence(
            actor=cast.policy_officer, occurrence=february, result_url="javascript:x"
        )
    services.update_occurrence(actor=cast.policy_officer, occurrence=february, responsible=None)
    february.refresh_from_db()
    assert february.responsible is None
