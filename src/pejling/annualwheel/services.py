"""Changes to the annual wheel: events, the yearly occurrences, completing and reassigning them,
calendar tokens and reminders. Each is atomic and audited; mail leaves after the commit."""

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pejling.accounts.models import User
from pejling.accounts.roles import Capability
from pejling.annualwheel import notifications
from pejling.annualwheel.models import (
    TRANSITIONS,
    CalendarToken,
    Occurrence,
    RecurringEvent,
    State,
)
from pejling.audit import services as audit
from pejling.core import crud

EVENT_FIELDS = ("title", "category", "rule", "description", "responsible", "reminder_days")


# "Not given", as distinct from None ("nobody"), for optional changes to a nullable field.
UNCHANGED: Any = object()


class IllegalTransition(ValidationError):
    """A move the state map does not allow."""


def _fresh(occurrence: Occurrence) -> Occurrence:
    """The occurrence as stored now, locked: a change never writes back a stale copy's fields."""
    return Occurrence.objects.select_for_update().get(pk=occurrence.pk)


def _check_responsible(user: User | None, field: str = "responsible") -> None:
    if user is None:
        return
    if not (user.is_active and user.can(Capability.READ_INTERNAL)):
        raise ValidationError(
            {
                field: _(
                    "%(name)s kan ikke være ansvarlig: kun aktive interne brugere kan have "
                    "ansvaret for en begivenhed i årshjulet."
                )
                % {"name": user}
            }
        )


# --- Events -----------------------------------------------------------------------------------


def create_event(
    *,
    actor,
    title: str,
    category: str,
    rule: str,
    description: str = "",
    responsible: User | None = None,
    reminder_days: int | None = None,
) -> RecurringEvent:
    _check_responsible(responsible)
    return crud.create(
        actor=actor,
        instance=RecurringEvent(
            title=title.strip(),
            category=category,
            rule=rule.strip(),
            description=description.strip(),
            responsible=responsible,
            reminder_days=reminder_days,
        ),
    )


def update_event(*, actor, event: RecurringEvent, **changes) -> RecurringEvent:
    """Change an event; occurrences already made keep their dates (regenerate to add new ones)."""
    unknown = set(changes) - {*EVENT_FIELDS, "is_active"}
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    if "responsible" in changes:
        _check_responsible(changes["responsible"])
    if "rule" in changes:
        changes["rule"] = changes["rule"].strip()
    return crud.update(actor=actor, instance=event, changes=changes)


# --- Occurrences ------------------------------------------------------------------------------


def generate_occurrences(
    *, actor, year: int, events: models.QuerySet[RecurringEvent] | None = None
) -> list[Occurrence]:
    """Materialise the year's occurrences of every active event; what exists is left alone,
    so running it again creates nothing twice. Returns the occurrences created."""
    if not 1900 <= year <= 2200:
        raise ValidationError({"year": _("Vælg et år mellem 1900 og 2200.")})
    events = (events if events is not None else RecurringEvent.objects.all()).active()
    created = []
    with transaction.atomic():
        existing = set(
            Occurrence.objects.filter(event__in=events, date__year=year).values_list(
                "event_id", "date"
            )
        )
        for event in events.select_related("responsible"):
            for day in event.dates_in(year):
                if (event.pk, day) in existing:
                    continue
                created.append(
                    crud.create(
                        actor=actor,
                        instance=Occurrence(event=event, date=day, responsible=event.responsible),
                    )
                )
    return created


def transition_to(*, actor, occurrence: Occurrence, state: str, **changes) -> Occurrence:
    """Move an occurrence to ``state`` if the map allows it, and audit the change."""
    with transaction.atomic():
        occurrence = Occurrence.objects.select_for_update().get(pk=occurrence.pk)
        if state not in TRANSITIONS[occurrence.state]:
            if state == occurrence.state == State.DONE:
                message = _("“%(name)s” er allerede markeret som udført.")
            elif state == occurrence.state:
                message = _("“%(name)s” er allerede planlagt.")
            else:
                message = _("“%(name)s” kan ikke skifte tilstand på den måde.")
            raise IllegalTransition(message % {"name": occurrence})
        before = audit.snapshot(occurrence)
        for name, value in changes.items():
            setattr(occurrence, name, value)
        occurrence.state = state
        occurrence.full_clean()
        occurrence.save()
        audit.record_update(occurrence, before=before, actor=actor)
    return occurrence


def complete_occurrence(
    *,
    actor,
    occurrence: Occurrence,
    notes: str | None = None,
    result: models.Model | None = None,
    result_url: str | None = None,
    result_title: str | None = None,
) -> Occurrence:
    """Mark an occurrence done, with optional notes and a link to what it produced."""
    changes: dict = {
        "completed_at": timezone.now(),
        "completed_by": actor if getattr(actor, "pk", None) else None,
        **_result_changes(result=result, url=result_url, title=result_title),
    }
    if notes is not None:
        changes["notes"] = notes.strip()
    return transition_to(actor=actor, occurrence=occurrence, state=State.DONE, **changes)


def reopen_occurrence(*, actor, occurrence: Occurrence) -> Occurrence:
    return transition_to(
        actor=actor,
        occurrence=occurrence,
        state=State.PLANNED,
        completed_at=None,
        completed_by=None,
    )


