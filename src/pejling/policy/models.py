"""The top of the chain: policies, their versioned texts, structure, goals, initiatives,
action plans with targets, and the money that pays for them."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from pejling.accounts.models import Administration
from pejling.core.listing import KeyPagedMixin
from pejling.governance.models import Body
from pejling.lib.fields import free_text


class PolicyQuerySet(models.QuerySet["Policy"]):
    def public(self) -> "PolicyQuerySet":
        return self.filter(
            is_public=True, status__in=[Policy.Status.ADOPTED, Policy.Status.EXPIRED]
        )

    def visible_to(self, user) -> "PolicyQuerySet":
        from pejling.policy.permissions import can_read_internal

        return self.all() if can_read_internal(user) else self.public()


class PolicyChildQuerySet(models.QuerySet):
    """Records that belong to a policy are visible where their policy is."""

    policy_path = "policy"

    def visible_to(self, user) -> "PolicyChildQuerySet":
        from pejling.policy.permissions import can_read_internal

        if can_read_internal(user):
            return self.all()
        return self.filter(**{f"{self.policy_path}__in": Policy.objects.public()})


class StrandQuerySet(PolicyChildQuerySet):
    policy_path = "action_plan__policy"


class PlanTargetQuerySet(PolicyChildQuerySet):
    policy_path = "strand__action_plan__policy"


class KeyPagedQuerySet(KeyPagedMixin, PolicyChildQuerySet):
    """The goal and initiative lists, paged by key (see core.listing.KeyPagedMixin): page 100
    of 10,000 goals took SQLite over 100 ms when every row went through the sort."""


class WorkItemQuerySet(models.QuerySet):
    def visible_to(self, user) -> "WorkItemQuerySet":
        from pejling.policy.permissions import can_read_internal

        if can_read_internal(user):
            return self.all()
        public = Policy.objects.public()
        return self.filter(
            models.Q(guidepost__policy__in=public) | models.Q(focus_area__policy__in=public)
        )


class AppropriationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AppropriationQuerySet":
        from pejling.policy.permissions import can_read_internal

        return self.all() if can_read_internal(user) else self.none()


class Policy(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Udkast")
        ADOPTED = "adopted", _("Vedtaget")
        EXPIRED = "expired", _("Udløbet")

    title = models.CharField(_("titel"), max_length=200)
    subtitle = models.CharField(_("undertitel"), max_length=300, blank=True)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=80, unique=True)
    summary = free_text(_("resumé"), blank=True)
    overall_goal = free_text(_("overordnet målsætning"), blank=True)
    overall_goal_placeholder = free_text(_("vejledning om overordnet målsætning"), blank=True)
    period_start = models.PositiveSmallIntegerField(_("periode fra (år)"))
    period_end = models.PositiveSmallIntegerField(_("periode til (år)"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    owner_committee = models.ForeignKey(
        Body,
        verbose_name=_("ansvarligt udvalg"),
        on_delete=models.PROTECT,
        related_name="policies",
    )
    administration = models.ForeignKey(
        Administration,
        verbose_name=_("ansvarlig forvaltning"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="policies",
    )
    adopted_on = models.DateField(_("vedtaget den"), null=True, blank=True)
    adoption_reference = models.CharField(
        _("vedtaget ved"),
        max_length=200,
        blank=True,
        help_text=_("Fx 'BIU 20.06.2022, punkt 4'."),
    )
    is_public = models.BooleanField(
        _("offentlig"),
        default=False,
        help_text=_("En vedtaget politik, der er offentlig, kan læses uden at logge ind."),
    )

    objects = PolicyQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "title"]
        verbose_name = _("politik")
        verbose_name_plural = _("politikker")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="policy_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    # Path segments of the policy pages that a policy's slug must not take.
    RESERVED_SLUGS = frozenset(
        {
            "ny",
            "maal",
            "initiativer",
            "handleplaner",
            "maalsaetninger",
            "budget",
            "bevillinger",
            "budgetlinjer",
            "tekster",
            "temaer",
            "pejlemaerker",
            "fokusomraader",
            "dele",
        }
    )

    def get_absolute_url(self) -> str:
        return reverse("policy:policy_detail", args=[self.slug])

    def clean(self) -> None:
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError({"slug": _("Dette kortnavn er reserveret. Vælg et andet.")})
        if self.period_end is not None and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Perioden kan ikke slutte, før den begynder.")})

    @property
    def period_label(self) -> str:
        return (
            f"{self.period_start}–{self.period_end}" if self.period_end else f"{self.period_start}–"
        )


class VersionedText(models.Model):
    """A text a committee may amend (the vision, a guidepost's wording); every version is kept."""

    class Kind(models.TextChoices):
        VISION = "vision", _("Vision")
        GUIDEPOST = "guidepost", _("Pejlemærke")
        OTHER = "other", _("Anden tekst")

    policy = models.ForeignKey(
        Policy, verbose_name=_("politik"), on_delete=models.CASCADE, related_name="texts"
    )
    kind = models.CharField(_("slags"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=200)

    objects = PolicyChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("versioneret tekst")
        verbose_name_plural = _("versionerede tekster")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("policy:text_history", args=[self.pk])

    @cached_property
    def current(self) -> "TextVersion | None":
        if "versions" in getattr(self, "_prefetched_objects_cache", {}):
            # Prefetched for a list of texts (the guideposts): no query per text.
            versions = self.versions.all()
            return max(versions, key=lambda v: (v.valid_from, v.number), default=None)
        return self.versions.order_by("-valid_from", "-number").first()


class TextVersion(models.Model):
    class Reason(models.TextChoices):
        ORIGINAL = "original", _("Oprindelig tekst")
        PROPOSAL = "proposal", _("Forvaltningens forslag")
        AMENDMENT = "amendment", _("Ændringsforslag vedtaget")
        REVISION = "revision", _("Revision")

    text = models.ForeignKey(
        VersionedText, verbose_name=_("tekst"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    body = free_text(_("tekst"))
    valid_from = models.DateField(_("gældende fra"))
    reason = models.CharField(_("årsag"), max_length=20, choices=Reason.choices)
    proposed_by = models.CharField(
        _("foreslået af"), max_length=200, blank=True, help_text=_("Fx et parti eller udvalget.")
    )
    decision_reference = models.CharField(_("besluttet ved"), max_length=200, blank=True)
    note = free_text(_("bemærkning"), blank=True)

    class Meta:
        ordering = ["text", "number"]
        verbose_name = _("tekstversion")
        verbose_name_plural = _("tekstversioner")
        constraints = [
            models.UniqueConstraint(fields=["text", "number"], name="unique_text_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.text} v{self.number}"


class Principle(models.Model):
    policy = models.ForeignKey(
        Policy, verbose_name=_("politik"), on_delete=models.CASCADE, related_name="principles"
    )
    number = models.PositiveSmallIntegerField(_("nummer"))
    text = free_text(_("princip"))

    objects = PolicyChildQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "number"]
        verbose_name = _("princip")
        verbose_name_plural = _("principper")
        constraints = [
            models.UniqueConstraint(fields=["policy", "number"], name="unique_principle_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"

    def get_absolute_url(self) -> str:
        return self.policy.get_absolute_url() + "#principper"


class Responsibility(models.Model):
    class Holder(models.TextChoices):
        CITIZENS = "citizens", _("Københavnerne")
        BUSINESS = "business", _("Erhvervslivet og organisationerne")
        MUNICIPALITY = "municipality", _("Kommunen")

    policy = models.ForeignKey(
        Policy, verbose_name=_("politik"), on_delete=models.CASCADE, related_name="responsibilities"
    )
    holder = models.CharField(_("hvis ansvar"), max_length=20, choices=Holder.choices)
    statement = free_text(_("ansvar"))
    items = free_text(_("sådan løftes ansvaret"), blank=True, help_text=_("Ét punkt pr. linje."))

    objects = PolicyChildQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "id"]
        verbose_name = _("ansvar")
        verbose_name_plural = _("ansvar")

    def __str__(self) -> str:
        return f"{self.get_holder_display()}: {self.statement}"

    def get_absolute_url(self) -> str:
        return self.policy.get_absolute_url() + "#ansvar"

    @property
    def item_list(self) -> list[str]:
        return [line.strip() for line in self.items.splitlines() if line.strip()]


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
