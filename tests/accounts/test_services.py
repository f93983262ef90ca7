import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from pejling.accounts import services
from pejling.accounts.models import ApiToken, RoleAssignment, User
from pejling.accounts.roles import ROLE_CAPABILITIES, Capability, Role
from pejling.audit.models import AuditEvent
from pejling.audit.services import MASKED

NOW = datetime.datetime(2025, 3, 12, 10, 0, tzinfo=datetime.UTC)


def counts() -> tuple[int, int, int]:
    return User.objects.count(), RoleAssignment.objects.count(), AuditEvent.objects.count()


def test_create_user_gives_roles_and_audits_them(cast):
    user = services.create_user(
        actor=cast.administrator,
        username="ny",
        email="ny@example.org",
        password="a-long-passphrase",
        roles=[Role.ADVISOR, Role.ANALYST],
    )

    assert user.roles == {Role.ADVISOR, Role.ANALYST}
    assert user.check_password("a-long-passphrase")
    event = AuditEvent.objects.for_object(user).get()
    assert event.action == AuditEvent.Action.CREATE
    assert event.actor == cast.administrator
    assert event.changes["roles"] == {"before": None, "after": ["advisor", "analyst"]}
    assert event.changes["password"] == {"before": MASKED, "after": MASKED}
    assert "last_login" not in event.changes


def test_create_user_without_password_cannot_log_in(db):
    user = services.create_user(actor=None, username="uden")
    assert not user.has_usable_password()


def test_contact_person_without_administration_is_refused_and_nothing_created(cast):
    before = counts()

    with pytest.raises(ValidationError) as caught:
        services.create_user(actor=cast.administrator, username="ny", roles=[Role.CONTACT_PERSON])

    assert caught.value.code == "contact_person_administration"
    assert caught.value.messages == ["En kontaktperson skal høre til en forvaltning."]
    assert counts() == before


def test_unknown_role_is_refused_and_nothing_created(cast):
    before = counts()

    with pytest.raises(ValidationError, match="Ukendt rolle: boss"):
        services.create_user(actor=cast.administrator, username="ny", roles=["boss"])

    assert counts() == before


def test_invalid_username_is_refused_and_nothing_created(cast):
    before = counts()

    with pytest.raises(ValidationError):
        services.create_user(actor=cast.administrator, username="advisor")  # taken

    assert counts() == before


def test_set_roles_audits_the_roles_as_a_pseudo_field(cast):
    user = cast.advisor

    services.set_roles(
        actor=cast.administrator,
        user=user,
        roles=[Role.COORDINATOR, Role.CONTACT_PERSON],
        administration=cast.administration,
    )

    assert user.roles == {Role.COORDINATOR, Role.CONTACT_PERSON}
    assert user.can(Capability.TRIAGE_REQUESTS)
    user.refresh_from_db()
    assert user.administration == cast.administration
    event = AuditEvent.objects.for_object(user).get(action=AuditEvent.Action.UPDATE)
    assert event.actor == cast.administrator
    assert event.changes == {
        "administration": {"before": None, "after": cast.administration.pk},
        "roles": {"before": ["advisor"], "after": ["contact_person", "coordinator"]},
    }


def test_set_roles_to_the_same_roles_records_nothing(cast):
    services.set_roles(
        actor=cast.administrator, user=cast.advisor, roles=[Role.ADVISOR], administration=None
    )
    assert not AuditEvent.objects.for_object(cast.advisor).filter(action="update").exists()


def test_set_roles_refuses_contact_person_without_administration(cast):
    with pytest.raises(ValidationError):
        services.set_roles(
            actor=cast.administrator,
            user=cast.advisor,
            roles=[Role.CONTACT_PERSON],
            administration=None,
        )
    assert set(cast.advisor.role_assignments.values_list("role", flat=True)) == {Role.ADVISOR}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("capability", list(Capability))
def test_user_can_exactly_what_the_role_allows(cast, role, capability):
    user = cast.by_role()[role]
    assert user.can(capability) == (capability in ROLE_CAPABILITIES[role])


