"""The task force's services: receiving, the status map, the clock, assignment, activities."""

from datetime import date, time

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from pejling.accounts.models import Administration
from pejling.audit.models import AuditEvent
from pejling.lib.workdays import add_working_days, is_working_day, working_days_between
from pejling.taskforce import services
from pejling.taskforce.models import (
    ActivityKind,
    ActorKind,
    Case,
    CaseEvent,
    Door,
    Field,
    OutcomeKind,
    Status,
    split_minutes,
)


def receive(door=Door.PUBLIC, actor=None, **fields):
    values = {
        "title": "Skole modtager tosprogede elever",
        "description": "Lærerne ønsker hjælp til skolestarten.",
        "field": Field.EDUCATION,
        "actor_kind": ActorKind.SCHOOL,
        "contact_email": "hanne@example.org",
    }
    return services.receive_case(actor=actor, door=door, **(values | fields))


def test_working_days_skip_weekends_and_danish_holidays():
    assert not is_working_day(date(2026, 12, 25))  # Christmas Day, a Friday
    assert add_working_days(date(2026, 12, 23), 2) == date(2026, 12, 28)
    assert add_working_days(date(2026, 4, 1), 1) == date(2026, 4, 7)  # Easter
    assert working_days_between(date(2026, 11, 20), date(2026, 11, 23)) == 1


@time_machine.travel("2026-11-20 10:00 +01:00", tick=False)
def test_a_public_request_gets_a_reference_a_deadline_and_a_receipt(cast, settings):
    settings.PEJLING_FIRST_RESPONSE_WORKING_DAYS = 3
    case = receive()
    assert case.reference == "TF-2026-00001"
    assert case.status == Status.NEW
    assert case.response_due_on == date(2026, 11, 25)  # Friday + 3 working days
    assert receive().reference == "TF-2026-00002"
    assert case.events.get().kind == CaseEvent.Kind.RECEIVED
    assert AuditEvent.objects.for_object(case).get().action == "create"
    assert len(mail.outbox) == 0  # sent when the transaction commits


@pytest.mark.django_db(transaction=True)
def test_the_receipt_mail_carries_the_reference_and_the_status_link(cast):
    case = receive()
    [message] = mail.outbox
    assert case.reference in message.subject
    assert case.status_token in message.body


def test_a_contact_persons_request_needs_an_administration(cast):
    with pytest.raises(ValidationError):
        receive(door=Door.CONTACT_PERSON, actor=cast.contact_person)
    assert not Case.objects.exists()


def test_a_cpr_number_in_the_description_saves_nothing(cast):
    with pytest.raises(ValidationError) as error:
        receive(description="Eleven har CPR 010190-1234")
    assert "description" in error.value.message_dict
    assert not Case.objects.exists()


def test_an_outreach_case_starts_open_and_assigned_to_its_advisor(cast):
    case = receive(door=Door.OUTREACH, actor=cast.advisor)
    assert case.status == Status.OPEN
    assert list(case.advisors.all()) == [cast.advisor]
    assert case.first_responded_at is not None


def test_an_illegal_move_is_refused_with_a_message_and_nothing_changes(cast):
    case = receive()
    with pytest.raises(services.IllegalTransition) as error:
        services.close(actor=cast.coordinator, case=case, outcome=OutcomeKind.objects.first())
    assert "kan ikke få status" in error.value.messages[0]
    case.refresh_from_db()
    assert case.status == Status.NEW
    assert not case.events.filter(kind=CaseEvent.Kind.STATUS).exists()


def test_waiting_for_information_stops_the_clock(cast):
    with time_machine.travel("2026-11-16 10:00 +01:00", tick=False):  # a Monday
        case = receive()
        due = case.response_due_on
        services.ask_for_information(actor=cast.coordinator, case=case, question="Hvilken klasse?")
    with time_machine.travel("2026-11-18 10:00 +01:00", tick=False):  # two working days later
        case = services.resume(actor=cast.coordinator, case=Case.objects.get(pk=case.pk))
    assert case.status == Status.NEW
    assert case.response_due_on == add_working_days(due, 2)
    assert case.first_responded_at is None


def test_assigning_accepts_the_request_and_mails_the_advisor(
    cast, django_capture_on_commit_callbacks
):
    case = receive()
    with django_capture_on_commit_callbacks(execute=True):
        case = services.assign(actor=cast.coordinator, case=case, advisors=[cast.advisor])
    assert case.status == Status.OPEN
    assert case.first_responded_at is not None
    assert any(cast.advisor.email in m.to for m in mail.outbox)


