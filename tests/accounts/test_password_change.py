import pytest

from pejling.audit.models import AuditEvent, Channel
from pejling.audit.services import MASKED
from tests.conftest import PASSWORD

URL = "/konto/adgangskode/"
NEW_PASSWORD = "a-new-and-long-passphrase"
WRONG_OLD_PASSWORD_ERROR = (
    "Din gamle adgangskode blev ikke indtastet korrekt. Indtast den venligst igen."
)


def change(client, old: str, new: str = NEW_PASSWORD, repeat: str | None = None):
    return client.post(
        URL,
        {"old_password": old, "new_password1": new, "new_password2": repeat or new},
    )


def password_events(user):
    return AuditEvent.objects.for_object(user).filter(action=AuditEvent.Action.UPDATE)


def test_form_is_shown(client, cast):
    client.force_login(cast.advisor)
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="old_password"' in response.content.decode()


def test_change_sets_the_password_and_audits_it_masked(client, cast):
    client.force_login(cast.advisor)

    response = change(client, PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/konto/profil/"
    cast.advisor.refresh_from_db()
    assert cast.advisor.check_password(NEW_PASSWORD)
    [event] = password_events(cast.advisor)
    assert event.actor == cast.advisor
    assert event.changes == {"password": {"before": MASKED, "after": MASKED}}
    assert event.channel == Channel.WEB
    assert event.path == URL
    assert NEW_PASSWORD not in str(event.changes)


def test_session_survives_the_change(client, cast):
    client.force_login(cast.advisor)
    change(client, PASSWORD)

    response = client.get("/konto/profil/")

    assert response.status_code == 200
    assert "Din adgangskode er ændret." in response.content.decode()


def test_wrong_old_password_is_an_error_and_changes_nothing(client, cast):
    client.force_login(cast.advisor)

    response = change(client, "not-my-password")

    assert response.status_code == 200
    assert response.context["form"].errors["old_password"] == [WRONG_OLD_PASSWORD_ERROR]
    assert WRONG_OLD_PASSWORD_ERROR in response.content.decode()
    cast.advisor.refresh_from_db()
    assert cast.advisor.check_password(PASSWORD)
    assert not password_events(cast.advisor).exists()


@pytest.mark.parametrize(("new", "repeat"), [("123", "123"), (NEW_PASSWORD, NEW_PASSWORD + "x")])
def test_weak_or_mismatched_new_password_changes_nothing(client, cast, new, repeat):
    client.force_login(cast.advisor)

    response = change(client, PASSWORD, new, repeat)

    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    cast.advisor.refresh_from_db()
    assert cast.advisor.check_password(PASSWORD)
    assert not password_events(cast.advisor).exists()


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/konto/log-ind/?next={URL}"
