"""The knowledge bank's pages: search list, entry, writing, revisions, review, public pages."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from pejling.knowledge.models import Article, State
from tests.knowledge.support import docx_bytes, draft, logged_in, page_text, published

pytestmark = pytest.mark.django_db

LIST = reverse("knowledge:article_list")
CREATE = reverse("knowledge:article_create")
PUBLIC = reverse("knowledge:public_list")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


# --- list and search -----------------------------------------------------------------------


def test_search_page_finds_inflected_word_with_highlighted_snippet(client, cast):
    published(cast, title="Integration i skolen", summary="Integrationen af nye elever.")
    response = logged_in(client, cast.committee_member).get(LIST, {"q": "integrationen"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<mark>Integrationen</mark>" in body
    assert "1 opslag fundet for “integrationen”" in page_text(response)


def test_search_page_suggests_a_spelling(client, cast):
    published(cast, title="Integration i skolen", summary="Nye elever.")
    response = logged_in(client, cast.advisor).get(LIST, {"q": "integrasion"})
    assert "Mente du: integration ?" in page_text(response)
    assert "?q=integration" in response.content.decode()


def test_htmx_search_returns_only_the_results(client, cast):
    published(cast)
    response = logged_in(client, cast.advisor).get(LIST, {"q": "tolk"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="results"')
    assert "<html" not in body


def test_overlong_query_gets_a_clear_message(client, cast):
    published(cast)
    response = logged_in(client, cast.advisor).get(LIST, {"q": "x" * 10_000})
    assert response.status_code == 200
    assert "Skriv højst 200 tegn i søgefeltet." in page_text(response)
    assert "0 opslag" in page_text(response)


def test_filters_narrow_the_list(client, cast):
    published(cast, title="Skolen", fields=["education"], kind="method")
    published(cast, title="Boligen", fields=["housing"])
    client = logged_in(client, cast.advisor)
    assert "Boligen" not in page_text(client.get(LIST, {"field": "education"}))
    assert "Skolen" in page_text(client.get(LIST, {"kind": "method"}))
    assert "Skolen" not in page_text(client.get(LIST, {"kind": "tool"}))


def test_drafts_are_listed_for_writers_only(client, cast):
    draft(cast.advisor, title="Hemmelig kladde")
    assert "Hemmelig kladde" in page_text(logged_in(client, cast.advisor).get(LIST))
    assert "Hemmelig kladde" not in page_text(logged_in(client, cast.committee_member).get(LIST))


def test_list_needs_login_and_an_internal_role(client, cast):
    assert client.get(LIST).status_code == 302
    assert logged_in(client, cast.outsider).get(LIST).status_code == 403


def test_list_refuses_post(client, cast):
    assert logged_in(client, cast.advisor).post(LIST).status_code == 405


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_of_search_results(client, cast, fmt):
    published(cast, title="Kulturmøde på skolen", summary="=HYPERLINK(1)")
    published(cast, title="Boliger")
    response = logged_in(client, cast.advisor).get(LIST, {"q": "kulturmøde", "format": fmt})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
        if len(rows[0]) == 1:
            rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    else:
        rows = [[c.value for c in r] for r in load_workbook(io.BytesIO(content)).active.rows]
    assert rows[0][1] == "Titel"
    assert [r[1] for r in rows[1:]] == ["Kulturmøde på skolen"]
    assert rows[1][-1] == "'=HYPERLINK(1)"


# --- the entry -----------------------------------------------------------------------------


def test_article_page_renders_markdown_safely(client, cast):
    article = published(
        cast, body="## Trin\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))"
    )
    response = logged_in(client, cast.committee_member).get(article.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "<h2>Trin</h2>" in body
    assert "<script>alert" not in body
    assert 'href="javascript' not in body


def test_draft_is_invisible_to_readers(client, cast):
    article = draft(cast.advisor)
    assert (
        logged_in(client, cast.committee_member).get(article.get_absolute_url()).status_code == 404
    )
    assert logged_in(client, cast.outsider).get(article.get_absolute_url()).status_code == 403


def test_case_links_are_shown_only_to_those_who_see_the_case(client, cast):
    from tests.taskforce.test_work_support import open_case

    case = open_case(coordinator=cast.coordinator, advisor=cast.advisor)
    article = published(cast, cases=[case])
    assert case.reference in page_text(
        logged_in(client, cast.advisor).get(article.get_absolute_url())
    )
    reader = page_text(logged_in(client, cast.committee_member).get(article.get_absolute_url()))
    assert case.reference not in reader


# --- writing -------------------------------------------------------------------------------


def test_advisor_writes_a_new_entry(client, cast):
    client = logged_in(client, cast.advisor)
    assert client.get(CREATE).status_code == 200
    response = client.post(
        CREATE,
        {
            "kind": "method",
            "title": "Dialogmøder i boligområdet",
            "summary": "Beboere og boligforening mødes.",
            "body": "Tekst",
            "fields": ["housing", "safety"],
            "actor_kinds": ["housing_association"],
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert article.state == State.DRAFT
    assert article.field_list == ["housing", "safety"]


def test_bad_input_is_refused_with_messages_and_nothing_saved(client, cast):
    response = logged_in(client, cast.advisor).post(
        CREATE, {"kind": "method", "title": "", "summary": "CPR 010203-1234"}
    )
    assert response.status_code == 400
    text = page_text(response)
    assert "Skriv en titel." in text
    assert Article.objects.count() == 0


def test_readers_cannot_write(client, cast):
    assert logged_in(client, cast.committee_member).get(CREATE).status_code == 403
    assert client.logout() is None
    assert client.get(CREATE).status_code == 302


def test_editing_makes_a_revision_with_a_diff_and_restore(client, cast):
    article = draft(cast.advisor)
    client = logged_in(client, cast.advisor)
    edit = reverse("knowledge:article_edit", args=[article.pk])
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            "kind": "best_practice",
            "title": "Møder med tolk",
            "summary": article.summary,
            "body": article.body,
            "note": "Kortere titel",
        },
    )
    assert response.status_code == 302
    revision = reverse("knowledge:revision_detail", args=[article.pk, 2])
    body = client.get(revision).content.decode()
    assert "<del>Forældremøder</del>" in body
    assert "<ins>Møder</ins>" in body
    restore = reverse("knowledge:revision_restore", args=[article.pk, 1])
    assert client.get(restore).status_code == 405
    assert client.post(restore).status_code == 302
    article.refresh_from_db()
    assert article.title == "Forældremøder med tolk"
    assert article.revisions.count() == 3
    assert "Kortere titel" in page_text(
        client.get(reverse("knowledge:revision_list", args=[article.pk]))
    )


def test_published_entries_are_edited_by_the_publisher_only(client, cast):
    article = published(cast)
    edit = reverse("knowledge:article_edit", args=[article.pk])
    assert logged_in(client, cast.advisor).get(edit).status_code == 403
    assert logged_in(client, cast.coordinator).get(edit).status_code == 200


# --- review --------------------------------------------------------------------------------


def move(article, state):
    return reverse("knowledge:article_move", args=[article.pk, state])


def test_review_flow_through_the_pages(client, cast):
    article = draft(cast.advisor)
    advisor = logged_in(client, cast.advisor)
    assert advisor.post(move(article, "in_review")).status_code == 302
    assert advisor.post(move(article, "published")).status_code == 403
    coordinator = logged_in(client, cast.coordinator)
    assert "Godkend og udgiv" in page_text(coordinator.get(article.get_absolute_url()))
    assert coordinator.post(move(article, "published")).status_code == 302
    article.refresh_from_db()
    assert article.state == State.PUBLISHED
    response = coordinator.post(
        reverse("knowledge:article_public", args=[article.pk]), {"is_public": "on"}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_public


def test_illegal_move_is_explained(client, cast):
    article = draft(cast.advisor)
    response = logged_in(client, cast.coordinator).post(move(article, "archived"), follow=True)
    assert "Opslaget kan ikke få den status nu." in page_text(response)
    assert logged_in(client, cast.coordinator).post(move(article, "nonsense")).status_code == 404


# --- attachments ---------------------------------------------------------------------------


def test_attachment_upload_and_download(client, cast):
    article = draft(cast.advisor)
    client = logged_in(client, cast.advisor)
    url = reverse("knowledge:attachment_create", args=[article.pk])
    response = client.post(url, {"file": SimpleUploadedFile("Guide.docx", docx_bytes("Tolk"))})
    assert response.status_code == 302
    attachment = article.attachments.get()
    download = client.get(attachment.get_absolute_url())
    assert download.status_code == 200
    assert "Guide.docx" in download["Content-Disposition"]
    bad = client.post(url, {"file": SimpleUploadedFile("x.exe", b"MZ")})
    assert bad.status_code == 400
    assert "Filtypen er ikke tilladt" in page_text(bad)
    assert article.attachments.count() == 1


# --- public pages --------------------------------------------------------------------------


def test_public_entries_are_readable_without_login(client, cast):
    public = published(cast, public=True, title="Åben praksis")
    internal = published(cast, title="Intern praksis")
    listing = page_text(client.get(PUBLIC))
    assert "Åben praksis" in listing
    assert "Intern praksis" not in listing
    assert client.get(public.get_public_url()).status_code == 200
    assert client.get(internal.get_public_url()).status_code == 404
    assert client.get(public.get_absolute_url()).status_code == 302


def test_public_search_in_danish(client, cast):
    published(cast, public=True, title="Åben praksis i Århus", summary="Om boliger.")
    response = client.get(PUBLIC, {"q": "aarhus"})
    assert "<mark>Århus</mark>" in response.content.decode()


# --- from case to knowledge ----------------------------------------------------------------


@pytest.fixture
def closed_case(cast):
    from pejling.taskforce import services as case_services
    from pejling.taskforce.models import OutcomeKind
    from tests.taskforce.test_work_support import open_case

    case = open_case(coordinator=cast.coordinator, advisor=cast.advisor)
    return case_services.close(
        actor=cast.advisor, case=case, outcome=OutcomeKind.objects.first(), text="Det lykkedes."
    )


def test_closed_case_becomes_a_draft_through_the_page(client, cast, closed_case):
    url = reverse("knowledge:article_from_case", args=[closed_case.pk])
    response = logged_in(client, cast.advisor).post(url)
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("knowledge:article_edit", args=[article.pk])
    assert article.source_case == closed_case


def test_case_to_knowledge_refusals(client, cast, closed_case):
    url = reverse("knowledge:article_from_case", args=[closed_case.pk])
    assert logged_in(client, cast.advisor).get(url).status_code == 405
    assert logged_in(client, cast.committee_member).post(url).status_code == 403
    assert (
        logged_in(client, cast.advisor)
        .post(reverse("knowledge:article_from_case", args=[999999]))
        .status_code
        == 404
    )
    client.logout()
    assert client.post(url).status_code == 302
    assert Article.objects.count() == 0


def test_open_case_is_refused_with_a_message(client, cast):
    from tests.taskforce.test_work_support import open_case

    case = open_case(coordinator=cast.coordinator, advisor=cast.advisor)
    url = reverse("knowledge:article_from_case", args=[case.pk])
    response = logged_in(client, cast.advisor).post(url)
    assert response.status_code == 302
    assert Article.objects.count() == 0


def test_public_attachment_downloads_without_login_and_internal_ones_do_not(client, cast):
    from pejling.knowledge import services

    public = published(cast, public=True)
    internal = published(cast)
    shared = services.add_attachment(
        actor=cast.advisor, article=public, upload=SimpleUploadedFile("a.txt", b"tekst")
    )
    hidden = services.add_attachment(
        actor=cast.advisor, article=internal, upload=SimpleUploadedFile("b.txt", b"tekst")
    )
    assert client.get(shared.get_absolute_url()).status_code == 200
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert (
        logged_in(client, cast.committee_member).get(hidden.get_absolute_url()).status_code == 200
    )


def test_list_query_count_does_not_grow_with_rows(client, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = logged_in(client, cast.advisor)
    published(cast, title="Første")
    client.get(LIST, {"q": "skolen"})
    with CaptureQueriesContext(connection) as few:
        client.get(LIST, {"q": "skolen"})
    for number in range(5):
        published(cast, title=f"Flere {number}")
    with CaptureQueriesContext(connection) as many:
        client.get(LIST, {"q": "skolen"})
    assert len(many) == len(few)


def test_the_list_filters_by_the_year_published_and_refuses_a_bad_year(client, cast):
    this_year = published(cast, title="Forældremøder med tolk")
    earlier = published(cast, title="Samtalekort til forældremøder")
    Article.objects.filter(pk=earlier.pk).update(
        published_at=this_year.published_at.replace(year=this_year.published_at.year - 1)
    )
    client.force_login(cast.coordinator)

    listing = client.get(reverse("knowledge:article_list"), {"year": this_year.published_at.year})
    assert [a.pk for a in listing.context["page"].object_list] == [this_year.pk]
    refused = client.get(reverse("knowledge:article_list"), {"year": "sidste år"})
    assert refused.status_code == 200
    assert "Indtast et heltal." in refused.content.decode()
