"""The newsletter: double opt-in without login, composing and previewing an issue, sending it
in the background to networks and subscribers, unsubscribing, and the public archive."""

import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django_tasks_db.management.commands.db_worker import Worker

from pejling.core.models import TaskProgress
from pejling.network import services
from pejling.network.mail import unsubscribe_token
from pejling.network.models import Delivery, NewsletterIssue, Subscriber
from tests.network.factories import (
    make_network,
    make_organisation,
    make_person,
    make_public_article,
)

SUBSCRIBE = reverse("network:subscribe")


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


def link_in(text: str, word: str) -> str:
    [url] = re.findall(rf"https?://\S+/{word}/\S+/", text)
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def confirmed(email: str) -> Subscriber:
    services.subscribe(email=email)
    token = services.mail.confirmation_token(email)
    return services.confirm_subscription(token=token)


def make_issue(coordinator, **fields) -> NewsletterIssue:
    values = {"title": "Nyhedsbrev, efteråret", "news": "Nyt fra task forcen."} | fields
    return services.create_issue(actor=coordinator, **values)


# --- Subscribing -------------------------------------------------------------------------------


def test_subscribe_confirm_and_unsubscribe_without_login(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBSCRIBE, {"email": "Sara@Example.org", "name": "Sara"})
    assert response["Location"] == reverse("network:subscribe_thanks")
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "sara@example.org"
    assert subscriber.confirmed_at is None
    [message] = mail.outbox
    assert message.to == ["sara@example.org"]

    confirm_path = link_in(message.body, "bekraeft")
    response = client.get(confirm_path)
    assert response.status_code == 200
    assert "Tilmeldingen er bekræftet" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.is_active

    unsubscribe = reverse("network:unsubscribe", args=[unsubscribe_token("sara@example.org")])
    assert client.get(unsubscribe).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.is_active  # a link scanner's GET changes nothing
    response = client.post(unsubscribe)
    assert "får ikke flere nyhedsbreve" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None


def test_subscribe_page_is_public(client, db):
    response = client.get(SUBSCRIBE)
    assert response.status_code == 200
    assert 'name="website"' in response.content.decode()


def test_bad_email_is_refused_and_nothing_saved(client, db):
    response = client.post(SUBSCRIBE, {"email": "ikke en adresse"})
    assert response.status_code == 400
    assert "Indtast en gyldig e-mail-adresse." in response.content.decode()
    assert not Subscriber.objects.exists()


def test_honeypot_gets_the_same_answer_and_no_mail(client, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBSCRIBE, {"email": "robot@example.org", "website": "x"})
    assert response["Location"] == reverse("network:subscribe_thanks")
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_subscriptions_are_rate_limited_per_address(client, db, settings):
    settings.PEJLING_SUBSCRIPTIONS_PER_HOUR = 2
    for n in range(2):
        assert client.post(SUBSCRIBE, {"email": f"a{n}@example.org"}).status_code == 302
    response = client.post(SUBSCRIBE, {"email": "a3@example.org"})
    assert response.status_code == 429
    assert "Retry-After" in response
    assert Subscriber.objects.count() == 2


def test_tampered_confirmation_link_is_refused(client, db):
    services.subscribe(email="sara@example.org")
    token = services.mail.confirmation_token("sara@example.org")
    response = client.get(reverse("network:confirm", args=[token[:-2] + "xx"]))
    assert response.status_code == 400
    assert "Linket er ugyldigt" in response.content.decode()
    assert not Subscriber.objects.get().is_active


def test_expired_confirmation_link_is_refused(client, db):
    with time_machine.travel("2025-01-01 10:00Z", tick=False):
        services.subscribe(email="sara@example.org")
        token = services.mail.confirmation_token("sara@example.org")
    with time_machine.travel("2025-01-09 10:00Z", tick=False):
        response = client.get(reverse("network:confirm", args=[token]))
    assert response.status_code == 400
    assert "Linket er udløbet" in response.content.decode()


