from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from pejling.accounts.models import ApiToken
from pejling.audit.models import AuditEvent, Channel


def token_command(*args: str) -> str:
    out = StringIO()
    call_command("token", *args, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def me(client, raw: str):
    return client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_created_token_authenticates_against_the_api(client, cast):
    raw = token_command("create", "--user", "advisor", "--name", "Integration")

    response = me(client, raw)

    assert response.status_code == 200
    assert response.json()["username"] == "advisor"
    token = ApiToken.objects.get()
    assert token.name == "Integration"
    assert token.expires_at is None


def test_create_is_audited_as_a_command(cast):
    token_command("create", "--user", "advisor")

    event = AuditEvent.objects.for_object(ApiToken.objects.get()).get()
    assert event.channel == Channel.COMMAND
    assert event.path == "token create"
    assert event.actor is None


def test_create_with_days_sets_an_expiry(cast):
    token_command("create", "--user", "advisor", "--days", "30")
    assert ApiToken.objects.get().expires_at is not None


def test_create_for_an_unknown_user_fails(cast):
    with pytest.raises(CommandError, match="No active user named 'nobody'"):
        token_command("create", "--user", "nobody")
    assert not ApiToken.objects.exists()


def test_list_shows_the_users_tokens(cast):
    raw = token_command("create", "--user", "advisor", "--name", "Integration")
    token = ApiToken.objects.get()

    listing = token_command("list", "--user", "advisor")

    assert listing == f"{token.pk}\t{raw[:8]}…\tactive\tIntegration"


def test_revoked_token_no_longer_authenticates(client, cast):
    raw = token_command("create", "--user", "advisor")
    token = ApiToken.objects.get()

    output = token_command("revoke", str(token.pk))

    assert output == f"Token {token.pk} revoked."
    assert me(client, raw).status_code == 401
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_revoke_of_an_unknown_token_fails(db):
    with pytest.raises(CommandError, match="No token with id 999"):
        token_command("revoke", "999")
