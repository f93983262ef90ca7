"""Lists as CSV and XLSX downloads, one definition of columns serving both."""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook

FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], Any]


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        # Spreadsheets have no time zones: show local time, as the pages do.
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, (int, float, date)) or value is None:
        return value
    return str(value)


def _safe_text(value: Any) -> Any:
    # A cell starting with = + - @ would run as a formula when opened (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def export_response(
    rows: Iterable[Any], columns: list[Column], *, filename: str, fmt: str
) -> HttpResponse:
    if fmt not in FORMATS:
        raise ValueError(fmt)
    header = [str(c.title) for c in columns]
    values = ([_safe_text(_cell(c.value(row))) for c in columns] for row in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        # Semicolon and a byte-order mark: what Danish Excel opens correctly.
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(header)
        writer.writerows(values)
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(header)
        for row in values:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
