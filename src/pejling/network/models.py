"""The task force's network (seed 000): the actors it works with and the persons in them, each
administration's contact person and their meetings and proposals, theme networks, and the
newsletter that spreads the knowledge bank's best practice."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pejling.accounts.models import Administration
from pejling.audit.models import HoldsPersonalData
from pejling.lib.cpr import validate_no_cpr
from pejling.lib.fields import free_text


class OrganisationKind(models.TextChoices):
    """The kinds of actors the task force serves (seed 000)."""

    SCHOOL = "school", _("Skole")
    DAYCARE = "daycare", _("Dagtilbud")
    MUNICIPAL_INSTITUTION = "municipal_institution", _("Anden kommunal institution")
    ADMINISTRATION = "administration", _("Forvaltning")
    HOUSING_ASSOCIATION = "housing_association", _("Boligorganisation")
    RESIDENTS_BOARD = "residents_board", _("Beboerbestyrelse eller beboerforening")
    ASSOCIATION = "association", _("Forening")
    SPORTS_CLUB = "sports_club", _("Idrætsklub")
    COMPANY = "company", _("Virksomhed")
    UNION = "union", _("Fagforening")
    INTEGRATION_COUNCIL = "integration_council", _("Integrationsrådet")
    OTHER = "other", _("Andet")


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def current(self) -> "OrganisationQuerySet":
        """Organisations not merged into another."""
        return self.filter(merged_into__isnull=True)

    def visible_to(self, user) -> "OrganisationQuerySet":
        from pejling.network.permissions import can_read

        return self if can_read(user) else self.none()


class Organisation(models.Model):
    """An actor: a municipal institution, an administration, an association, a company…"""

    name = models.CharField(_("navn"), max_length=200, validators=[validate_no_cpr])
    kind = models.CharField(_("slags"), max_length=30, choices=OrganisationKind.choices)
    administration = models.ForeignKey(
        Administration,
        verbose_name=_("forvaltning"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("Forvaltningen selv, eller den forvaltning en kommunal institution hører til."),
    )
    district = models.CharField(
        _("bydel"), max_length=100, blank=True, validators=[validate_no_cpr]
    )
    website = models.URLField(_("hjemmeside"), blank=True)
    notes = free_text(_("noter"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("lagt sammen med"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="merged",
    )
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        indexes = [
            # The organisation list filtered by kind, current ones only.
            models.Index(fields=["kind", "merged_into"], name="organisation_kind_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:organisation_detail", args=[self.pk])

    def clean(self) -> None:
        if self.kind == OrganisationKind.ADMINISTRATION and self.administration_id is None:
            raise ValidationError({"administration": _("Vælg den forvaltning, organisationen er.")})


class PersonQuerySet(models.QuerySet["Person"]):
    def current(self) -> "PersonQuerySet":
        return self.filter(merged_into__isnull=True)

    def visible_to(self, user) -> "PersonQuerySet":
        from pejling.network.permissions import can_see_personal_data

        return self if can_see_personal_data(user) else self.none()


class Person(HoldsPersonalData, models.Model):
    """A person the task force works with; name, e-mail and phone are personal data."""

    name = models.CharField(_("navn"), max_length=200, validators=[validate_no_cpr])
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True, validators=[validate_no_cpr])
    notes = free_text(_("noter"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("lagt sammen med"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="merged",
    )
    anonymised_at = models.DateTimeField(_("anonymiseret"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        indexes = [
            # Finding a person by e-mail: duplicates, extracts and newsletter recipients.
            models.Index(fields=["email"], name="person_email_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:person_detail", args=[self.pk])


# The role that makes a person in an administration's organisation its contact person.
CONTACT_PERSON_ROLE = "Kontaktperson"


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self) -> "MembershipQuerySet":
        """Roles not ended, of persons and organisations not merged away."""
        return self.filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=timezone.localdate()),
            person__merged_into__isnull=True,
            organisation__merged_into__isnull=True,
        )

    def contact_persons(self) -> "MembershipQuerySet":
        """Current contact-person roles in the administrations' own organisations."""
        return self.current().filter(
            role__iexact=CONTACT_PERSON_ROLE,
            organisation__kind=OrganisationKind.ADMINISTRATION,
            organisation__administration__isnull=False,
            person__anonymised_at__isnull=True,
        )