def test_only_advisors_can_be_assigned(cast):
    case = receive()
    with pytest.raises(ValidationError):
        services.assign(actor=cast.coordinator, case=case, advisors=[cast.committee_member])
    assert not case.assignments.exists()
    assert Case.objects.get(pk=case.pk).status == Status.NEW


def test_declining_needs_a_reason(cast):
    case = receive()
    with pytest.raises(ValidationError):
        services.decline(actor=cast.coordinator, case=case, reason=" ")
    case = services.decline(actor=cast.coordinator, case=case, reason="Ligger uden for opgaven.")
    assert case.status == Status.DECLINED
    assert case.events.filter(public=True, text="Ligger uden for opgaven.").exists()


def test_merging_points_the_duplicate_at_the_case_it_joins(cast):
    first, second = receive(), receive()
    services.merge(actor=cast.coordinator, case=second, into=first)
    second.refresh_from_db()
    assert (second.status, second.merged_into) == (Status.MERGED, first)
    assert first.events.filter(kind=CaseEvent.Kind.MERGED).exists()
    with pytest.raises(ValidationError):
        services.merge(actor=cast.coordinator, case=first, into=first)


def test_closing_and_reopening(cast):
    case = services.assign(actor=cast.coordinator, case=receive(), advisors=[cast.advisor])
    outcome = OutcomeKind.objects.get(name="Løst")
    case = services.close(actor=cast.advisor, case=case, outcome=outcome, text="Plan lagt.")
    assert (case.status, case.outcome) == (Status.CLOSED, outcome)
    assert case.closed_at is not None
    with pytest.raises(ValidationError):
        services.reopen(actor=cast.advisor, case=case, reason="")
    case = services.reopen(actor=cast.advisor, case=case, reason="Skolen vender tilbage.")
    assert (case.status, case.closed_at, case.outcome) == (Status.OPEN, None, None)


def test_activities_derive_their_evening_and_weekend_minutes(cast):
    case = services.assign(actor=cast.coordinator, case=receive(), advisors=[cast.advisor])
    weekday = services.add_activity(
        actor=cast.advisor,
        case=case,
        kind=ActivityKind.TALK,
        advisor=cast.advisor,
        date=date(2026, 11, 19),
        starts_at=time(16),
        ends_at=time(20),
    )
    assert (weekday.minutes, weekday.minutes_off_hours) == (240, 180)
    assert split_minutes(date(2026, 11, 21), time(10), time(12)) == (120, 120)  # Saturday
    assert split_minutes(date(2026, 11, 19), time(9), time(11)) == (120, 0)


def test_an_activity_ending_before_it_starts_is_refused(cast):
    case = services.assign(actor=cast.coordinator, case=receive(), advisors=[cast.advisor])
    with pytest.raises(ValidationError) as error:
        services.add_activity(
            actor=cast.advisor,
            case=case,
            kind=ActivityKind.ADVICE,
            advisor=cast.advisor,
            date=date(2026, 11, 19),
            starts_at=time(12),
            ends_at=time(11),
        )
    assert "ends_at" in error.value.message_dict
    assert not case.activities.exists()


def test_activities_belong_to_cases_in_progress(cast):
    with pytest.raises(ValidationError):
        services.add_activity(
            actor=cast.advisor,
            case=receive(),
            kind=ActivityKind.ADVICE,
            advisor=cast.advisor,
            date=date(2026, 11, 19),
            starts_at=time(9),
            ends_at=time(10),
        )


def test_a_barrier_is_linked_to_its_cases_and_their_timelines(cast):
    from pejling.taskforce.models import BarrierKind

    case = services.assign(actor=cast.coordinator, case=receive(), advisors=[cast.advisor])
    barrier = services.record_barrier(
        actor=cast.advisor,
        text="Forældre deltager ikke",
        field=Field.EDUCATION,
        kind=BarrierKind.objects.first(),
        administration=Administration.objects.first(),
        cases=[case],
    )
    assert list(barrier.cases.all()) == [case]
    assert case.events.filter(kind=CaseEvent.Kind.BARRIER).exists()


def test_a_cpr_number_in_a_note_is_refused(cast):
    case = receive()
    with pytest.raises(ValidationError):
        services.add_note(actor=cast.advisor, case=case, text="Borgeren 010190-1234 ringede")


def test_an_activity_is_done_by_someone_in_the_task_force(cast):
    case = services.assign(actor=cast.coordinator, case=receive(), advisors=[cast.advisor])
    with pytest.raises(ValidationError) as error:
        services.add_activity(
            actor=cast.advisor,
            case=case,
            kind=ActivityKind.ADVICE,
            advisor=cast.committee_member,
            date=date(2026, 11, 19),
            starts_at=time(9),
            ends_at=time(10),
        )
    assert "advisor" in error.value.message_dict
    assert not case.activities.exists()
