"""Mail to the people who use Pejling: sent at once, or kept for their daily digest.

Mail to the public (a requester's receipt, a subscriber's newsletter) does not come here; it
always goes at once, since the public has no preferences to keep.
"""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from pejling.accounts.models import PendingMail, User


def mail_user(user: User, *, subject: str, body: str) -> None:
    """Send ``user`` a mail now, or keep it for their digest if they chose one."""
    if not user.email or not user.is_active:
        return
    if user.daily_digest:
        PendingMail.objects.create(user=user, subject=subject, body=body)
    else:
        send_mail(subject, body, None, [user.email], fail_silently=False)


def send_digests() -> int:
    """Send each user with kept mails one digest of them; returns how many digests went out."""
    sent = 0
    users = User.objects.filter(pending_mails__sent_at__isnull=True).distinct()
    for user in users:
        with transaction.atomic():
            mails = list(
                PendingMail.objects.select_for_update().filter(user=user, sent_at__isnull=True)
            )
            if not mails:
                continue
            # Marked first: a digest that fails is better missed once than sent every day.
            PendingMail.objects.filter(pk__in=[m.pk for m in mails]).update(sent_at=timezone.now())
            if user.email and user.is_active:
                with translation.override("da"):
                    context = {"user": user, "mails": mails}
                    subject = render_to_string("accounts/email/digest_subject.txt", context)
                    body = render_to_string("accounts/email/digest.txt", context)
                send_mail(subject.strip(), body, None, [user.email], fail_silently=False)
                sent += 1
    return sent
