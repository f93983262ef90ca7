import re

from django.core import mail

from pejling.audit.models import AuditEvent
from pejling.audit.services import MASKED
from tests.conftest import PASSWORD

URL = "/konto/glemt-adgangskode/"
NEW_PASSWORD = "a-new-and-long-passphrase"


def request_reset(client, email: str):
    return client.post(URL, {"email": email})


def reset_link() -> str:
    [message] = mail.outbox
    return re.search(r"http://testserver(/konto/nulstil/\S+/)", message.body).group(1)


def set_password(client, link: str, password: str = NEW_PASSWORD):
    form_url = client.get(link)["Location"]
    return client.post(form_url, {"new_password1": password, "new_password2": password})


def test_form_is_public(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="email"' in response.content.decode()


def test_reset_sends_an_email_with_a_link(client, cast):
    response = request_reset(client, "advisor@example.org")

    assert response.status_code == 302
    assert response["Location"] == "/konto/glemt-adgangskode/sendt/"
    [message] = mail.outbox
    assert message.to == ["advisor@example.org"]
    assert "Dit brugernavn er: advisor" in message.body
    assert reset_link().startswith("/konto/nulstil/")


def test_unknown_address_sends_nothing_but_looks_the_same(client, cast):
    response = request_reset(client, "nobody@example.org")

    assert response.status_code == 302
    assert response["Location"] == "/konto/glemt-adgangskode/sendt/"
    assert mail.outbox == []


def test_link_leads_to_a_form_that_sets_the_password(client, cast):
    request_reset(client, "advisor@example.org")
    link = reset_link()

    form_page = client.get(client.get(link)["Location"])
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True

    response = set_password(client, link)

    assert response.status_code == 302
    assert response["Location"] == "/konto/nulstil/faerdig/"
    cast.advisor.refresh_from_db()
    assert cast.advisor.check_password(NEW_PASSWORD)
    assert not cast.advisor.check_password(PASSWORD)


def test_new_password_is_set_through_the_service_and_audited(client, cast):
    request_reset(client, "advisor@example.org")

    set_password(client, reset_link())

    event = AuditEvent.objects.for_object(cast.advisor).get(action=AuditEvent.Action.UPDATE)
    assert event.actor == cast.advisor
    assert event.changes == {"password": {"before": MASKED, "after": MASKED}}


def test_link_works_only_once(client, cast):
    request_reset(client, "advisor@example.org")
    link = reset_link()
    set_password(client, link)

    response = client.get(link)

    assert response.status_code == 200
    assert response.context["validlink"] is False


def test_weak_password_is_refused_and_nothing_changes(client, cast):
    request_reset(client, "advisor@example.org")

    response = set_password(client, reset_link(), "123")

    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    cast.advisor.refresh_from_db()
    assert cast.advisor.check_password(PASSWORD)
    assert not AuditEvent.objects.for_object(cast.advisor).filter(action="update").exists()
