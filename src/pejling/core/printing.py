"""Any list page as a PDF to print: the same filtered rows, laid out for paper.

A list view answers ``?format=pdf`` with ``pdf_response()``, rendering a template that extends
``print_base.html`` (municipality, title, the filters applied, the date, page numbers). A PDF
holds at most ``PDF_ROW_LIMIT`` rows and says so when it was cut; the CSV export has them all.
"""

from collections.abc import Iterable
from itertools import islice
from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

PDF_FORMAT = "pdf"
# About 60 landscape pages. Beyond this a printed list stops being read, and WeasyPrint lays
# out some hundred table rows a second: 1,000 rows take about ten seconds, 5,000 a minute.
PDF_ROW_LIMIT = 1_000


def wants_pdf(request: HttpRequest) -> bool:
    return request.GET.get("format") == PDF_FORMAT


def first_rows(rows: Iterable[Any], limit: int | None = None) -> tuple[list[Any], bool]:
    """At most ``limit`` (PDF_ROW_LIMIT) rows, and whether there were more."""
    limit = PDF_ROW_LIMIT if limit is None else limit
    taken = list(islice(rows, limit + 1))
    return taken[:limit], len(taken) > limit


def filters_applied(form: forms.Form | None) -> list[tuple[str, str]]:
    """(label, value as shown) of each valid filter that narrows the list."""
    if form is None or not form.is_bound:
        return []
    form.is_valid()
    applied = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, "", False, [], ()):
            continue
        if isinstance(field, forms.ModelChoiceField):
            shown = str(value)
        elif isinstance(field, forms.ChoiceField):
            shown = str(dict(field.choices).get(value, value))
        elif isinstance(value, bool):
            shown = "✓"
        else:
            shown = str(value)
        applied.append((str(field.label), shown))
    return applied


def pdf_bytes(html: str) -> bytes:
    from weasyprint import HTML

    # The print templates carry their styles inline and load nothing from the network.
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def pdf_response(
    request: HttpRequest,
    template: str,
    context: dict,
    *,
    filename: str,
    title: str,
    form: forms.Form | None = None,
    cut: bool = False,
    landscape: bool = True,
) -> HttpResponse:
    """``template`` (extending print_base.html) as a PDF download named ``filename``.pdf."""
    html = render_to_string(
        template,
        {
            "title": title,
            "municipality": settings.PEJLING_MUNICIPALITY_NAME,
            "printed_at": timezone.localtime(),
            "filterable": form is not None,
            "filters": filters_applied(form),
            "cut": cut,
            "row_limit": PDF_ROW_LIMIT,
            "landscape": landscape,
            **context,
        },
        request=request,
    )
    response = HttpResponse(pdf_bytes(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response


def filtered(queryset, form: forms.Form | None):
    """The rows a list page shows for ``form``, by core.listing's rule: an invalid filter
    lists nothing."""
    if form is None or not form.is_bound:
        return queryset
    return form.filter(queryset) if form.is_valid() else queryset.none()


def list_pdf(
    request: HttpRequest,
    *,
    queryset,
    template: str,
    filename: str,
    title: str,
    form: forms.Form | None = None,
    context: dict | None = None,
) -> HttpResponse:
    """The filtered ``queryset`` (at most PDF_ROW_LIMIT rows of it) printed with ``template``."""
    rows, cut = first_rows(queryset.iterator(chunk_size=2000))
    count = queryset.count() if cut else len(rows)
    return pdf_response(
        request,
        template,
        {"rows": rows, "count": count, **(context or {})},
        filename=filename,
        title=title,
        form=form,
        cut=cut,
    )
