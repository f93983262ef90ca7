"""Political bodies and the people in them, their meetings, agenda items, decisions and party
amendments, and hearings with their responses."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pejling.audit.models import HoldsPersonalData
from pejling.lib.fields import free_text


class Body(models.Model):
    """A political body: a standing committee, the city council, an advisory council such as the
    Integration Council, or a party group."""

    class Kind(models.TextChoices):
        COMMITTEE = "committee", _("Udvalg")
        CITY_COUNCIL = "city_council", _("Borgerrepræsentationen")
        COUNCIL = "council", _("Råd")
        PARTY_GROUP = "party_group", _("Partigruppe")

    name = models.CharField(_("navn"), max_length=200, unique=True)
    short_name = models.CharField(_("forkortelse"), max_length=20, unique=True)
    kind = models.CharField(_("slags"), max_length=20, choices=Kind.choices)
    created = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("politisk organ")
        verbose_name_plural = _("politiske organer")

    def __str__(self) -> str:
        return self.name


class ElectoralTerm(models.Model):
    """A council's four-year term (valgperiode), e.g. 2022–2025."""

    name = models.CharField(_("navn"), max_length=50, unique=True)
    starts_on = models.DateField(_("begynder"))
    ends_on = models.DateField(_("slutter"))

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("valgperiode")
        verbose_name_plural = _("valgperioder")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="term_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Person(HoldsPersonalData, models.Model):
    """A politician or another member of a body. Name and party are personal data."""

    name = models.CharField(_("navn"), max_length=200)
    form_of_address = models.CharField(_("titel"), max_length=100, blank=True)
    created = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Formand")
        VICE_CHAIR = "vice_chair", _("Næstformand")
        MEMBER = "member", _("Medlem")
        SUBSTITUTE = "substitute", _("Stedfortræder")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("organ"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    party = models.ForeignKey(
        Body,
        verbose_name=_("parti"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="party_memberships",
        limit_choices_to={"kind": Body.Kind.PARTY_GROUP},
    )
    term = models.ForeignKey(
        ElectoralTerm,
        verbose_name=_("valgperiode"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    starts_on = models.DateField(_("fra"), null=True, blank=True)
    ends_on = models.DateField(_("til"), null=True, blank=True)
    created = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["body", "role", "person"]
        verbose_name = _("medlemskab")
        verbose_name_plural = _("medlemskaber")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "body", "term"], name="unique_membership_per_term"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.body}"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Medlemskabet kan ikke slutte, før det begynder.")})


# --- Meetings and agenda items ----------------------------------------------------------------


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def published(self) -> "MeetingQuerySet":
        """What the public may read: meetings whose agenda is out."""
        return self.exclude(state=Meeting.State.PLANNED)

    def visible_to(self, user) -> "MeetingQuerySet":
        from pejling.governance.permissions import can_read_governance

        return self.all() if can_read_governance(user) else self.published()

    def listed(self) -> "MeetingQuerySet":
        """As the meeting lists show them: with the body and item count, newest first."""
        return (
            self.select_related("body")
            .annotate(item_count=models.Count("items"))
            .order_by("-starts_at", "pk")
        )


