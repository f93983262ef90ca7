"""The task force's changes: receiving, triage moves, assignment, activities, follow-ups,
barriers, closing. Each is atomic, audited and written to the case's timeline; mail to the
requester and the advisors leaves after the transaction commits."""

import os
import secrets
from collections.abc import Iterable
from datetime import date, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from pejling.accounts.models import Administration, User
from pejling.accounts.roles import Role
from pejling.audit import services as audit
from pejling.core import crud
from pejling.lib.cpr import validate_no_cpr
from pejling.lib.workdays import add_working_days, working_days_between
from pejling.taskforce import notifications
from pejling.taskforce.models import (
    TRANSITIONS,
    Activity,
    Assignment,
    Attachment,
    Barrier,
    BarrierKind,
    Case,
    CaseEvent,
    Door,
    FollowUp,
    OutcomeKind,
    Status,
)


class IllegalTransition(ValidationError):
    """A move the status map does not allow."""


def _next_reference(year: int) -> str:
    prefix = f"TF-{year}-"
    last = Case.objects.filter(reference__startswith=prefix).aggregate(last=Max("reference"))[
        "last"
    ]
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:05d}"


def _event(case: Case, *, actor, kind: str, text: str = "", public: bool = False, **fields):
    return CaseEvent.objects.create(
        case=case,
        actor=actor if getattr(actor, "pk", None) else None,
        kind=kind,
        text=text,
        public=public,
        **fields,
    )


def receive_case(
    *,
    actor,
    door: str,
    title: str,
    description: str,
    field: str,
    actor_kind: str,
    organisation: str = "",
    urgency: str = "normal",
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    administration: Administration | None = None,
    received_at=None,
) -> Case:
    """A new request through one of the three doors; an outreach case starts open and assigned
    to the advisor who opens it."""
    received_at = received_at or timezone.now()
    local_day = timezone.localtime(received_at).date()
    if door == Door.CONTACT_PERSON and administration is None:
        raise ValidationError(
            {"administration": _("En rekvirering sendes på vegne af en forvaltning.")}
        )
    for attempt in range(5):
        try:
            with transaction.atomic():
                case = Case(
                    reference=_next_reference(local_day.year),
                    door=door,
                    title=title.strip(),
                    description=description.strip(),
                    field=field,
                    actor_kind=actor_kind,
                    organisation=organisation.strip(),
                    urgency=urgency,
                    contact_name=contact_name.strip(),
                    contact_email=contact_email.strip(),
                    contact_phone=contact_phone.strip(),
                    administration=administration,
                    submitted_by=actor if getattr(actor, "pk", None) else None,
                    received_at=received_at,
                    response_due_on=add_working_days(
                        local_day, settings.PEJLING_FIRST_RESPONSE_WORKING_DAYS
                    ),
                )
                if door == Door.OUTREACH:
                    case.status = Status.OPEN
                    case.first_responded_at = received_at
                case.full_clean()
                case.save()
                audit.record_create(case, actor=actor)
                _event(
                    case,
                    actor=actor,
                    kind=CaseEvent.Kind.RECEIVED,
                    text=case.get_door_display(),
                    public=True,
                    to_status=case.status,
                )
                if door == Door.OUTREACH:
                    Assignment.objects.create(case=case, advisor=actor)
                    _event(case, actor=actor, kind=CaseEvent.Kind.ASSIGNED, text=str(actor))
                else:
                    transaction.on_commit(lambda case=case: notifications.receipt(case))
                return case
        except IntegrityError:
            # Two requests took the same reference number at once: take the next one.
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


def transition_to(
    *, actor, case: Case, status: str, text: str = "", public: bool = True, **changes
) -> Case:
    """Move a case to ``status`` if the map allows it; record, audit and tell the requester."""
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if status not in TRANSITIONS[case.status]:
            raise IllegalTransition(
                _("En sag med status “%(from)s” kan ikke få status “%(to)s”.")
                % {"from": case.get_status_display(), "to": Status(status).label}
            )
        before = audit.snapshot(case)
        now = timezone.now()
        old = case.status
        if old == Status.PENDING:
            # The clock stopped while we waited for the requester: move the deadline on.
            waited = working_days_between(
                timezone.localtime(case.pending_since).date(), timezone.localdate(now)
            )
            case.response_due_on = add_working_days(case.response_due_on, waited)
            case.pending_since = None
        if status == Status.PENDING:
            case.pending_since = now
        elif case.first_responded_at is None and status in (Status.OPEN, Status.DECLINED):
            case.first_responded_at = now
        if status == Status.CLOSED:
            case.closed_at = now
        if old == Status.CLOSED:
            case.closed_at = None
        for name, value in changes.items():
            setattr(case, name, value)
        case.status = status
        case.full_clean()
        case.save()
        audit.record_update(case, before=before, actor=actor)
        _event(
            case,
            actor=actor,
            kind=CaseEvent.Kind.STATUS,
            from_status=old,
            to_status=status,
            text=text,
            public=public,
        )
        if public:
            transaction.on_commit(lambda: notifications.status_changed(case, text))
    return case


