"""Numbers and amounts as Danish readers expect them ("1.500.000,00 kr.", "0,6 mio. kr."),
and as English readers do when the page is in English ("DKK 1,500,000.00")."""

from decimal import Decimal

from django.utils import numberformat, translation


def _separators() -> tuple[str, str]:
    return (",", ".") if translation.get_language() != "en" else (".", ",")


def number(value: Decimal | int | float | None, decimals: int | None = None) -> str:
    """A number with grouping; without ``decimals``, trailing zeros are dropped."""
    if value is None:
        return "–"
    value = Decimal(value)
    if decimals is None:
        value = value.normalize()
        exponent = value.as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    decimal_sep, thousand_sep = _separators()
    return numberformat.format(
        value,
        decimal_sep,
        decimal_pos=decimals,
        grouping=3,
        thousand_sep=thousand_sep,
        force_grouping=True,
    )


def kroner(amount: Decimal | int | None) -> str:
    if amount is None:
        return "–"
    if translation.get_language() == "en":
        return f"DKK {number(amount, 2)}"
    return f"{number(amount, 2)} kr."


def million_kroner(amount: Decimal | int | None) -> str:
    if amount is None:
        return "–"
    millions = Decimal(amount) / Decimal(1_000_000)
    if translation.get_language() == "en":
        return f"DKK {number(millions)} million"
    return f"{number(millions)} mio. kr."