def test_tampered_unsubscribe_link_is_refused(client, db):
    confirmed("sara@example.org")
    token = unsubscribe_token("sara@example.org")
    token = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    response = client.post(reverse("network:unsubscribe", args=[token]))
    assert response.status_code == 400
    assert "Linket til afmelding er ugyldigt" in response.content.decode()
    assert Subscriber.objects.get().is_active


# --- Composing and sending ---------------------------------------------------------------------


def test_coordinator_composes_and_previews_an_issue(client, cast):
    article = make_public_article(cast.coordinator)
    network = make_network()
    client.force_login(cast.coordinator)
    response = client.post(
        reverse("network:issue_create"),
        {
            "title": "Nyhedsbrev, efteråret",
            "news": "Nyt fra task forcen.",
            "articles": [article.pk],
            "events": "12. november: Temadag\n3. december: Netværksmøde",
            "networks": [network.pk],
            "to_subscribers": "on",
        },
    )
    issue = NewsletterIssue.objects.get()
    assert response["Location"] == issue.get_absolute_url()
    body = client.get(issue.get_absolute_url()).content.decode()
    assert "Forældre i skolebestyrelsen" in body
    assert "12. november: Temadag" in body


def test_issue_form_refuses_cpr(client, cast):
    client.force_login(cast.coordinator)
    response = client.post(
        reverse("network:issue_create"),
        {"title": "Nyhedsbrev", "news": "Borgeren 010190-1234 skal kontaktes."},
    )
    assert response.status_code == 400
    assert not NewsletterIssue.objects.exists()


@pytest.mark.parametrize("who", ["advisor", "contact_person", "committee_member"])
def test_only_the_coordinator_composes_and_sends(client, cast, who):
    issue = make_issue(cast.coordinator)
    client.force_login(getattr(cast, who))
    assert client.get(reverse("network:issue_create")).status_code == 403
    assert client.post(reverse("network:issue_send", args=[issue.pk])).status_code == 403


def test_send_refuses_get(client, cast):
    issue = make_issue(cast.coordinator)
    client.force_login(cast.coordinator)
    assert client.get(reverse("network:issue_send", args=[issue.pk])).status_code == 405


# The worker closes its database connection when done: a real transaction, not a test's one.
@pytest.mark.django_db(transaction=True)
def test_issue_reaches_networks_and_confirmed_subscribers_once(
    client, cast, django_capture_on_commit_callbacks
):
    article = make_public_article(cast.coordinator)
    network = make_network()
    person = make_person(email="hanne@example.org")
    services.add_network_member(actor=None, network=network, person=person)
    organisation = make_organisation()
    services.add_network_member(actor=None, network=network, organisation=organisation)
    staff = make_person(name="Ole Lærer", email="ole@example.org")
    services.add_membership(actor=None, person=staff, organisation=organisation, role="Lærer")
    confirmed("sara@example.org")
    confirmed("hanne@example.org")  # also a member: gets one copy
    services.subscribe(email="unconfirmed@example.org")
    confirmed("gone@example.org")
    services.unsubscribe(token=unsubscribe_token("gone@example.org"))
    issue = make_issue(cast.coordinator, networks=[network], articles=[article])
    mail.outbox.clear()
    client.force_login(cast.coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("network:issue_send", args=[issue.pk]))
    assert response["Location"] == issue.get_absolute_url()
    issue.refresh_from_db()
    assert issue.state == "sending"
    progress = TaskProgress.objects.get(task_id=issue.task_id)
    assert (progress.owner, progress.total) == (cast.coordinator, 3)

    run_worker()

    issue.refresh_from_db()
    assert issue.state == "sent"
    assert sorted(m.to[0] for m in mail.outbox) == [
        "hanne@example.org",
        "ole@example.org",
        "sara@example.org",
    ]
    message = next(m for m in mail.outbox if m.to == ["sara@example.org"])
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Forældre i skolebestyrelsen" in html and "Forældre i skolebestyrelsen" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    progress.refresh_from_db()
    assert progress.current == 3

    # The unsubscribe link in the mail works for that recipient.
    response = client.post(link_in(message.body, "afmeld"))
    assert response.status_code == 200
    assert not Subscriber.objects.get(email="sara@example.org").is_active


