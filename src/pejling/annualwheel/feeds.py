"""The annual wheel as iCalendar (RFC 5545): one feed per category and one for all, read by
calendar clients through a secret address."""

from datetime import UTC, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from pejling.annualwheel.models import Category, Occurrence, Status

ALL = "alle"
PRODID = "-//Pejling//Årshjul//DA"


def feed_slugs() -> list[str]:
    return [ALL, *Category.values]


def feed_title(slug: str) -> str:
    if slug == ALL:
        return _("Årshjul")
    return _("Årshjul: %(category)s") % {"category": Category(slug).label}


def _absolute(path: str) -> str:
    return settings.PEJLING_BASE_URL.rstrip("/") + path


def _uid_domain() -> str:
    return urlsplit(settings.PEJLING_BASE_URL).hostname or "pejling"


def occurrences_for(slug: str, *, today) -> list[Occurrence]:
    """Last year, this year and next year: what a calendar needs, without the whole history."""
    queryset = Occurrence.objects.filter(
        date__year__gte=today.year - 1, date__year__lte=today.year + 1, event__is_active=True
    ).select_related("event", "responsible")
    if slug != ALL:
        queryset = queryset.filter(event__category=slug)
    return list(queryset)


def build_calendar(slug: str, occurrences: list[Occurrence], *, today) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Pejling · {feed_title(slug)}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    domain = _uid_domain()
    for occurrence in occurrences:
        event = occurrence.event
        vevent = Event()
        # One UID per occurrence for as long as it exists: a client updates rather than duplicates.
        vevent.add("uid", f"aarshjul-forekomst-{occurrence.pk}@{domain}")
        vevent.add("dtstamp", occurrence.updated_at.astimezone(UTC))
        vevent.add("dtstart", occurrence.date)
        vevent.add("dtend", occurrence.date + timedelta(days=1))
        vevent.add("summary", event.title)
        lines = []
        if event.description:
            lines.append(event.description)
        lines.append(
            _("Status: %(status)s") % {"status": Status(occurrence.status_on(today)).label}
        )
        if occurrence.responsible:
            lines.append(_("Ansvarlig: %(name)s") % {"name": occurrence.responsible})
        vevent.add("description", "\n\n".join(lines))
        vevent.add("url", _absolute(occurrence.get_absolute_url()))
        vevent.add("categories", [str(Category(event.category).label)])
        vevent.add("transp", "TRANSPARENT")
        calendar.add_component(vevent)
    return calendar.to_ical()
