"""The newsletter's mail: the subscription confirmation, each issue as HTML with a plain-text
part, and the signed links that confirm and unsubscribe without login."""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

CONFIRM_SALT = "pejling.network.confirm"
UNSUBSCRIBE_SALT = "pejling.network.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60


def absolute(path: str) -> str:
    return settings.PEJLING_BASE_URL.rstrip("/") + path


def confirmation_token(email: str) -> str:
    return signing.dumps({"e": email}, salt=CONFIRM_SALT)


def unsubscribe_token(email: str) -> str:
    # No expiry: an unsubscribe link in an old newsletter must still work.
    return signing.dumps({"e": email}, salt=UNSUBSCRIBE_SALT)


def read_confirmation_token(token: str) -> str:
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)["e"]
    except signing.SignatureExpired as error:
        raise ValidationError(
            _("Linket er udløbet. Tilmeld dig igen, så sender vi et nyt.")
        ) from error
    except (signing.BadSignature, KeyError, TypeError) as error:
        raise ValidationError(_("Linket er ugyldigt. Tilmeld dig igen.")) from error


def read_unsubscribe_token(token: str) -> str:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)["e"]
    except (signing.BadSignature, KeyError, TypeError) as error:
        raise ValidationError(
            _("Linket til afmelding er ugyldigt. Kopiér hele linket fra nyhedsbrevet.")
        ) from error


def unsubscribe_url(email: str) -> str:
    return absolute(reverse("network:unsubscribe", args=[unsubscribe_token(email)]))


def send_confirmation(subscriber) -> None:
    context = {
        "confirm_url": absolute(
            reverse("network:confirm", args=[confirmation_token(subscriber.email)])
        ),
        "municipality": settings.PEJLING_MUNICIPALITY_NAME,
    }
    with translation.override("da"):
        subject = _("Bekræft din tilmelding til nyhedsbrevet")
        body = render_to_string("network/email/confirm.txt", context)
    send_mail(subject, body, None, [subscriber.email], fail_silently=False)


def issue_context(issue, email: str = "", *, articles: list | None = None) -> dict:
    return {
        "issue": issue,
        "articles": issue_articles(issue) if articles is None else articles,
        "archive_url": absolute(issue.get_archive_url()),
        "unsubscribe_url": unsubscribe_url(email) if email else "",
        "municipality": settings.PEJLING_MUNICIPALITY_NAME,
        "base_url": settings.PEJLING_BASE_URL.rstrip("/"),
    }


def issue_articles(issue) -> list:
    # Only what the public may read: an entry withdrawn since is left out of the archive too.
    return list(issue.articles.public().order_by("-published_at"))


def send_issue(issue, email: str, *, connection=None, articles: list | None = None) -> None:
    """Mail the issue to ``email``; ``articles`` from issue_articles() when sending to many."""
    context = issue_context(issue, email, articles=articles)
    with translation.override("da"):
        text = render_to_string("network/email/issue.txt", context)
        html = render_to_string("network/email/issue.html", context)
    message = EmailMultiAlternatives(issue.title, text, None, [email], connection=connection)
    message.attach_alternative(html, "text/html")
    message.extra_headers["List-Unsubscribe"] = f"<{context['unsubscribe_url']}>"
    message.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.send(fail_silently=False)
