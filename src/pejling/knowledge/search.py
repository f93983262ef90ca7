"""Danish full-text search over the knowledge bank, one function for the pages and the API.

On PostgreSQL the stored ``search_vector`` (danish configuration over text with æ/ø/å folded to
ae/oe/aa; title A, summary B, body C, attachments D) is matched with a plain query, ranked with
``SearchRank`` and shown with ``SearchHeadline``. Elsewhere the stored ``search_tokens`` (the
same lexemes, positions and weights, see ``text.py``) are matched by substring and ranked in
Python with the same formula, so both give the same results in the same order.

On a large bank PostgreSQL cuts a page of a one-word search without ranking every match (see
``RankedRows``), counts through the GIN index, and makes headlines for the shown page only.
"Did you mean" reads the stored vocabulary (``Word``) that the services keep current.
"""

import difflib
import re
import threading
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import F, Q, QuerySet
from django.utils.html import escape
from django.utils.text import Truncator

from . import text as textlib
from .models import Article, Word

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
        found = rows.count() > 0  # the paginator asks for the same count
    else:
        rows = _search_python(queryset, terms)
        found = bool(rows)
    suggestion = "" if found else suggest(queryset, query)
    return SearchResult(query=query, terms=terms, rows=rows, suggestion=suggestion)


# ts_rank of one word sums weight/(j+1)² over its occurrences j = 0, 1, … in position order.
# The title (A) and summary (B) come before the text (C) and attachments (D), so an entry's rank
# is its rank over search_head plus at most what text occurrences can add: 0.2·(π²/6 − 1)/(π²/6)
# when the word is in the title or summary (it then holds j = 0), 0.2 when it is not.
TAIL_AFTER_HEAD = 0.0785
TAIL_WITHOUT_HEAD = 0.2001


_scans = threading.local()


@contextmanager
def index_scans():
    """Let PostgreSQL find matches through the GIN indexes, never by reading every vector.

    The planner prices a sequential scan of ``@@`` as cheap, but each row's vector is stored
    out of line (TOAST) and must be fetched and decompressed: ten times slower on a large bank.
    A page wraps its whole search (count, page, snippets) in one such block: the nested blocks
    of the steps then cost nothing. The setting ends with the transaction; inside an outer one
    it is put back. Elsewhere this does nothing.
    """
    if getattr(_scans, "active", False) or not uses_postgres():
        yield
        return
    outer = connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        _scans.active = True
        try:
            yield
        finally:
            _scans.active = False
        if outer:
            cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")


class RankedRows:
    """Ranked matches that count without ranking: a paginator's count() is the bare match count,
    the page itself is read from the ranked query.

    For a one-word query a page is cut without ranking every match: the small title-and-summary
    vector (``search_head``, own GIN index) is ranked first, and only the entries whose full
    rank can still reach the page are ranked over the whole vector. This gives exactly the
    order that ranking every match gives."""

    def __init__(self, queryset: QuerySet[Article], query: SearchQuery, terms: list[str]) -> None:
        self.queryset = queryset.order_by()
        self.matches = self.queryset.filter(search_vector=query)
        self.query = query
        self.terms = terms
        self._count: int | None = None

    @property
    def ranked(self) -> QuerySet[Article]:
        return self._ranked(self.matches)

    def _ranked(self, matches: QuerySet[Article]) -> QuerySet[Article]:
        return (
            matches.annotate(rank=SearchRank(F("search_vector"), self.query))
            .select_related("author")
            .defer("search_vector", "search_head", "search_tokens", "search_words")
            .order_by("-rank", "-id")
        )

    def count(self) -> int:
        if self._count is None:
            with index_scans():
                self._count = self.matches.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice) and index.stop is not None:
            with index_scans():
                if len(self.terms) == 1:
                    return self._page(index.start or 0, index.stop)
                return list(self.ranked[index])
        return self.ranked[index]

    def _page(self, start: int, stop: int) -> list[Article]:
        if stop <= start:
            return []
        head = SearchRank(F("search_head"), self.query)
        in_head = self.queryset.filter(search_head=self.query).annotate(head=head)
        nth = list(in_head.order_by("-head").values_list("head", flat=True)[stop - 1 : stop])
        if not nth or nth[0] < TAIL_WITHOUT_HEAD:
            # Too few entries have the word in their title or summary to tell: rank them all.
            return list(self.ranked[start:stop])
        # At least ``stop`` entries rank at least nth[0]. An entry whose head ranks below
        # nth[0] - TAIL_AFTER_HEAD, or without the word in its head (≤ 0.2), cannot reach them.
        reach = in_head.filter(head__gte=nth[0] - TAIL_AFTER_HEAD)
        return list(self._ranked(reach)[start:stop])

    def __iter__(self):
        return iter(self.ranked)


def _search_postgres(queryset: QuerySet[Article], terms: list[str]) -> RankedRows:
    query = SearchQuery(" ".join(terms), config="danish", search_type="plain")
    return RankedRows(queryset, query, terms)


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


def _visible_with(queryset: QuerySet[Article], lexemes: set[str]) -> bool:
    """Does an entry of ``queryset`` hold one of ``lexemes`` in its search index?"""
    if uses_postgres():
        raw = " | ".join(f"'{lx}'" for lx in sorted(lexemes))
        found = SearchQuery(raw, config="simple", search_type="raw")
        with index_scans():
            return queryset.filter(search_vector=found).exists()
    condition = Q()
    for lexeme in lexemes:
        condition |= Q(search_tokens__contains=f" {lexeme}:")
    return queryset.filter(condition).exists()


def _close_words(folded: str, candidates: list[tuple[str, str, str]], cutoff: float = 0.75):
    """``candidates`` at least ``cutoff`` alike, best first, as difflib.get_close_matches ranks."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(folded)
    scored = []
    for candidate in candidates:
        matcher.set_seq1(candidate[0])
        if (
            matcher.real_quick_ratio() >= cutoff
            and matcher.quick_ratio() >= cutoff
            and matcher.ratio() >= cutoff
        ):
            scored.append((matcher.ratio(), candidate))
    scored.sort(reverse=True)
    return [candidate for _score, candidate in scored]


def suggest(queryset: QuerySet[Article], query: str) -> str:
    """'Did you mean': the query with each unknown word replaced by the closest known word.

    Known words come from the stored vocabulary (``Word``, kept by the services); a word counts
    only if an entry of ``queryset`` (what the user may see) holds it. Candidates share the
    first letter and are of about the same length.
    """
    queryset = queryset.order_by()
    changed = False
    out: list[str] = []
    for word in query.split():
        folded = textlib.fold(word)
        lexes = [lx for lx in textlib.lexemes(word) if lx]
        if not lexes or not folded:
            out.append(word)
            continue
        candidates = list(
            Word.objects.filter(
                initial=folded[:1], length__gte=len(folded) - 3, length__lte=len(folded) + 3
            ).values_list("folded", "written", "lexeme")
        )
        same = {lexeme for _f, _w, lexeme in candidates if lexeme in lexes}
        if same and _visible_with(queryset, same):
            out.append(word)  # the word itself or an inflection of a known word
            continue
        for _folded, written, lexeme in _close_words(folded, candidates):
            if lexeme and _visible_with(queryset, {lexeme}):
                out.append(written)
                changed = True
                break
        else:
            out.append(word)
    return " ".join(out) if changed else ""
