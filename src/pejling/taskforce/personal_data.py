"""Personal data in the task force's records: what is kept about a requester, for how long,
and how it is handed out or removed on request (the data subject's rights)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from pejling.audit import services as audit
from pejling.taskforce.models import Case, Status

PERSONAL_FIELDS = ("contact_name", "contact_email", "contact_phone")


def cases_about(*, email: str = "", name: str = "", phone: str = ""):
    """The cases that name one person, found by any of the details they gave."""
    match = Q()
    if email.strip():
        match |= Q(contact_email__iexact=email.strip())
    if name.strip():
        match |= Q(contact_name__iexact=name.strip())
    if phone.strip():
        match |= Q(contact_phone=phone.strip())
    if not match:
        return Case.objects.none()
    return Case.objects.filter(match, anonymised_at__isnull=True)


def extract(cases, *, actor) -> list[dict]:
    """What the task force holds about the person in ``cases``, as plain data; each read logged."""
    records = []
    for case in cases.prefetch_related("events"):
        audit.record_access(case, actor=actor)
        records.append(
            {
                "reference": case.reference,
                "received_at": case.received_at.isoformat(),
                "status": case.get_status_display(),
                "title": case.title,
                "description": case.description,
                "organisation": case.organisation,
                **{name: getattr(case, name) for name in PERSONAL_FIELDS},
                "timeline": [
                    {"at": event.at.isoformat(), "text": event.text}
                    for event in case.events.all()
                    if event.public
                ],
            }
        )
    return records


def anonymise(case: Case, *, actor) -> Case:
    """Remove the requester's personal data from a case; the case itself and its work remain."""
    with transaction.atomic():
        before = audit.snapshot(case)
        for name in PERSONAL_FIELDS:
            setattr(case, name, "")
        case.anonymised_at = timezone.now()
        case.save(update_fields=[*PERSONAL_FIELDS, "anonymised_at"])
        audit.record_update(case, before=before, actor=actor)
    return case


def anonymise_person(*, actor, email: str = "", name: str = "", phone: str = "") -> int:
    """Anonymise every case that names one person (a data subject's request for erasure)."""
    count = 0
    with transaction.atomic():
        for case in cases_about(email=email, name=name, phone=phone).select_for_update():
            anonymise(case, actor=actor)
            count += 1
    return count


def anonymise_expired(*, now=None) -> int:
    """Anonymise closed cases past the retention period (the scheduled task)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.PEJLING_CASE_RETENTION_DAYS)
    expired = Case.objects.filter(
        status__in=[Status.CLOSED, Status.DECLINED, Status.MERGED],
        anonymised_at__isnull=True,
    ).filter(Q(closed_at__lt=cutoff) | Q(closed_at__isnull=True, received_at__lt=cutoff))
    count = 0
    for case in expired.iterator():
        anonymise(case, actor=None)
        count += 1
    return count
