"""The annual wheel: recurring yearly events and deadlines (seed 003: 'et årshjul, som kobler
integrationspolitik og budgetdrøftelser'), each materialised as dated occurrences with their
own responsible person, state and link to what they produced."""

import secrets
from datetime import date, datetime

from dateutil.rrule import MONTHLY, WEEKLY, YEARLY, rrule, rrulestr
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pejling.accounts.roles import Capability
from pejling.lib.cpr import validate_no_cpr
from pejling.lib.fields import free_text

# A daily rule would put 365 markers on the wheel; finer ones are refused outright.
ALLOWED_FREQUENCIES = {YEARLY, MONTHLY, WEEKLY}


def reminder_days_default() -> int:
    return settings.PEJLING_WHEEL_REMINDER_DAYS


class Category(models.TextChoices):
    POLICY = "policy", _("Politik")
    BUDGET = "budget", _("Budget")
    BAROMETER = "barometer", _("Barometer")
    REPORTING = "reporting", _("Rapportering")
    COMMITTEE = "committee", _("Udvalgsmøder")
    CONFERENCE = "conference", _("Konference")
    NETWORK = "network", _("Netværk")


class State(models.TextChoices):
    """The stored state; 'overdue' is derived (see ``Occurrence.status``)."""

    PLANNED = "planned", _("Planlagt")
    DONE = "done", _("Udført")


class Status(models.TextChoices):
    """What pages and the API show: the stored state, or overdue when past and not done."""

    PLANNED = "planned", _("Planlagt")
    DONE = "done", _("Udført")
    OVERDUE = "overdue", _("Overskredet")


# The one map of allowed moves; services.transition_to() refuses any other.
TRANSITIONS: dict[str, frozenset[str]] = {
    State.PLANNED: frozenset({State.DONE}),
    State.DONE: frozenset({State.PLANNED}),
}


def parse_rule(value: str, *, year: int) -> rrule:
    """The rule as a dateutil ``rrule`` anchored at 1 January of ``year``."""
    text = value.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    return rrulestr(text, dtstart=datetime(year, 1, 1))


def dates_in_year(value: str, year: int) -> list[date]:
    rule = parse_rule(value, year=year)
    return [
        moment.date()
        for moment in rule.between(datetime(year, 1, 1), datetime(year, 12, 31, 23, 59), inc=True)
    ]


def validate_rule(value: str) -> None:
    """An RFC 5545 RRULE the wheel can place in a year, or a message saying what is wrong."""
    text = (value or "").strip()
    example = "FREQ=YEARLY;BYMONTH=2,8;BYMONTHDAY=15"
    if not text or "\n" in text or "DTSTART" in text.upper():
        raise ValidationError(
            _("Skriv én gentagelsesregel (RRULE) på én linje, fx %(example)s.")
            % {"example": example},
            code="invalid_rule",
        )
    try:
        rule = parse_rule(text, year=2000)
        # dateutil takes month 13 or day 32 without complaint; RFC 5545 does not.
        if any(not 1 <= month <= 12 for month in rule._bymonth or ()):
            raise ValueError("BYMONTH")
        if any(not 1 <= abs(day) <= 31 for day in (*rule._bymonthday, *rule._bynmonthday)):
            raise ValueError("BYMONTHDAY")
    except (ValueError, TypeError, KeyError, IndexError):
        raise ValidationError(
            _(
                "“%(rule)s” er ikke en gyldig gentagelsesregel (RRULE efter RFC 5545). "
                "Skriv fx %(example)s for den 15. februar og 15. august hvert år."
            )
            % {"rule": text, "example": example},
            code="invalid_rule",
        ) from None
    if rule._freq not in ALLOWED_FREQUENCIES:
        raise ValidationError(
            _(
                "En begivenhed i årshjulet gentages årligt, månedligt eller ugentligt "
                "(FREQ=YEARLY, MONTHLY eller WEEKLY)."
            ),
            code="invalid_frequency",
        )
    if rule._count or rule._until:
        raise ValidationError(
            _("Årshjulet gentager begivenheden hvert år; brug ikke COUNT eller UNTIL."),
            code="invalid_limit",
        )
    # A rule such as 30 February gives no dates at all; look over a leap year and a common one.
    if not dates_in_year(text, 2024) and not dates_in_year(text, 2025):
        raise ValidationError(
            _("Reglen “%(rule)s” giver ingen datoer i løbet af et år.") % {"rule": text},
            code="empty_rule",
        )


def _can_read(user) -> bool:
    return user.is_authenticated and user.can(Capability.READ_INTERNAL)


class RecurringEventQuerySet(models.QuerySet["RecurringEvent"]):
    def active(self) -> "RecurringEventQuerySet":
        return self.filter(is_active=True)

    def visible_to(self, user) -> "RecurringEventQuerySet":
        return self if _can_read(user) else self.none()


