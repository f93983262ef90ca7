"""Reading back the PDFs Pejling writes, as text."""

import io

from pypdf import PdfReader


def pdf_text(pdf) -> str:
    """The text of a PDF (its bytes, or a response carrying it), whitespace collapsed."""
    if hasattr(pdf, "status_code"):
        assert pdf.status_code == 200
        assert pdf["Content-Type"] == "application/pdf"
        pdf = pdf.content
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())
