"""The coordinator's overview page and its downloads."""

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.http import require_GET

from pejling.lib.export import FORMATS, Column, export_response
from pejling.taskforce import overview
from pejling.taskforce.permissions import require_triage


@require_GET
def overview_page(request: HttpRequest) -> HttpResponse:
    require_triage(request)
    this_year = timezone.localdate().year
    year = _chosen_year(request.GET.get("aar"), default=this_year)
    tables, computed_at = _tables(year)
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
        {
            "tables": tables,
            "year": year,
            "years": range(this_year, this_year - 6, -1),
            "computed_at": computed_at,
            "cache_minutes": ALL_YEARS_SECONDS // 60,
        },
    )


# All years means every case and activity ever recorded: too much to count on every request,
# and it changes little from one minute to the next, so it is kept for a few minutes.
ALL_YEARS_SECONDS = 300


def _tables(year: int | None) -> tuple[list, object]:
    """The overview's tables, and when they were computed if they come from the cache."""
    if year is not None:
        return overview.tables(year=year), None
    key = f"pejling:taskforce:overview:all:{translation.get_language()}"
    cached = cache.get(key)
    if cached is None:
        cached = (overview.tables(year=None), timezone.now())
        cache.set(key, cached, ALL_YEARS_SECONDS)
    return cached


def _chosen_year(value: str | None, *, default: int) -> int | None:
    """The year asked for: the current one unless another is chosen, None for all years."""
    if value == ALL_YEARS:
        return None
    try:
        return int(value) if value else default
    except ValueError:
        return default


ALL_YEARS = "alle"
