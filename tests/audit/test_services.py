import datetime
from datetime import timedelta

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django_tasks_db.management.commands.db_worker import Worker

from pejling.audit import services as audit
from pejling.audit.context import origin
from pejling.audit.models import AccessEvent, AuditEvent, Channel
from pejling.core.tasks import purge_logs
from tests.testapp.models import Note, Plain
from tests.testapp.services import create_note, delete_note, update_note

NOW = datetime.datetime(2025, 3, 12, 10, 0, tzinfo=datetime.UTC)


def note_events(note: Note):
    return AuditEvent.objects.for_object(note).order_by("id")


def run_worker() -> None:
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    ).run()


def test_create_is_recorded_field_by_field(cast):
    note = create_note(actor=cast.advisor, title="Møde", body="Referat", secret="hemmelig")

    [event] = note_events(note)
    assert event.action == AuditEvent.Action.CREATE
    assert event.actor == cast.advisor
    assert event.actor_label == "advisor"
    assert event.content_type == ContentType.objects.get_for_model(Note)
    assert event.object_pk == str(note.pk)
    assert event.object_repr == "Møde"
    assert event.changes == {
        "title": {"before": None, "after": "Møde"},
        "body": {"before": None, "after": "Referat"},
        "secret": {"before": audit.MASKED, "after": audit.MASKED},
    }
    assert event.channel == Channel.SYSTEM
    assert event.path == ""
    assert event.remote_addr is None


def test_create_without_actor_has_no_actor_label(db):
    note = create_note(actor=None, title="Fra systemet")
    [event] = note_events(note)
    assert event.actor is None
    assert event.actor_label == ""


def test_update_records_only_the_changed_fields(cast):
    note = create_note(actor=cast.advisor, title="Møde", body="Referat")

    update_note(actor=cast.coordinator, note=note, title="Opfølgningsmøde")

    event = note_events(note).last()
    assert event.action == AuditEvent.Action.UPDATE
    assert event.actor == cast.coordinator
    assert event.actor_label == "coordinator"
    assert event.object_repr == "Opfølgningsmøde"
    assert event.changes == {"title": {"before": "Møde", "after": "Opfølgningsmøde"}}


def test_masked_field_change_is_detected_but_values_are_hidden(cast):
    note = create_note(actor=cast.advisor, title="Møde", secret="gammel")

    update_note(actor=cast.advisor, note=note, secret="ny")

    event = note_events(note).last()
    assert event.changes == {"secret": {"before": audit.MASKED, "after": audit.MASKED}}
    assert "gammel" not in str(event.changes)
    assert "ny" not in str(event.changes)


def test_ignored_field_change_records_nothing(cast):
    note = create_note(actor=cast.advisor, title="Møde")

    update_note(actor=cast.advisor, note=note, touched_at=NOW)

    assert note_events(note).count() == 1


def test_update_without_change_records_nothing(cast):
    note = create_note(actor=cast.advisor, title="Møde", secret="hemmelig")
    before = audit.snapshot(note)

    assert audit.record_update(note, before=before, actor=cast.advisor) is None
    update_note(actor=cast.advisor, note=note, title="Møde", secret="hemmelig")
    assert note_events(note).count() == 1


def test_delete_records_every_field_before_and_keeps_the_id(cast):
    note = create_note(actor=cast.advisor, title="Møde", body="Referat", secret="hemmelig")
    pk = note.pk

    delete_note(actor=cast.coordinator, note=note)

    event = AuditEvent.objects.get(object_pk=str(pk), action=AuditEvent.Action.DELETE)
    assert event.actor == cast.coordinator
    assert event.object_repr == "Møde"
    assert event.changes == {
        "title": {"before": "Møde", "after": None},
        "body": {"before": "Referat", "after": None},
        "secret": {"before": audit.MASKED, "after": audit.MASKED},
    }
    assert not Note.objects.filter(pk=pk).exists()


def test_origin_sets_channel_path_and_address(cast):
    with origin(Channel.WEB, path="/noter/1/?vis=alt", remote_addr="10.1.2.3"):
        note = create_note(actor=cast.advisor, title="Møde")

    [event] = note_events(note)
    assert event.channel == Channel.WEB
    assert event.path == "/noter/1/?vis=alt"
    assert event.remote_addr == "10.1.2.3"


def test_origin_is_restored_after_the_block(cast):
    with origin(Channel.COMMAND, path="demo"):
        pass
    note = create_note(actor=cast.advisor, title="Møde")
    assert note_events(note).get().channel == Channel.SYSTEM


