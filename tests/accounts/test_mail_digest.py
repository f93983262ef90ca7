"""Mail about one's own work: at once, or gathered in one digest a day when the user chose so."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from pejling.accounts.mail import send_digests
from pejling.accounts.models import PendingMail
from pejling.accounts.tasks import send_mail_digests
from pejling.audit.models import AuditEvent
from pejling.core.schedule import PERIODIC
from pejling.taskforce import services
from pejling.taskforce.models import ActorKind, Door, Field


def new_request(title: str = "Skole"):
    return services.receive_case(
        actor=None,
        door=Door.PUBLIC,
        title=title,
        description="Hjælp",
        field=Field.EDUCATION,
        actor_kind=ActorKind.SCHOOL,
    )


def assign(cast, case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.assign(actor=cast.coordinator, case=case, advisors=[cast.advisor])


@pytest.fixture
def advisor_with_mail(cast):
    cast.advisor.email = "advisor@kk.dk"
    cast.advisor.save(update_fields=["email"])
    return cast.advisor


def test_without_a_digest_each_mail_goes_at_once(
    cast, advisor_with_mail, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    assign(cast, new_request(), django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [["advisor@kk.dk"]]
    assert PendingMail.objects.count() == 0


def test_with_a_digest_the_days_mails_go_out_as_one(
    cast, advisor_with_mail, django_capture_on_commit_callbacks
):
    advisor_with_mail.daily_digest = True
    advisor_with_mail.save(update_fields=["daily_digest"])
    first, second = new_request("Forældremøder"), new_request("Lektiecafé")
    mail.outbox.clear()
    assign(cast, first, django_capture_on_commit_callbacks)
    assign(cast, second, django_capture_on_commit_callbacks)
    case = first.__class__.objects.get(pk=first.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.add_follow_up(
            actor=cast.advisor,
            case=case,
            due_on=date(2026, 12, 1),
            note="Ring",
            advisor=cast.advisor,
        )

    assert mail.outbox == []
    assert PendingMail.objects.filter(user=advisor_with_mail, sent_at=None).count() == 2

    assert send_digests() == 1
    (digest,) = mail.outbox
    assert digest.to == ["advisor@kk.dk"]
    assert digest.subject == "Pejling: 2 beskeder i dag"
    assert first.reference in digest.body and second.reference in digest.body
    # Nothing is sent twice.
    assert send_digests() == 0
    assert len(mail.outbox) == 1


def test_a_digest_is_not_sent_to_a_user_without_an_address_or_no_longer_active(
    cast, advisor_with_mail
):
    PendingMail.objects.create(user=advisor_with_mail, subject="Sag", body="Tekst")
    advisor_with_mail.is_active = False
    advisor_with_mail.save(update_fields=["is_active"])
    mail.outbox.clear()

    assert send_digests() == 0
    assert mail.outbox == []
    assert PendingMail.objects.filter(sent_at=None).count() == 0


def test_the_digest_runs_once_a_day_on_the_worker(cast, advisor_with_mail):
    PendingMail.objects.create(user=advisor_with_mail, subject="Sag", body="Tekst")
    mail.outbox.clear()

    assert "send_mail_digests" in PERIODIC
    assert send_mail_digests.call() == {"digests": 1}
    assert len(mail.outbox) == 1


def test_the_user_chooses_the_digest_on_the_profile(client, cast):
    client.force_login(cast.advisor)
    changes = AuditEvent.objects.count()

    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "Rådgiver", "last_name": "", "email": "a@kk.dk", "daily_digest": "on"},
    )

    assert response.status_code == 302
    cast.advisor.refresh_from_db()
    assert cast.advisor.daily_digest is True
    assert AuditEvent.objects.count() == changes + 1
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Saml mails om mit arbejde i én mail om dagen" in page
    assert 'name="daily_digest"' in page and "checked" in page
