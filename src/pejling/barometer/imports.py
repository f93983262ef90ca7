"""Reading aggregated measurements from a tidy CSV or XLSX file.

One row per cell: ``period`` and ``value`` are required; ``indicator`` (else the one chosen on
the form), ``origin``, ``district``, ``sex``, ``numerator``, ``denominator`` and ``suppressed``
may be given. A blank group column means all (the total). The engine's own CSV output has
this shape too. Every problem is reported with its line and column; a file with any problem is
refused whole.
"""

import csv
import io
import math
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from pejling.barometer.engine.spec import DISTRICTS, ORIGIN_GROUPS, SEXES
from pejling.barometer.models import PERIOD_RE
from pejling.barometer.services import CellRow

REQUIRED = ("period", "value")
OPTIONAL = ("indicator", "origin", "district", "sex", "numerator", "denominator", "suppressed")
MAX_ERRORS = 20
TRUE, FALSE = {"true", "1", "ja", "yes", "sand"}, {"false", "0", "nej", "no", "falsk", ""}
SUPPRESSED_MARK = ".."  # Statistics Denmark's symbol for a value not shown


def read_table(upload: IO[bytes], name: str) -> list[list[Any]]:
    """The file's rows as lists of cells (CSV or XLSX by the file name's ending)."""
    if name.lower().endswith(".xlsx"):
        try:
            sheet = load_workbook(upload, read_only=True, data_only=True).active
        except Exception:
            raise ValidationError(_("Filen kunne ikke læses som et XLSX-regneark.")) from None
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    if not name.lower().endswith(".csv"):
        raise ValidationError(_("Vælg en fil af typen CSV eller XLSX."))
    raw = upload.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("CSV-filen skal være gemt som UTF-8.")) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _number(value: Any) -> float | None:
    """A number from a cell: 6.3, "6.3", "6,3" or "1.234,5"; None when blank."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        text = _text(value).replace(" ", "")
        if not text:
            return None
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        number = float(text)  # ValueError for text, caught by the caller
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def parse_rows(table: list[list[Any]], *, indicator_code: str = "") -> list[CellRow]:
    """The rows of a tidy table as cells; ValidationError listing every line that is wrong."""
    rows = [row for row in table if any(_text(cell) for cell in row)]
    if not rows:
        raise ValidationError(_("Filen er tom."))
    header = [_text(cell).lower() for cell in rows[0]]
    unknown = [name for name in header if name not in REQUIRED + OPTIONAL]
    missing = [name for name in REQUIRED if name not in header]
    header_errors = []
    if unknown:
        header_errors.append(
            _("Linje 1: ukendte kolonner: %(names)s. Tilladte kolonner er %(allowed)s.")
            % {
                "names": ", ".join(name or _("(tom)") for name in unknown),
                "allowed": ", ".join(REQUIRED + OPTIONAL),
            }
        )
    if missing:
        header_errors.append(
            _("Linje 1: kolonnen %(names)s mangler.") % {"names": ", ".join(missing)}
        )
    if "indicator" not in header and not indicator_code:
        header_errors.append(
            _("Linje 1: filen har ingen kolonne indicator; vælg indikatoren i formularen.")
        )
    if len(set(header)) != len(header):
        header_errors.append(_("Linje 1: en kolonne står to gange."))
    if header_errors:
        raise ValidationError(header_errors)

    errors: list[str] = []
    cells: list[CellRow] = []
    seen: dict[tuple, int] = {}
    for line, row in enumerate(table[1:], start=2):
        if not any(_text(cell) for cell in row):
            continue
        values = {name: (row[i] if i < len(row) else None) for i, name in enumerate(header)}
        line_errors: list[str] = []
        bad_columns: set[str] = set()

        def wrong(
            column: str, message: str, *, _errors=line_errors, _bad=bad_columns, _line=line
        ) -> None:
            _bad.add(column)
            _errors.append(
                _("Linje %(line)d, kolonne %(column)s: %(message)s")
                % {"line": _line, "column": column, "message": message}
            )

        period = _text(values.get("period"))
        if not PERIOD_RE.match(period):
            wrong(
                "period",
                _("“%(value)s” er ikke et halvår. Skriv fx 2024H1 eller 2024H2.")
                % {"value": period},
            )
        code = _text(values.get("indicator")) or indicator_code
        if not code:
            wrong("indicator", _("Angiv indikatorens kode."))
        origin = _text(values.get("origin"))
        if origin and origin not in ORIGIN_GROUPS:
            wrong(
                "origin",
                _(
                    "“%(value)s” er ikke en herkomstgruppe. Brug en af %(allowed)s, eller lad "
                    "feltet stå tomt for alle."
                )
                % {"value": origin, "allowed": ", ".join(ORIGIN_GROUPS)},
            )
        district = _text(values.get("district"))
        if district and district not in DISTRICTS:
            wrong("district", _("“%(value)s” er ikke en bydel.") % {"value": district})
        sex = _text(values.get("sex")).upper()
        if sex and sex not in SEXES:
            wrong("sex", _("Køn skrives K eller M, eller tomt for begge."))
        flag = _text(values.get("suppressed")).lower()
        raw_value = _text(values.get("value"))
        suppressed = flag in TRUE or raw_value == SUPPRESSED_MARK
        if flag not in TRUE | FALSE:
            wrong("suppressed", _("Skriv true eller false."))
        numbers: dict[str, float | None] = {}
        for column in ("value", "numerator", "denominator"):
            cell = values.get(column)
            if column == "value" and raw_value == SUPPRESSED_MARK:
                numbers[column] = None
                continue
            try:
                numbers[column] = _number(cell)
            except ValueError:
                wrong(column, _("“%(value)s” er ikke et tal.") % {"value": _text(cell)})
                numbers[column] = None
        if numbers.get("value") is None and not suppressed and "value" not in bad_columns:
            wrong("value", _("Værdien mangler."))
        key = (code, period, origin, district, sex)
        if not line_errors and key in seen:
            line_errors.append(
                _("Linje %(line)d: den samme celle står også i linje %(first)d.")
                % {"line": line, "first": seen[key]}
            )
        seen.setdefault(key, line)
        if line_errors:
            errors.extend(line_errors)
            if len(errors) >= MAX_ERRORS:
                errors.append(_("… og måske flere. Ret disse fejl først."))
                break
            continue
        cells.append(
            CellRow(
                indicator=code,
                period=period,
                origin=origin,
                district=district,
                sex=sex,
                numerator=numbers.get("numerator"),
                denominator=numbers.get("denominator"),
                value=None if suppressed else numbers.get("value"),
                suppressed=suppressed,
            )
        )
    if errors:
        raise ValidationError(errors)
    if not cells:
        raise ValidationError(_("Filen indeholder ingen rækker med tal."))
    return cells
