"""The public request form: receiving, the receipt, bad input, the honeypot and the flood limit."""

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from pejling.taskforce.models import ActorKind, Case, CaseEvent, Door, Field, Status, Urgency
from tests.policy.support import CPR_TEXT, error_at, html, page_text

FORM = reverse("requests:public_create")


@pytest.fixture(autouse=True)
def _empty_cache(db):
    # The flood limit counts in the cache; no test may inherit another's count.
    cache.clear()
    yield
    cache.clear()


def request_data(**changes) -> dict:
    data = {
        "organisation": "Valby Skole",
        "actor_kind": ActorKind.SCHOOL,
        "contact_name": "Hanne Holm",
        "contact_email": "hanne@example.org",
        "contact_phone": "33 66 33 66",
        "title": "Konflikter ved afhentning",
        "description": "Forældre fra to grupper kommer i konflikt ved afhentningen.",
        "field": Field.EDUCATION,
        "urgency": Urgency.HIGH,
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# --- The form and the receipt -----------------------------------------------------------------


def test_anyone_can_open_the_form_without_logging_in(client, db):
    response = client.get(FORM)

    assert response.status_code == 200
    body = html(response)
    assert 'name="title"' in body and 'name="description"' in body
    assert 'name="consent"' in body
    # The honeypot is hidden from people and from screen readers, and out of the tab order.
    assert '<div class="sr-only" aria-hidden="true">' in body
    assert 'name="website" id="id_website" value="" tabindex="-1" autocomplete="off"' in body
    # Administrations and street workers come through the contact persons and outreach.
    kinds = [value for value, _label in response.context["form"].fields["actor_kind"].choices]
    assert ActorKind.SCHOOL in kinds and ActorKind.RESIDENT in kinds
    assert ActorKind.ADMINISTRATION not in kinds and ActorKind.STREET_WORKERS not in kinds


def test_the_consent_text_says_what_the_data_is_for_and_how_long_it_is_kept(client, db):
    text = page_text(client.get(FORM))

    assert "til at behandle din henvendelse" in text
    assert "gemmes i 5 år efter, at sagen er afsluttet" in text


def test_a_request_is_received_and_the_receipt_is_a_page_of_its_own(client, db):
    response = client.post(FORM, request_data())

    case = Case.objects.get()
    # Redirected, so that reloading the receipt never sends the request again.
    assert response.status_code == 302
    assert response["Location"] == reverse("requests:receipt", args=[case.status_token])
    assert (case.door, case.status, case.submitted_by) == (Door.PUBLIC, Status.NEW, None)
    assert (case.title, case.field, case.urgency) == (
        "Konflikter ved afhentning",
        Field.EDUCATION,
        Urgency.HIGH,
    )
    assert (case.organisation, case.actor_kind, case.contact_email) == (
        "Valby Skole",
        ActorKind.SCHOOL,
        "hanne@example.org",
    )
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    assert case.reference in page_text(receipt)
    assert f'value="http://testserver/henvendelse/status/{case.status_token}/"' in html(receipt)
    assert '<meta name="robots" content="noindex">' in html(receipt)


def test_the_receipt_mail_holds_the_reference_and_the_absolute_status_link(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM, request_data())

    case = Case.objects.get()
    [message] = mail.outbox
    assert message.to == ["hanne@example.org"]
    assert case.reference in message.subject
    assert case.reference in message.body
    assert f"{settings.PEJLING_BASE_URL}/henvendelse/status/{case.status_token}/" in message.body


def test_an_unknown_receipt_is_not_found(client, db):
    assert client.get(reverse("requests:receipt", args=["no-such-token"])).status_code == 404


def test_the_form_only_takes_get_and_post(client, db):
    assert client.put(FORM).status_code == 405


# --- Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": "   "}, "title", "Skriv en overskrift."),
        ({"description": ""}, "description", "Beskriv problemet."),
        ({"title": "x" * 201}, "title", "højst være på 200 tegn; den er på 201"),
        ({"description": "x" * 5001}, "description", "højst være på 5000 tegn; den er på 5001"),
        ({"description": CPR_TEXT}, "description", "CPR-nummer"),
        ({"title": "Eleven 010190-1234"}, "title", "CPR-nummer"),
        ({"contact_name": "Hanne 0101901234"}, "contact_name", "CPR-nummer"),
        ({"contact_email": "hanne@"}, "contact_email", "gyldig e-mailadresse"),
        ({"contact_email": None}, "contact_email", "Skriv en e-mailadresse"),
        ({"contact_phone": "ring mig op"}, "contact_phone", "mindst 8 cifre"),
        ({"consent": None}, "consent", "Sæt kryds for at give samtykke"),
        (
            {"actor_kind": ActorKind.ADMINISTRATION},
            "actor_kind",
            "Vælg en af mulighederne på listen.",
        ),
        ({"field": None}, "field", "Vælg det område"),
    ],
)
def test_bad_input_is_shown_at_the_field_and_nothing_is_saved(client, db, changes, field, message):
    response = client.post(FORM, request_data(**changes))

    assert response.status_code == 400
    assert message in error_at(response, field)
    assert "Der er fejl i formularen" in page_text(response)
    assert Case.objects.count() == 0
    assert not mail.outbox


