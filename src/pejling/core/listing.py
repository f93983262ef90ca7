"""One way to show a list: filter form, page, htmx partial, and CSV/XLSX export of the same rows."""

from collections.abc import Callable

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.db.models.query import ModelIterable
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pejling.lib.export import FORMATS, Column, export_response

PAGE_SIZE = 50


class KeyPagedMixin:
    """For a QuerySet: cut a page from the sorted keys alone, then fetch the page's rows by key.

    A list sorted by columns of joined tables (a goal's policy period and theme number, say)
    cannot be served by an index, so the database sorts every row, carrying every selected
    column (the joined long texts too) through the sort. Sorting only the keys and then fetching
    one page of rows gives the same order several times faster on long lists. Mix it in front
    of the model's own QuerySet: ``class GoalPages(KeyPagedMixin, PolicyChildQuerySet)``.
    """

    def __getitem__(self, k):
        if (
            not isinstance(k, slice)
            or self._result_cache is not None
            or self._iterable_class is not ModelIterable
            or self.query.is_sliced
        ):
            return super().__getitem__(k)
        keys = list(self.values_list("pk", flat=True)[k])
        rows = self.in_bulk(keys)
        return [rows[key] for key in keys]


def list_page(
    request: HttpRequest,
    *,
    queryset: QuerySet,
    form,
    columns: list[Column],
    template: str,
    partial: str,
    filename: str,
    context: dict | None = None,
    page_size: int = PAGE_SIZE,
    apply: Callable[[QuerySet], QuerySet] | None = None,
) -> HttpResponse:
    """Render ``template`` (or only ``partial`` for htmx) or export, for the filtered rows.

    ``form`` is a bound or unbound filter form with a ``filter(queryset)`` method. An invalid
    filter lists nothing, so that a mistyped filter never looks like "everything".
    """
    if form.is_bound and form.is_valid():
        queryset = form.filter(queryset)
    elif form.is_bound:
        queryset = queryset.none()
    if apply is not None:
        queryset = apply(queryset)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return export_response(
            queryset.iterator(chunk_size=2000), columns, filename=filename, fmt=fmt
        )
    page = Paginator(queryset, page_size).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    query.pop("format", None)
    full = {"form": form, "page": page, "query": query.urlencode(), **(context or {})}
    if request.headers.get("HX-Request"):
        return render(request, partial, full)
    return render(request, template, full)
