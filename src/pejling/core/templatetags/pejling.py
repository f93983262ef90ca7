from django import template

from pejling.lib import danish

register = template.Library()


@register.filter
def kroner(value) -> str:
    """1500000 → '1.500.000,00 kr.' (in Danish) or 'DKK 1,500,000.00' (in English)."""
    return danish.kroner(value)


@register.filter
def mio(value) -> str:
    """600000 → '0,6 mio. kr.'"""
    return danish.million_kroner(value)


@register.filter
def number(value) -> str:
    return danish.number(value)