class Meeting(models.Model):
    class State(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        AGENDA_PUBLISHED = "agenda_published", _("Dagsorden offentliggjort")
        HELD = "held", _("Afholdt")
        MINUTES_APPROVED = "minutes_approved", _("Referat godkendt")

    TRANSITIONS: dict[str, tuple[str, ...]] = {
        State.PLANNED: (State.AGENDA_PUBLISHED,),
        State.AGENDA_PUBLISHED: (State.PLANNED, State.HELD),
        State.HELD: (State.MINUTES_APPROVED,),
        State.MINUTES_APPROVED: (),
    }

    body = models.ForeignKey(
        Body, verbose_name=_("udvalg"), on_delete=models.PROTECT, related_name="meetings"
    )
    name = models.CharField(_("betegnelse"), max_length=200, default="Ordinært møde")
    starts_at = models.DateTimeField(_("tidspunkt"))
    location = models.CharField(_("mødested"), max_length=200, blank=True)
    state = models.CharField(
        _("status"), max_length=20, choices=State.choices, default=State.PLANNED
    )
    created = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("ændret"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        indexes = [
            # The meeting list and OParl's meeting list: newest first, per body.
            models.Index(fields=["body", "-starts_at"], name="meeting_body_starts"),
        ]

    def __str__(self) -> str:
        return f"{self.body.short_name} {timezone.localtime(self.starts_at):%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting_detail", args=[self.pk])

    @property
    def is_held(self) -> bool:
        return self.state in (self.State.HELD, self.State.MINUTES_APPROVED)

    def allowed_states(self) -> tuple[str, ...]:
        return self.TRANSITIONS[self.state]

    def clean(self) -> None:
        if (
            self.state == self.State.PLANNED
            and self.starts_at
            and self.starts_at.date() < timezone.localdate()
        ):
            raise ValidationError(
                {"starts_at": _("Et møde, der ligger i fortiden, kan ikke være planlagt.")}
            )


class AgendaItem(models.Model):
    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Godkendt")
        ADOPTED_AMENDED = "adopted_amended", _("Godkendt med ændringer")
        REJECTED = "rejected", _("Forkastet")
        POSTPONED = "postponed", _("Udsat")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("møde"), on_delete=models.CASCADE, related_name="items"
    )
    number = models.PositiveSmallIntegerField(_("punkt nr."), validators=[MinValueValidator(1)])
    title = models.CharField(_("titel"), max_length=300)
    case_reference = models.CharField(
        _("sagsnummer"), max_length=50, blank=True, help_text=_("Fx 'BIU 201/2006'.")
    )
    is_public = models.BooleanField(_("åbent punkt"), default=True)
    recommended_by = models.CharField(
        _("indstillet af"),
        max_length=200,
        blank=True,
        help_text=_("Fx 'Beskæftigelses- og Integrationsforvaltningen'."),
    )
    summary = free_text(_("resumé"), blank=True)
    case_description = free_text(_("sagsbeskrivelse"), blank=True)
    outcome = models.CharField(_("beslutning"), max_length=20, choices=Outcome.choices, blank=True)
    decided_with_vote = models.BooleanField(_("med afstemning"), default=False)
    decision_text = free_text(_("beslutningstekst"), blank=True)
    created = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("dagsordenspunkt")
        verbose_name_plural = _("dagsordenspunkter")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="unique_item_number"),
        ]
        indexes = [
            # OParl's paper list and the search by case reference.
            models.Index(fields=["case_reference"], name="item_case_reference"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("governance:item_detail", args=[self.pk])

    @property
    def decision_label(self) -> str:
        if not self.outcome:
            return ""
        how = _("med afstemning") if self.decided_with_vote else _("uden afstemning")
        return f"{self.get_outcome_display()} {how}"


class RecommendationPoint(models.Model):
    """One numbered point of the recommendation: 'at udvalget godkender …'."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="recommendation_points"
    )
    number = models.PositiveSmallIntegerField(_("nr."), validators=[MinValueValidator(1)])
    text = free_text(_("indstilling"))

    class Meta:
        ordering = ["item", "number"]
        verbose_name = _("indstillingspunkt")
        verbose_name_plural = _("indstillingspunkter")
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="unique_recommendation_point"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class Annex(models.Model):
    """A file attached to an agenda item (bilag), stored under a random name."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="annexes")
    number = models.PositiveSmallIntegerField(_("bilag nr."), validators=[MinValueValidator(1)])
    title = models.CharField(_("titel"), max_length=300)
    file = models.FileField(_("fil"), upload_to="governance/annexes/%Y/")
    original_name = models.CharField(_("filnavn"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    created = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["item", "number"]
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="unique_annex_number"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:annex_download", args=[self.pk])


class Vote(models.Model):
    """How a party voted on an item's decision or on an amendment."""

    class Position(models.TextChoices):
        FOR = "for", _("For")
        AGAINST = "against", _("Imod")
        ABSTAINED = "abstained", _("Undlod at stemme")

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="votes")
    amendment = models.ForeignKey(
        "Amendment", on_delete=models.CASCADE, null=True, blank=True, related_name="votes"
    )
    party = models.ForeignKey(
        Body,
        verbose_name=_("parti"),
        on_delete=models.PROTECT,
        related_name="votes",
        limit_choices_to={"kind": Body.Kind.PARTY_GROUP},
    )
    position = models.CharField(_("stemte"), max_length=10, choices=Position.choices)

    class Meta:
        ordering = ["item", "amendment", "party"]
        verbose_name = _("stemme")
        verbose_name_plural = _("stemmer")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "amendment", "party"], name="unique_vote_per_party"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party}: {self.get_position_display()}"


class Amendment(models.Model):
    """A party's proposed change to a policy text or to the recommendation."""

    class Kind(models.TextChoices):
        REPLACE = "replace", _("Ændring af formulering (fra → til)")
        ADD_PARAGRAPH = "add_paragraph", _("Tilføjet afsnit")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Fremsat")
        ADOPTED = "adopted", _("Vedtaget")
        REJECTED = "rejected", _("Forkastet")

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("dagsordenspunkt"),
        on_delete=models.CASCADE,
        related_name="amendments",
    )
    number = models.PositiveSmallIntegerField(_("nr."), validators=[MinValueValidator(1)])
    party = models.ForeignKey(
        Body,
        verbose_name=_("parti"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendments",
        help_text=_("Tomt, når udvalget selv fremsætter ændringen."),
    )
    proposed_by = models.CharField(_("fremsat af"), max_length=200)
    kind = models.CharField(_("slags"), max_length=20, choices=Kind.choices)
    target_version = models.ForeignKey(
        "policy.TextVersion",
        verbose_name=_("tekstversion"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendments",
        help_text=_("Tomt, når ændringen gælder indstillingen."),
    )
    target_section = models.CharField(
        _("afsnit"),
        max_length=200,
        blank=True,
        help_text=_("Fx 'indstillingens løsningsafsnit'."),
    )
    text_from = free_text(_("fra"), blank=True)
    text_to = free_text(_("til"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    decided_with_vote = models.BooleanField(_("med afstemning"), default=False)
    produced_version = models.OneToOneField(
        "policy.TextVersion",
        verbose_name=_("ny tekstversion"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendment",
    )
    created = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["item", "number"]
        verbose_name = _("ændringsforslag")
        verbose_name_plural = _("ændringsforslag")
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="unique_amendment_number"),
        ]

    def __str__(self) -> str:
        return _("Ændringsforslag %(n)s fra %(by)s") % {"n": self.number, "by": self.proposed_by}

    def get_absolute_url(self) -> str:
        return reverse("governance:item_detail", args=[self.item_id]) + f"#amendment-{self.pk}"

    def clean(self) -> None:
        if self.kind == self.Kind.REPLACE and not (self.text_from or "").strip():
            raise ValidationError({"text_from": _("Skriv den tekst, der skal ændres.")})

    @property
    def outcome_label(self) -> str:
        if self.status == self.Status.PROPOSED:
            return str(self.get_status_display())
        how = _("med afstemning") if self.decided_with_vote else _("uden afstemning")
        return f"{self.get_status_display()} {how}"


# --- Hearings ---------------------------------------------------------------------------------


class HearingQuerySet(models.QuerySet["Hearing"]):
    def visible_to(self, user) -> "HearingQuerySet":
        from pejling.governance.permissions import can_read_governance

        return self.all() if can_read_governance(user) else self.none()

    def listed(self) -> "HearingQuerySet":
        """As the hearing lists show them: with party and response counts, latest deadline first."""
        return (
            self.select_related("asked_by")
            .annotate(
                party_count=models.Count("parties", distinct=True),
                response_count=models.Count("responses", distinct=True),
            )
            .order_by("-deadline", "title", "pk")
        )


class Hearing(models.Model):
    class Phase(models.TextChoices):
        DRAFT = "draft", _("Under forberedelse")
        SENT = "sent", _("Sendt i høring")
        CLOSED = "closed", _("Høringsfristen er udløbet")
        NOTE_DONE = "note_done", _("Høringsnotat færdigt")

    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Phase.DRAFT: (Phase.SENT,),
        Phase.SENT: (Phase.CLOSED,),
        Phase.CLOSED: (Phase.SENT, Phase.NOTE_DONE),
        Phase.NOTE_DONE: (Phase.CLOSED,),
    }

    title = models.CharField(_("titel"), max_length=300)
    asked_by = models.ForeignKey(
        Body,
        verbose_name=_("sendt i høring af"),
        on_delete=models.PROTECT,
        related_name="hearings_asked",
    )
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("dagsordenspunkt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hearings",
    )
    case_number = models.CharField(_("sagsnr."), max_length=50, blank=True)
    proposal = free_text(_("forslaget"), help_text=_("Hvad der sendes i høring."))
    documents_sent = free_text(
        _("sendte dokumenter"), blank=True, help_text=_("Et dokument pr. linje.")
    )
    sent_on = models.DateField(_("sendt den"), null=True, blank=True)
    deadline = models.DateField(_("høringsfrist"))
    phase = models.CharField(_("fase"), max_length=20, choices=Phase.choices, default=Phase.DRAFT)
    introduction = free_text(_("indledning til høringsnotatet"), blank=True)
    changes_summary = free_text(_("ændringer som følge af høringen"), blank=True)
    created = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("ændret"), auto_now=True)

    objects = HearingQuerySet.as_manager()

    class Meta:
        ordering = ["-deadline", "title"]
        verbose_name = _("høring")
        verbose_name_plural = _("høringer")
        indexes = [
            # The hearing list: open hearings by deadline.
            models.Index(fields=["phase", "deadline"], name="hearing_phase_deadline"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:hearing_detail", args=[self.pk])

    def allowed_phases(self) -> tuple[str, ...]:
        return self.TRANSITIONS[self.phase]

    @property
    def document_list(self) -> list[str]:
        return [line.strip() for line in self.documents_sent.splitlines() if line.strip()]

    def clean(self) -> None:
        if self.sent_on and self.deadline and self.deadline < self.sent_on:
            raise ValidationError({"deadline": _("Høringsfristen kan ikke ligge før afsendelsen.")})


class HearingParty(models.Model):
    """A body or outside organisation that is heard."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="parties")
    body = models.ForeignKey(
        Body,
        verbose_name=_("organ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hearings_heard",
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("En organisation uden for kommunen, når det ikke er et politisk organ."),
    )

    class Meta:
        ordering = ["hearing", "body__name", "organisation"]
        verbose_name = _("høringspart")
        verbose_name_plural = _("høringsparter")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(body__isnull=False) & models.Q(organisation=""))
                | (models.Q(body__isnull=True) & ~models.Q(organisation="")),
                name="hearing_party_body_or_organisation",
            ),
            models.UniqueConstraint(
                fields=["hearing", "body"],
                condition=models.Q(body__isnull=False),
                name="unique_hearing_party_body",
            ),
            models.UniqueConstraint(
                fields=["hearing", "organisation"],
                condition=models.Q(body__isnull=True),
                name="unique_hearing_party_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.body.name if self.body_id else self.organisation


class HearingResponse(models.Model):
    class Channel(models.TextChoices):
        WEB_FORM = "web_form", _("Webformular")
        UPLOAD = "upload", _("Uploadet fil")

    hearing = models.ForeignKey(
        Hearing, verbose_name=_("høring"), on_delete=models.CASCADE, related_name="responses"
    )
    party = models.ForeignKey(
        HearingParty,
        verbose_name=_("høringspart"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    received_on = models.DateField(_("modtaget den"), default=date.today)
    is_late = models.BooleanField(_("modtaget efter fristen"), default=False)
    channel = models.CharField(_("modtaget som"), max_length=20, choices=Channel.choices)
    original_file = models.FileField(
        _("originalfil"), upload_to="governance/responses/%Y/", blank=True
    )
    original_name = models.CharField(_("filnavn"), max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    extracted_text = free_text(_("tekst som modtaget"), blank=True)
    corrected_text = free_text(
        _("rettet tekst"),
        blank=True,
        help_text=_("Ret fejl fra scanningen her; teksten som modtaget bevares."),
    )
    signed_by = models.CharField(_("underskrevet af"), max_length=200, blank=True)
    summary = free_text(_("sammenfatning"), blank=True)
    administration_comment = free_text(_("forvaltningens bemærkninger"), blank=True)
    leads_to_change = models.BooleanField(_("giver anledning til ændring"), default=False)
    change_description = free_text(_("ændring"), blank=True)
    created = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("ændret"), auto_now=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["hearing", "party__body__name", "party__organisation", "received_on"]
        verbose_name = _("høringssvar")
        verbose_name_plural = _("høringssvar")

    def __str__(self) -> str:
        return _("Høringssvar fra %(party)s") % {"party": self.party}

    def get_absolute_url(self) -> str:
        return reverse("governance:response_detail", args=[self.pk])

    @property
    def text(self) -> str:
        """The text to work from: the corrected one where there is one."""
        return self.corrected_text or self.extracted_text