@pytest.mark.parametrize("capability", list(Capability))
def test_user_without_roles_can_nothing(cast, capability):
    assert not cast.outsider.can(capability)


def test_deactivated_user_can_nothing(cast):
    User.objects.filter(pk=cast.administrator.pk).update(is_active=False)
    user = User.objects.get(pk=cast.administrator.pk)
    assert not user.can(Capability.MANAGE_USERS)


def test_capabilities_are_the_union_of_the_roles(cast):
    user = services.create_user(actor=None, username="dobbelt", roles=[Role.ADVISOR, Role.ANALYST])
    assert user.capabilities == ROLE_CAPABILITIES[Role.ADVISOR] | ROLE_CAPABILITIES[Role.ANALYST]


def test_update_profile_refuses_an_invalid_email_and_saves_nothing(cast):
    with pytest.raises(ValidationError):
        services.update_profile(
            actor=cast.advisor,
            user=cast.advisor,
            first_name="X",
            last_name="",
            email="ikke-en-adresse",
            title="",
        )
    cast.advisor.refresh_from_db()
    assert cast.advisor.first_name == "Advisor"
    assert not AuditEvent.objects.for_object(cast.advisor).filter(action="update").exists()


def test_api_token_finds_its_user_and_marks_it_used(cast):
    with time_machine.travel(NOW, tick=False):
        token, raw = services.create_api_token(actor=cast.advisor, user=cast.advisor, name="x")
        assert services.user_for_token(raw) == cast.advisor
    token.refresh_from_db()
    assert token.last_used_at == NOW


def test_api_token_use_is_written_at_most_once_a_minute(cast):
    with time_machine.travel(NOW, tick=False):
        token, raw = services.create_api_token(actor=cast.advisor, user=cast.advisor, name="x")
        services.user_for_token(raw)
    with time_machine.travel(NOW + datetime.timedelta(seconds=30), tick=False):
        services.user_for_token(raw)
    token.refresh_from_db()
    assert token.last_used_at == NOW
    with time_machine.travel(NOW + datetime.timedelta(seconds=61), tick=False):
        services.user_for_token(raw)
    token.refresh_from_db()
    assert token.last_used_at == NOW + datetime.timedelta(seconds=61)


def test_api_token_use_is_not_audited(cast):
    token, raw = services.create_api_token(actor=cast.advisor, user=cast.advisor, name="x")
    services.user_for_token(raw)
    assert AuditEvent.objects.for_object(token).count() == 1


@pytest.mark.parametrize("raw", ["", "pjl_", "pjl_unknown", "not-a-token"])
def test_unknown_token_finds_nobody(cast, raw):
    services.create_api_token(actor=cast.advisor, user=cast.advisor, name="x")
    assert services.user_for_token(raw) is None


def test_expired_token_finds_nobody(cast):
    with time_machine.travel(NOW, tick=False):
        _token, raw = services.create_api_token(
            actor=cast.advisor,
            user=cast.advisor,
            name="x",
            expires_at=NOW + datetime.timedelta(days=1),
        )
    with time_machine.travel(NOW + datetime.timedelta(days=1, seconds=1), tick=False):
        assert services.user_for_token(raw) is None


def test_revoked_token_finds_nobody(cast):
    token, raw = services.create_api_token(actor=cast.advisor, user=cast.advisor, name="x")
    services.revoke_api_token(actor=cast.advisor, token=token)
    assert services.user_for_token(raw) is None


def test_token_of_a_deactivated_user_finds_nobody(cast):
    _token, raw = services.create_api_token(actor=cast.advisor, user=cast.advisor, name="x")
    User.objects.filter(pk=cast.advisor.pk).update(is_active=False)
    assert services.user_for_token(raw) is None


@time_machine.travel(NOW, tick=False)
def test_token_cannot_expire_in_the_past(cast):
    with pytest.raises(ValidationError) as caught:
        services.create_api_token(actor=cast.advisor, user=cast.advisor, name="x", expires_at=NOW)
    assert caught.value.message_dict == {"expires_at": ["Udløbsdatoen skal ligge i fremtiden."]}
    assert not ApiToken.objects.exists()
