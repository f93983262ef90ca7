"""Files attached to a case: what is accepted, how it is stored, and who may download it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pejling.accounts.models import Administration
from pejling.audit.models import AccessEvent, AuditEvent
from pejling.taskforce.models import Attachment, Case
from tests.conftest import make_user
from tests.taskforce.test_work_support import error_at, html, logged_in, open_case, page_text

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
DOCX = b"PK\x03\x04" + b"\x00" * 64


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def case(cast) -> Case:
    return open_case(coordinator=cast.coordinator, advisor=cast.advisor)


def upload(case: Case) -> str:
    return reverse("taskforce:attachment_create", args=[case.reference])


def download(case: Case, attachment: Attachment) -> str:
    return reverse("taskforce:attachment_download", args=[case.reference, attachment.pk])


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("Referat af mødet.pdf", PDF, "application/pdf"),
        ("Plakat.PNG", PNG, "image/png"),
        (
            "Program.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
def test_an_allowed_file_is_stored_under_a_safe_name(
    client, cast, case, media, name, content, content_type
):
    client = logged_in(client, cast.advisor)

    response = client.post(upload(case), {"file": SimpleUploadedFile(name, content, "text/html")})

    assert response.status_code == 302
    assert response.url == case.get_absolute_url() + "#bilag"
    attachment = Attachment.objects.get()
    assert attachment.original_name == name
    assert attachment.content_type == content_type  # from the extension, not the browser's claim
    assert attachment.size == len(content)
    assert attachment.uploaded_by == cast.advisor
    stored = attachment.file.name
    assert stored.startswith("cases/")
    assert name.rsplit(".", 1)[0] not in stored
    assert stored.rsplit("/", 1)[1].count(".") == 1
    assert stored.endswith(name.rsplit(".", 1)[1].lower())
    assert AuditEvent.objects.filter(object_pk=str(attachment.pk), action="create").exists()
    assert name in page_text(client.get(case.get_absolute_url()))


def test_a_stored_file_is_downloaded_through_the_case_with_its_own_name(client, cast, case):
    client = logged_in(client, cast.advisor)
    client.post(upload(case), {"file": SimpleUploadedFile("Referat af mødet.pdf", PDF)})
    attachment = Attachment.objects.get()
    AccessEvent.objects.all().delete()

    response = client.get(download(case, attachment))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "Referat" in response["Content-Disposition"]
    assert AccessEvent.objects.filter(object_pk=str(case.pk), actor=cast.advisor).exists()


def test_files_are_not_published_under_the_media_url(client, cast, case):
    client = logged_in(client, cast.advisor)
    client.post(upload(case), {"file": SimpleUploadedFile("a.pdf", PDF)})
    attachment = Attachment.objects.get()

    assert client.get("/media/" + attachment.file.name).status_code == 404
    assert "/media/" not in html(client.get(case.get_absolute_url()))


def test_download_needs_a_user_who_may_see_the_case(client, cast, case):
    logged_in(client, cast.advisor).post(upload(case), {"file": SimpleUploadedFile("a.pdf", PDF)})
    attachment = Attachment.objects.get()
    other = open_case(coordinator=cast.coordinator, advisor=cast.advisor)
    client.logout()

    assert client.get(download(case, attachment)).status_code == 302  # to the login page
    assert logged_in(client, cast.outsider).get(download(case, attachment)).status_code == 404
    tmf = Administration.objects.create(
        name="Teknik- og Miljøforvaltningen", short_name="TMF", slug="tmf"
    )
    tmf_contact = make_user("tmf", "contact_person", administration=tmf)
    assert logged_in(client, tmf_contact).get(download(case, attachment)).status_code == 404
    client = logged_in(client, cast.advisor)
    assert client.get(download(other, attachment)).status_code == 404
    assert client.post(download(case, attachment)).status_code == 405


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("program.exe", b"MZ\x90\x00", "Filtypen er ikke tilladt."),
        ("side.html", b"<html><script>alert(1)</script>", "Filtypen er ikke tilladt."),
        ("uden-endelse", PDF, "Filtypen er ikke tilladt."),
        ("forklaedt.pdf", b"<html><script>alert(1)</script>", "passer ikke til filtypen .pdf"),
        ("tom.pdf", b"", "Filen er tom."),
    ],
)
def test_a_forbidden_file_is_refused_and_nothing_is_saved(
    client, cast, case, media, name, content, message
):
    audits = AuditEvent.objects.count()

    response = logged_in(client, cast.advisor).post(
        upload(case), {"file": SimpleUploadedFile(name, content)}
    )

    assert response.status_code == 400
    assert message in error_at(response, "attachment-file")
    assert not Attachment.objects.exists()
    assert stored_files(media) == []
    assert AuditEvent.objects.count() == audits


def test_a_too_big_file_is_refused(client, cast, case, media, settings):
    settings.PEJLING_ATTACHMENT_MAX_BYTES = 1024

    response = logged_in(client, cast.advisor).post(
        upload(case), {"file": SimpleUploadedFile("stor.pdf", PDF + b"0" * 2000)}
    )

    assert response.status_code == 400
    assert "Filen er for stor." in error_at(response, "attachment-file")
    assert not Attachment.objects.exists()
    assert stored_files(media) == []


def test_upload_without_a_file(client, cast, case):
    response = logged_in(client, cast.advisor).post(upload(case), {})

    assert response.status_code == 400
    assert error_at(response, "attachment-file") == "Vælg en fil."


def test_only_those_who_work_the_case_may_attach(client, cast, case):
    client = logged_in(client, cast.contact_person)
    assert client.post(upload(case), {"file": SimpleUploadedFile("a.pdf", PDF)}).status_code == 404
    other_advisor = make_user("advisor2", "advisor")
    client = logged_in(client, other_advisor)
    assert client.post(upload(case), {"file": SimpleUploadedFile("a.pdf", PDF)}).status_code == 403
    assert client.get(upload(case)).status_code == 405
    assert not Attachment.objects.exists()
