"""A policy's structure: themes, guideposts, focus areas, work items, goals, initiatives
and scheduled topics."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pejling.accounts.models import Administration
from pejling.lib.fields import free_text
from pejling.policy.models.policies import (
    Policy,
    PolicyChildQuerySet,
    VersionedText,
    WorkItemQuerySet,
)


class Theme(models.Model):
    """A chapter of a policy (e.g. 'En blandet by'); placeholders mark what is still missing."""

    policy = models.ForeignKey(
        Policy, verbose_name=_("politik"), on_delete=models.CASCADE, related_name="themes"
    )
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("titel"), max_length=200)
    description = free_text(_("beskrivelse"), blank=True)
    goals_placeholder = free_text(_("vejledning om konkrete mål"), blank=True)
    initiatives_placeholder = free_text(_("vejledning om initiativer"), blank=True)
    lighthouse_placeholder = free_text(_("vejledning om fyrtårnsprojekt"), blank=True)

    objects = PolicyChildQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "number"]
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
        constraints = [
            models.UniqueConstraint(fields=["policy", "number"], name="unique_theme_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("policy:theme_detail", args=[self.pk])


class Guidepost(models.Model):
    """A lasting direction ('pejlemærke'); its wording is a versioned text."""

    policy = models.ForeignKey(
        Policy, verbose_name=_("politik"), on_delete=models.CASCADE, related_name="guideposts"
    )
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("titel"), max_length=200)
    wording = models.OneToOneField(
        VersionedText, verbose_name=_("formulering"), on_delete=models.PROTECT, related_name="+"
    )

    objects = PolicyChildQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "number"]
        verbose_name = _("pejlemærke")
        verbose_name_plural = _("pejlemærker")
        constraints = [
            models.UniqueConstraint(fields=["policy", "number"], name="unique_guidepost_number"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("policy:guidepost_detail", args=[self.pk])


class FocusArea(models.Model):
    """A special, time-limited focus area ('særligt fokusområde')."""

    policy = models.ForeignKey(
        Policy, verbose_name=_("politik"), on_delete=models.CASCADE, related_name="focus_areas"
    )
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("titel"), max_length=200)
    description = free_text(_("beskrivelse"), blank=True)
    valid_from = models.DateField(_("fra"))
    valid_to = models.DateField(_("til"), null=True, blank=True)

    objects = PolicyChildQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "number"]
        verbose_name = _("særligt fokusområde")
        verbose_name_plural = _("særlige fokusområder")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="focus_area_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("policy:focus_area_detail", args=[self.pk])

    def is_active_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class WorkItem(models.Model):
    """'How we work on it': one step under a guidepost or a focus area."""

    guidepost = models.ForeignKey(
        Guidepost,
        verbose_name=_("pejlemærke"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="work_items",
    )
    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("særligt fokusområde"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="work_items",
    )
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    text = free_text(_("sådan arbejder vi med det"))

    objects = WorkItemQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("arbejdspunkt")
        verbose_name_plural = _("arbejdspunkter")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(guidepost__isnull=False, focus_area__isnull=True)
                | models.Q(guidepost__isnull=True, focus_area__isnull=False),
                name="work_item_has_one_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return (self.guidepost or self.focus_area).get_absolute_url()


def _parts_of_other_policies(instance, parts: dict[str, type], message) -> dict[str, str]:
    """Errors for parts (theme, guidepost, focus area) that belong to another policy."""
    errors = {}
    for name, model in parts.items():
        pk = getattr(instance, f"{name}_id")
        if pk is None or instance.policy_id is None:
            continue
        owner = model._default_manager.filter(pk=pk).values_list("policy_id", flat=True).first()
        # An unknown id is left to the field's own validation, which names it.
        if owner is not None and owner != instance.policy_id:
            errors[name] = message
    return errors


class Direction(models.TextChoices):
    HIGHER = "higher", _("Højere er bedre")
    LOWER = "lower", _("Lavere er bedre")


class Goal(models.Model):
    """A measurable goal ('konkret mål') and its target."""

    policy = models.ForeignKey(
        Policy, verbose_name=_("politik"), on_delete=models.CASCADE, related_name="goals"
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("tema"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
    )
    guidepost = models.ForeignKey(
        Guidepost,
        verbose_name=_("pejlemærke"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
    )
    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("særligt fokusområde"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
    )
    title = models.CharField(_("mål"), max_length=300)
    description = free_text(_("beskrivelse"), blank=True)
    target_value = models.DecimalField(
        _("målværdi"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("enhed"), max_length=40, blank=True)
    direction = models.CharField(
        _("retning"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    target_year = models.PositiveSmallIntegerField(_("målår"), null=True, blank=True)
    owner = models.ForeignKey(
        Administration,
        verbose_name=_("ansvarlig"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="goals",
    )

    objects = PolicyChildQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "theme__number", "id"]
        verbose_name = _("mål")
        verbose_name_plural = _("mål")
        indexes = [
            # The goal list filtered by policy and theme.
            models.Index(fields=["policy", "theme"], name="goal_policy_theme_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("policy:goal_detail", args=[self.pk])

    def clean(self) -> None:
        errors = _parts_of_other_policies(
            self,
            {"theme": Theme, "guidepost": Guidepost, "focus_area": FocusArea},
            _("Vælg et tema, pejlemærke eller fokusområde fra den samme politik som målet."),
        )
        if errors:
            raise ValidationError(errors)


class Initiative(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        ONGOING = "ongoing", _("I gang")
        COMPLETED = "completed", _("Gennemført")
        STOPPED = "stopped", _("Stoppet")

    policy = models.ForeignKey(
        Policy, verbose_name=_("politik"), on_delete=models.CASCADE, related_name="initiatives"
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("tema"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives",
    )
    goals = models.ManyToManyField(
        Goal, verbose_name=_("mål"), blank=True, related_name="initiatives"
    )
    title = models.CharField(_("titel"), max_length=300)
    description = free_text(_("beskrivelse"), blank=True)
    is_lighthouse = models.BooleanField(_("fyrtårnsprojekt"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    responsible = models.ForeignKey(
        Administration,
        verbose_name=_("ansvarlig forvaltning"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("slut"), null=True, blank=True)

    objects = PolicyChildQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "theme__number", "id"]
        verbose_name = _("initiativ")
        verbose_name_plural = _("initiativer")
        indexes = [
            # The initiative list filtered by policy and status.
            models.Index(fields=["policy", "status"], name="initiative_policy_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="initiative_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("policy:initiative_detail", args=[self.pk])

    def clean(self) -> None:
        errors = _parts_of_other_policies(
            self, {"theme": Theme}, _("Vælg et tema fra den samme politik som initiativet.")
        )
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("Slutdatoen kan ikke ligge før startdatoen.")
        if errors:
            raise ValidationError(errors)


class ScheduledTopic(models.Model):
    """A topic for a briefing or a theme discussion, planned for a quarter."""

    class Kind(models.TextChoices):
        THEME_DISCUSSION = "theme_discussion", _("Oplæg og temadrøftelse")
        WRITTEN_BRIEFING = "written_briefing", _("Skriftlig orientering eller status")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        HELD = "held", _("Afholdt")

    policy = models.ForeignKey(
        Policy, verbose_name=_("politik"), on_delete=models.CASCADE, related_name="scheduled_topics"
    )
    kind = models.CharField(_("slags"), max_length=20, choices=Kind.choices)
    title = free_text(_("emne"))
    year = models.PositiveSmallIntegerField(_("år"))
    quarter = models.PositiveSmallIntegerField(
        _("kvartal"), choices=[(q, f"{q}.") for q in range(1, 5)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    held_on = models.DateField(_("afholdt den"), null=True, blank=True)

    objects = PolicyChildQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "year", "quarter", "id"]
        verbose_name = _("planlagt emne")
        verbose_name_plural = _("planlagte emner")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.policy.get_absolute_url() + "#emner"
