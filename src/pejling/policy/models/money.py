"""The money: appropriations, budget lines and spending."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pejling.governance.models import Body
from pejling.lib.fields import free_text
from pejling.policy.models.plans import Strand
from pejling.policy.models.policies import (
    AppropriationQuerySet,
    Policy,
)
from pejling.policy.models.structure import Initiative


class Appropriation(models.Model):
    """Money granted ('bevilling'), e.g. 10 mio. kr. a year from 2006 (BR 115/2006)."""

    title = models.CharField(_("titel"), max_length=300)
    granted_by = models.ForeignKey(
        Body, verbose_name=_("bevilget af"), on_delete=models.PROTECT, related_name="appropriations"
    )
    reference = models.CharField(_("sagsreference"), max_length=100, blank=True)
    amount_per_year = models.DecimalField(
        _("beløb pr. år (kr.)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    first_year = models.PositiveSmallIntegerField(_("første år"))
    last_year = models.PositiveSmallIntegerField(
        _("sidste år"), null=True, blank=True, help_text=_("Tom: løbende.")
    )
    policy = models.ForeignKey(
        Policy,
        verbose_name=_("politik"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="appropriations",
    )

    objects = AppropriationQuerySet.as_manager()

    class Meta:
        ordering = ["first_year", "title"]
        verbose_name = _("bevilling")
        verbose_name_plural = _("bevillinger")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_per_year__gte=0), name="appropriation_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("policy:appropriation_detail", args=[self.pk])

    def clean(self) -> None:
        if self.last_year is not None and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("Sidste år kan ikke ligge før første år.")})

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


class BudgetLine(models.Model):
    """An allocation of an appropriation in one year to an initiative or a strand."""

    appropriation = models.ForeignKey(
        Appropriation,
        verbose_name=_("bevilling"),
        on_delete=models.PROTECT,
        related_name="budget_lines",
    )
    year = models.PositiveSmallIntegerField(_("år"))
    title = models.CharField(_("tekst"), max_length=300)
    amount = models.DecimalField(
        _("beløb (kr.)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiativ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_lines",
    )
    strand = models.ForeignKey(
        Strand,
        verbose_name=_("indsatsspor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_lines",
    )

    class Meta:
        ordering = ["appropriation", "year", "id"]
        verbose_name = _("budgetlinje")
        verbose_name_plural = _("budgetlinjer")
        indexes = [
            # Totals per appropriation and year.
            models.Index(fields=["appropriation", "year"], name="budgetline_year_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="budget_line_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Spending(models.Model):
    budget_line = models.ForeignKey(
        BudgetLine, verbose_name=_("budgetlinje"), on_delete=models.PROTECT, related_name="spending"
    )
    spent_on = models.DateField(_("dato"))
    amount = models.DecimalField(
        _("beløb (kr.)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    text = free_text(_("tekst"))

    class Meta:
        ordering = ["budget_line", "spent_on", "id"]
        verbose_name = _("forbrug")
        verbose_name_plural = _("forbrug")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="spending_not_negative"),
        ]

    def __str__(self) -> str:
        return self.text
