import hashlib
import secrets

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from pejling.accounts.roles import ROLE_CAPABILITIES, Role
from pejling.audit.models import HoldsPersonalData


class Administration(models.Model):
    """One of the municipality's administrations (forvaltninger)."""

    name = models.CharField(_("navn"), max_length=200, unique=True)
    short_name = models.CharField(_("forkortelse"), max_length=20, unique=True)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=40, unique=True)
    is_active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("forvaltning")
        verbose_name_plural = _("forvaltninger")

    def __str__(self) -> str:
        return self.name


class User(HoldsPersonalData, AbstractUser):
    """A person who logs in to Pejling."""

    administration = models.ForeignKey(
        Administration,
        verbose_name=_("forvaltning"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("Påkrævet for kontaktpersoner: den forvaltning de repræsenterer."),
    )
    title = models.CharField(_("stillingsbetegnelse"), max_length=200, blank=True)
    daily_digest = models.BooleanField(
        _("samlet mail én gang om dagen"),
        default=False,
        help_text=_(
            "Mails om ens eget arbejde samles i én mail om dagen i stedet for hver for sig."
        ),
    )

    objects = UserManager()

    audit_masked_fields = frozenset({"password"})
    audit_ignored_fields = frozenset({"last_login"})

    class Meta(AbstractUser.Meta):
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def roles(self) -> frozenset[str]:
        return frozenset(self.role_assignments.values_list("role", flat=True))

    @cached_property
    def capabilities(self) -> frozenset[str]:
        caps: set[str] = set()
        for role in self.roles:
            caps |= ROLE_CAPABILITIES.get(role, frozenset())
        return frozenset(caps)

    def has_role(self, role: str) -> bool:
        return role in self.roles

    def can(self, capability: str) -> bool:
        return self.is_active and capability in self.capabilities

    @property
    def role_labels(self) -> list[str]:
        return [label for value, label in Role.choices if value in self.roles]


class RoleAssignment(models.Model):
    """A role held by a user. Changed through ``services.set_roles`` so that it is audited."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("rolle"), max_length=40, choices=Role.choices)
    assigned_at = models.DateTimeField(_("tildelt"), default=timezone.now)

    class Meta:
        verbose_name = _("rolletildeling")
        verbose_name_plural = _("rolletildelinger")
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="unique_role_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=timezone.now())
        )


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 digest is stored; the token is shown once."""

    PREFIX = "pjl_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("navn"), max_length=100)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(_("kendetegn"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    expires_at = models.DateTimeField(_("udløber"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("sidst brugt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    audit_ignored_fields = frozenset({"last_used_at"})

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API-nøgle")
        verbose_name_plural = _("API-nøgler")

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @staticmethod
    def generate() -> str:
        return ApiToken.PREFIX + secrets.token_urlsafe(32)

    @staticmethod
    def digest_of(raw: str) -> str:
        # Tokens carry 256 random bits, so a fast unsalted hash is enough to make a leaked
        # table useless; a slow password hash would only slow every API call down.
        return hashlib.sha256(raw.encode()).hexdigest()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )


class PendingMail(models.Model):
    """A mail to a user who chose one daily digest, kept until the digest goes out."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="pending_mails")
    subject = models.CharField(max_length=300)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            # The daily run: unsent mails, grouped by user.
            models.Index(fields=["sent_at", "user"], name="pendingmail_unsent_idx"),
        ]

    def __str__(self) -> str:
        return self.subject
