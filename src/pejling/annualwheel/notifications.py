"""Mail from the annual wheel: the reminder before an occurrence. Sent after the commit."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from pejling.accounts.mail import mail_user


def _absolute(path: str) -> str:
    return settings.PEJLING_BASE_URL.rstrip("/") + path


def reminder(occurrence) -> None:
    """Remind the responsible person: at once, or in their daily digest if they chose one."""
    person = occurrence.responsible
    if person is None or not person.email:
        return
    context = {
        "occurrence": occurrence,
        "event": occurrence.event,
        "person": occurrence.responsible,
        "url": _absolute(occurrence.get_absolute_url()),
    }
    with translation.override("da"):
        subject = render_to_string("annualwheel/email/reminder_subject.txt", context).strip()
        body = render_to_string("annualwheel/email/reminder.txt", context)
    mail_user(person, subject=subject, body=body)
