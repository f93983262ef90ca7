"""Changes to the knowledge bank: writing and revising entries, the review step, attachments and
turning a closed case into best practice. Each keeps the search index current."""

import io
import os
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F, Max, Value
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from pejling.audit import services as audit
from pejling.core import crud
from pejling.taskforce.models import Case, Status

from . import text as textlib
from .models import Article, ArticleAttachment, Kind, Revision, State, Word, join_choices
from .permissions import can_move, can_publish

# Attachment text beyond this many characters is not indexed.
MAX_INDEXED_ATTACHMENT_CHARS = 200_000

ATTACHMENT_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    ".txt": ("text/plain", ()),
}

REVISED_FIELDS = ("kind", "title", "summary", "body")


def max_attachment_bytes() -> int:
    return settings.PEJLING_KNOWLEDGE_ATTACHMENT_MAX_BYTES


# --- the search index ----------------------------------------------------------------------


def _index_parts(article: Article) -> list[tuple[str, str]]:
    attachments = "\n".join(article.attachments.values_list("text", flat=True))
    return [
        (article.title, "A"),
        (article.summary, "B"),
        (textlib.plain_text(article.body), "C"),
        (attachments[:MAX_INDEXED_ATTACHMENT_CHARS], "D"),
    ]


def _tsvector(parts: list[tuple[str, str]]):
    vector = None
    for part, weight in parts:
        piece = SearchVector(Value(textlib.fold(part)), config="danish", weight=weight)
        vector = piece if vector is None else vector + piece
    return vector


def reindex_article(*, article: Article, count_words: bool = True) -> None:
    """Rebuild the article's search index from its text and its attachments' text.

    ``count_words=False`` leaves the vocabulary alone, for a caller that rebuilds it after."""
    parts = _index_parts(article)
    postings = textlib.build_postings(parts)
    words = set()
    for part, _weight in parts[:3]:
        words |= textlib.vocabulary_words(part)
    body_text = parts[2][0]
    search_text = "\n".join(p for p in (article.summary, body_text) if p)
    changes: dict = {
        "search_tokens": textlib.encode_postings(postings),
        "search_words": " ".join(sorted(words)),
        "search_text": search_text,
    }
    if connection.vendor == "postgresql":
        changes["search_vector"] = _tsvector(parts)
        changes["search_head"] = _tsvector(parts[:2])
    if not count_words:
        Article.objects.filter(pk=article.pk).update(**changes)
        return
    with transaction.atomic():
        before = (
            Article.objects.select_for_update()
            .filter(pk=article.pk)
            .values_list("search_words", flat=True)
            .first()
        )
        Article.objects.filter(pk=article.pk).update(**changes)
        _count_words(old=(before or "").split(), new=words)


def reindex_all() -> int:
    """Rebuild every entry's search index, then count the vocabulary once (after an upgrade of
    the search rules or a move of the data). Returns the number of entries reindexed."""
    count = 0
    for article in Article.objects.order_by("pk").iterator(chunk_size=500):
        reindex_article(article=article, count_words=False)
        count += 1
    rebuild_vocabulary()
    return count


# --- the vocabulary for "did you mean" -------------------------------------------------------


def _folded_words(words: Iterable[str]) -> dict[str, str]:
    """Folded word → the word as written (the first spelling met)."""
    out: dict[str, str] = {}
    for word in sorted(words):
        out.setdefault(textlib.fold(word), word)
    return out


def _new_word(folded: str, written: str, entries: int) -> Word:
    lexeme = next((lx for lx in textlib.lexemes(folded) if lx), "")
    return Word(
        folded=folded,
        written=written,
        lexeme=lexeme,
        initial=folded[:1],
        length=len(folded),
        entries=entries,
    )


def _count_words(*, old: Iterable[str], new: Iterable[str]) -> None:
    """Count an entry's words in the vocabulary after its text changed from ``old`` to ``new``."""
    before, after = _folded_words(old), _folded_words(new)
    added = {f: w for f, w in after.items() if f not in before}
    removed = [f for f in before if f not in after]
    if added:
        Word.objects.bulk_create(
            [_new_word(f, w, 0) for f, w in added.items()], ignore_conflicts=True
        )
        Word.objects.filter(folded__in=added).update(entries=F("entries") + 1)
    if removed:
        Word.objects.filter(folded__in=removed, entries__gt=0).update(entries=F("entries") - 1)
        Word.objects.filter(folded__in=removed, entries__lte=0).delete()


@transaction.atomic
def rebuild_vocabulary() -> int:
    """Count every entry's words afresh (after a bulk load or a change of the rules)."""
    counts: dict[str, int] = {}
    spelled: dict[str, str] = {}
    stored = Article.objects.order_by("pk").values_list("search_words", flat=True)
    for words in stored.iterator(chunk_size=2000):
        for folded, written in _folded_words(words.split()).items():
            counts[folded] = counts.get(folded, 0) + 1
            spelled.setdefault(folded, written)
    Word.objects.all().delete()
    Word.objects.bulk_create(
        [_new_word(f, spelled[f], n) for f, n in counts.items()], batch_size=2000
    )
    return len(counts)


