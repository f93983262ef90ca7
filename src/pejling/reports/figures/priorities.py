"""The proposed priorities for the coming year, as the coordinator and policy office wrote them."""

from django.utils.translation import gettext as _

from pejling.reports.figures.base import Section
from pejling.reports.models import Priority


def priorities(year: int) -> Section:
    notes = Priority.objects.filter(year=year).select_related("author")
    return Section(
        "priorities",
        _("Forslag til prioriteter for %(year)d") % {"year": year + 1},
        _("Skrevet af task forcens koordinator og politikkontoret, ud fra tallene ovenfor."),
        priorities=[
            {
                "section": str(note.get_section_display()),
                "title": note.title,
                "text": note.text,
                "author": str(note.author),
            }
            for note in notes
        ],
    )
