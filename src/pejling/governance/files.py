"""Uploaded files: what may be uploaded, under which name it is stored, and its text."""

import io
import os
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from pejling.lib.worddoc import DOCX_TYPE

# The extension decides the type, and the file's first bytes must match it, so that a renamed
# executable or HTML page is refused. Plain text has no signature; it must decode as UTF-8.
ANNEX_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": (DOCX_TYPE, (b"PK\x03\x04",)),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
}
RESPONSE_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": (DOCX_TYPE, (b"PK\x03\x04",)),
    ".txt": ("text/plain; charset=utf-8", ()),
}


def max_bytes() -> int:
    return settings.PEJLING_ATTACHMENT_MAX_BYTES


def checked_upload(upload, allowed: dict, *, field: str = "file") -> tuple[str, str, str]:
    """The upload's safe display name, extension and content type; refuses what is not allowed."""
    # Only the last part of the name, printable, short: it is shown and used in downloads.
    original = os.path.basename((upload.name or "").replace("\\", "/"))
    original = "".join(ch for ch in original if ch.isprintable()).strip()[:200]
    extension = os.path.splitext(original)[1].lower()
    if extension not in allowed:
        names = ", ".join(ext.lstrip(".").upper() for ext in allowed)
        raise ValidationError(
            {field: _("Filtypen er ikke tilladt. Brug %(types)s.") % {"types": names}}
        )
    if not upload.size:
        raise ValidationError({field: _("Filen er tom.")})
    if upload.size > max_bytes():
        raise ValidationError(
            {
                field: _("Filen er for stor. Den må højst fylde %(size)s.")
                % {"size": filesizeformat(max_bytes())}
            }
        )
    content_type, signatures = allowed[extension]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if signatures and not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            {field: _("Filens indhold passer ikke til filtypen %(ext)s.") % {"ext": extension}}
        )
    return original, extension, content_type


def stored_name(extension: str) -> str:
    return f"{secrets.token_hex(16)}{extension}"


def extract_text(data: bytes, extension: str, *, field: str = "file") -> str:
    """The text of a PDF, DOCX or plain-text file, as it is (a scan's errors included)."""
    try:
        if extension == ".pdf":
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(data))
            text = "\n\n".join((page.extract_text() or "").strip() for page in reader.pages)
        elif extension == ".docx":
            from docx import Document

            document = Document(io.BytesIO(data))
            text = "\n\n".join(p.text for p in document.paragraphs if p.text.strip())
        else:
            text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            {field: _("Tekstfilen kan ikke læses. Gem den som UTF-8 og prøv igen.")}
        ) from None
    except Exception:
        raise ValidationError(
            {field: _("Filen kan ikke læses. Den kan være beskadiget.")}
        ) from None
    return text.replace("\r\n", "\n").replace("\x00", "").strip()