def accept(*, actor, case: Case) -> Case:
    return transition_to(
        actor=actor,
        case=case,
        status=Status.OPEN,
        text=_("Henvendelsen er modtaget, og task forcen tager den op."),
    )


def decline(*, actor, case: Case, reason: str) -> Case:
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Skriv en begrundelse; den sendes til den, der har henvendt sig.")}
        )
    return transition_to(
        actor=actor,
        case=case,
        status=Status.DECLINED,
        text=reason.strip(),
        decline_reason=reason.strip(),
    )


def ask_for_information(*, actor, case: Case, question: str) -> Case:
    if not question.strip():
        raise ValidationError({"question": _("Skriv, hvilke oplysninger der mangler.")})
    return transition_to(actor=actor, case=case, status=Status.PENDING, text=question.strip())


def resume(*, actor, case: Case, text: str = "") -> Case:
    """The requester answered: back to the board, with the clock running again."""
    return transition_to(actor=actor, case=case, status=Status.NEW, text=text)


def merge(*, actor, case: Case, into: Case) -> Case:
    if into.pk == case.pk:
        raise ValidationError({"into": _("En sag kan ikke lægges sammen med sig selv.")})
    if into.status in (Status.MERGED, Status.DECLINED):
        raise ValidationError({"into": _("Vælg en sag, der stadig er åben.")})
    with transaction.atomic():
        case = transition_to(
            actor=actor,
            case=case,
            status=Status.MERGED,
            text=_("Lagt sammen med %(reference)s.") % {"reference": into.reference},
            merged_into=into,
        )
        _event(
            into,
            actor=actor,
            kind=CaseEvent.Kind.MERGED,
            text=_("%(reference)s er lagt sammen med denne sag.") % {"reference": case.reference},
        )
    return case


def close(*, actor, case: Case, outcome: OutcomeKind, text: str = "") -> Case:
    return transition_to(
        actor=actor,
        case=case,
        status=Status.CLOSED,
        text=_("Sagen er afsluttet: %(outcome)s") % {"outcome": outcome},
        outcome=outcome,
        outcome_text=text.strip(),
    )


def reopen(*, actor, case: Case, reason: str) -> Case:
    if not reason.strip():
        raise ValidationError({"reason": _("Skriv, hvorfor sagen genåbnes.")})
    return transition_to(
        actor=actor,
        case=case,
        status=Status.OPEN,
        text=reason.strip(),
        outcome=None,
        outcome_text="",
    )


def set_triage(*, actor, case: Case, priority: str, field: str) -> Case:
    with transaction.atomic():
        before = audit.snapshot(case)
        case.priority, case.field = priority, field
        case.full_clean()
        case.save(update_fields=["priority", "field"])
        if audit.record_update(case, before=before, actor=actor):
            _event(
                case,
                actor=actor,
                kind=CaseEvent.Kind.PRIORITY,
                text=f"{case.get_priority_display()}, {case.get_field_display()}",
            )
    return case


def _in_task_force(user: User) -> bool:
    return user.is_active and (user.has_role(Role.ADVISOR) or user.has_role(Role.COORDINATOR))


def assign(*, actor, case: Case, advisors: Iterable[User]) -> Case:
    """Give the case to exactly these advisors (one or more); each new one is told by mail."""
    advisors = list(advisors)
    if case.status not in (Status.NEW, Status.PENDING, Status.OPEN):
        raise ValidationError(
            _("Kun sager, der er i gang eller venter på visitering, kan fordeles.")
        )
    if not advisors:
        raise ValidationError({"advisors": _("Vælg mindst én rådgiver.")})
    wrong = [a for a in advisors if not _in_task_force(a)]
    if wrong:
        raise ValidationError(
            {
                "advisors": _("%(names)s er ikke rådgiver i task forcen.")
                % {"names": ", ".join(map(str, wrong))}
            }
        )
    with transaction.atomic():
        had = set(case.assignments.values_list("advisor_id", flat=True))
        wanted = {a.pk for a in advisors}
        case.assignments.exclude(advisor_id__in=wanted).delete()
        new = [a for a in advisors if a.pk not in had]
        Assignment.objects.bulk_create(Assignment(case=case, advisor=a) for a in new)
        audit.record_update(
            case,
            before=audit.snapshot(case),
            actor=actor,
            extra_before={"advisors": sorted(had)},
            extra_after={"advisors": sorted(wanted)},
        )
        if had != wanted:
            _event(
                case,
                actor=actor,
                kind=CaseEvent.Kind.ASSIGNED,
                text=", ".join(str(a) for a in advisors),
            )
        if case.status in (Status.NEW, Status.PENDING):
            case = transition_to(
                actor=actor,
                case=case,
                status=Status.OPEN,
                text=_("Henvendelsen er modtaget, og task forcen tager den op."),
            )
        for advisor in new:
            transaction.on_commit(lambda advisor=advisor: notifications.assigned(case, advisor))
    return case


