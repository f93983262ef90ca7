"""The coordinator's overview page and its downloads."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from pejling.lib.export import FORMATS, Column, export_response
from pejling.taskforce import overview
from pejling.taskforce.permissions import require_triage


@require_GET
def overview_page(request: HttpRequest) -> HttpResponse:
    require_triage(request)
    try:
        year = int(request.GET["aar"]) if request.GET.get("aar") else None
    except ValueError:
        year = None
    tables = overview.tables(year=year)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        key = request.GET.get("tabel")
        table = next((t for t in tables if t.key == key), None)
        if table is None:
            raise Http404
        columns = [Column(table.title, lambda r: r.label), Column(table.column, lambda r: r.value)]
        return export_response(table.rows, columns, filename=f"overblik-{table.key}", fmt=fmt)
    this_year = timezone.localdate().year
    return render(
        request,
        "taskforce/overview/overview.html",
        {"tables": tables, "year": year, "years": range(this_year, this_year - 6, -1)},
    )
