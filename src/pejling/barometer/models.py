"""The integration barometer: indicators, their targets, editions and the measurements in them.

An indicator's population filters and disaggregations map one to one to the engine's
``IndicatorSpec`` (``Indicator.to_spec()``); an edition holds the measurements for one
half-year, is drafted from an engine run or an upload and is immutable once published.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from pejling.lib.fields import free_text
from pejling.policy.models import Direction, Goal

PERIOD_RE = re.compile(r"^(\d{4})H([12])$")


def validate_period(value: str) -> None:
    """A half-year written as Statistics Denmark does: 2024H1 or 2024H2."""
    if not PERIOD_RE.match(value or ""):
        raise ValidationError(
            _("“%(value)s” er ikke et halvår. Skriv fx 2024H1 eller 2024H2."),
            params={"value": value},
            code="period",
        )


def period_years(period: str) -> float:
    """2024H1 → 2024.0, 2024H2 → 2024.5: half-years on a year scale, for growth per year."""
    match = PERIOD_RE.match(period)
    if not match:
        raise ValueError(period)
    return int(match.group(1)) + (0.5 if match.group(2) == "2" else 0.0)


def previous_period(period: str) -> str:
    year, half = int(period[:4]), period[-1]
    return f"{year}H1" if half == "2" else f"{year - 1}H2"


class Unit(models.TextChoices):
    PERCENT = "percent", _("procent")
    POINTS = "points", _("procentpoint")
    GRADE = "grade", _("karakter")
    COUNT = "count", _("antal")
    PER_THOUSAND = "per_1000", _("pr. 1.000")


class Kind(models.TextChoices):
    RATE = "rate", _("Andel")
    GAP = "gap", _("Forskel i procentpoint mellem to grupper")
    MEAN = "mean", _("Gennemsnit")
    COUNT = "count", _("Antal")


class Source(models.TextChoices):
    REGISTER = "register", _("Registerdata")
    SURVEY = "survey", _("Spørgeskema")
    MANUAL = "manual", _("Indtastet")


class ProgressStatus(models.TextChoices):
    """Open SDG's progress categories, plus the target reached."""

    ACHIEVED = "achieved", _("Målet er nået")
    SUBSTANTIAL = "substantial", _("Betydelig fremgang")
    MODERATE = "moderate", _("Moderat fremgang")
    LIMITED = "limited", _("Begrænset fremgang")
    DETERIORATION = "deterioration", _("Tilbagegang")


class IndicatorQuerySet(models.QuerySet["Indicator"]):
    def visible_to(self, user) -> "IndicatorQuerySet":
        # Indicator definitions are public: they say what is measured, not the numbers.
        return self.all()