def test_origin_truncates_long_paths(cast):
    with origin(Channel.API, path="/api/" + "x" * 600):
        note = create_note(actor=cast.advisor, title="Møde")
    assert len(note_events(note).get().path) == 500


def test_read_of_personal_data_is_access_logged(cast):
    note = create_note(actor=cast.advisor, title="Møde")

    with origin(Channel.API, path="/api/v1/noter/1", remote_addr="10.0.0.9"):
        event = audit.record_access(note, actor=cast.coordinator)

    assert AccessEvent.objects.get() == event
    assert event.actor == cast.coordinator
    assert event.actor_label == "coordinator"
    assert event.content_type == ContentType.objects.get_for_model(Note)
    assert event.object_pk == str(note.pk)
    assert event.object_repr == "Møde"
    assert event.channel == Channel.API
    assert event.path == "/api/v1/noter/1"
    assert event.remote_addr == "10.0.0.9"


def test_read_of_a_model_without_personal_data_is_not_logged(cast):
    plain = Plain.objects.create(name="Uden personoplysninger")

    assert audit.record_access(plain, actor=cast.coordinator) is None
    assert not AccessEvent.objects.exists()


def access_event_at(moment: datetime.datetime, note: Note, actor) -> AccessEvent:
    with time_machine.travel(moment, tick=False):
        return audit.record_access(note, actor=actor)


def test_access_log_purge_deletes_only_entries_past_retention(cast, settings):
    note = create_note(actor=cast.advisor, title="Møde")
    days = settings.PEJLING_ACCESS_LOG_RETENTION_DAYS
    too_old = access_event_at(NOW - timedelta(days=days, seconds=1), note, cast.advisor)
    at_cutoff = access_event_at(NOW - timedelta(days=days), note, cast.advisor)
    recent = access_event_at(NOW - timedelta(days=1), note, cast.advisor)

    with time_machine.travel(NOW, tick=False):
        assert audit.purge_access_log() == 1

    remaining = set(AccessEvent.objects.values_list("pk", flat=True))
    assert remaining == {at_cutoff.pk, recent.pk}
    assert too_old.pk not in remaining


def test_access_log_purge_follows_the_retention_setting(cast, settings):
    settings.PEJLING_ACCESS_LOG_RETENTION_DAYS = 10
    note = create_note(actor=cast.advisor, title="Møde")
    access_event_at(NOW - timedelta(days=11), note, cast.advisor)
    kept = access_event_at(NOW - timedelta(days=9), note, cast.advisor)

    with time_machine.travel(NOW, tick=False):
        assert audit.purge_access_log() == 1

    assert list(AccessEvent.objects.all()) == [kept]


def test_access_log_purge_leaves_the_audit_log_alone(cast, settings):
    days = settings.PEJLING_ACCESS_LOG_RETENTION_DAYS
    with time_machine.travel(NOW - timedelta(days=days + 1), tick=False):
        note = create_note(actor=cast.advisor, title="Møde")

    with time_machine.travel(NOW, tick=False):
        audit.purge_access_log()

    assert note_events(note).count() == 1


def test_audit_log_purge_deletes_only_entries_past_retention(cast, settings):
    days = settings.PEJLING_AUDIT_LOG_RETENTION_DAYS
    with time_machine.travel(NOW - timedelta(days=days + 1), tick=False):
        old = create_note(actor=cast.advisor, title="Gammel")
        audit.record_access(old, actor=cast.advisor)
    with time_machine.travel(NOW - timedelta(days=days - 1), tick=False):
        young = create_note(actor=cast.advisor, title="Ung")

    with time_machine.travel(NOW, tick=False):
        assert audit.purge_audit_log() == 1

    assert not note_events(old).exists()
    assert note_events(young).count() == 1
    assert AccessEvent.objects.count() == 1  # the access log has its own purge


@pytest.mark.django_db(transaction=True)
def test_purge_logs_task_purges_both_logs_on_the_database_worker(cast, settings):
    with time_machine.travel(NOW - timedelta(days=settings.PEJLING_AUDIT_LOG_RETENTION_DAYS + 1)):
        old = create_note(actor=cast.advisor, title="Gammel")
        audit.record_access(old, actor=cast.advisor)
    with time_machine.travel(NOW - timedelta(days=1)):
        young = create_note(actor=cast.advisor, title="Ung")
        audit.record_access(young, actor=cast.advisor)

    with time_machine.travel(NOW, tick=False):
        result = purge_logs.enqueue()
        run_worker()

    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert result.return_value == {"access_events": 1, "audit_events": 1}
    assert not note_events(old).exists()
    assert note_events(young).count() == 1
    assert list(AccessEvent.objects.values_list("object_pk", flat=True)) == [str(young.pk)]
