"""The task force's work: cases that come in through three doors (the public form, a contact
person's request on behalf of an administration, the advisors' own outreach), their triage,
activities of the seven kinds, follow-ups, barriers met in the field, and outcomes."""

import secrets
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pejling.accounts.models import Administration
from pejling.audit.models import HoldsPersonalData
from pejling.lib.cpr import validate_no_cpr
from pejling.lib.fields import free_text
from pejling.policy.models import Goal, Guidepost, Theme


class Field(models.TextChoices):
    """The policy fields the task force covers (seed 000: 'indsatsområder')."""

    EMPLOYMENT = "employment", _("Beskæftigelse")
    EDUCATION = "education", _("Uddannelse og dagtilbud")
    HOUSING = "housing", _("Bolig")
    SAFETY = "safety", _("Tryghed")
    CULTURE_LEISURE = "culture_leisure", _("Kultur og fritid")
    HEALTH = "health", _("Sundhed")


class ActorKind(models.TextChoices):
    """Who asks (seed 000: the actors the task force serves)."""

    SCHOOL = "school", _("Skole")
    DAYCARE = "daycare", _("Dagtilbud")
    MUNICIPAL_INSTITUTION = "municipal_institution", _("Anden kommunal institution")
    ADMINISTRATION = "administration", _("Forvaltning")
    STREET_WORKERS = "street_workers", _("Gademedarbejdere")
    HOUSING_ASSOCIATION = "housing_association", _("Boligorganisation eller beboerforening")
    RESIDENT = "resident", _("Beboer eller borger")
    ASSOCIATION = "association", _("Forening")
    SPORTS_CLUB = "sports_club", _("Idrætsklub")
    COMPANY = "company", _("Virksomhed")
    UNION = "union", _("Fagforening")
    OTHER = "other", _("Andet")


class Door(models.TextChoices):
    PUBLIC = "public", _("Offentlig formular")
    CONTACT_PERSON = "contact_person", _("Kontaktperson (rekvirering)")
    OUTREACH = "outreach", _("Opsøgende arbejde")


class Urgency(models.TextChoices):
    LOW = "low", _("Kan vente")
    NORMAL = "normal", _("Inden for et par uger")
    HIGH = "high", _("Haster")


class Priority(models.TextChoices):
    LOW = "low", _("Lav")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("Høj")


class Status(models.TextChoices):
    NEW = "new", _("Ny")
    PENDING = "pending", _("Afventer oplysninger")
    OPEN = "open", pgettext_lazy("sagsstatus", "I gang")
    DECLINED = "declined", _("Afvist")
    MERGED = "merged", _("Lagt sammen")
    CLOSED = "closed", _("Afsluttet")


# The one map of allowed moves; services.transition_to() refuses any other.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset({Status.PENDING, Status.OPEN, Status.DECLINED, Status.MERGED}),
    Status.PENDING: frozenset({Status.NEW, Status.OPEN, Status.DECLINED, Status.MERGED}),
    Status.OPEN: frozenset({Status.CLOSED}),
    Status.CLOSED: frozenset({Status.OPEN}),
    Status.DECLINED: frozenset(),
    Status.MERGED: frozenset(),
}

TRIAGE_STATUSES = (Status.NEW, Status.PENDING)
ACTIVE_STATUSES = (Status.NEW, Status.PENDING, Status.OPEN)


def _reference_token() -> str:
    return secrets.token_urlsafe(24)


class CaseQuerySet(models.QuerySet["Case"]):
    def in_triage(self) -> "CaseQuerySet":
        return self.filter(status__in=TRIAGE_STATUSES)

    def open(self) -> "CaseQuerySet":
        return self.filter(status=Status.OPEN)

    def active(self) -> "CaseQuerySet":
        return self.filter(status__in=ACTIVE_STATUSES)

    def visible_to(self, user) -> "CaseQuerySet":
        from pejling.taskforce.permissions import case_visibility

        return case_visibility(self, user)


