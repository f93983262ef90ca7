"""The CPR guard: free text must never carry a Danish civil registration (CPR) number.

A CPR number is ``ddmmyy-nnnn`` or ``ddmmyynnnn`` where ``ddmmyy`` is a real date. The century
follows from the seventh digit and the year (the CPR Office's table), which matters for
29 February. The modulus-11 check is not applied: numbers issued since 2007 need not pass it.
"""

import datetime
import re
from typing import Annotated

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import AfterValidator

# Ten digits, optionally split after six by a hyphen, not part of a longer run of digits.
_CANDIDATE = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})-?(\d)(\d{3})(?![\d])")

MESSAGE = _(
    "Teksten ser ud til at indeholde et CPR-nummer. Fjern det, og beskriv personen uden CPR-nummer."
)


def _century(year: int, seventh: int) -> int:
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if year <= 36 else 1900
    return 2000 if year <= 57 else 1800  # 5, 6, 7, 8


def _is_date(day: int, month: int, year: int, seventh: int) -> bool:
    try:
        datetime.date(_century(year, seventh) + year, month, day)
    except ValueError:
        return False
    return True


def find_cpr_numbers(text: str) -> list[str]:
    """Every substring of ``text`` that is a CPR number with a valid date."""
    found = []
    for match in _CANDIDATE.finditer(text or ""):
        day, month, year, seventh = (int(match.group(i)) for i in (1, 2, 3, 4))
        if _is_date(day, month, year, seventh):
            found.append(match.group(0))
    return found


def contains_cpr_number(text: str) -> bool:
    return bool(find_cpr_numbers(text))


def validate_no_cpr(value: str) -> None:
    """Django validator for form and model fields holding free text."""
    if isinstance(value, str) and contains_cpr_number(value):
        raise ValidationError(MESSAGE, code="cpr_number")


def _pydantic_no_cpr(value: str) -> str:
    if contains_cpr_number(value):
        raise ValueError(gettext(MESSAGE))
    return value


# Use in API schemas: ``note: NoCprStr``.
NoCprStr = Annotated[str, AfterValidator(_pydantic_no_cpr)]
