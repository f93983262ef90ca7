"""Word documents in the shape Danish administrations attach to a case: the municipality's name,
case number and date in the header, page numbers in the footer, real headings and tables."""

import io
from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _field(paragraph, instruction: str) -> None:
    """Insert a Word field (e.g. PAGE) that Word fills in when the document is shown."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


class CaseDocument:
    """A document with the case header; add headings, paragraphs and tables, then respond."""

    def __init__(self, *, title: str, case_number: str = "", dated: date | None = None) -> None:
        self.document = Document()
        self.document.core_properties.title = title
        self.document.core_properties.author = settings.PEJLING_MUNICIPALITY_NAME
        style = self.document.styles["Normal"]
        style.font.name = "Calibri"
        style.font.size = Pt(11)
        section = self.document.sections[0]
        header = section.header.paragraphs[0]
        parts = [settings.PEJLING_MUNICIPALITY_NAME]
        if case_number:
            parts.append(_("Sagsnr. %(number)s") % {"number": case_number})
        if dated:
            parts.append(dated.strftime("%d-%m-%Y"))
        header.text = "   ·   ".join(parts)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer.add_run(_("Side") + " ")
        _field(footer, "PAGE")
        footer.add_run(" " + _("af") + " ")
        _field(footer, "NUMPAGES")
        self.document.add_heading(title, level=0)
        self._tables = 0
        self._figures = 0

    def heading(self, text: str, level: int = 1) -> None:
        self.document.add_heading(text, level=level)

    def paragraph(self, text: str, *, italic: bool = False, bold_label: str = "") -> None:
        if not text and not bold_label:
            return
        paragraph = self.document.add_paragraph()
        if bold_label:
            paragraph.add_run(bold_label + " ").bold = True
        paragraph.add_run(text).italic = italic

    def bullets(self, items: Iterable[str]) -> None:
        for item in items:
            self.document.add_paragraph(item, style="List Bullet")

    def numbered(self, items: Iterable[str]) -> None:
        for item in items:
            self.document.add_paragraph(item, style="List Number")

    def table(self, caption: str, header: list[str], rows: Iterable[list[str]]) -> None:
        """A table with a numbered caption ('Tabel 1: …') and a repeated header row."""
        self._tables += 1
        label = _("Tabel %(number)d") % {"number": self._tables}
        self.document.add_paragraph(f"{label}: {caption}", style="Caption")
        table = self.document.add_table(rows=1, cols=len(header))
        table.style = "Light Grid Accent 1"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        # Mark the first row as a header so Word repeats it and screen readers announce it.
        row_properties = table.rows[0]._tr.get_or_add_trPr()
        marker = OxmlElement("w:tblHeader")
        marker.set(qn("w:val"), "true")
        row_properties.append(marker)
        rows = [[str(text) for text in values] for values in rows]
        for values in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                cell.text = text
        self._share_width(table, [header, *rows])

    def _share_width(self, table, lines: list[list[str]]) -> None:
        """Give each column a share of the page by what it holds: at least its longest word, so
        no word breaks, and more for long texts, so names are not squeezed like numbers."""
        section = self.document.sections[-1]
        page = section.page_width - section.left_margin - section.right_margin
        weights = []
        for column in range(len(lines[0])):
            texts = [line[column] for line in lines]
            longest_word = max((len(word) for text in texts for word in text.split()), default=1)
            longest_text = max((len(text) for text in texts[1:]), default=0)  # not the heading
            weight = max(longest_word + 3, min(longest_text, 30) * 0.55)
            weights.append(weight * 1.15 if column == 0 else weight)  # the first is set bold
        table.autofit = False
        # A wide table is set a size smaller, as printed reports do, so its words fit.
        size = Pt(9) if len(weights) > 3 else None
        for column, weight in zip(table.columns, weights, strict=True):
            width = int(page * weight / sum(weights))
            column.width = width  # the grid, which LibreOffice reads
            for cell in column.cells:  # and each cell, which Word reads
                cell.width = width
                for run in (run for paragraph in cell.paragraphs for run in paragraph.runs):
                    run.font.size = size or run.font.size

    def image(self, picture: bytes, caption: str, *, alt: str = "") -> None:
        """A picture at the width of the page, with a numbered caption ('Figur 1: …') and its
        text alternative as the description screen readers read."""
        self._figures += 1
        section = self.document.sections[-1]
        width = section.page_width - section.left_margin - section.right_margin
        self.document.add_picture(io.BytesIO(picture), width=width)
        shape = self.document.inline_shapes[-1]
        properties = shape._inline.docPr
        properties.set("descr", alt or caption)
        properties.set("title", caption)
        label = _("Figur %(number)d") % {"number": self._figures}
        self.document.add_paragraph(f"{label}: {caption}", style="Caption")

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def response(self, filename: str) -> HttpResponse:
        response = HttpResponse(self.to_bytes(), content_type=DOCX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}.docx"'
        return response
