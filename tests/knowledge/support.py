"""Helpers for the knowledge bank's tests."""

import io
import re
from html import unescape

import docx

from pejling.knowledge import services
from pejling.knowledge.models import Article, State


def logged_in(client, user):
    client.force_login(user)
    return client


def page_text(response) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(unescape(body).split())


def draft(author, **values) -> Article:
    fields = {
        "title": "Forældremøder med tolk",
        "summary": "Skolen inviterer forældre til møder med tolk.",
        "body": "## Sådan gjorde vi\n\nVi holdt **tre** møder.",
    }
    return services.create_article(actor=author, **(fields | values))


def published(cast, *, public: bool = False, **values) -> Article:
    article = draft(cast.advisor, **values)
    services.move_article(actor=cast.advisor, article=article, state=State.IN_REVIEW)
    article = services.move_article(actor=cast.coordinator, article=article, state=State.PUBLISHED)
    if public:
        article = services.set_public(actor=cast.coordinator, article=article, is_public=True)
    return article


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(text: str) -> bytes:
    """A one-page PDF whose page shows ``text`` (ASCII) in Helvetica."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def odt_bytes(text: str) -> bytes:
    """A minimal OpenDocument text with one paragraph."""
    import zipfile

    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        "<office:document-content "
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<office:body><office:text><text:p>{text}</text:p></office:text></office:body>"
        "</office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return out.getvalue()
