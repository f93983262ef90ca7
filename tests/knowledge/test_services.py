"""The knowledge bank's services: revisions, the review step, markdown, attachments, cases."""

from datetime import time
from html.parser import HTMLParser

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from pejling.audit.models import AuditEvent
from pejling.knowledge import services
from pejling.knowledge.models import Article, IllegalTransition, Revision, State
from pejling.knowledge.search import search_articles
from pejling.knowledge.text import render_markdown
from pejling.taskforce import services as case_services
from pejling.taskforce.models import ActivityKind, OutcomeKind
from tests.knowledge.support import docx_bytes, draft, odt_bytes, pdf_bytes, published
from tests.taskforce.test_work_support import open_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_a_new_entry_is_a_draft_with_its_first_revision_and_audit(cast):
    article = draft(cast.advisor, fields=["education"], actor_kinds=["school"])
    assert article.state == State.DRAFT
    assert article.author == cast.advisor
    assert article.fields == ",education,"
    assert article.field_list == ["education"]
    assert list(article.revisions.values_list("number", flat=True)) == [1]
    assert AuditEvent.objects.for_object(article).count() == 1


def test_every_edit_of_the_text_is_a_revision_and_restore_is_one_more(cast):
    article = draft(cast.advisor)
    services.update_article(actor=cast.advisor, article=article, title="Ny titel", note="Kortere")
    services.update_article(actor=cast.advisor, article=article, fields=["housing"])
    services.update_article(actor=cast.advisor, article=article, fields=["housing"])
    assert article.revisions.count() == 3  # the last call changed nothing
    first = article.revisions.get(number=1)
    services.restore_revision(actor=cast.advisor, article=article, revision=first)
    article.refresh_from_db()
    assert article.title == "Forældremøder med tolk"
    newest = article.revisions.first()
    assert newest.number == 4
    assert "Gendannet fra revision 1" in newest.note


def test_review_flow_and_who_may_take_each_step(cast):
    article = draft(cast.advisor)
    services.move_article(actor=cast.advisor, article=article, state=State.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        services.move_article(actor=cast.advisor, article=article, state=State.PUBLISHED)
    article = services.move_article(actor=cast.coordinator, article=article, state=State.PUBLISHED)
    assert article.published_at is not None
    assert article.reviewed_by == cast.coordinator
    article = services.move_article(actor=cast.coordinator, article=article, state=State.ARCHIVED)
    assert article.state == State.ARCHIVED


def test_illegal_moves_are_refused(cast):
    article = draft(cast.advisor)
    with pytest.raises(IllegalTransition):
        services.move_article(actor=cast.coordinator, article=article, state=State.PUBLISHED)
    with pytest.raises(IllegalTransition):
        article.transition_to(State.ARCHIVED)


def test_only_published_entries_can_be_public_and_archiving_hides_them(cast):
    article = draft(cast.advisor)
    with pytest.raises(ValidationError):
        services.set_public(actor=cast.coordinator, article=article, is_public=True)
    article = published(cast, public=True)
    assert article.is_publicly_readable
    article = services.move_article(actor=cast.coordinator, article=article, state=State.ARCHIVED)
    assert not article.is_public
    with pytest.raises(PermissionDenied):
        services.set_public(actor=cast.advisor, article=article, is_public=False)


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list = []

    def handle_starttag(self, tag, attrs) -> None:
        self.found.append((tag, attrs))


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        '<iframe src="https://example.org"></iframe>',
        "[klik](javascript:alert(1))",
        '<a href="javascript:alert(1)" onclick="x()">klik</a>',
        "![x](javascript:alert(1))",
    ],
)
def test_markdown_is_rendered_harmless(source):
    elements = Elements()
    elements.feed(render_markdown(source))
    assert not {"script", "iframe", "img"} & {tag for tag, _attrs in elements.found}
    for _tag, attrs in elements.found:
        for name, value in attrs:
            assert not name.startswith("on")
            assert "javascript" not in (value or "")


def test_markdown_keeps_ordinary_formatting():
    rendered = render_markdown("## Overskrift\n\n**fed** og [link](https://kk.dk)")
    assert "<h2>Overskrift</h2>" in rendered
    assert "<strong>fed</strong>" in rendered
    assert 'href="https://kk.dk"' in rendered
    assert 'rel="noopener noreferrer"' in rendered


