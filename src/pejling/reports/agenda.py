"""Putting the committee's orientation on a meeting's agenda, as an item with annexes.

The item is made by governance's own services, so it is numbered and audited like any other;
its text is drawn from the report's stored content, its annexes are the report's own files.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pejling.core import crud
from pejling.governance import services as governance
from pejling.governance.models import AgendaItem, Meeting
from pejling.reports.documents import cell
from pejling.reports.figures import orientation
from pejling.reports.models import AgendaPlacement, Kind, Report


def upcoming_meetings():
    """The meetings an item can still be put on: not held, and not begun."""
    return (
        Meeting.objects.exclude(state__in=[Meeting.State.HELD, Meeting.State.MINUTES_APPROVED])
        .filter(starts_at__gte=timezone.now())
        .select_related("body")
        .order_by("starts_at", "body__name")
    )


def put_on_agenda(*, actor, report: Report, meeting: Meeting) -> AgendaItem:
    """A done orientation as the next item of an upcoming meeting, with the report's PDF (and
    the status report it refers to) as annexes; refused when the version is already on it."""
    if report.kind != Kind.ORIENTATION:
        raise ValidationError(
            _("Kun udvalgets orientering om task forcen kan sættes på en dagsorden.")
        )
    if not report.is_done or not report.pdf:
        raise ValidationError(
            _("Rapporten er ikke færdig endnu. Vent til den er dannet, og prøv så igen.")
        )
    if meeting.is_held or meeting.starts_at < timezone.now():
        raise ValidationError(
            {
                "meeting": _("Mødet %(meeting)s er afholdt. Vælg et kommende møde.")
                % {"meeting": meeting}
            }
        )
    with translation.override(report.language):
        sections = {section["key"]: section for section in report.content.get("sections", [])}
        points = sections.get(orientation.RECOMMENDATION, {}).get("paragraphs", [])
        summary = _text(sections.get(orientation.SUMMARY), tables=False)
        case_description = "\n\n".join(
            part
            for part in (
                _text(sections.get(orientation.CASE)),
                _text(sections.get(orientation.PRIORITIES), heading=True),
                _text(sections.get(orientation.ECONOMY), heading=True),
            )
            if part
        )
        annexes = [(report.content.get("title") or str(report), report)]
        annexes += [
            (orientation.annex_title(other), other)
            for other in orientation.annex_reports(report.year, done_by=report.finished_at)
            if other.pdf
        ]
    stored = []
    try:
        with transaction.atomic():
            Meeting.objects.select_for_update().get(pk=meeting.pk)
            if AgendaPlacement.objects.filter(report=report, meeting=meeting).exists():
                raise ValidationError(
                    {
                        "meeting": _(
                            "Denne version af orienteringen er allerede sat på dagsordenen "
                            "for %(meeting)s."
                        )
                        % {"meeting": meeting}
                    }
                )
            administration = getattr(actor, "administration", None)
            item = governance.add_agenda_item(
                actor=actor,
                meeting=meeting,
                title=report.content.get("title") or str(report),
                recommended_by=administration.name if administration else "",
                summary=summary,
                case_description=case_description,
                recommendation_points=points,
            )
            for title, source in annexes:
                upload = ContentFile(
                    source.pdf.open("rb").read(),
                    name=f"{source.kind}-{source.year}-v{source.version}-{source.language}.pdf",
                )
                source.pdf.close()
                stored.append(
                    governance.add_annex(actor=actor, item=item, title=title, upload=upload)
                )
            crud.create(
                actor=actor,
                instance=AgendaPlacement(
                    report=report, meeting=meeting, item=item, placed_by=actor
                ),
            )
    except Exception:
        # The rows are rolled back; the files they pointed to must go too.
        for annex in stored:
            annex.file.delete(save=False)
        raise
    return item


def _text(section: dict | None, *, tables: bool = True, heading: bool = False) -> str:
    """A section as the plain text of an agenda item's field: paragraphs, tables as lines."""
    if not section:
        return ""
    parts = [section["title"].upper()] if heading else []
    parts += [text for text in [section.get("intro", ""), *section.get("paragraphs", [])] if text]
    for table in section.get("tables", []) if tables else []:
        # Rows of nothing but zeros say nothing in prose; the annexed PDF has them all.
        rows = "; ".join(_row(table["header"], row) for row in table["rows"] if any(row[1:]))
        parts.append(f"{table['caption']}: {rows or _('intet at vise.')}")
    for note in section.get("priorities", []):
        parts.append(f"{note['title']}\n{note['text']}")
    if section["key"] == orientation.PRIORITIES and not section.get("priorities"):
        parts.append(_("Der er endnu ikke skrevet prioriteter."))
    return "\n\n".join(parts)


def _row(header: list[str], row: list) -> str:
    if len(row) == 2:
        return f"{cell(row[0])} {cell(row[1])}"
    values = ", ".join(
        f"{name.lower()} {cell(value)}" for name, value in zip(header[1:], row[1:], strict=True)
    )
    return f"{cell(row[0])} ({values})"
