"""Action plans: strands, measurable targets and the progress registered against them."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pejling.lib.fields import free_text
from pejling.policy.models.policies import (
    PlanTargetQuerySet,
    Policy,
    PolicyChildQuerySet,
    StrandQuerySet,
)
from pejling.policy.models.structure import (
    Goal,
    Initiative,
)


class ActionPlan(models.Model):
    """A plan of strands with measurable targets and a budget ('handleplan')."""

    policy = models.ForeignKey(
        Policy, verbose_name=_("politik"), on_delete=models.PROTECT, related_name="action_plans"
    )
    title = models.CharField(_("titel"), max_length=300)
    year = models.PositiveSmallIntegerField(_("år"))
    dated = models.DateField(_("dateret"), null=True, blank=True)
    case_number = models.CharField(_("sagsnr."), max_length=40, blank=True)
    document_number = models.CharField(_("dokumentnr."), max_length=40, blank=True)
    case_handler = models.CharField(_("sagsbehandler"), max_length=200, blank=True)
    office = models.CharField(_("kontor"), max_length=200, blank=True)
    office_address = models.CharField(_("adresse"), max_length=300, blank=True)
    office_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    office_email = models.EmailField(_("e-mail"), blank=True)
    background = free_text(_("baggrund"), blank=True)
    status_of_past_work = free_text(_("status på tidligere indsats"), blank=True)

    objects = PolicyChildQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("handleplan")
        verbose_name_plural = _("handleplaner")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("policy:action_plan_detail", args=[self.pk])


class Strand(models.Model):
    action_plan = models.ForeignKey(
        ActionPlan, verbose_name=_("handleplan"), on_delete=models.CASCADE, related_name="strands"
    )
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("titel"), max_length=200)
    description = free_text(_("beskrivelse"), blank=True)
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiativ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="strands",
    )

    objects = StrandQuerySet.as_manager()

    class Meta:
        ordering = ["action_plan", "number"]
        verbose_name = _("indsatsspor")
        verbose_name_plural = _("indsatsspor")
        constraints = [
            models.UniqueConstraint(fields=["action_plan", "number"], name="unique_strand_number"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.action_plan.get_absolute_url() + f"#strand-{self.pk}"


class TargetStatus(models.TextChoices):
    MET = "met", _("Opfyldt")
    ON_THE_WAY = "on_the_way", _("På vej")
    NOT_MET = "not_met", _("Ikke opfyldt")
    OVERDUE = "overdue", _("Overskredet")


class PlanTarget(models.Model):
    """A measurable target of a strand ('målsætning'): a range, a count, or yes/no by a deadline."""

    class Kind(models.TextChoices):
        RANGE = "range", _("Tal eller interval")
        COUNT = "count", _("Antal")
        YES_NO = "yes_no", _("Ja/nej")

    strand = models.ForeignKey(
        Strand, verbose_name=_("indsatsspor"), on_delete=models.CASCADE, related_name="targets"
    )
    text = free_text(_("målsætning"))
    kind = models.CharField(_("slags"), max_length=10, choices=Kind.choices)
    minimum = models.DecimalField(
        _("mindst"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    maximum = models.DecimalField(
        _("højst"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    unit = models.CharField(_("enhed"), max_length=60, blank=True)
    deadline = models.DateField(_("frist"))
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("mål"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_targets",
    )

    objects = PlanTargetQuerySet.as_manager()

    class Meta:
        ordering = ["strand", "id"]
        verbose_name = _("målsætning")
        verbose_name_plural = _("målsætninger")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum__isnull=True)
                | models.Q(maximum__isnull=True)
                | models.Q(maximum__gte=models.F("minimum")),
                name="plan_target_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return self.strand.get_absolute_url()

    def clean(self) -> None:
        if self.kind == self.Kind.YES_NO:
            if self.minimum is not None or self.maximum is not None:
                raise ValidationError(_("Et ja/nej-mål har ingen talværdier."))
            return
        if self.minimum is None:
            raise ValidationError({"minimum": _("Angiv det tal, målet skal nå.")})
        if self.maximum is not None and self.maximum < self.minimum:
            from pejling.lib.danish import number

            # number(), not Decimal.normalize(): that would write 10 as '1E+1'.
            raise ValidationError(
                {
                    "maximum": _(
                        "Intervallet er umuligt: højst (%(max)s) er mindre end mindst (%(min)s)."
                    )
                    % {"max": number(self.maximum), "min": number(self.minimum)}
                }
            )

    @property
    def range_label(self) -> str:
        from pejling.lib.danish import number

        if self.kind == self.Kind.YES_NO:
            return ""
        if self.maximum is not None and self.maximum != self.minimum:
            return f"{number(self.minimum)}–{number(self.maximum)} {self.unit}".strip()
        return f"{number(self.minimum)} {self.unit}".strip()

    def status_on(self, day: date, latest: "TargetProgress | None") -> str:
        """Met, on the way, not met (deadline passed) or overdue (deadline passed, no report)."""
        reached = latest is not None and (
            latest.value >= 1
            if self.kind == self.Kind.YES_NO
            else self.minimum is not None and latest.value >= self.minimum
        )
        if reached:
            return TargetStatus.MET
        if day <= self.deadline:
            return TargetStatus.ON_THE_WAY
        return TargetStatus.NOT_MET if latest is not None else TargetStatus.OVERDUE


class TargetProgress(models.Model):
    target = models.ForeignKey(
        PlanTarget, verbose_name=_("målsætning"), on_delete=models.CASCADE, related_name="progress"
    )
    value = models.DecimalField(
        _("værdi"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    recorded_on = models.DateField(_("dato"))
    note = free_text(_("note"), blank=True)

    class Meta:
        ordering = ["target", "-recorded_on", "-id"]
        verbose_name = _("fremdrift")
        verbose_name_plural = _("fremdrift")

    def __str__(self) -> str:
        return f"{self.target}: {self.value} ({self.recorded_on})"
