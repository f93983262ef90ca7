"""Danish text for the knowledge bank: safe Markdown, and the normalised, weighted tokens the
search index is built from.

The tokens follow PostgreSQL's ``danish`` text-search configuration (its parser's words and
positions, its stop list, the Snowball Danish stemmer), applied to text where æ, ø and å are
folded to ae, oe and aa. PostgreSQL gets the same folded text, so both databases index the same
lexemes at the same positions and rank them alike.
"""

import functools
import html
import re
import struct
from dataclasses import dataclass

import nh3
import snowballstemmer
from markdown_it import MarkdownIt

# PostgreSQL's tsearch_data/danish.stop (the Snowball list), checked against folded words as
# PostgreSQL does when it receives folded text.
STOP_WORDS = frozenset(
    [
        "og",
        "i",
        "jeg",
        "det",
        "at",
        "en",
        "den",
        "til",
        "er",
        "som",
        "på",
        "de",
        "med",
        "han",
        "af",
        "for",
        "ikke",
        "der",
        "var",
        "mig",
        "sig",
        "men",
        "et",
        "har",
        "om",
        "vi",
        "min",
        "havde",
        "ham",
        "hun",
        "nu",
        "over",
        "da",
        "fra",
        "du",
        "ud",
        "sin",
        "dem",
        "os",
        "op",
        "man",
        "hans",
        "hvor",
        "eller",
        "hvad",
        "skal",
        "selv",
        "her",
        "alle",
        "vil",
        "blev",
        "kunne",
        "ind",
        "når",
        "være",
        "dog",
        "noget",
        "ville",
        "jo",
        "deres",
        "efter",
        "ned",
        "skulle",
        "denne",
        "end",
        "dette",
        "mit",
        "også",
        "under",
        "have",
        "dig",
        "anden",
        "hende",
        "mine",
        "alt",
        "meget",
        "sit",
        "sine",
        "vor",
        "mod",
        "disse",
        "hvis",
        "din",
        "nogle",
        "hos",
        "blive",
        "mange",
        "ad",
        "bliver",
        "hendes",
        "været",
        "thi",
        "jer",
        "sådan",
    ]
)

# ts_rank's default weights, by label.
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}
MAX_POSITION = 16383  # PostgreSQL clamps positions here
MAX_POSITIONS_PER_LEXEME = 256  # and keeps at most this many positions of one lexeme

_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe"})
_UNFOLD = (("aa", "å"), ("oe", "ø"), ("ae", "æ"))
_WORDS = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_HIGHLIGHT_MARKS = re.compile("[\u27e6\u27e7]")
_stemmer = snowballstemmer.stemmer("danish")

# Markdown: no raw HTML, then sanitised again; links only to http(s) and mail.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote",
    "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