# --- writing -------------------------------------------------------------------------------


def _add_revision(*, actor, article: Article, note: str = "") -> Revision:
    last = article.revisions.aggregate(last=Max("number"))["last"] or 0
    return Revision.objects.create(
        article=article,
        number=last + 1,
        kind=article.kind,
        title=article.title,
        summary=article.summary,
        body=article.body,
        note=note[:300],
        author=actor if getattr(actor, "pk", None) else None,
    )


def create_article(
    *,
    actor,
    title: str,
    summary: str,
    body: str = "",
    kind: str = Kind.BEST_PRACTICE,
    fields: Iterable[str] = (),
    actor_kinds: Iterable[str] = (),
    goals: Iterable = (),
    guideposts: Iterable = (),
    cases: Iterable = (),
    source_case: Case | None = None,
    note: str = "",
) -> Article:
    """A new draft by ``actor``, with its first revision."""
    article = Article(
        kind=kind,
        title=title.strip(),
        summary=summary.strip(),
        body=body.strip(),
        fields=join_choices(fields),
        actor_kinds=join_choices(actor_kinds),
        author=actor,
        source_case=source_case,
        state=State.DRAFT,
    )
    with transaction.atomic():
        crud.create(
            actor=actor,
            instance=article,
            m2m={"goals": list(goals), "guideposts": list(guideposts), "cases": list(cases)},
        )
        _add_revision(actor=actor, article=article, note=note or _("Oprettet"))
        reindex_article(article=article)
    return article


def update_article(
    *,
    actor,
    article: Article,
    note: str = "",
    goals: Iterable | None = None,
    guideposts: Iterable | None = None,
    cases: Iterable | None = None,
    **changes,
) -> Article:
    """Apply changes; any actual change adds a revision."""
    if "fields" in changes and not isinstance(changes["fields"], str):
        changes["fields"] = join_choices(changes["fields"])
    if "actor_kinds" in changes and not isinstance(changes["actor_kinds"], str):
        changes["actor_kinds"] = join_choices(changes["actor_kinds"])
    for name in ("title", "summary", "body"):
        if name in changes:
            changes[name] = changes[name].strip()
    m2m = {
        name: list(values)
        for name, values in (("goals", goals), ("guideposts", guideposts), ("cases", cases))
        if values is not None
    }
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        # Every edit that changes anything is a revision (the text as it now stands).
        edited = any(getattr(article, name) != value for name, value in changes.items()) or any(
            {o.pk for o in getattr(article, name).all()} != {o.pk for o in values}
            for name, values in m2m.items()
        )
        changes["updated_at"] = timezone.now()
        crud.update(actor=actor, instance=article, changes=changes, m2m=m2m)
        if edited or not article.revisions.exists():
            _add_revision(actor=actor, article=article, note=note)
        reindex_article(article=article)
    return article


def restore_revision(*, actor, article: Article, revision: Revision) -> Article:
    """Bring back an earlier text; the restore is itself a new revision."""
    if revision.article_id != article.pk:
        raise ValidationError(_("Revisionen hører ikke til dette opslag."))
    return update_article(
        actor=actor,
        article=article,
        note=_("Gendannet fra revision %(number)s") % {"number": revision.number},
        **{name: getattr(revision, name) for name in REVISED_FIELDS},
    )


