"""Changes to users, roles and API tokens. Each is atomic and audited."""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pejling.accounts.models import Administration, ApiToken, RoleAssignment, User
from pejling.accounts.roles import Role
from pejling.audit import services as audit


def _check_roles(roles: Iterable[str], administration: Administration | None) -> set[str]:
    wanted = set(roles)
    unknown = wanted - set(Role.values)
    if unknown:
        raise ValidationError(_("Ukendt rolle: %(roles)s.") % {"roles": ", ".join(sorted(unknown))})
    if Role.CONTACT_PERSON in wanted and administration is None:
        raise ValidationError(
            _("En kontaktperson skal høre til en forvaltning."),
            code="contact_person_administration",
        )
    return wanted


def create_user(
    *,
    actor: User | None,
    username: str,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    password: str | None = None,
    roles: Iterable[str] = (),
    administration: Administration | None = None,
    title: str = "",
) -> User:
    wanted = _check_roles(roles, administration)
    with transaction.atomic():
        user = User(
            username=username,
            email=email,
            first_name=first_name,
            last_name=last_name,
            administration=administration,
            title=title,
        )
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.full_clean()
        user.save()
        RoleAssignment.objects.bulk_create(RoleAssignment(user=user, role=r) for r in wanted)
        audit.record_create(user, actor=actor, extra={"roles": sorted(wanted)})
    return user


def set_roles(
    *, actor: User | None, user: User, roles: Iterable[str], administration: Administration | None
) -> User:
    """Give ``user`` exactly ``roles`` (and the administration they represent)."""
    wanted = _check_roles(roles, administration)
    with transaction.atomic():
        before = audit.snapshot(user)
        had = set(user.role_assignments.values_list("role", flat=True))
        user.role_assignments.exclude(role__in=wanted).delete()
        RoleAssignment.objects.bulk_create(
            RoleAssignment(user=user, role=r) for r in sorted(wanted - had)
        )
        user.administration = administration
        user.save(update_fields=["administration"])
        audit.record_update(
            user,
            before=before,
            actor=actor,
            extra_before={"roles": sorted(had)},
            extra_after={"roles": sorted(wanted)},
        )
    user.__dict__.pop("roles", None)
    user.__dict__.pop("capabilities", None)
    return user


def update_profile(
    *,
    actor: User,
    user: User,
    first_name: str,
    last_name: str,
    email: str,
    title: str,
    daily_digest: bool | None = None,
) -> User:
    with transaction.atomic():
        before = audit.snapshot(user)
        user.first_name, user.last_name, user.email, user.title = (
            first_name,
            last_name,
            email,
            title,
        )
        if daily_digest is not None:
            user.daily_digest = daily_digest
        user.full_clean()
        user.save()
        audit.record_update(user, before=before, actor=actor)
    return user


def change_password(*, actor: User | None, user: User, new_password: str) -> User:
    """Set a new password (already validated by the form) and record that it changed."""
    with transaction.atomic():
        before = audit.snapshot(user)
        user.set_password(new_password)
        user.save(update_fields=["password"])
        audit.record_update(user, before=before, actor=actor)
    return user


def create_api_token(
    *, actor: User, user: User, name: str, expires_at: datetime | None = None
) -> tuple[ApiToken, str]:
    """Create a token and return it with its secret, which is never stored and shown only once."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Giv nøglen et navn, så du kan kende den igen.")})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("Udløbsdatoen skal ligge i fremtiden.")})
    raw = ApiToken.generate()
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name[:100],
            digest=ApiToken.digest_of(raw),
            hint=raw[: len(ApiToken.PREFIX) + 4],
            expires_at=expires_at,
        )
        audit.record_create(token, actor=actor)
    return token, raw


def revoke_api_token(*, actor: User, token: ApiToken) -> ApiToken:
    if token.revoked_at is not None:
        return token
    with transaction.atomic():
        before = audit.snapshot(token)
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record_update(token, before=before, actor=actor)
    return token


def user_for_token(raw: str) -> User | None:
    """The active user behind a raw bearer token, or None. Marks the token as used."""
    if not raw.startswith(ApiToken.PREFIX):
        return None
    token = (
        ApiToken.objects.active()
        .select_related("user")
        .filter(digest=ApiToken.digest_of(raw), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Written at most once a minute, so that busy clients do not write on every call.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