def render_markdown(source: str) -> str:
    """Markdown as sanitised HTML: no scripts, frames, event handlers or javascript: links."""
    raw = _markdown.render(source or "")
    return nh3.clean(
        raw,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "th": {"align"}, "td": {"align"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def plain_text(markdown_source: str) -> str:
    """The words of a Markdown text without markup, for the index and for snippets."""
    text = nh3.clean(render_markdown(markdown_source), tags=set())
    text = html.unescape(text)
    return re.sub(r"[ \t]*\n\s*", "\n", _HIGHLIGHT_MARKS.sub("", text)).strip()


def fold(text: str) -> str:
    """Lower case with æ, ø, å (and ä, ö) written ae, oe, aa, as old spellings do."""
    return text.lower().translate(_FOLD)


def unfold(word: str) -> str:
    """The likely modern spelling of a folded word ('aarhus' → 'århus')."""
    for old, new in _UNFOLD:
        word = word.replace(old, new)
    return word


@functools.lru_cache(maxsize=65536)  # the same words come back in every title and snippet
def _lexeme(token: str) -> str | None:
    """The lexeme PostgreSQL's danish configuration makes of one folded token, or None."""
    if any(ch.isdigit() for ch in token):
        return token  # numbers and words with digits go through the 'simple' dictionary
    if token in STOP_WORDS:
        return None
    return _stemmer.stemWord(token)


def _tokens(folded: str) -> list[str]:
    """The parser's tokens in position order: a hyphenated word, then each of its parts."""
    out: list[str] = []
    for match in _WORDS.finditer(folded):
        word = match.group(0)
        if "-" in word:
            out.append(word)
            out.extend(word.split("-"))
        else:
            out.append(word)
    return out


def lexemes(text: str) -> list[str | None]:
    """One entry per position (None where a stop word holds the position)."""
    return [_lexeme(t) for t in _tokens(fold(text))]


def query_terms(query: str) -> list[str]:
    """The distinct lexemes of a search query, in the order typed."""
    seen: list[str] = []
    for lexeme in lexemes(query):
        if lexeme and lexeme not in seen:
            seen.append(lexeme)
    return seen


@dataclass(frozen=True)
class Posting:
    position: int
    weight: str


def build_postings(parts: list[tuple[str, str]]) -> dict[str, list[Posting]]:
    """Lexeme → postings for ``(text, weight)`` parts, as ``setweight(...) || ...`` gives."""
    postings: dict[str, list[Posting]] = {}
    offset = 0
    for text, weight in parts:
        top = 0
        for index, lexeme in enumerate(lexemes(text), start=1):
            if lexeme is None:
                continue
            position = min(index + offset, MAX_POSITION)
            top = max(top, index)
            entries = postings.setdefault(lexeme, [])
            if len(entries) < MAX_POSITIONS_PER_LEXEME and (
                not entries or entries[-1].position != position
            ):
                entries.append(Posting(position, weight))
        offset += top  # the next vector is shifted by this one's highest position
    return postings


def encode_postings(postings: dict[str, list[Posting]]) -> str:
    """' lexeme:A1,A5 other:C9 ' — searchable with a plain substring match on any database."""
    items = [
        f"{lexeme}:{','.join(f'{p.weight}{p.position}' for p in entries)}"
        for lexeme, entries in sorted(postings.items())
    ]
    return f" {' '.join(items)} " if items else ""


def decode_postings(encoded: str, wanted: set[str]) -> dict[str, list[Posting]]:
    out: dict[str, list[Posting]] = {}
    for item in encoded.split():
        lexeme, _, rest = item.rpartition(":")
        if lexeme in wanted:
            out[lexeme] = [Posting(int(p[1:]), p[0]) for p in rest.split(",")]
    return out


def _float4(value: float) -> float:
    return struct.unpack("f", struct.pack("f", value))[0]


def _word_distance(distance: int) -> float:
    import math

    if distance > 100:
        return 1e-30
    return 1.0 / (1.005 + 0.05 * math.exp(distance / 1.5 - 2))


def rank(postings: dict[str, list[Posting]], terms: list[str]) -> float:
    """PostgreSQL's ts_rank (default weights, no normalisation) for an AND query of ``terms``."""
    terms = sorted(set(terms))
    if len(terms) < 2:
        return _float4(_rank_or(postings, terms))
    result = -1.0
    seen: list[list[Posting]] = []
    for term in terms:
        mine = postings.get(term)
        if not mine:
            continue
        for other in seen:
            for a in mine:
                for b in other:
                    distance = abs(a.position - b.position)
                    if not distance:
                        continue
                    current = (
                        WEIGHTS[a.weight] * WEIGHTS[b.weight] * _word_distance(distance)
                    ) ** 0.5
                    result = current if result < 0 else 1.0 - (1.0 - result) * (1.0 - current)
        seen.append(mine)
    return _float4(result if result >= 0 else 1e-20)


def _rank_or(postings: dict[str, list[Posting]], terms: list[str]) -> float:
    result = 0.0
    for term in terms:
        entries = postings.get(term)
        if not entries:
            continue
        total, best, best_at = 0.0, -1.0, 0
        for j, posting in enumerate(entries):
            weight = WEIGHTS[posting.weight]
            total += weight / ((j + 1) * (j + 1))
            if weight > best:
                best, best_at = weight, j
        result += (best + total - best / ((best_at + 1) * (best_at + 1))) / 1.64493406685
    return result / len(terms) if terms else 0.0


def vocabulary_words(text: str) -> set[str]:
    """Distinct lower-case words of four letters or more, for 'did you mean'."""
    return {
        w for w in re.findall(r"[^\W\d_]{4,}", text.lower()) if w not in STOP_WORDS and len(w) < 40
    }


# Marks that PostgreSQL's headline puts around matches; the text is escaped afterwards.
MARK_START = "\u27e6"
MARK_END = "\u27e7"


def marked_to_html(marked: str) -> str:
    """Escape a snippet and turn the match marks into <mark> elements."""
    escaped = html.escape(marked)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def snippet(text: str, terms: list[str], *, max_words: int = 35) -> str:
    """A window of ``text`` around the first match, with matches marked, as safe HTML."""
    wanted = set(terms)
    pieces = re.split(r"(\s+)", text.strip())
    words = [p for p in pieces if p and not p.isspace()]
    hits = []
    for word in words:
        lexes = {lx for lx in lexemes(word) if lx}
        hits.append(bool(lexes & wanted))
    if not words:
        return ""
    first = hits.index(True) if any(hits) else 0
    start = max(0, first - max_words // 3)
    end = min(len(words), start + max_words)
    out = []
    for word, hit in zip(words[start:end], hits[start:end], strict=True):
        out.append(f"{MARK_START}{word}{MARK_END}" if hit else word)
    marked = " ".join(out)
    if start > 0:
        marked = "… " + marked
    if end < len(words):
        marked += " …"
    return marked_to_html(marked)
