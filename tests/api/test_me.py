import datetime

import pytest
import time_machine

from pejling.accounts import services
from pejling.accounts.models import User
from pejling.accounts.roles import ROLE_CAPABILITIES, Role

URL = "/api/v1/me"
NOW = datetime.datetime(2025, 3, 12, 10, 0, tzinfo=datetime.UTC)
UNAUTHENTICATED = "Log ind, eller send en gyldig API-nøgle som 'Authorization: Bearer …'."


def token_for(user, **kwargs) -> str:
    _token, raw = services.create_api_token(actor=user, user=user, name="test", **kwargs)
    return raw


def get_me(client, raw: str | None = None, **headers):
    if raw is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client.get(URL, **headers)


def assert_unauthenticated(response) -> None:
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": UNAUTHENTICATED}
    assert response["WWW-Authenticate"] == 'Bearer realm="pejling"'


def test_bearer_token_returns_the_user(client, cast):
    response = get_me(client, token_for(cast.coordinator))

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == cast.coordinator.pk
    assert body["username"] == "coordinator"
    assert body["full_name"] == "Coordinator"
    assert body["email"] == "coordinator@example.org"
    assert body["roles"] == [{"code": "coordinator", "label": "Koordinator"}]
    assert body["capabilities"] == sorted(ROLE_CAPABILITIES[Role.COORDINATOR])
    assert body["administration"] is None
    assert body["language"] == "da"


def test_contact_person_gets_the_administration(client, cast):
    # A contact person cannot create tokens on the profile page, but an administrator's
    # `pejling token create` may give one; the API then answers as for everyone.
    body = get_me(client, token_for(cast.contact_person)).json()

    assert body["administration"] == {
        "id": cast.administration.pk,
        "name": "Beskæftigelses- og Integrationsforvaltningen",
        "short_name": "BIF",
    }
    assert body["roles"] == [{"code": "contact_person", "label": "Kontaktperson"}]


def test_roles_are_listed_in_the_order_of_the_roles(client, cast):
    services.set_roles(
        actor=None, user=cast.advisor, roles=[Role.ANALYST, Role.ADVISOR], administration=None
    )
    body = get_me(client, token_for(cast.advisor)).json()
    assert [role["code"] for role in body["roles"]] == ["advisor", "analyst"]


def test_no_credentials_is_401_with_a_danish_message(client, db):
    assert_unauthenticated(client.get(URL))


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer ",
        "Bearer pjl_",
        "Bearer not-a-pejling-token",
        "Basic YWR2aXNvcjpjb3JyZWN0LWhvcnNlLWJhdHRlcnk=",
        "pjl_abc",
    ],
)
def test_malformed_authorization_is_401(client, cast, header):
    token_for(cast.advisor)
    assert_unauthenticated(client.get(URL, HTTP_AUTHORIZATION=header))


def test_revoked_token_is_401(client, cast):
    token, raw = services.create_api_token(actor=cast.advisor, user=cast.advisor, name="x")
    services.revoke_api_token(actor=cast.advisor, token=token)

    assert_unauthenticated(get_me(client, raw))


def test_expired_token_is_401(client, cast):
    with time_machine.travel(NOW, tick=False):
        raw = token_for(cast.advisor, expires_at=NOW + datetime.timedelta(hours=1))
        assert get_me(client, raw).status_code == 200

    with time_machine.travel(NOW + datetime.timedelta(hours=1, seconds=1), tick=False):
        assert_unauthenticated(get_me(client, raw))


def test_token_of_a_deactivated_user_is_401(client, cast):
    raw = token_for(cast.advisor)
    User.objects.filter(pk=cast.advisor.pk).update(is_active=False)

    assert_unauthenticated(get_me(client, raw))


def test_browser_session_works(client, cast):
    client.force_login(cast.analyst)

    response = client.get(URL)

    assert response.status_code == 200
    assert response.json()["username"] == "analyst"


def test_post_is_not_allowed(client, cast):
    assert client.post(URL, HTTP_AUTHORIZATION=f"Bearer {token_for(cast.advisor)}").status_code == (
        405
    )
    client.force_login(cast.advisor)
    assert client.post(URL).status_code == 405


def test_unauthenticated_message_follows_accept_language(client, db):
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Log in, or send a valid API token as 'Authorization: Bearer …'."
    }


def test_role_labels_follow_accept_language(client, cast):
    body = get_me(client, token_for(cast.advisor), HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["roles"] == [{"code": "advisor", "label": "Advisor"}]


def test_api_honours_accept_language(client, cast):
    raw = token_for(cast.advisor)

    assert get_me(client, raw, HTTP_ACCEPT_LANGUAGE="en").json()["language"] == "en"
    assert get_me(client, raw, HTTP_ACCEPT_LANGUAGE="da").json()["language"] == "da"
    assert get_me(client, raw).json()["language"] == "da"


def test_query_count_is_bounded(client, cast, django_assert_max_num_queries):
    raw = token_for(cast.contact_person)

    with django_assert_max_num_queries(4):
        response = get_me(client, raw)

    assert response.status_code == 200