class Case(HoldsPersonalData, models.Model):
    """A request to the task force and, once accepted, the case the advisors work on."""

    reference = models.CharField(_("referencenummer"), max_length=20, unique=True, editable=False)
    status_token = models.CharField(
        max_length=64, unique=True, default=_reference_token, editable=False
    )
    door = models.CharField(_("indgang"), max_length=20, choices=Door.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    title = models.CharField(_("overskrift"), max_length=200, validators=[validate_no_cpr])
    description = free_text(_("beskrivelse af problemet"))
    field = models.CharField(_("indsatsområde"), max_length=20, choices=Field.choices)
    actor_kind = models.CharField(_("slags aktør"), max_length=30, choices=ActorKind.choices)
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, validators=[validate_no_cpr]
    )
    urgency = models.CharField(
        _("hvor haster det"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    priority = models.CharField(
        _("prioritet"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    # The requester: personal data, kept no longer than the retention period allows.
    contact_name = models.CharField(
        _("kontaktpersonens navn"), max_length=200, blank=True, validators=[validate_no_cpr]
    )
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    administration = models.ForeignKey(
        Administration,
        verbose_name=_("forvaltning"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        help_text=_("Den forvaltning, sagen kommer fra eller vedrører."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oprettet af"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_cases",
    )
    advisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rådgivere"),
        through="Assignment",
        related_name="assigned_cases",
        blank=True,
    )
    received_at = models.DateTimeField(_("modtaget"), default=timezone.now)
    response_due_on = models.DateField(_("svarfrist"))
    first_responded_at = models.DateTimeField(_("første svar"), null=True, blank=True)
    pending_since = models.DateTimeField(null=True, blank=True, editable=False)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("lagt sammen med"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_cases",
    )
    decline_reason = free_text(_("begrundelse for afvisning"), blank=True)
    outcome = models.ForeignKey(
        "OutcomeKind",
        verbose_name=_("resultat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    outcome_text = free_text(_("resultat, beskrivelse"), blank=True)
    closed_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    best_practice_draft = free_text(_("udkast til god praksis"), blank=True)
    # The policy chain: what the case serves.
    goals = models.ManyToManyField(Goal, verbose_name=_("mål"), blank=True, related_name="cases")
    themes = models.ManyToManyField(
        Theme, verbose_name=_("temaer"), blank=True, related_name="cases"
    )
    guideposts = models.ManyToManyField(
        Guidepost, verbose_name=_("pejlemærker"), blank=True, related_name="cases"
    )
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CaseQuerySet.as_manager()

    audit_ignored_fields = frozenset({"pending_since"})

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("sag")
        verbose_name_plural = _("sager")
        indexes = [
            # The triage board: requests by status, oldest first.
            models.Index(fields=["status", "received_at"], name="case_status_received_idx"),
            # The overview: open cases by field and administration.
            models.Index(fields=["field", "status"], name="case_field_status_idx"),
            # The retention task: closed cases by closing time.
            models.Index(fields=["closed_at"], name="case_closed_idx"),
            # The overview's requests per month and door of one year.
            models.Index(fields=["received_at"], name="case_received_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("taskforce:case_detail", args=[self.reference])

    def get_status_url(self) -> str:
        """The requester's own page, reached by the unguessable link in their receipt."""
        return reverse("requests:status", args=[self.status_token])

    def allowed_transitions(self) -> frozenset[str]:
        return TRANSITIONS[self.status]

    def response_state(self, today: date | None = None) -> str:
        """'answered', 'due' or 'overdue' against the first-response target."""
        if self.first_responded_at is not None:
            return "answered"
        today = today or timezone.localdate()
        return "overdue" if today > self.response_due_on else "due"


class Assignment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )
    assigned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("fordeling")
        verbose_name_plural = _("fordelinger")
        constraints = [
            models.UniqueConstraint(fields=["case", "advisor"], name="unique_assignment"),
        ]
        indexes = [
            # "My cases": an advisor's assignments.
            models.Index(fields=["advisor", "case"], name="assignment_advisor_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.case.reference} → {self.advisor}"


class CaseEvent(models.Model):
    """One line of a case's timeline, also what the requester's status page shows."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Modtaget")
        STATUS = "status", _("Status ændret")
        ASSIGNED = "assigned", _("Fordelt")
        PRIORITY = "priority", _("Prioritet eller indsatsområde ændret")
        NOTE = "note", _("Note")
        ACTIVITY = "activity", _("Aktivitet")
        FOLLOW_UP = "follow_up", _("Opfølgning")
        BARRIER = "barrier", _("Barriere")
        MERGED = "merged", _("Lagt sammen")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    from_status = models.CharField(max_length=10, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=Status.choices, blank=True)
    text = free_text(_("tekst"), blank=True)
    # Whether the requester sees this line on their status page.
    public = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            # The timeline of one case.
            models.Index(fields=["case", "at"], name="caseevent_case_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.get_kind_display()}"


class ActivityKind(models.TextChoices):
    """The seven tools of seed 000."""

    ADVICE = "advice", _("Rådgivning")
    NETWORK = "network", _("Oprettelse af netværk")
    EVENT = "event", _("Konference eller temadag")
    CAMPAIGN = "campaign", _("Kampagnestøtte")
    TALK = "talk", _("Oplæg og foredrag")
    WORKING_GROUP = "working_group", _("Deltagelse i arbejdsgruppe")
    MEDIATION = "mediation", _("Konflikthåndtering")


# Ordinary working hours; time outside them, and all of Saturday and Sunday, counts as
# evening, night or weekend work (seed 000 expects such hours and pays for them).
DAY_STARTS = time(8, 0)
DAY_ENDS = time(17, 0)


class Activity(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("redskab"), max_length=20, choices=ActivityKind.choices)
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rådgiver"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    date = models.DateField(_("dato"))
    starts_at = models.TimeField(_("start"))
    ends_at = models.TimeField(_("slut"))
    place = models.CharField(_("sted"), max_length=200, blank=True, validators=[validate_no_cpr])
    participants = models.PositiveIntegerField(
        _("antal deltagere"), default=0, validators=[MaxValueValidator(100_000)]
    )
    notes = free_text(_("noter"), blank=True)
    # Derived from the times when saved, so that overviews can sum them in the database.
    minutes = models.PositiveIntegerField(default=0, editable=False)
    minutes_off_hours = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["date", "starts_at", "id"]
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")
        indexes = [
            # A case's activities, and the overview's hours per kind and period.
            models.Index(fields=["case", "date"], name="activity_case_date_idx"),
            # The overview's hours per kind of one year, read from the index alone on PostgreSQL.
            models.Index(
                fields=["date", "kind"],
                include=["minutes", "minutes_off_hours"],
                name="activity_date_kind_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="activity_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"

    def save(self, *args, **kwargs) -> None:
        self.minutes, self.minutes_off_hours = split_minutes(
            self.date, self.starts_at, self.ends_at
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return self.case.get_absolute_url() + f"#activity-{self.pk}"

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Aktiviteten skal slutte, efter den begynder.")})


def split_minutes(day: date, starts: time, ends: time) -> tuple[int, int]:
    """(all minutes, minutes in evenings, nights or weekends) of an activity on one day."""
    start = datetime.combine(day, starts)
    end = datetime.combine(day, ends)
    total = max(0, int((end - start).total_seconds() // 60))
    if day.weekday() >= 5:
        return total, total
    day_start = datetime.combine(day, DAY_STARTS)
    day_end = datetime.combine(day, DAY_ENDS)
    within = max(timedelta(0), min(end, day_end) - max(start, day_start))
    return total, total - int(within.total_seconds() // 60)


class FollowUp(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    due_on = models.DateField(_("dato"))
    note = free_text(_("hvad skal følges op"))
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rådgiver"),
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )
    done_at = models.DateTimeField(_("udført"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        indexes = [
            # The daily reminder run: follow-ups due and not done.
            models.Index(fields=["done_at", "due_on"], name="followup_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.due_on}"

    def get_absolute_url(self) -> str:
        return self.case.get_absolute_url() + "#opfoelgning"


class Vocabulary(models.Model):
    """A list of words the coordinator keeps (kinds of barrier, kinds of outcome)."""

    name = models.CharField(_("navn"), max_length=120, unique=True)
    description = models.CharField(_("forklaring"), max_length=300, blank=True)
    is_active = models.BooleanField(_("i brug"), default=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class BarrierKind(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("slags barriere")
        verbose_name_plural = _("slags barrierer")


class OutcomeKind(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("slags resultat")
        verbose_name_plural = _("slags resultater")


class Barrier(models.Model):
    """An obstacle to carrying out the policy, met in the field (seed 000, purpose 1)."""

    text = models.CharField(_("barriere"), max_length=300, validators=[validate_no_cpr])
    details = free_text(_("uddybning"), blank=True)
    field = models.CharField(_("indsatsområde"), max_length=20, choices=Field.choices)
    kind = models.ForeignKey(
        BarrierKind, verbose_name=_("slags"), on_delete=models.PROTECT, related_name="barriers"
    )
    administration = models.ForeignKey(
        Administration,
        verbose_name=_("forvaltning"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="barriers",
    )
    cases = models.ManyToManyField(
        Case, verbose_name=_("sager"), blank=True, related_name="barriers"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registreret af"),
        on_delete=models.PROTECT,
        related_name="barriers",
    )
    recorded_on = models.DateField(_("dato"), default=timezone.localdate)

    class Meta:
        ordering = ["-recorded_on", "-id"]
        verbose_name = _("barriere")
        verbose_name_plural = _("barrierer")
        indexes = [
            # The barrier overview groups by kind, field and administration.
            models.Index(fields=["kind", "field"], name="barrier_kind_field_idx"),
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("taskforce:barrier_list") + f"#barrier-{self.pk}"


class Attachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("fil"), upload_to="cases/%Y/%m/")
    original_name = models.CharField(_("filnavn"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")

    def __str__(self) -> str:
        return self.original_name