def reassign(*, actor, occurrence: Occurrence, responsible: User | None) -> Occurrence:
    """Give one occurrence another responsible person; a new person may be reminded anew."""
    _check_responsible(responsible)
    with transaction.atomic():
        occurrence = _fresh(occurrence)
        changes: dict = {"responsible": responsible}
        if responsible != occurrence.responsible:
            changes["reminded_at"] = None
        return crud.update(actor=actor, instance=occurrence, changes=changes)


def update_occurrence(
    *,
    actor,
    occurrence: Occurrence,
    date: date | None = None,
    responsible: User | None = UNCHANGED,
    notes: str | None = None,
    result_url: str | None = None,
    result_title: str | None = None,
) -> Occurrence:
    """Change an occurrence's date, person, notes or result link in one audited step."""
    with transaction.atomic():
        return _update_occurrence(
            actor=actor,
            occurrence=_fresh(occurrence),
            date=date,
            responsible=responsible,
            notes=notes,
            result_url=result_url,
            result_title=result_title,
        )


def _update_occurrence(
    *, actor, occurrence: Occurrence, date, responsible, notes, result_url, result_title
) -> Occurrence:
    changes: dict = {}
    if date is not None and date != occurrence.date:
        if date.year != occurrence.date.year:
            raise ValidationError(
                {
                    "date": _("En forekomst kan kun flyttes inden for sit eget år (%(year)s).")
                    % {"year": occurrence.date.year}
                }
            )
        if (
            Occurrence.objects.filter(event=occurrence.event_id, date=date)
            .exclude(pk=occurrence.pk)
            .exists()
        ):
            raise ValidationError({"date": _("Begivenheden har allerede en forekomst den dag.")})
        changes["date"] = date
        changes["reminded_at"] = None
    if responsible is not UNCHANGED and responsible != occurrence.responsible:
        _check_responsible(responsible)
        changes["responsible"] = responsible
        changes["reminded_at"] = None
    if notes is not None:
        changes["notes"] = notes.strip()
    changes.update(_result_changes(result=None, url=result_url, title=result_title))
    return crud.update(actor=actor, instance=occurrence, changes=changes)


def link_result(
    *,
    actor,
    occurrence: Occurrence,
    result: models.Model,
    url: str | None = None,
    title: str | None = None,
) -> Occurrence:
    """Link what the occurrence produced: any record (a barometer edition, a meeting, a report)."""
    with transaction.atomic():
        return crud.update(
            actor=actor,
            instance=_fresh(occurrence),
            changes=_result_changes(result=result, url=url, title=title),
        )


def _result_changes(*, result, url: str | None, title: str | None) -> dict:
    from django.contrib.contenttypes.models import ContentType

    changes: dict = {}
    if result is not None:
        changes["result_type"] = ContentType.objects.get_for_model(result)
        changes["result_id"] = str(result.pk)
    if url is not None:
        url = url.strip()
        if url and not (url.startswith("/") or url.startswith(("https://", "http://"))):
            raise ValidationError(
                {"result_url": _("Skriv en adresse, der begynder med https:// eller /.")}
            )
        changes["result_url"] = url
    if title is not None:
        changes["result_title"] = title.strip()
    return changes


# --- Calendar tokens --------------------------------------------------------------------------


def calendar_token_for(*, user: User) -> CalendarToken:
    """The user's feed token, made the first time it is asked for."""
    token = CalendarToken.objects.filter(user=user).first()
    if token is None:
        token = crud.create(actor=user, instance=CalendarToken(user=user))
    return token


def renew_calendar_token(*, actor, user: User) -> CalendarToken:
    """A new token for ``user``: every feed address made with the old one stops working."""
    with transaction.atomic():
        old = CalendarToken.objects.filter(user=user).first()
        if old is not None:
            crud.delete(actor=actor, instance=old)
        return crud.create(actor=actor, instance=CalendarToken(user=user))


def user_for_token(token: str) -> User | None:
    """The active internal user a feed token belongs to, or None for any other token."""
    if not token or len(token) > 64:
        return None
    found = CalendarToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active or not found.user.can(Capability.READ_INTERNAL):
        return None
    return found.user


# --- Reminders --------------------------------------------------------------------------------


def send_reminders(*, today: date | None = None) -> int:
    """Mail each responsible person once about an occurrence coming up within its event's
    reminder period. Returns the number of reminders sent."""
    today = today or timezone.localdate()
    longest = max([e.effective_reminder_days for e in RecurringEvent.objects.active()] or [0])
    candidates = (
        Occurrence.objects.filter(
            state=State.PLANNED,
            reminded_at__isnull=True,
            responsible__isnull=False,
            date__gte=today,
            date__lte=today + timedelta(days=longest),
            event__is_active=True,
        )
        .select_related("event", "responsible")
        .order_by("date", "pk")
    )
    sent = 0
    for occurrence in candidates:
        if occurrence.date - timedelta(days=occurrence.event.effective_reminder_days) > today:
            continue
        if not occurrence.responsible.email or not occurrence.responsible.is_active:
            continue
        with transaction.atomic():
            # Marked first and conditionally: two workers never both send the same reminder.
            won = Occurrence.objects.filter(pk=occurrence.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            )
            if not won:
                continue
            transaction.on_commit(lambda o=occurrence: notifications.reminder(o))
        sent += 1
    return sent