class RecurringEvent(models.Model):
    """A yearly event or deadline and the rule that places it in each year."""

    title = models.CharField(_("titel"), max_length=200, validators=[validate_no_cpr])
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    rule = models.CharField(
        _("gentagelsesregel"),
        max_length=200,
        validators=[validate_rule],
        help_text=_(
            "En RRULE efter RFC 5545, fx FREQ=YEARLY;BYMONTH=2,8;BYMONTHDAY=15 for den 15. "
            "februar og 15. august hvert år."
        ),
    )
    description = free_text(_("beskrivelse"), blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarlig"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wheel_events",
        help_text=_("Den, der som udgangspunkt er ansvarlig for hver forekomst."),
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("påmindelse, dage før"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(180)],
        help_text=_("Tom: standarden for årshjulet."),
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)

    objects = RecurringEventQuerySet.as_manager()

    class Meta:
        ordering = ["category", "title", "id"]
        verbose_name = _("begivenhed i årshjulet")
        verbose_name_plural = _("begivenheder i årshjulet")
        constraints = [
            models.UniqueConstraint(fields=["title"], name="wheel_event_unique_title"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        # Events are read in their list; the row carries the anchor.
        return reverse("annualwheel:event_list") + f"#begivenhed-{self.pk}"

    @property
    def effective_reminder_days(self) -> int:
        return self.reminder_days if self.reminder_days is not None else reminder_days_default()

    def dates_in(self, year: int) -> list[date]:
        return dates_in_year(self.rule, year)


class OccurrenceQuerySet(models.QuerySet["Occurrence"]):
    def in_year(self, year: int) -> "OccurrenceQuerySet":
        return self.filter(date__year=year)

    def overdue(self, today: date | None = None) -> "OccurrenceQuerySet":
        return self.filter(state=State.PLANNED, date__lt=today or timezone.localdate())

    def with_status(self, status: str, today: date | None = None) -> "OccurrenceQuerySet":
        today = today or timezone.localdate()
        if status == Status.DONE:
            return self.filter(state=State.DONE)
        if status == Status.OVERDUE:
            return self.overdue(today)
        return self.filter(state=State.PLANNED, date__gte=today)

    def visible_to(self, user) -> "OccurrenceQuerySet":
        return self if _can_read(user) else self.none()


class Occurrence(models.Model):
    """One dated occurrence of a recurring event in one year."""

    event = models.ForeignKey(
        RecurringEvent,
        verbose_name=_("begivenhed"),
        on_delete=models.CASCADE,
        related_name="occurrences",
    )
    date = models.DateField(_("dato"))
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarlig"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wheel_occurrences",
    )
    state = models.CharField(
        _("tilstand"), max_length=10, choices=State.choices, default=State.PLANNED
    )
    notes = free_text(_("noter"), blank=True)
    completed_at = models.DateTimeField(_("udført"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("udført af"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # What the occurrence produced (a barometer edition, a report, a meeting), linked without
    # this app depending on the app that holds it; the URL and title also serve outside links.
    result_type = models.ForeignKey(
        ContentType,
        verbose_name=_("resultatets type"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    result_id = models.CharField(_("resultatets id"), max_length=64, blank=True)
    result = GenericForeignKey("result_type", "result_id")
    result_url = models.CharField(_("link til resultatet"), max_length=500, blank=True)
    result_title = models.CharField(
        _("resultatets titel"), max_length=200, blank=True, validators=[validate_no_cpr]
    )
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OccurrenceQuerySet.as_manager()

    audit_ignored_fields = frozenset({"updated_at"})

    class Meta:
        ordering = ["date", "event__category", "event__title", "id"]
        verbose_name = _("forekomst")
        verbose_name_plural = _("forekomster")
        constraints = [
            models.UniqueConstraint(fields=["event", "date"], name="wheel_occurrence_unique_date"),
        ]
        indexes = [
            # The wheel, the month view, the feeds and the reminders: occurrences by date.
            models.Index(fields=["date", "state"], name="wheel_occurrence_date_idx"),
            # Reverse lookup: which occurrence produced this record.
            models.Index(fields=["result_type", "result_id"], name="wheel_occurrence_result_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.event.title} {self.date:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("annualwheel:occurrence_detail", args=[self.pk])

    def status_on(self, today: date) -> str:
        if self.state == State.DONE:
            return Status.DONE
        return Status.OVERDUE if self.date < today else Status.PLANNED

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def result_link(self) -> tuple[str, str] | None:
        """(url, title) of what the occurrence produced, if anything is linked."""
        obj = self.result if self.result_type_id else None
        url = self.result_url or (
            obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
        )
        title = self.result_title or (str(obj) if obj is not None else "")
        if not (url or title):
            return None
        return url, title or url


def _token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """A user's secret for the calendar feeds; renewing it revokes every old feed address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        on_delete=models.CASCADE,
        related_name="wheel_calendar_token",
    )
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)

    audit_masked_fields = frozenset({"token"})

    class Meta:
        verbose_name = _("kalendernøgle")
        verbose_name_plural = _("kalendernøgler")

    def __str__(self) -> str:
        return str(self.user)
