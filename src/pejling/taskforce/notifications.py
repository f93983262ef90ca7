"""Mail from the task force: the requester's receipt and status news, and advisors' work.

Called after the transaction commits. Texts are in Danish with the English below, since a
public requester's language is not known.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from pejling.accounts.mail import mail_user


def _absolute(path: str) -> str:
    return settings.PEJLING_BASE_URL.rstrip("/") + path


def _send(template: str, context: dict, recipient: str) -> None:
    if not recipient:
        return
    with translation.override("da"):
        subject = render_to_string(f"taskforce/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"taskforce/email/{template}.txt", context)
    send_mail(subject, body, None, [recipient], fail_silently=False)


def _send_to_user(template: str, context: dict, user) -> None:
    """Mail a user about their own work: at once, or in their daily digest."""
    with translation.override("da"):
        subject = render_to_string(f"taskforce/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"taskforce/email/{template}.txt", context)
    mail_user(user, subject=subject, body=body)


def receipt(case) -> None:
    _send(
        "receipt",
        {"case": case, "status_url": _absolute(case.get_status_url())},
        case.contact_email,
    )


def status_changed(case, text: str) -> None:
    _send(
        "status_changed",
        {"case": case, "text": text, "status_url": _absolute(case.get_status_url())},
        case.contact_email,
    )


def assigned(case, advisor) -> None:
    _send_to_user(
        "assigned",
        {"case": case, "advisor": advisor, "case_url": _absolute(case.get_absolute_url())},
        advisor,
    )


def follow_up_due(follow_up) -> None:
    _send_to_user(
        "follow_up_due",
        {
            "follow_up": follow_up,
            "case": follow_up.case,
            "case_url": _absolute(follow_up.case.get_absolute_url()),
        },
        follow_up.advisor,
    )