def move_article(*, actor, article: Article, state: str) -> Article:
    """Take the review step: submit, send back, approve and publish, archive, reopen."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if state in article.allowed_transitions() and not can_move(actor, article, state):
            raise PermissionDenied
        before = audit.snapshot(article)
        article.transition_to(state)
        if state == State.PUBLISHED:
            article.reviewed_by = actor
        article.updated_at = timezone.now()
        article.full_clean()
        article.save()
        audit.record_update(article, before=before, actor=actor)
    return article


def set_public(*, actor, article: Article, is_public: bool) -> Article:
    """Mark a published entry readable without login, or take it back."""
    if not can_publish(actor):
        raise PermissionDenied
    if is_public and article.state != State.PUBLISHED:
        raise ValidationError(_("Kun udgivne opslag kan gøres offentlige."))
    return crud.update(actor=actor, instance=article, changes={"is_public": is_public})


# --- attachments ---------------------------------------------------------------------------


def extract_text(data: bytes, extension: str) -> str:
    """The text of a PDF, DOCX, ODT or TXT file; an unreadable file gives no text, not an error."""
    try:
        if extension == ".pdf":
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(data))
            return "\n".join((page.extract_text() or "") for page in reader.pages[:200])
        if extension == ".docx":
            import docx

            document = docx.Document(io.BytesIO(data))
            return "\n".join(p.text for p in document.paragraphs)
        if extension == ".odt":
            return _odt_text(data)
        if extension == ".txt":
            return data.decode("utf-8", errors="replace")
    except Exception:
        return ""
    return ""


MAX_ODT_CONTENT_BYTES = 20 * 1024 * 1024


def _odt_text(data: bytes) -> str:
    """The paragraphs of an OpenDocument text (content.xml), refusing oversized content."""
    import zipfile
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("content.xml")
        if info.file_size > MAX_ODT_CONTENT_BYTES:
            return ""
        # Expat fetches no external entities and (2.4+) caps entity expansion.
        root = ElementTree.fromstring(archive.read(info))  # noqa: S314
    text_ns = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    paragraphs = root.iter(f"{text_ns}p")
    return "\n".join("".join(p.itertext()) for p in paragraphs)


def add_attachment(*, actor, article: Article, upload) -> ArticleAttachment:
    """Store an uploaded file under a random name, extract its text and index it."""
    original = os.path.basename((upload.name or "").replace("\\", "/"))
    original = "".join(ch for ch in original if ch.isprintable()).strip()[:200]
    extension = os.path.splitext(original)[1].lower()
    if extension not in ATTACHMENT_TYPES:
        raise ValidationError(
            {"file": _("Filtypen er ikke tilladt. Vedhæft PDF, DOCX, ODT eller TXT.")}
        )
    if not upload.size:
        raise ValidationError({"file": _("Filen er tom.")})
    limit = max_attachment_bytes()
    if upload.size > limit:
        raise ValidationError(
            {
                "file": _("Filen er for stor. Den må højst fylde %(size)s.")
                % {"size": filesizeformat(limit)}
            }
        )
    content_type, signatures = ATTACHMENT_TYPES[extension]
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if signatures and not any(data.startswith(s) for s in signatures):
        raise ValidationError(
            {"file": _("Filens indhold passer ikke til filtypen %(ext)s.") % {"ext": extension}}
        )
    if extension == ".txt":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError({"file": _("Tekstfilen skal være gemt som UTF-8.")}) from None
        if b"\x00" in data:
            raise ValidationError(
                {"file": _("Filens indhold passer ikke til filtypen %(ext)s.") % {"ext": extension}}
            )
    attachment = ArticleAttachment(
        article=article,
        original_name=original,
        content_type=content_type,
        size=upload.size,
        text=extract_text(data, extension),
        uploaded_by=actor,
    )
    attachment.file.save(f"{secrets.token_hex(16)}{extension}", upload, save=False)
    try:
        with transaction.atomic():
            crud.create(actor=actor, instance=attachment)
            reindex_article(article=article)
    except Exception:
        attachment.file.delete(save=False)
        raise
    return attachment


def remove_attachment(*, actor, attachment: ArticleAttachment) -> None:
    article = attachment.article
    with transaction.atomic():
        crud.delete(actor=actor, instance=attachment)
        reindex_article(article=article)
    attachment.file.delete(save=False)


# --- from case to knowledge ----------------------------------------------------------------


def case_draft_text(case: Case) -> tuple[str, str]:
    """(summary, Markdown body) prefilled from a case's problem, activities and outcome."""
    summary = case.best_practice_draft.strip() or case.description.strip()
    lines = [f"## {_('Problemet')}", "", case.description.strip(), ""]
    activities = list(case.activities.all())
    if activities:
        lines += [f"## {_('Det gjorde vi')}", ""]
        for activity in activities:
            line = f"- {activity.get_kind_display()} ({activity.date:%d.%m.%Y})"
            if activity.notes.strip():
                line += f": {' '.join(activity.notes.split())}"
            lines.append(line)
        lines.append("")
    if case.outcome_id or case.outcome_text.strip():
        lines += [f"## {_('Resultatet')}", ""]
        if case.outcome_id:
            lines.append(f"**{case.outcome}**")
            lines.append("")
        if case.outcome_text.strip():
            lines += [case.outcome_text.strip(), ""]
    if case.best_practice_draft.strip():
        lines += [f"## {_('Det kan andre lære')}", "", case.best_practice_draft.strip(), ""]
    return summary, "\n".join(lines).strip()


def article_from_case(*, actor, case: Case) -> Article:
    """A best-practice draft built from a closed case and linked back to it."""
    if case.status != Status.CLOSED:
        raise ValidationError(_("Kun afsluttede sager kan blive til god praksis."))
    summary, body = case_draft_text(case)
    return create_article(
        actor=actor,
        kind=Kind.BEST_PRACTICE,
        title=case.title,
        summary=summary,
        body=body,
        fields=[case.field],
        actor_kinds=[case.actor_kind],
        goals=case.goals.all(),
        guideposts=case.guideposts.all(),
        cases=[case],
        source_case=case,
        note=_("Oprettet fra sag %(reference)s") % {"reference": case.reference},
    )
