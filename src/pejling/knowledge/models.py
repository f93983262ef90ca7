"""The knowledge bank ('vidensbank'): the task force's shared knowledge and proven methods, with
revisions, attachments, a review step and Danish full-text search (seed 000)."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pejling.lib.cpr import validate_no_cpr
from pejling.lib.fields import free_text
from pejling.policy.models import Goal, Guidepost
from pejling.taskforce.models import ActorKind, Case, Field


class Kind(models.TextChoices):
    BEST_PRACTICE = "best_practice", _("God praksis")
    METHOD = "method", _("Metode")
    TOOL = "tool", _("Værktøj")
    CASE_STORY = "case_story", _("Casefortælling")
    GUIDANCE = "guidance", _("Vejledning")


class State(models.TextChoices):
    DRAFT = "draft", _("Kladde")
    IN_REVIEW = "in_review", _("Til godkendelse")
    PUBLISHED = "published", _("Udgivet")
    ARCHIVED = "archived", _("Arkiveret")


# The one map of allowed moves; Article.transition_to() refuses any other.
TRANSITIONS: dict[str, frozenset[str]] = {
    State.DRAFT: frozenset({State.IN_REVIEW}),
    State.IN_REVIEW: frozenset({State.DRAFT, State.PUBLISHED}),
    State.PUBLISHED: frozenset({State.ARCHIVED, State.DRAFT}),
    State.ARCHIVED: frozenset({State.DRAFT}),
}

# Moves only a publisher (the coordinator) may make.
PUBLISHER_MOVES: frozenset[tuple[str, str]] = frozenset(
    {
        (State.IN_REVIEW, State.PUBLISHED),
        (State.IN_REVIEW, State.DRAFT),
        (State.PUBLISHED, State.ARCHIVED),
        (State.PUBLISHED, State.DRAFT),
        (State.ARCHIVED, State.DRAFT),
    }
)


class IllegalTransition(ValidationError):
    """A move the state map does not allow."""


def join_choices(values) -> str:
    """Store a set of choice values as ',a,b,' so that one value is found with ``contains``."""
    cleaned = sorted({str(v) for v in values if v})
    return f",{','.join(cleaned)}," if cleaned else ""


def split_choices(stored: str) -> list[str]:
    return [v for v in (stored or "").split(",") if v]


# The search index columns of Article: large, and never shown on a page.
SEARCH_INDEX_FIELDS = (
    "search_vector",
    "search_head",
    "search_tokens",
    "search_words",
    "search_text",
)


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> "ArticleQuerySet":
        return self.filter(state=State.PUBLISHED)

    def public(self) -> "ArticleQuerySet":
        return self.filter(state=State.PUBLISHED, is_public=True)

    def with_field(self, field: str) -> "ArticleQuerySet":
        return self.filter(fields__contains=f",{field},")

    def with_actor_kind(self, actor_kind: str) -> "ArticleQuerySet":
        return self.filter(actor_kinds__contains=f",{actor_kind},")

    def visible_to(self, user) -> "ArticleQuerySet":
        from pejling.knowledge.permissions import article_visibility

        return article_visibility(self, user)


class Article(models.Model):
    """One entry in the knowledge bank."""

    kind = models.CharField(
        _("slags"), max_length=20, choices=Kind.choices, default=Kind.BEST_PRACTICE
    )
    title = models.CharField(_("titel"), max_length=200, validators=[validate_no_cpr])
    summary = free_text(_("resumé"))
    body = free_text(_("tekst"), blank=True, help_text=_("Skrives i Markdown."))
    # Sets of choice values, stored as ',a,b,' (see join_choices) so both databases filter alike.
    fields = models.CharField(_("indsatsområder"), max_length=200, blank=True, default="")
    actor_kinds = models.CharField(_("slags aktører"), max_length=300, blank=True, default="")
    goals = models.ManyToManyField(Goal, verbose_name=_("mål"), blank=True, related_name="articles")
    guideposts = models.ManyToManyField(
        Guidepost, verbose_name=_("pejlemærker"), blank=True, related_name="articles"
    )
    cases = models.ManyToManyField(
        Case, verbose_name=_("sager"), blank=True, related_name="articles"
    )
    source_case = models.ForeignKey(
        Case,
        verbose_name=_("bygger på sag"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="derived_articles",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("forfatter"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.DRAFT)
    is_public = models.BooleanField(
        _("offentlig"),
        default=False,
        help_text=_("Et udgivet opslag, der er offentligt, kan læses uden login."),
    )
    published_at = models.DateTimeField(_("udgivet"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("godkendt af"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    updated_at = models.DateTimeField(_("ændret"), default=timezone.now)
    # The search index, kept current by services.reindex_article(): a PostgreSQL tsvector
    # (danish configuration) and, for every database, the normalised tokens by weight.
    search_vector = SearchVectorField(null=True, editable=False)
    # The title (A) and summary (B) part of search_vector alone: the search ranks this small
    # vector first to find which entries can reach a page (see search.py), PostgreSQL only.
    search_head = SearchVectorField(null=True, editable=False)
    search_tokens = models.TextField(default="", blank=True, editable=False)
    search_words = models.TextField(default="", blank=True, editable=False)
    search_text = models.TextField(default="", blank=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    audit_ignored_fields = frozenset(SEARCH_INDEX_FIELDS)

    class Meta:
        ordering = ["-published_at", "-updated_at", "-id"]
        verbose_name = _("opslag")
        verbose_name_plural = _("opslag")
        indexes = [
            # The list and the public list: entries by state, newest published first.
            models.Index(fields=["state", "is_public", "published_at"], name="article_state_idx"),
            # The list filtered by kind.
            models.Index(fields=["kind", "state"], name="article_kind_state_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_public=False) | models.Q(state=State.PUBLISHED),
                name="article_public_only_when_published",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:article_detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("knowledge:public_detail", args=[self.pk])

    @property
    def field_list(self) -> list[str]:
        return split_choices(self.fields)

    @property
    def actor_kind_list(self) -> list[str]:
        return split_choices(self.actor_kinds)

    def field_labels(self) -> list[str]:
        return [str(Field(v).label) for v in self.field_list if v in Field.values]

    def actor_kind_labels(self) -> list[str]:
        return [str(ActorKind(v).label) for v in self.actor_kind_list if v in ActorKind.values]

    def allowed_transitions(self) -> frozenset[str]:
        return TRANSITIONS[self.state]

    def transition_to(self, state: str, *, now=None) -> None:
        """Move to ``state`` in memory, refusing moves the map does not allow."""
        if state not in TRANSITIONS[self.state]:
            raise IllegalTransition(
                _("Opslaget kan ikke gå fra %(old)s til %(new)s.")
                % {"old": State(self.state).label, "new": State(state).label}
            )
        self.state = state
        if state == State.PUBLISHED:
            self.published_at = now or timezone.now()
        else:
            self.is_public = False

    @property
    def is_publicly_readable(self) -> bool:
        return self.state == State.PUBLISHED and self.is_public


class Word(models.Model):
    """A word of the entries' titles, summaries and texts, for "did you mean".

    Kept current by ``services.reindex_article`` (counted per entry that uses it), so that no
    search has to gather the vocabulary. Which entries a user may see is checked at search time.
    """

    folded = models.CharField(max_length=80, unique=True)  # æ, ø, å written ae, oe, aa
    written = models.CharField(max_length=40)  # as the first entry that used it wrote it
    lexeme = models.CharField(max_length=80)  # its stem, as the search index holds it
    initial = models.CharField(max_length=2)
    length = models.PositiveSmallIntegerField()
    entries = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["folded"]
        verbose_name = _("ord")
        verbose_name_plural = _("ord")
        indexes = [
            # search.suggest(): the candidates sharing the first letter, of about the same length.
            models.Index(fields=["initial", "length"], name="knowledge_word_initial_idx"),
            # search.suggest(): is a typed word an inflection of a known word (same stem)?
            models.Index(fields=["lexeme"], name="knowledge_word_lexeme_idx"),
        ]

    def __str__(self) -> str:
        return self.written


class Revision(models.Model):
    """The text of an article as one edit left it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("nummer"))
    kind = models.CharField(_("slags"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=200)
    summary = models.TextField(_("resumé"))
    body = models.TextField(_("tekst"), blank=True)
    note = models.CharField(_("bemærkning"), max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ændret af"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tidspunkt"), default=timezone.now)

    class Meta:
        ordering = ["article", "-number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisioner")
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="unique_revision_number"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} #{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("knowledge:revision_detail", args=[self.article_id, self.number])


class ArticleAttachment(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("fil"), upload_to="knowledge/%Y/%m/")
    original_name = models.CharField(_("filnavn"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    text = models.TextField(_("tekst fra filen"), blank=True, default="", editable=False)
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

    def get_absolute_url(self) -> str:
        return reverse("knowledge:attachment_download", args=[self.article_id, self.pk])