class Indicator(models.Model):
    code = models.SlugField(
        _("kode"),
        max_length=40,
        unique=True,
        help_text=_("Indikatorens id i CSV-filer og API'et, fx besk_25_64."),
    )
    name = models.CharField(_("navn"), max_length=200)
    name_en = models.CharField(_("navn på engelsk"), max_length=200, blank=True)
    description = free_text(_("beskrivelse"), blank=True)
    description_en = free_text(_("beskrivelse på engelsk"), blank=True)
    goals = models.ManyToManyField(
        Goal, verbose_name=_("mål"), blank=True, related_name="indicators"
    )
    unit = models.CharField(_("enhed"), max_length=10, choices=Unit.choices)
    direction = models.CharField(
        _("retning"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    kind = models.CharField(_("slags"), max_length=10, choices=Kind.choices)
    # The population and what is measured, as the engine's IndicatorSpec takes them.
    measure = models.CharField(
        _("måling"),
        max_length=60,
        blank=True,
        help_text=_("Kolonnen i registerudtrækket, fx employed. Tom for indtastede indikatorer."),
    )
    age_min = models.PositiveSmallIntegerField(_("alder fra"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("alder til"), null=True, blank=True)
    sex = models.CharField(
        _("køn"),
        max_length=1,
        blank=True,
        choices=[("K", _("Kvinder")), ("M", _("Mænd"))],
        help_text=_("Tom: begge køn."),
    )
    districts = models.JSONField(_("bydele"), default=list, blank=True)
    origins = models.JSONField(_("herkomstgrupper"), default=list, blank=True)
    include_all_origins = models.BooleanField(_("også i alt for alle herkomster"), default=False)
    by = models.JSONField(_("opdelinger"), default=list, blank=True)
    group = models.CharField(_("gruppe (for forskelle)"), max_length=40, blank=True)
    reference = models.CharField(_("referencegruppe (for forskelle)"), max_length=40, blank=True)
    headline_origin = models.CharField(
        _("herkomst i hovedtallet"),
        max_length=40,
        blank=True,
        help_text=_("Den herkomstgruppe, hvis samlede tal status og afstand til mål regnes på."),
    )
    source = models.CharField(_("kilde"), max_length=10, choices=Source.choices)
    lag_months = models.PositiveSmallIntegerField(_("forsinkelse (måneder)"), default=0)
    definition = free_text(_("definition"), blank=True)
    source_text = free_text(_("datakilde"), blank=True)
    computation = free_text(_("beregning"), blank=True)
    caveats = free_text(_("forbehold"), blank=True)
    status_override = models.CharField(
        _("manuel status"), max_length=20, choices=ProgressStatus.choices, blank=True
    )
    status_override_reason = free_text(_("begrundelse for manuel status"), blank=True)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("barometer:indicator_detail", args=[self.code])

    def clean(self) -> None:
        errors = {}
        if self.age_min is not None and self.age_max is not None and self.age_max < self.age_min:
            errors["age_max"] = _("Aldersgrænsen til kan ikke være lavere end alder fra.")
        if self.kind == Kind.GAP and not (self.group and self.reference):
            errors["reference"] = _("En forskel skal have både en gruppe og en referencegruppe.")
        if self.source == Source.REGISTER and not self.measure:
            errors["measure"] = _("En registerindikator skal have en måling (en kolonne).")
        if self.status_override and not self.status_override_reason.strip():
            errors["status_override_reason"] = _("Skriv hvorfor status er sat manuelt.")
        for name in ("districts", "origins", "by"):
            value = getattr(self, name)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                errors[name] = _("Skal være en liste af tekster.")
        if errors:
            raise ValidationError(errors)
        if self.is_computed:
            try:
                self.to_spec()
            except ValueError as error:
                # The engine names the field and why it selects nobody or cannot be computed.
                raise ValidationError(
                    _("Definitionen kan ikke beregnes: %(reason)s") % {"reason": error}
                ) from None

    @property
    def label(self) -> str:
        """The name in the page's language (the English one when there is one)."""
        if translation.get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def text(self) -> str:
        if translation.get_language() == "en" and self.description_en:
            return self.description_en
        return self.description

    @property
    def is_computed(self) -> bool:
        return self.source == Source.REGISTER

    def to_spec(self):
        """The engine's definition of this indicator."""
        from pejling.barometer.engine.spec import IndicatorSpec

        return IndicatorSpec(
            code=self.code,
            kind=self.kind,
            measure=self.measure,
            age_min=self.age_min,
            age_max=self.age_max,
            sex=self.sex or None,
            districts=tuple(self.districts),
            origins=tuple(self.origins),
            include_all_origins=self.include_all_origins,
            by=tuple(self.by),
            group=self.group or None,
            reference=self.reference or None,
        )


class Target(models.Model):
    """Where the indicator starts (baseline) and where it should be (target)."""

    indicator = models.OneToOneField(
        Indicator, verbose_name=_("indikator"), on_delete=models.CASCADE, related_name="target"
    )
    baseline_period = models.CharField(
        _("basisperiode"), max_length=6, validators=[validate_period]
    )
    baseline_value = models.FloatField(_("basisværdi"))
    target_value = models.FloatField(_("målværdi"), null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(_("målår"), null=True, blank=True)
    tolerance = models.FloatField(
        _("tolerance"),
        default=0,
        help_text=_("En ændring, der ikke er større end dette, tælles som ingen ændring."),
    )

    class Meta:
        verbose_name = _("målsætning")
        verbose_name_plural = _("målsætninger")

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.target_value} ({self.target_year})"

    def clean(self) -> None:
        if (self.target_value is None) != (self.target_year is None):
            raise ValidationError(
                {"target_year": _("Angiv både målværdi og målår, eller ingen af dem.")}
            )
        if self.tolerance is not None and self.tolerance < 0:
            raise ValidationError({"tolerance": _("Tolerancen kan ikke være negativ.")})
        if (
            self.target_year is not None
            and self.baseline_period
            and PERIOD_RE.match(self.baseline_period)
            and self.target_year < int(self.baseline_period[:4])
        ):
            raise ValidationError({"target_year": _("Målåret kan ikke ligge før basisperioden.")})


class EditionQuerySet(models.QuerySet["Edition"]):
    def published(self) -> "EditionQuerySet":
        return self.filter(state=Edition.State.PUBLISHED)

    def visible_to(self, user) -> "EditionQuerySet":
        from pejling.barometer.permissions import can_manage

        return self.all() if can_manage(user) else self.published()


class Edition(models.Model):
    """The barometer for one half-year: drafted, reviewed, then published and frozen."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        PUBLISHED = "published", _("Offentliggjort")

    class Origin(models.TextChoices):
        RUN = "run", _("Beregnet fra registerudtræk")
        UPLOAD = "upload", _("Indlæst fil")
        MANUAL = "manual", _("Indtastet")

    TRANSITIONS = {State.DRAFT: {State.PUBLISHED}, State.PUBLISHED: set()}

    period = models.CharField(_("halvår"), max_length=6, validators=[validate_period])
    state = models.CharField(
        _("tilstand"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    origin = models.CharField(_("oprindelse"), max_length=10, choices=Origin.choices)
    source_name = models.CharField(_("kilde"), max_length=200, blank=True)
    is_synthetic = models.BooleanField(
        _("syntetiske data"),
        default=False,
        help_text=_("Tallene er beregnet fra opdigtede data og må ikke læses som virkelige."),
    )
    note = free_text(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oprettet af"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("offentliggjort af"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-period", "-created_at"]
        verbose_name = _("udgave")
        verbose_name_plural = _("udgaver")
        constraints = [
            # One published barometer per half-year: the citable one.
            models.UniqueConstraint(
                fields=["period"],
                condition=models.Q(state="published"),
                name="edition_one_published_per_period",
            ),
        ]
        indexes = [
            # The latest published edition (overview, public pages, API).
            models.Index(fields=["state", "-period"], name="edition_state_period_idx"),
        ]

    def __str__(self) -> str:
        return _("Barometer %(period)s") % {"period": self.period}

    def get_absolute_url(self) -> str:
        return reverse("barometer:edition_detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED


class MeasurementQuerySet(models.QuerySet["Measurement"]):
    def visible_to(self, user) -> "MeasurementQuerySet":
        from pejling.barometer.permissions import can_manage

        if can_manage(user):
            return self.all()
        return self.filter(edition__state=Edition.State.PUBLISHED)


class Measurement(models.Model):
    """One cell: an indicator's value for a period and a group (blank group = all)."""

    edition = models.ForeignKey(
        Edition, verbose_name=_("udgave"), on_delete=models.CASCADE, related_name="measurements"
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indikator"),
        on_delete=models.PROTECT,
        related_name="measurements",
    )
    period = models.CharField(_("halvår"), max_length=6, validators=[validate_period])
    origin = models.CharField(_("herkomst"), max_length=40, blank=True)
    district = models.CharField(_("bydel"), max_length=60, blank=True)
    sex = models.CharField(_("køn"), max_length=1, blank=True)
    numerator = models.FloatField(_("tæller"), null=True, blank=True)
    denominator = models.FloatField(_("nævner"), null=True, blank=True)
    value = models.FloatField(_("værdi"), null=True, blank=True)
    suppressed = models.BooleanField(_("diskretioneret"), default=False)

    objects = MeasurementQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "period", "origin", "district", "sex"]
        verbose_name = _("måling")
        verbose_name_plural = _("målinger")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "indicator", "period", "origin", "district", "sex"],
                name="measurement_one_cell",
            ),
            models.CheckConstraint(
                condition=models.Q(suppressed=False) | models.Q(value__isnull=True),
                name="measurement_suppressed_has_no_value",
            ),
        ]
        indexes = [
            # An indicator's series in an edition (indicator page, API ?indicator=&period=).
            models.Index(fields=["edition", "indicator", "period"], name="measurement_series_idx"),
            # The API's ?indicator= across the published editions.
            models.Index(fields=["indicator", "period"], name="measurement_indicator_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period} {self.origin}/{self.district}/{self.sex}"


class EngineRun(models.Model):
    """A background run of the engine over an uploaded register panel."""

    class State(models.TextChoices):
        QUEUED = "queued", _("I kø")
        RUNNING = "running", _("I gang")
        DONE = "done", _("Færdig")
        FAILED = "failed", _("Fejlet")

    task_id = models.CharField(max_length=64, blank=True)
    panel = models.FileField(_("registerudtræk"), upload_to="barometer/panels/")
    panel_name = models.CharField(_("filnavn"), max_length=200, blank=True)
    period_from = models.CharField(
        _("fra halvår"), max_length=6, blank=True, validators=[validate_period]
    )
    state = models.CharField(
        _("tilstand"), max_length=10, choices=State.choices, default=State.QUEUED
    )
    message = models.CharField(_("besked"), max_length=500, blank=True)
    edition = models.ForeignKey(
        Edition,
        verbose_name=_("udgave"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="runs",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("startet af"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("startet"), default=timezone.now)
    finished_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("beregning")
        verbose_name_plural = _("beregninger")

    def __str__(self) -> str:
        return self.panel_name or str(self.pk)
