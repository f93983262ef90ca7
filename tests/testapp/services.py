from django.db import transaction

from pejling.audit import services as audit
from tests.testapp.models import Note


def create_note(*, actor, title: str, body: str = "", secret: str = "") -> Note:
    with transaction.atomic():
        note = Note(title=title, body=body, secret=secret)
        note.full_clean()
        note.save()
        audit.record_create(note, actor=actor)
    return note


def update_note(*, actor, note: Note, **fields) -> Note:
    with transaction.atomic():
        before = audit.snapshot(note)
        for name, value in fields.items():
            setattr(note, name, value)
        note.full_clean()
        note.save()
        audit.record_update(note, before=before, actor=actor)
    return note


def delete_note(*, actor, note: Note) -> None:
    with transaction.atomic():
        audit.record_delete(note, actor=actor)
        note.delete()