@pytest.mark.parametrize(
    ("name", "content", "word"),
    [
        ("Vejledning.docx", docx_bytes("Tolkebistand ved skolestart"), "tolkebistand"),
        ("Referat.pdf", pdf_bytes("Modersmaalsundervisning i praksis"), "modersmålsundervisning"),
        ("Noter.txt", "Lektiecafé for tosprogede".encode(), "lektiecafé"),
        ("Plan.odt", odt_bytes("Sommerskole for nyankomne"), "sommerskolen"),
    ],
)
def test_attachment_text_is_extracted_and_searchable(cast, name, content, word):
    article = draft(cast.advisor)
    attachment = services.add_attachment(
        actor=cast.advisor, article=article, upload=SimpleUploadedFile(name, content)
    )
    assert attachment.text
    assert attachment.file.name.startswith("knowledge/")
    assert name not in attachment.file.name
    assert list(search_articles(Article.objects.all(), word).rows) == [article]
    services.remove_attachment(actor=cast.advisor, attachment=attachment)
    assert list(search_articles(Article.objects.all(), word).rows) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "Filtypen er ikke tilladt"),
        ("plakat.png", b"\x89PNG\r\n\x1a\n", "Filtypen er ikke tilladt"),
        ("rapport.pdf", b"<html>not a pdf</html>", "passer ikke til filtypen .pdf"),
        ("tom.txt", b"", "Filen er tom"),
        ("binær.txt", b"\xff\xfe\x00\x00", "UTF-8"),
    ],
)
def test_unwanted_attachments_are_refused_and_nothing_is_stored(
    cast, media, name, content, message
):
    article = draft(cast.advisor)
    with pytest.raises(ValidationError) as error:
        services.add_attachment(
            actor=cast.advisor, article=article, upload=SimpleUploadedFile(name, content)
        )
    assert message in str(error.value)
    assert article.attachments.count() == 0
    assert not [p for p in media.rglob("*") if p.is_file()] if media.exists() else True


def test_attachment_size_limit(cast, settings):
    settings.PEJLING_KNOWLEDGE_ATTACHMENT_MAX_BYTES = 1024
    article = draft(cast.advisor)
    with pytest.raises(ValidationError, match="for stor"):
        services.add_attachment(
            actor=cast.advisor,
            article=article,
            upload=SimpleUploadedFile("lang.txt", b"a" * 2048),
        )


def test_attachment_name_is_made_safe(cast):
    article = draft(cast.advisor)
    attachment = services.add_attachment(
        actor=cast.advisor,
        article=article,
        upload=SimpleUploadedFile("../../etc/\x00noter.txt", b"tekst"),
    )
    assert attachment.original_name == "noter.txt"


def test_a_closed_case_becomes_a_linked_best_practice_draft(cast):
    case = open_case(coordinator=cast.coordinator, advisor=cast.advisor)
    case_services.add_activity(
        actor=cast.advisor,
        case=case,
        kind=ActivityKind.ADVICE,
        advisor=cast.advisor,
        date=case.received_at.date(),
        starts_at=time(9),
        ends_at=time(11),
        place="Valby Skole",
        participants=8,
        notes="Møde med lærerne om skole-hjem-samtaler.",
    )
    outcome = OutcomeKind.objects.first()
    case = case_services.close(
        actor=cast.advisor, case=case, outcome=outcome, text="Flere forældre kom til samtalerne."
    )
    article = services.article_from_case(actor=cast.advisor, case=case)
    assert article.state == State.DRAFT
    assert article.source_case == case
    assert list(article.cases.all()) == [case]
    assert article.title == case.title
    assert "Forældrene til de nye elever" in article.body
    assert "Rådgivning" in article.body
    assert "Møde med lærerne" in article.body
    assert "Flere forældre kom til samtalerne." in article.body
    assert article.field_list == [case.field]
    assert Revision.objects.filter(article=article).count() == 1


def test_an_open_case_cannot_become_best_practice(cast):
    case = open_case(coordinator=cast.coordinator, advisor=cast.advisor)
    with pytest.raises(ValidationError, match="afsluttede"):
        services.article_from_case(actor=cast.advisor, case=case)
    assert Article.objects.count() == 0


def test_reindex_command_rebuilds_a_lost_index(cast):
    from io import StringIO

    from django.core.management import call_command

    article = published(cast, title="Lektiehjælp i biblioteket")
    Article.objects.filter(pk=article.pk).update(search_tokens="", search_vector=None)
    assert list(search_articles(Article.objects.all(), "lektiehjælp").rows) == []
    out = StringIO()
    call_command("reindex_knowledge", stdout=out)
    assert "Reindexed 1" in out.getvalue()
    assert list(search_articles(Article.objects.all(), "lektiehjælp").rows) == [article]