def add_activity(
    *,
    actor,
    case: Case,
    kind: str,
    advisor: User,
    date: date,
    starts_at: time,
    ends_at: time,
    place: str = "",
    participants: int = 0,
    notes: str = "",
) -> Activity:
    if case.status != Status.OPEN:
        raise ValidationError(_("Aktiviteter registreres på sager, der er i gang."))
    if not _in_task_force(advisor):
        raise ValidationError(
            {"advisor": _("%(names)s er ikke rådgiver i task forcen.") % {"names": advisor}}
        )
    with transaction.atomic():
        activity = crud.create(
            actor=actor,
            instance=Activity(
                case=case,
                kind=kind,
                advisor=advisor,
                date=date,
                starts_at=starts_at,
                ends_at=ends_at,
                place=place,
                participants=participants,
                notes=notes,
            ),
        )
        _event(
            case,
            actor=actor,
            kind=CaseEvent.Kind.ACTIVITY,
            text=f"{activity.get_kind_display()}, {date:%d-%m-%Y}",
        )
    return activity


def add_follow_up(*, actor, case: Case, due_on: date, note: str, advisor: User) -> FollowUp:
    with transaction.atomic():
        follow_up = crud.create(
            actor=actor, instance=FollowUp(case=case, due_on=due_on, note=note, advisor=advisor)
        )
        _event(case, actor=actor, kind=CaseEvent.Kind.FOLLOW_UP, text=f"{due_on:%d-%m-%Y}: {note}")
    return follow_up


def complete_follow_up(*, actor, follow_up: FollowUp) -> FollowUp:
    if follow_up.done_at is not None:
        return follow_up  # done already: keep the first time it was marked done
    return crud.update(actor=actor, instance=follow_up, changes={"done_at": timezone.now()})


def record_barrier(
    *,
    actor,
    text: str,
    field: str,
    kind: BarrierKind,
    administration=None,
    cases=(),
    details: str = "",
    recorded_on: date | None = None,
) -> Barrier:
    with transaction.atomic():
        barrier = crud.create(
            actor=actor,
            instance=Barrier(
                text=text,
                details=details,
                field=field,
                kind=kind,
                administration=administration,
                recorded_by=actor,
                recorded_on=recorded_on or timezone.localdate(),
            ),
            m2m={"cases": list(cases)},
        )
        for case in cases:
            _event(case, actor=actor, kind=CaseEvent.Kind.BARRIER, text=text)
    return barrier


def add_note(*, actor, case: Case, text: str, public: bool = False) -> CaseEvent:
    if not text.strip():
        raise ValidationError({"text": _("Skriv noten.")})
    validate_no_cpr(text)
    return _event(case, actor=actor, kind=CaseEvent.Kind.NOTE, text=text.strip(), public=public)


def set_policy_links(*, actor, case: Case, goals=(), themes=(), guideposts=()) -> Case:
    """Tie the case to the parts of the policy chain it serves."""
    return crud.update(
        actor=actor,
        instance=case,
        changes={},
        m2m={"goals": list(goals), "themes": list(themes), "guideposts": list(guideposts)},
    )


# What may be attached to a case: the extension decides the type, and the file's first bytes
# must match it, so that a renamed executable or HTML page is refused.
ATTACHMENT_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", (b"PK\x03\x04",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}


def add_attachment(*, actor, case: Case, upload) -> Attachment:
    """Store an uploaded file under a random name; its own name is kept only as display text."""
    # Only the last part of the name, printable, short: it is shown and used in downloads.
    original = os.path.basename((upload.name or "").replace("\\", "/"))
    original = "".join(ch for ch in original if ch.isprintable()).strip()[:200]
    extension = os.path.splitext(original)[1].lower()
    if extension not in ATTACHMENT_TYPES:
        raise ValidationError(
            {
                "file": _(
                    "Filtypen er ikke tilladt. Vedhæft PDF, DOCX, XLSX, ODT, ODS, PNG eller JPG."
                )
            }
        )
    if not upload.size:
        raise ValidationError({"file": _("Filen er tom.")})
    if upload.size > settings.PEJLING_ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            {
                "file": _("Filen er for stor. Den må højst fylde %(size)s.")
                % {"size": filesizeformat(settings.PEJLING_ATTACHMENT_MAX_BYTES)}
            }
        )
    content_type, signatures = ATTACHMENT_TYPES[extension]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            {"file": _("Filens indhold passer ikke til filtypen %(ext)s.") % {"ext": extension}}
        )
    attachment = Attachment(
        case=case,
        original_name=original,
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    attachment.file.save(f"{secrets.token_hex(16)}{extension}", upload, save=False)
    try:
        with transaction.atomic():
            crud.create(actor=actor, instance=attachment)
            _event(
                case,
                actor=actor,
                kind=CaseEvent.Kind.NOTE,
                text=_("Bilag: %(name)s") % {"name": original},
            )
    except Exception:
        attachment.file.delete(save=False)
        raise
    return attachment