def test_an_empty_form_names_every_missing_answer(client, db):
    response = client.post(FORM, {})

    assert response.status_code == 400
    for field in ("actor_kind", "contact_name", "contact_email", "title", "description", "field"):
        assert error_at(response, field), field
    assert Case.objects.count() == 0


def test_what_was_written_stays_in_the_form_after_an_error(client, db):
    response = client.post(FORM, request_data(consent=None))

    assert "Forældre fra to grupper" in html(response)
    assert 'value="Konflikter ved afhentning"' in html(response)


# --- Spam and floods --------------------------------------------------------------------------


def test_a_filled_honeypot_looks_received_but_saves_and_sends_nothing(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, request_data(website="https://spam.example"), follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[0][1] == 302
    assert "Tak for din henvendelse" in page_text(response)
    assert "TF-" in page_text(response)
    assert Case.objects.count() == 0
    assert CaseEvent.objects.count() == 0
    assert not mail.outbox


def test_a_robot_gets_the_same_answer_even_when_the_rest_is_rubbish(client, db):
    response = client.post(FORM, {"website": "x", "title": "buy now"}, follow=True)

    assert response.status_code == 200
    assert "Tak for din henvendelse" in page_text(response)
    assert Case.objects.count() == 0


def test_a_flood_from_one_address_is_refused_after_the_limit(client, db, settings):
    settings.PEJLING_PUBLIC_REQUESTS_PER_HOUR = 5

    codes = [
        client.post(FORM, request_data(title=f"Henvendelse {i}")).status_code for i in range(20)
    ]

    assert codes == [302] * 5 + [429] * 15
    assert Case.objects.count() == 5


def test_over_the_limit_the_form_says_why_and_keeps_what_was_written(client, db, settings):
    settings.PEJLING_PUBLIC_REQUESTS_PER_HOUR = 1
    client.post(FORM, request_data())

    response = client.post(FORM, request_data(title="Endnu en henvendelse"))

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "Der er sendt for mange henvendelser" in page_text(response)
    assert 'value="Endnu en henvendelse"' in html(response)
    assert Case.objects.count() == 1


def test_the_limit_is_per_address_and_per_hour(client, db, settings):
    settings.PEJLING_PUBLIC_REQUESTS_PER_HOUR = 1
    with time_machine.travel("2026-11-16 10:10 +01:00", tick=False):
        assert client.post(FORM, request_data(), REMOTE_ADDR="10.0.0.1").status_code == 302
        assert client.post(FORM, request_data(), REMOTE_ADDR="10.0.0.1").status_code == 429
        assert client.post(FORM, request_data(), REMOTE_ADDR="10.0.0.2").status_code == 302
    with time_machine.travel("2026-11-16 11:05 +01:00", tick=False):
        assert client.post(FORM, request_data(), REMOTE_ADDR="10.0.0.1").status_code == 302
    assert Case.objects.count() == 3


def test_behind_a_trusted_proxy_the_limit_counts_the_forwarded_address(client, db, settings):
    settings.PEJLING_PUBLIC_REQUESTS_PER_HOUR = 1
    settings.PEJLING_TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.250"}

    def post(forwarded: str) -> int:
        return client.post(FORM, request_data(), HTTP_X_FORWARDED_FOR=forwarded, **proxy)

    assert post("203.0.113.7").status_code == 302
    assert post("203.0.113.8").status_code == 302
    assert post("203.0.113.7").status_code == 429
    # A client that forges an entry to its left is still counted by what the proxy saw.
    assert post("198.51.100.99, 203.0.113.8").status_code == 429


def test_mistakes_do_not_count_against_the_limit(client, db, settings):
    settings.PEJLING_PUBLIC_REQUESTS_PER_HOUR = 1
    for _ in range(3):
        assert client.post(FORM, request_data(consent=None)).status_code == 400

    assert client.post(FORM, request_data()).status_code == 302


def test_robots_are_counted_too(client, db, settings):
    settings.PEJLING_PUBLIC_REQUESTS_PER_HOUR = 2
    codes = [client.post(FORM, request_data(website="x")).status_code for _ in range(3)]

    assert codes == [302, 302, 429]
    assert Case.objects.count() == 0


# --- Languages --------------------------------------------------------------------------------


def test_the_form_is_danish_by_default(client, db):
    response = client.get(FORM)

    assert '<html lang="da">' in html(response)
    assert "Hvad drejer det sig om?" in page_text(response)


def test_the_form_is_english_after_the_language_switch(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(FORM)

    text = page_text(response)
    assert '<html lang="en">' in html(response)
    assert "Contact the integration task force" in text
    assert "What is it about?" in text
    assert "Your e-mail" in text
    assert "kept for 5 years after the case is closed" in text
    assert "Hvad drejer det sig om?" not in text


def test_errors_are_english_after_the_language_switch(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.post(FORM, request_data(description=CPR_TEXT, title=""))

    assert response.status_code == 400
    assert "Write a title." in error_at(response, "title")
    assert "CPR number" in error_at(response, "description")