def test_sending_again_sends_nobody_twice(cast):
    confirmed("sara@example.org")
    issue = make_issue(cast.coordinator)
    mail.outbox.clear()
    assert services.deliver_issue(issue) == 1
    assert services.deliver_issue(issue) == 0
    assert len(mail.outbox) == 1
    assert Delivery.objects.filter(issue=issue).count() == 1


def test_an_issue_without_recipients_is_not_sent(client, cast):
    issue = make_issue(cast.coordinator, to_subscribers=False)
    client.force_login(cast.coordinator)
    client.post(reverse("network:issue_send", args=[issue.pk]))
    issue.refresh_from_db()
    assert issue.state == "draft"


def test_a_sent_issue_cannot_be_edited_or_sent_again(client, cast):
    confirmed("sara@example.org")
    issue = make_issue(cast.coordinator)
    services.deliver_issue(issue)
    client.force_login(cast.coordinator)
    assert client.get(reverse("network:issue_edit", args=[issue.pk])).status_code == 302
    with pytest.raises(Exception, match="allerede sendt"):
        services.start_sending(actor=cast.coordinator, issue=issue)


# --- The archive -------------------------------------------------------------------------------


def test_sent_issue_is_archived_publicly(client, cast):
    confirmed("sara@example.org")
    issue = make_issue(cast.coordinator)
    draft = make_issue(cast.coordinator, title="Kladde til næste gang")
    services.deliver_issue(issue)
    archive = client.get(reverse("network:archive_list")).content.decode()
    assert "Nyhedsbrev, efteråret" in archive
    assert "Kladde til næste gang" not in archive
    assert client.get(issue.get_archive_url()).status_code == 200
    assert client.get(draft.get_archive_url()).status_code == 404


def test_subscriber_list_is_for_the_coordinator(client, cast):
    confirmed("sara@example.org")
    client.force_login(cast.advisor)
    assert client.get(reverse("network:subscriber_list")).status_code == 403
    client.force_login(cast.coordinator)
    assert "sara@example.org" in client.get(reverse("network:subscriber_list")).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_failed_sending_is_resumed_without_double_sends(
    client, cast, settings, django_capture_on_commit_callbacks
):
    confirmed("sara@example.org")
    confirmed("anna@example.org")
    issue = make_issue(cast.coordinator)
    # An earlier run reached Anna before it failed.
    Delivery.objects.create(issue=issue, email="anna@example.org", sent_at="2025-01-01T10:00Z")
    mail.outbox.clear()
    client.force_login(cast.coordinator)
    settings.EMAIL_BACKEND = "tests.network.no_such_backend.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("network:issue_send", args=[issue.pk]))
    run_worker()
    issue.refresh_from_db()
    assert issue.state == "sending"

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post(reverse("network:issue_resume", args=[issue.pk]))
    assert response.status_code == 302
    run_worker()

    issue.refresh_from_db()
    assert issue.state == "sent"
    assert [m.to for m in mail.outbox] == [["sara@example.org"]]


def test_a_running_sending_is_not_resumed(cast, django_capture_on_commit_callbacks):
    confirmed("sara@example.org")
    issue = make_issue(cast.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(actor=cast.coordinator, issue=issue)
    issue.refresh_from_db()
    with pytest.raises(Exception, match="stadig i gang"):
        services.resume_sending(actor=cast.coordinator, issue=issue)


def test_script_in_the_news_text_is_harmless_in_mail_and_archive(client, cast):
    confirmed("sara@example.org")
    issue = make_issue(cast.coordinator, news='Nyt <script>alert("x")</script> fra task forcen.')
    mail.outbox.clear()
    services.deliver_issue(issue)
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html
    archive = client.get(issue.get_archive_url()).content.decode()
    assert '<script>alert("x")' not in archive
