"""Policies, what each user may see of them, and their texts: versioned texts (the vision),
principles and responsibilities."""

from django.core.exceptions import ValidationError
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