class Membership(models.Model):
    """A person's role in an organisation, for a period."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("rolle"), max_length=200, validators=[validate_no_cpr])
    starts_on = models.DateField(_("fra"), null=True, blank=True)
    ends_on = models.DateField(_("til"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "role", "id"]
        verbose_name = _("rolle i organisation")
        verbose_name_plural = _("roller i organisationer")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_after_start",
                violation_error_message=_("Slutdatoen skal ligge efter startdatoen."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.role}, {self.organisation}"


class Merge(models.Model):
    """A record that one duplicate was merged into another, and what was moved."""

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        PERSON = "person", _("Person")

    kind = models.CharField(_("slags"), max_length=20, choices=Kind.choices)
    kept_id = models.PositiveIntegerField(_("beholdt"))
    removed_id = models.PositiveIntegerField(_("lagt sammen"))
    moved = models.JSONField(_("flyttet"), default=dict)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lagt sammen af"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    merged_at = models.DateTimeField(_("tidspunkt"), default=timezone.now)

    class Meta:
        ordering = ["-merged_at", "-id"]
        verbose_name = _("sammenlægning")
        verbose_name_plural = _("sammenlægninger")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.removed_id} → {self.kept_id}"


# --- Contact persons ---------------------------------------------------------------------------


class ContactMeetingQuerySet(models.QuerySet["ContactMeeting"]):
    def visible_to(self, user) -> "ContactMeetingQuerySet":
        from pejling.network.permissions import administration_scope

        return administration_scope(self, user)


class ContactMeeting(models.Model):
    """A meeting between an administration's contact person and the task force."""

    administration = models.ForeignKey(
        Administration,
        verbose_name=_("forvaltning"),
        on_delete=models.PROTECT,
        related_name="contact_meetings",
    )
    held_on = models.DateField(_("dato"))
    agenda = free_text(_("dagsorden"))
    minutes = free_text(_("referat"), blank=True)
    decisions = free_text(_("beslutninger"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )

    objects = ContactMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("kontaktpersonmøde")
        verbose_name_plural = _("kontaktpersonmøder")
        indexes = [
            # A contact person's list: their administration's meetings, newest first.
            models.Index(fields=["administration", "-held_on"], name="contactmeeting_admin_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.administration.short_name} {self.held_on:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("network:meeting_detail", args=[self.pk])


class MeetingFollowUp(models.Model):
    """Something agreed at a contact-person meeting that someone must follow up on."""

    meeting = models.ForeignKey(ContactMeeting, on_delete=models.CASCADE, related_name="follow_ups")
    text = models.CharField(_("opfølgning"), max_length=300, validators=[validate_no_cpr])
    responsible = models.CharField(
        _("ansvarlig"), max_length=200, blank=True, validators=[validate_no_cpr]
    )
    due_on = models.DateField(_("frist"), null=True, blank=True)
    done_at = models.DateTimeField(_("udført"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")

    def __str__(self) -> str:
        return self.text


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("Foreslået")
    ADOPTED = "adopted", _("Taget op")
    DECLINED = "declined", _("Ikke taget op")


PROPOSAL_TRANSITIONS: dict[str, frozenset[str]] = {
    ProposalStatus.PROPOSED: frozenset({ProposalStatus.ADOPTED, ProposalStatus.DECLINED}),
    ProposalStatus.ADOPTED: frozenset({ProposalStatus.PROPOSED}),
    ProposalStatus.DECLINED: frozenset({ProposalStatus.PROPOSED}),
}


class ProposalQuerySet(models.QuerySet["Proposal"]):
    def visible_to(self, user) -> "ProposalQuerySet":
        from pejling.network.permissions import administration_scope

        return administration_scope(self, user)


class Proposal(models.Model):
    """A contact person's proposal for a future focus area, built on barriers and cases."""

    administration = models.ForeignKey(
        Administration,
        verbose_name=_("forvaltning"),
        on_delete=models.PROTECT,
        related_name="focus_proposals",
    )
    title = models.CharField(_("forslag"), max_length=200, validators=[validate_no_cpr])
    reasoning = free_text(_("begrundelse"))
    status = models.CharField(
        _("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    response = free_text(_("task forcens svar"), blank=True)
    barriers = models.ManyToManyField(
        "taskforce.Barrier", verbose_name=_("barrierer"), blank=True, related_name="proposals"
    )
    cases = models.ManyToManyField(
        "taskforce.Case", verbose_name=_("sager"), blank=True, related_name="proposals"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("foreslået af"),
        on_delete=models.PROTECT,
        related_name="focus_proposals",
        editable=False,
    )
    proposed_at = models.DateTimeField(_("foreslået"), default=timezone.now, editable=False)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("forslag til indsatsområde")
        verbose_name_plural = _("forslag til indsatsområder")
        indexes = [
            # The proposal list, by administration and status.
            models.Index(fields=["administration", "status"], name="proposal_admin_status_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("network:proposal_detail", args=[self.pk])

    def allowed_transitions(self) -> frozenset[str]:
        return PROPOSAL_TRANSITIONS[self.status]


# --- Theme networks ----------------------------------------------------------------------------


class NetworkQuerySet(models.QuerySet["Network"]):
    def visible_to(self, user) -> "NetworkQuerySet":
        from pejling.network.permissions import can_read

        return self if can_read(user) else self.none()


class Network(models.Model):
    """A theme network of actors who learn from each other (seed 000: 'tema-netværk')."""

    name = models.CharField(_("navn"), max_length=200, unique=True, validators=[validate_no_cpr])
    slug = models.SlugField(_("kortnavn i adresser"), max_length=60, unique=True)
    theme = models.CharField(_("tema"), max_length=200, validators=[validate_no_cpr])
    description = free_text(_("beskrivelse"), blank=True)
    is_active = models.BooleanField(_("aktivt"), default=True)
    shared_articles = models.ManyToManyField(
        "knowledge.Article",
        verbose_name=_("delt fra vidensbanken"),
        blank=True,
        related_name="networks",
    )
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)

    objects = NetworkQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("temanetværk")
        verbose_name_plural = _("temanetværk")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:network_detail", args=[self.slug])


class NetworkMember(models.Model):
    """A person or an organisation in a theme network."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="network_memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="network_memberships",
    )
    joined_on = models.DateField(_("med siden"), default=timezone.localdate)

    class Meta:
        ordering = ["joined_on", "id"]
        verbose_name = _("netværksmedlem")
        verbose_name_plural = _("netværksmedlemmer")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, organisation__isnull=True)
                | Q(person__isnull=True, organisation__isnull=False),
                name="network_member_person_xor_organisation",
                violation_error_message=_("Vælg enten en person eller en organisation."),
            ),
            models.UniqueConstraint(fields=["network", "person"], name="unique_network_person"),
            models.UniqueConstraint(
                fields=["network", "organisation"], name="unique_network_organisation"
            ),
        ]

    def __str__(self) -> str:
        return str(self.person or self.organisation)


class NetworkMeeting(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("dato"))
    place = models.CharField(_("sted"), max_length=200, blank=True, validators=[validate_no_cpr])
    agenda = free_text(_("dagsorden"))
    minutes = free_text(_("referat"), blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("netværksmøde")
        verbose_name_plural = _("netværksmøder")

    def __str__(self) -> str:
        return f"{self.network} {self.held_on:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return f"{self.network.get_absolute_url()}#moede-{self.pk}"


# --- Newsletter --------------------------------------------------------------------------------


class Subscriber(HoldsPersonalData, models.Model):
    """An e-mail address that asked for the newsletter; it gets nothing until it is confirmed.

    An address that unsubscribed keeps its row with ``unsubscribed_at`` set, which also keeps
    network members who unsubscribed from getting the newsletter through their network.
    """

    email = models.EmailField(_("e-mail"), unique=True)
    name = models.CharField(_("navn"), max_length=200, blank=True, validators=[validate_no_cpr])
    subscribed_at = models.DateTimeField(_("tilmeldt"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bekræftet"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("afmeldt"), null=True, blank=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("abonnent")
        verbose_name_plural = _("abonnenter")
        indexes = [
            # The recipients of an issue: confirmed and not unsubscribed.
            models.Index(fields=["confirmed_at", "unsubscribed_at"], name="subscriber_active_idx"),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class IssueState(models.TextChoices):
    DRAFT = "draft", _("Kladde")
    SENDING = "sending", _("Sendes")
    SENT = "sent", _("Sendt")


class NewsletterIssue(models.Model):
    """One issue of the newsletter: news text, events and recent entries from the knowledge bank."""

    title = models.CharField(_("overskrift"), max_length=200, validators=[validate_no_cpr])
    news = free_text(_("nyheder"), help_text=_("Teksten øverst i nyhedsbrevet."))
    events = free_text(
        _("arrangementer"),
        blank=True,
        help_text=_("Et arrangement pr. linje, fx “12. marts: Temadag om mangfoldighedsledelse”."),
    )
    articles = models.ManyToManyField(
        "knowledge.Article",
        verbose_name=_("nyt fra vidensbanken"),
        blank=True,
        related_name="newsletter_issues",
    )
    networks = models.ManyToManyField(
        Network, verbose_name=_("send til netværk"), blank=True, related_name="newsletter_issues"
    )
    to_subscribers = models.BooleanField(_("send til abonnenter"), default=True)
    state = models.CharField(
        _("status"), max_length=10, choices=IssueState.choices, default=IssueState.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True, editable=False)
    task_id = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("nyhedsbrev")
        verbose_name_plural = _("nyhedsbreve")
        indexes = [
            # The public archive: sent issues, newest first.
            models.Index(fields=["state", "-sent_at"], name="issue_state_sent_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("network:issue_detail", args=[self.pk])

    def get_archive_url(self) -> str:
        return reverse("network:archive_detail", args=[self.pk])

    @property
    def event_lines(self) -> list[str]:
        return [line.strip() for line in self.events.splitlines() if line.strip()]


class Delivery(models.Model):
    """One recipient of one issue; ``sent_at`` makes sending idempotent per recipient."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "email"], name="unique_delivery_per_issue"),
        ]

    def __str__(self) -> str:
        return f"{self.issue_id}: {self.email}"
