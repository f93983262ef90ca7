import datetime
import hashlib

import pytest
import time_machine
from django.utils import timezone

from pejling.accounts import services
from pejling.accounts.models import ApiToken
from pejling.audit.models import AuditEvent

CREATE = "/konto/api-noegler/"
PROFILE = "/konto/profil/"
NOW = datetime.datetime(2025, 3, 12, 10, 0, tzinfo=datetime.UTC)


def revoke_url(token: ApiToken) -> str:
    return f"/konto/api-noegler/{token.pk}/tilbagekald/"


def create(client, name: str = "Mit script", expires_on: str = ""):
    return client.post(CREATE, {"name": name, "expires_on": expires_on})


def make_token(user, name: str = "Nøgle") -> ApiToken:
    token, _raw = services.create_api_token(actor=user, user=user, name=name)
    return token


def test_profile_lists_own_tokens_only(client, cast):
    make_token(cast.advisor, "Rådgiverens nøgle")
    make_token(cast.coordinator, "Koordinatorens nøgle")
    client.force_login(cast.advisor)

    response = client.get(PROFILE)

    assert [t.name for t in response.context["tokens"]] == ["Rådgiverens nøgle"]
    assert "Koordinatorens nøgle" not in response.content.decode()


def test_create_shows_the_token_once_and_stores_only_its_digest(client, cast):
    client.force_login(cast.advisor)

    response = create(client)

    assert response.status_code == 200
    raw = response.context["raw"]
    assert raw.startswith("pjl_")
    assert raw in response.content.decode()
    token = ApiToken.objects.get()
    assert token.user == cast.advisor
    assert token.name == "Mit script"
    assert token.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert token.hint == raw[:8]
    assert token.expires_at is None
    stored = [str(v) for v in ApiToken.objects.values().get().values()]
    assert raw not in stored
    assert raw not in client.get(PROFILE).content.decode()


def test_create_is_audited_without_the_secret(client, cast):
    client.force_login(cast.advisor)

    raw = create(client).context["raw"]

    event = AuditEvent.objects.for_object(ApiToken.objects.get()).get()
    assert event.action == AuditEvent.Action.CREATE
    assert event.actor == cast.advisor
    assert raw not in str(event.changes)


@time_machine.travel(NOW, tick=False)
def test_expiry_date_lasts_to_the_end_of_that_day(client, cast):
    client.force_login(cast.advisor)

    create(client, expires_on="20-03-2025")

    expires_at = timezone.localtime(ApiToken.objects.get().expires_at)
    assert expires_at.date() == datetime.date(2025, 3, 20)
    assert (expires_at.hour, expires_at.minute) == (23, 59)


@pytest.mark.parametrize("name", ["", "   "])
def test_blank_name_is_an_error_and_nothing_is_saved(client, cast, name):
    client.force_login(cast.advisor)

    response = create(client, name=name)

    assert response.status_code == 400
    assert response.context["token_form"].errors["name"] == ["Dette felt er påkrævet."]
    assert not ApiToken.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_expiry_date_in_the_past_is_refused(client, cast):
    client.force_login(cast.advisor)

    response = create(client, expires_on="11-03-2025")

    assert response.status_code == 400
    assert response.context["token_form"].errors["expires_on"] == [
        "Udløbsdatoen skal ligge i fremtiden."
    ]
    assert "Udløbsdatoen skal ligge i fremtiden." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_unreadable_expiry_date_is_an_error(client, cast):
    client.force_login(cast.advisor)

    response = create(client, expires_on="i morgen")

    assert response.status_code == 400
    assert "expires_on" in response.context["token_form"].errors
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("who", ["committee_member", "contact_person", "outsider"])
def test_users_without_api_access_cannot_create_tokens(client, cast, who):
    client.force_login(getattr(cast, who))

    response = create(client)

    assert response.status_code == 403
    assert not ApiToken.objects.exists()


def test_profile_hides_tokens_from_users_without_api_access(client, cast):
    client.force_login(cast.committee_member)
    response = client.get(PROFILE)
    assert response.context["can_use_api"] is False
    assert CREATE not in response.content.decode()


def test_create_is_post_only(client, cast):
    client.force_login(cast.advisor)
    assert client.get(CREATE).status_code == 405


def test_anonymous_cannot_create(client, db):
    response = create(client)
    assert response.status_code == 302
    assert not ApiToken.objects.exists()


def test_revoke_own_token(client, cast):
    token = make_token(cast.advisor)
    client.force_login(cast.advisor)

    response = client.post(revoke_url(token))

    assert response.status_code == 302
    assert response["Location"] == PROFILE
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert not token.is_active
    event = AuditEvent.objects.for_object(token).get(action=AuditEvent.Action.UPDATE)
    assert list(event.changes) == ["revoked_at"]


def test_revoking_another_users_token_is_not_found(client, cast):
    token = make_token(cast.coordinator)
    client.force_login(cast.advisor)

    response = client.post(revoke_url(token))

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoke_is_post_only(client, cast):
    token = make_token(cast.advisor)
    client.force_login(cast.advisor)
    assert client.get(revoke_url(token)).status_code == 405


def test_revoking_twice_changes_nothing_the_second_time(client, cast):
    token = make_token(cast.advisor)
    client.force_login(cast.advisor)
    client.post(revoke_url(token))
    token.refresh_from_db()
    first = token.revoked_at

    client.post(revoke_url(token))

    token.refresh_from_db()
    assert token.revoked_at == first
    assert AuditEvent.objects.for_object(token).filter(action="update").count() == 1
