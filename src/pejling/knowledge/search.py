"""Danish full-text search over the knowledge bank, one function for the pages and the API.

On PostgreSQL the stored ``search_vector`` (danish configuration over text with æ/ø/å folded to
ae/oe/aa; title A, summary B, body C, attachments D) is matched with a plain query, ranked with
``SearchRank`` and shown with ``SearchHeadline``. Elsewhere the stored ``search_tokens`` (the
same lexemes, positions and weights, see ``text.py``) are matched by substring and ranked in
Python with the same formula, so both give the same results in the same order.
"""

import difflib
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, QuerySet
from django.utils.html import escape
from django.utils.text import Truncator

from . import text as textlib
from .models import Article

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12


@dataclass
class SearchResult:
    query: str
    terms: list[str]
    rows: "Sequence[Article] | RankedRows"  # a queryset, RankedRows or a ranked list
    suggestion: str = ""
    ranks: dict[int, float] = field(default_factory=dict)

    @property
    def searching(self) -> bool:
        return bool(self.query)

    def snippets(self, articles: Sequence[Article]) -> dict[int, str]:
        """Safe HTML snippets (matches in <mark>) for the articles shown on one page."""
        return snippets_for(articles, self.query, self.terms)

    def titles(self, articles: Sequence[Article]) -> dict[int, str]:
        """Safe HTML titles with the matched words in <mark>."""
        return {a.pk: textlib.snippet(a.title, self.terms, max_words=200) for a in articles}


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def clean_query(query: str) -> str:
    """One line of at most MAX_QUERY_LENGTH characters, cut between words."""
    query = " ".join((query or "").split())
    if len(query) > MAX_QUERY_LENGTH:
        query = query[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0][:MAX_QUERY_LENGTH]
    return query


def search_articles(
    queryset: QuerySet[Article],
    query: str = "",
    *,
    kind: str = "",
    field: str = "",
    actor_kind: str = "",
) -> SearchResult:
    """Filter ``queryset`` (already limited to what the user may see) and rank by ``query``."""
    if kind:
        queryset = queryset.filter(kind=kind)
    if field:
        queryset = queryset.with_field(field)
    if actor_kind:
        queryset = queryset.with_actor_kind(actor_kind)
    query = clean_query(query)
    terms = textlib.query_terms(query)[:MAX_TERMS]
    if not terms:
        # Nothing typed lists everything; only stop words ('og i') find nothing.
        return SearchResult(query=query, terms=[], rows=queryset.none() if query else queryset)
    if uses_postgres():
        rows: Sequence[Article] | RankedRows = _search_postgres(queryset, terms)
        found = rows.exists()
    else:
        rows = _search_python(queryset, terms)
        found = bool(rows)
    suggestion = "" if found else suggest(queryset, query)
    return SearchResult(query=query, terms=terms, rows=rows, suggestion=suggestion)


class RankedRows:
    """Ranked matches that count without ranking: a paginator's count() is the bare match count,
    the page itself is read from the ranked query."""

    def __init__(self, ranked: QuerySet[Article], matches: QuerySet[Article]) -> None:
        self.ranked = ranked
        self.matches = matches

    def count(self) -> int:
        return self.matches.count()

    def exists(self) -> bool:
        return self.matches.exists()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        return self.ranked[index]

    def __iter__(self):
        return iter(self.ranked)

    def iterator(self, chunk_size: int = 2000):
        return self.ranked.iterator(chunk_size=chunk_size)


def _search_postgres(queryset: QuerySet[Article], terms: list[str]) -> RankedRows:
    query = SearchQuery(" ".join(terms), config="danish", search_type="plain")
    matches = queryset.filter(search_vector=query)
    ranked = (
        matches.annotate(rank=SearchRank(F("search_vector"), query))
        .select_related("author")
        .order_by("-rank", "-id")
    )
    return RankedRows(ranked, matches.order_by())


def _search_python(queryset: QuerySet[Article], terms: list[str]) -> list[Article]:
    for term in terms:
        queryset = queryset.filter(search_tokens__contains=f" {term}:")
    wanted = set(terms)
    ranked = []
    for article in queryset:
        article.rank = textlib.rank(textlib.decode_postings(article.search_tokens, wanted), terms)
        ranked.append(article)
    ranked.sort(key=lambda a: (-a.rank, -a.pk))
    return ranked


def _headline_query(query: str) -> SearchQuery:
    """Every typed word in its folded and its modern spelling; any of them is highlighted."""
    words: list[str] = []
    for token in re.findall(r"[^\W_]+", textlib.fold(query)):
        for variant in (token, textlib.unfold(token)):
            if variant not in words:
                words.append(variant)
    return SearchQuery(" | ".join(words) or "x", config="danish", search_type="raw")


def snippets_for(articles: Sequence[Article], query: str, terms: list[str]) -> dict[int, str]:
    if not terms:
        return {a.pk: escape(Truncator(a.summary).words(35)) for a in articles}
    if uses_postgres():
        rows = Article.objects.filter(pk__in=[a.pk for a in articles]).annotate(
            headline=SearchHeadline(
                "search_text",
                _headline_query(query),
                config="danish",
                start_sel=textlib.MARK_START,
                stop_sel=textlib.MARK_END,
                max_words=35,
                min_words=15,
            )
        )
        return {pk: textlib.marked_to_html(h) for pk, h in rows.values_list("pk", "headline")}
    return {a.pk: textlib.snippet(a.search_text, terms) for a in articles}


INDEX_VERSION_KEY = "knowledge:index-version"
VOCABULARY_SECONDS = 3600


def bump_index_version() -> None:
    """Tell cached vocabularies that an entry's words changed."""
    try:
        cache.incr(INDEX_VERSION_KEY)
    except ValueError:
        cache.set(INDEX_VERSION_KEY, 1, None)


def _vocabulary(queryset: QuerySet[Article]) -> dict[str, str]:
    """Folded word → word as written, in the entries of ``queryset``, cached per index version."""
    try:
        sql = str(queryset.query)
    except EmptyResultSet:
        return {}
    digest = hashlib.sha256(sql.encode()).hexdigest()[:32]
    key = f"knowledge:vocabulary:{cache.get(INDEX_VERSION_KEY, 0)}:{digest}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        vocabulary = {}
        for words in queryset.values_list("search_words", flat=True).iterator(chunk_size=2000):
            for word in words.split():
                vocabulary.setdefault(textlib.fold(word), word)
        cache.set(key, vocabulary, VOCABULARY_SECONDS)
    return vocabulary


def suggest(queryset: QuerySet[Article], query: str) -> str:
    """'Did you mean': the query with each unknown word replaced by the closest known word.

    Candidates share the first letter and are of about the same length, which keeps the
    comparison fast on a large vocabulary.
    """
    vocabulary = _vocabulary(queryset.order_by())
    if not vocabulary:
        return ""
    changed = False
    out: list[str] = []
    for word in query.split():
        folded = textlib.fold(word)
        lexes = [lx for lx in textlib.lexemes(word) if lx]
        if not lexes or folded in vocabulary:
            out.append(word)
            continue
        candidates = [
            known
            for known in vocabulary
            if known[:1] == folded[:1] and abs(len(known) - len(folded)) <= 3
        ]
        if any(textlib.lexemes(known)[0] in lexes for known in candidates):
            out.append(word)  # an inflection of a known word
            continue
        close = difflib.get_close_matches(folded, candidates, n=1, cutoff=0.75)
        if close:
            out.append(vocabulary[close[0]])
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else ""
