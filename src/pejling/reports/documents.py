"""A report's content as a Word document and as a PDF; both drawn from the stored content."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from pejling.lib import danish
from pejling.lib.worddoc import CaseDocument
from pejling.reports import charts


def cell(value) -> str:
    """A cell as the reader expects it: numbers grouped, in the report's language."""
    if isinstance(value, bool) or value is None:
        return "–" if value is None else str(value)
    if isinstance(value, float):
        # Through str: a float's exact binary value has a tail of digits nobody wrote.
        return danish.number(Decimal(str(value)))
    if isinstance(value, int):
        return danish.number(value)
    return str(value)


def figure_text(figure: dict) -> str:
    unit = figure.get("unit") or ""
    value = cell(figure["value"])
    if unit == "%":
        return f"{value} %"
    return f"{value} {unit}".strip()


def docx_bytes(content: dict, *, dated: date) -> bytes:
    with translation.override(content["language"]):
        document = CaseDocument(title=content["title"], dated=dated)
        if not content["has_data"]:
            document.paragraph(
                _("Der er ingen registreringer for %(year)d.") % {"year": content["year"]},
                italic=True,
            )
        if content["summary"]:
            document.heading(_("Sammenfatning"), level=1)
            document.table(
                _("Årets hovedtal"),
                [_("Tal"), _("Værdi")],
                [[f["label"], figure_text(f)] for f in content["summary"]],
            )
        for section in content["sections"]:
            document.heading(section["title"], level=1)
            document.paragraph(section["intro"])
            numbered = section.get("numbered", False)
            for number, paragraph in enumerate(section["paragraphs"], start=1):
                document.paragraph(f"{number}. {paragraph}" if numbered else paragraph)
            for table in section["tables"]:
                if table["rows"]:
                    document.table(
                        table["caption"],
                        table["header"],
                        [[cell(v) for v in row] for row in table["rows"]],
                    )
                else:
                    document.paragraph(f"{table['caption']}: " + _("intet at vise."), italic=True)
                document.paragraph(table.get("note", ""), italic=True)
            for chart in section.get("charts", []):
                picture = charts.png(chart)
                if picture is not None:
                    document.image(picture, chart["title"], alt=chart["alt"])
            for note in section["priorities"]:
                document.heading(note["title"], level=2)
                document.paragraph(note["text"])
                document.paragraph(f"{note['section']} · {note['author']}", italic=True)
            if section["key"] == "priorities" and not section["priorities"]:
                document.paragraph(_("Der er endnu ikke skrevet prioriteter."), italic=True)
        return document.to_bytes()


def pdf_bytes(content: dict, *, dated: date, base_url: str) -> bytes:
    from weasyprint import HTML

    with translation.override(content["language"]):
        html = render_to_string(
            "reports/report_print.html",
            {
                "content": content,
                "dated": dated,
                "municipality": settings.PEJLING_MUNICIPALITY_NAME,
            },
        )
    return HTML(string=html, base_url=base_url).write_pdf()
