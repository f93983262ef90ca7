from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class HoldsPersonalData:
    """Marks a model whose records hold personal data: every read of one is access-logged.

    Models may also name ``audit_masked_fields`` (changes recorded, values hidden) and
    ``audit_ignored_fields`` (not recorded at all, e.g. timestamps that move on every login).
    """

    holds_personal_data = True


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    API = "api", _("API")
    COMMAND = "command", _("Kommando")
    TASK = "task", _("Baggrundsopgave")
    SYSTEM = "system", _("System")


class EventQuerySet(models.QuerySet):
    def for_object(self, instance: models.Model) -> "EventQuerySet":
        return self.filter(
            content_type=ContentType.objects.get_for_model(instance),
            object_pk=str(instance.pk),
        )


class BaseEvent(models.Model):
    occurred_at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept beside the key so the record still says who acted after the user is anonymised.
    actor_label = models.CharField(_("bruger"), max_length=200, blank=True)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="+"
    )
    object_pk = models.CharField(_("id"), max_length=64)
    object_repr = models.CharField(_("objekt"), max_length=200)
    channel = models.CharField(_("kanal"), max_length=10, choices=Channel.choices)
    path = models.CharField(_("side eller API-kald"), max_length=500, blank=True)
    remote_addr = models.GenericIPAddressField(_("IP-adresse"), null=True, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-occurred_at", "-id"]


class AuditEvent(BaseEvent):
    """A create, change or delete of a domain object, with the fields before and after."""

    class Action(models.TextChoices):
        CREATE = "create", _("Oprettet")
        UPDATE = "update", _("Ændret")
        DELETE = "delete", _("Slettet")

    action = models.CharField(_("handling"), max_length=10, choices=Action.choices)
    # {field name: {"before": value, "after": value}}
    changes = models.JSONField(_("ændringer"), default=dict, blank=True)

    class Meta(BaseEvent.Meta):
        verbose_name = _("revisionsspor")
        verbose_name_plural = _("revisionsspor")
        indexes = [
            # The history of one object, newest first (object pages, admin search by object).
            models.Index(
                fields=["content_type", "object_pk", "-occurred_at"], name="audit_object_idx"
            ),
            # What one user did, newest first (log search by user).
            models.Index(fields=["actor", "-occurred_at"], name="audit_actor_idx"),
            # The log search's default listing, newest first.
            models.Index(fields=["-occurred_at"], name="audit_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.object_repr}"

    def change_rows(self) -> list[tuple[str, str, str]]:
        """(field label, before, after) for people to read: verbose names, ja/nej, – for empty."""
        model = self.content_type.model_class()
        rows = []
        for name, change in self.changes.items():
            label = name
            if model is not None:
                try:
                    label = str(model._meta.get_field(name).verbose_name)
                except Exception:  # a pseudo-field such as "roles", or a field since removed
                    label = name
            rows.append((label, _readable(change.get("before")), _readable(change.get("after"))))
        return rows


def _readable(value) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if value is True:
        return str(_("ja"))
    if value is False:
        return str(_("nej"))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


class AccessEvent(BaseEvent):
    """A read of a record that holds personal data."""

    class Meta(BaseEvent.Meta):
        verbose_name = _("adgangslog")
        verbose_name_plural = _("adgangslog")
        indexes = [
            # Who has seen this record (a person's request for insight).
            models.Index(
                fields=["content_type", "object_pk", "-occurred_at"], name="access_object_idx"
            ),
            # What one user has looked at.
            models.Index(fields=["actor", "-occurred_at"], name="access_actor_idx"),
            # The retention purge deletes by age.
            models.Index(fields=["occurred_at"], name="access_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.actor_label}: {self.object_repr}"
