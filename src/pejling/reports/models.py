"""Generated reports, kept as immutable versions, and the priorities written for them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pejling.lib.fields import free_text


class Kind(models.TextChoices):
    STATUS_REPORT = "status_report", _("Årlig statusrapport")
    ORIENTATION = "orientation", _("Udvalgets årlige orientering om task forcen")


class Language(models.TextChoices):
    DANISH = "da", _("Dansk")
    ENGLISH = "en", _("Engelsk")


class ReportQuerySet(models.QuerySet):
    def in_progress(self) -> "ReportQuerySet":
        return self.filter(state__in=[Report.State.QUEUED, Report.State.RUNNING])


class Report(models.Model):
    """One generated version of a report: what it says is fixed once it is done.

    ``content`` holds every figure and table as plain data, computed once from the records; the
    web page, the Word document and the PDF are all drawn from it, so they cannot disagree.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("I kø")
        RUNNING = "running", _("Dannes")
        DONE = "done", _("Færdig")
        FAILED = "failed", _("Fejlet")

    kind = models.CharField(_("slags"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("år"))
    language = models.CharField(_("sprog"), max_length=2, choices=Language.choices, default="da")
    version = models.PositiveSmallIntegerField(_("version"))
    state = models.CharField(_("tilstand"), max_length=10, choices=State.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bestilt af"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("bestilt"), default=timezone.now)
    finished_at = models.DateTimeField(_("færdig"), null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    # What the report was built from (the year, the barometer edition, the data's last change).
    basis = models.JSONField(default=dict, blank=True)
    content = models.JSONField(default=dict, blank=True)
    docx = models.FileField(upload_to="reports/%Y/", blank=True)
    pdf = models.FileField(upload_to="reports/%Y/", blank=True)
    error = models.TextField(blank=True)

    objects = ReportQuerySet.as_manager()

    # The content is the report itself, kept in full here; the audit log records the rest.
    audit_ignored_fields = frozenset({"content"})

    class Meta:
        ordering = ["-year", "kind", "-version"]
        verbose_name = _("rapport")
        verbose_name_plural = _("rapporter")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year", "language", "version"], name="report_version_unique"
            ),
        ]
        indexes = [
            # The list of reports, newest year first; and "is one running for this year?".
            models.Index(fields=["kind", "year", "state"], name="report_kind_year_state_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} (v{self.version}, {self.language})"

    def get_absolute_url(self) -> str:
        return reverse("reports:report_detail", args=[self.pk])

    @property
    def is_done(self) -> bool:
        return self.state == self.State.DONE


class Priority(models.Model):
    """A proposed priority for the year after ``year``, written beside the figures behind it."""

    class Section(models.TextChoices):
        GENERAL = "general", _("Overordnet")
        BAROMETER = "barometer", _("Integrationsbarometeret")
        POLICY = "policy", _("Politik og handleplaner")
        TASK_FORCE = "taskforce", _("Task forcen")
        MONEY = "money", _("Økonomi")

    year = models.PositiveSmallIntegerField(_("rapportens år"))
    section = models.CharField(_("afsnit"), max_length=20, choices=Section.choices)
    title = models.CharField(_("overskrift"), max_length=200)
    text = free_text(_("tekst"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skrevet af"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["year", "section", "id"]
        verbose_name = _("prioritet")
        verbose_name_plural = _("prioriteter")

    def __str__(self) -> str:
        return self.title


class AgendaPlacement(models.Model):
    """A report put on a meeting's agenda as an item of its own: the committee's orientation.

    The agenda item is governance's record; this keeps the way back from the item to the report
    version it was made from, and that a version goes on a meeting's agenda only once.
    """

    report = models.ForeignKey(
        Report,
        verbose_name=_("rapport"),
        on_delete=models.CASCADE,
        related_name="placements",
    )
    meeting = models.ForeignKey(
        "governance.Meeting",
        verbose_name=_("møde"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    item = models.OneToOneField(
        "governance.AgendaItem",
        verbose_name=_("dagsordenspunkt"),
        on_delete=models.CASCADE,
        related_name="report_placement",
    )
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sat på af"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    placed_at = models.DateTimeField(_("sat på"), default=timezone.now)

    class Meta:
        ordering = ["report", "placed_at"]
        verbose_name = _("rapport på dagsorden")
        verbose_name_plural = _("rapporter på dagsorden")
        constraints = [
            models.UniqueConstraint(fields=["report", "meeting"], name="report_once_per_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.report} → {self.item}"
