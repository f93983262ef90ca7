import datetime

import axes.utils
import pytest
import time_machine
from django.test import Client

from tests.conftest import PASSWORD

LOGIN = "/konto/log-ind/"
LOGOUT = "/konto/log-ud/"
WRONG_PASSWORD_ERROR = (
    "Indtast venligst korrekt brugernavn og adgangskode. Bemærk at begge felter kan være "
    "versalfølsomme."
)
LOCKED_OUT = "Kontoen er midlertidigt låst"


@pytest.fixture(autouse=True)
def _fresh_axes(db):
    axes.utils.reset()


def log_in(client: Client, username: str, password: str, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def test_login_page_is_public(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_login_redirects_to_start(client, cast):
    response = log_in(client, "advisor", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").context["user"] == cast.advisor


def test_login_follows_next(client, cast):
    response = log_in(client, "advisor", PASSWORD, next="/konto/profil/")
    assert response["Location"] == "/konto/profil/"


def test_login_refuses_next_to_another_site(client, cast):
    response = log_in(client, "advisor", PASSWORD, next="https://evil.example/")
    assert response["Location"] == "/"


def test_wrong_password_shows_translated_error(client, cast):
    response = log_in(client, "advisor", "wrong")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [WRONG_PASSWORD_ERROR]
    assert WRONG_PASSWORD_ERROR in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logged_in_user_is_sent_on_from_the_login_page(client, cast):
    client.force_login(cast.advisor)
    response = client.get(LOGIN)
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_too_many_failures_lock_the_username(client, cast, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "advisor", "wrong").status_code == 200

    response = log_in(client, "advisor", "wrong")

    assert response.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in response.templates]
    content = response.content.decode()
    assert LOCKED_OUT in content
    assert f"Prøv igen om {round(settings.AXES_COOLOFF_TIME * 60)} minutter" in content


def test_locked_username_is_refused_even_with_the_right_password(client, cast, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "advisor", "wrong")

    response = log_in(client, "advisor", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username(client, cast, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "advisor", "wrong")

    assert log_in(client, "coordinator", PASSWORD).status_code == 302


def test_lockout_ends_after_the_cool_off(client, cast, settings):
    start = datetime.datetime(2025, 3, 12, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            log_in(client, "advisor", "wrong")
    cool_off = datetime.timedelta(hours=settings.AXES_COOLOFF_TIME, seconds=1)

    with time_machine.travel(start + cool_off, tick=False):
        assert log_in(client, "advisor", PASSWORD).status_code == 302


def test_logout_is_post_only(client, cast):
    client.force_login(cast.advisor)

    assert client.get(LOGOUT).status_code == 405
    assert "_auth_user_id" in client.session


def test_logout_ends_the_session(client, cast):
    client.force_login(cast.advisor)

    response = client.post(LOGOUT)

    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert "_auth_user_id" not in client.session


def test_anonymous_is_sent_to_login_with_next(client, db):
    response = client.get("/konto/profil/?fane=1")
    assert response.status_code == 302
    assert response["Location"] == "/konto/log-ind/?next=/konto/profil/%3Ffane%3D1"


def test_expired_session_is_sent_to_login_with_next(client, cast, settings):
    start = datetime.datetime(2025, 3, 12, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        client.force_login(cast.advisor)
        assert client.get("/konto/profil/").status_code == 200

    later = start + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE + 1)
    with time_machine.travel(later, tick=False):
        response = client.get("/konto/profil/")

    assert response.status_code == 302
    assert response["Location"] == "/konto/log-ind/?next=/konto/profil/"


def test_login_page_explains_an_expired_session(client, db):
    response = client.get(LOGIN, {"next": "/konto/profil/"})
    assert "Er du blevet logget ud, er din session udløbet." in response.content.decode()
