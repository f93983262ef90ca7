"""Hearings and decisions in the year: the hearings sent, the decisions taken at the meetings
held, and the amendments put to them with the policy text versions they produced."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from pejling.governance.models import AgendaItem, Amendment, Body, Hearing, HearingResponse, Meeting
from pejling.reports.figures.base import Figure, Section, Table, list_url, short_date


def hearings_of(year: int):
    """The hearings sent in the year, as the hearing list filtered by the year shows them."""
    return Hearing.objects.filter(sent_on__year=year)


def decisions_of(year: int):
    """The agenda items decided at meetings in the year."""
    return AgendaItem.objects.filter(meeting__starts_at__year=year).exclude(outcome="")


def amendments_of(year: int):
    """The amendments put to items of meetings in the year."""
    return Amendment.objects.filter(item__meeting__starts_at__year=year)


def _item_title(item: AgendaItem) -> str:
    """A closed item's title stays out of a report that may be read outside the municipality."""
    return f"{item.number}. {item.title}" if item.is_public else _("Lukket punkt")


def _target(amendment: Amendment) -> str:
    if amendment.target_version_id:
        return str(amendment.target_version.text)
    return amendment.target_section or _("Indstillingen")


def _produced(amendment: Amendment) -> str:
    version = amendment.produced_version
    if version is None:
        return "–"
    return _("%(text)s, version %(number)s") % {"text": version.text, "number": version.number}


def governance(year: int) -> tuple[Section, list[Figure]]:
    hearings = list(
        hearings_of(year)
        .select_related("asked_by")
        .annotate(
            party_count=Count("parties", distinct=True),
            response_count=Count("responses", distinct=True),
            late_count=Count("responses", filter=Q(responses__is_late=True), distinct=True),
        )
        .order_by("sent_on", "title", "pk")
    )
    responses = HearingResponse.objects.filter(received_on__year=year).count()
    decisions = list(
        decisions_of(year).select_related("meeting__body").order_by("meeting__starts_at", "number")
    )
    amendments = list(
        amendments_of(year)
        .select_related(
            "item__meeting__body", "target_version__text", "produced_version__text", "party"
        )
        .order_by("item__meeting__starts_at", "item__number", "number")
    )
    meetings = Meeting.objects.filter(
        starts_at__year=year, state__in=(Meeting.State.HELD, Meeting.State.MINUTES_APPROVED)
    )
    held = dict(meetings.values_list("body").annotate(n=Count("id")).order_by())
    decided = dict(
        decisions_of(year).values_list("meeting__body").annotate(n=Count("id")).order_by()
    )
    adopted = dict(
        amendments_of(year)
        .filter(status=Amendment.Status.ADOPTED)
        .values_list("item__meeting__body")
        .annotate(n=Count("id"))
        .order_by()
    )
    bodies = [
        body
        for body in Body.objects.exclude(kind=Body.Kind.PARTY_GROUP).order_by("name")
        if held.get(body.pk) or decided.get(body.pk)
    ]
    hearing_link = list_url("governance:hearing_list", year=year)
    meeting_link = list_url("governance:meeting_list", year=year)

    tables = [
        Table(
            "hearings",
            _("Høringer sendt i året"),
            [
                _("Høring"),
                _("Sendt af"),
                _("Sendt"),
                _("Frist"),
                _("Høringsparter"),
                _("Høringssvar"),
                _("Heraf efter fristen"),
                _("Fase"),
            ],
            [
                [
                    hearing.title,
                    hearing.asked_by.short_name,
                    short_date(hearing.sent_on),
                    short_date(hearing.deadline),
                    hearing.party_count,
                    hearing.response_count,
                    hearing.late_count,
                    str(hearing.get_phase_display()),
                ]
                for hearing in hearings
            ],
            hearing_link,
            row_links=[hearing.get_absolute_url() for hearing in hearings],
            link_column=0,
        ),
        Table(
            "bodies",
            _("Møder og beslutninger efter udvalg"),
            [
                _("Udvalg"),
                _("Møder afholdt"),
                _("Beslutninger"),
                pgettext("report figure", "Ændringsforslag vedtaget"),
            ],
            [
                [body.name, held.get(body.pk, 0), decided.get(body.pk, 0), adopted.get(body.pk, 0)]
                for body in bodies
            ],
            meeting_link,
            row_links=[
                list_url("governance:meeting_list", body=body.pk, year=year) for body in bodies
            ],
        ),
        Table(
            "decisions",
            _("Beslutninger truffet i året"),
            [_("Dagsordenspunkt"), _("Møde"), _("Udvalg"), _("Beslutning")],
            [
                [
                    _item_title(item),
                    short_date(item.meeting.starts_at),
                    item.meeting.body.short_name,
                    item.decision_label,
                ]
                for item in decisions
            ],
            meeting_link,
            row_links=[item.get_absolute_url() for item in decisions],
            link_column=0,
        ),
        Table(
            "amendments",
            _("Ændringsforslag i året"),
            [
                _("Fremsat af"),
                _("Dagsordenspunkt"),
                _("Møde"),
                _("Gælder"),
                _("Udfald"),
                _("Ny tekstversion"),
            ],
            [
                [
                    amendment.proposed_by,
                    _item_title(amendment.item),
                    short_date(amendment.item.meeting.starts_at),
                    _target(amendment),
                    amendment.outcome_label,
                    _produced(amendment),
                ]
                for amendment in amendments
            ],
            meeting_link,
            row_links=[amendment.get_absolute_url() for amendment in amendments],
            link_column=0,
        ),
    ]
    section = Section(
        "governance",
        _("Høringer og beslutninger"),
        _(
            "Høringerne sendt i året med deres høringssvar, beslutningerne på årets møder i de "
            "politiske udvalg og de ændringsforslag, der blev fremsat, med de nye versioner af "
            "politikkens tekster, som de vedtagne gav."
        ),
        tables,
    )
    figures = [
        Figure(_("Høringer sendt"), len(hearings), link=hearing_link),
        Figure(_("Høringssvar modtaget"), responses, link=hearing_link),
        Figure(_("Beslutninger truffet"), len(decisions), link=meeting_link),
        Figure(
            pgettext("report figure", "Ændringsforslag vedtaget"),
            sum(1 for a in amendments if a.status == Amendment.Status.ADOPTED),
            link=meeting_link,
        ),
    ]
    return section, figures
