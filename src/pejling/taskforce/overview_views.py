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
    this_year = timezone.localdate().year
    year = _chosen_year(request.GET.get("aar"), default=this_year)
    tables = overview.tables(year=year)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        key = request.GET.get("tabel")
        table = next((t for t in tables if t.key == key), None)
        if table is None:
            raise Http404
        columns = [Column(table.title, lambda r: r.label), Column(table.column, lambda r: r.value)]
        return export_response(table.rows, columns, filename=f"overblik-{table.key}", fmt=fmt)
    return render(
        request,
        "taskforce/overview/overview.html",
        {"tables": tables, "year": year, "years": range(this_year, this_year - 6, -1)},
    )


def _chosen_year(value: str | None, *, default: int) -> int | None:
    """The year asked for: the current one unless another is chosen, None for all years."""
    if value == ALL_YEARS:
        return None
    try:
        return int(value) if value else default
    except ValueError:
        return default


ALL_YEARS = "alle"
