"""The hearing note (høringsnotat): each response summarised with the administration's comment,
grouped by body, in the structure Danish administrations use, as DOCX and PDF."""

from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from pejling.core.printing import pdf_bytes
from pejling.governance.models import Hearing, HearingParty, HearingResponse
from pejling.lib.worddoc import CaseDocument


@dataclass
class PartySection:
    party: HearingParty
    responses: list[HearingResponse] = field(default_factory=list)


def note_sections(hearing: Hearing) -> list[PartySection]:
    """Every party heard, in name order, with its responses (none when it did not answer)."""
    responses = list(hearing.responses.select_related("party__body").order_by("received_on", "pk"))
    sections = []
    for party in hearing.parties.select_related("body"):
        sections.append(PartySection(party, [r for r in responses if r.party_id == party.pk]))
    sections.sort(key=lambda s: str(s.party).lower())
    return sections


def note_context(hearing: Hearing) -> dict:
    sections = note_sections(hearing)
    responses = [r for s in sections for r in s.responses]
    return {
        "hearing": hearing,
        "municipality": settings.PEJLING_MUNICIPALITY_NAME,
        "dated": timezone.localdate(),
        "sections": sections,
        "answered": [s for s in sections if s.responses],
        "silent": [s for s in sections if not s.responses],
        "changes": [r for r in responses if r.leads_to_change],
        "late": [r for r in responses if r.is_late],
    }


def _received_label(response: HearingResponse) -> str:
    label = _("Modtaget %(date)s") % {"date": response.received_on.strftime("%d-%m-%Y")}
    if response.is_late:
        label += " " + _("(efter fristen)")
    return label


def note_docx(hearing: Hearing) -> HttpResponse:
    context = note_context(hearing)
    doc = CaseDocument(
        title=_("Høringsnotat: %(title)s") % {"title": hearing.title},
        case_number=hearing.case_number,
        dated=context["dated"],
    )
    doc.heading(_("1. Indledning"))
    doc.paragraph(hearing.introduction or hearing.proposal)
    deadline = hearing.deadline.strftime("%d-%m-%Y")
    if hearing.sent_on:
        doc.paragraph(
            _("%(body)s sendte forslaget i høring den %(sent)s med frist den %(deadline)s.")
            % {
                "body": hearing.asked_by,
                "sent": hearing.sent_on.strftime("%d-%m-%Y"),
                "deadline": deadline,
            }
        )
    if hearing.document_list:
        doc.paragraph(_("Sendt i høring:"), italic=True)
        doc.bullets(hearing.document_list)
    doc.heading(_("2. Høringsparter"))
    doc.table(
        _("Høringsparter og svar"),
        [_("Høringspart"), _("Svar")],
        [
            [
                str(s.party),
                "; ".join(_received_label(r) for r in s.responses) or _("Intet svar"),
            ]
            for s in context["sections"]
        ],
    )
    doc.heading(_("3. Sammenfatning"))
    doc.paragraph(
        _("Der er modtaget %(n)s høringssvar fra %(m)s af %(total)s høringsparter.")
        % {
            "n": sum(len(s.responses) for s in context["sections"]),
            "m": len(context["answered"]),
            "total": len(context["sections"]),
        }
    )
    for section in context["answered"]:
        for response in section.responses:
            doc.paragraph(
                response.summary or _("(Ikke sammenfattet endnu.)"), bold_label=f"{section.party}:"
            )
    doc.heading(_("4. Høringssvar med forvaltningens bemærkninger"))
    for section in context["answered"]:
        doc.heading(str(section.party), level=2)
        for response in section.responses:
            doc.paragraph(_received_label(response), italic=True)
            doc.paragraph(response.summary, bold_label=_("Høringssvaret:"))
            doc.paragraph(
                response.administration_comment or _("(Ingen bemærkninger.)"),
                bold_label=_("Forvaltningens bemærkninger:"),
            )
    doc.heading(_("5. Ændringer som følge af høringen"))
    if context["changes"]:
        doc.bullets(f"{r.party}: {r.change_description}" for r in context["changes"])
    if hearing.changes_summary:
        doc.paragraph(hearing.changes_summary)
    if not context["changes"] and not hearing.changes_summary:
        doc.paragraph(_("Høringen har ikke givet anledning til ændringer i forslaget."))
    return doc.response(f"hoeringsnotat-{hearing.pk}")


def note_html(hearing: Hearing) -> str:
    return render_to_string("governance/hearing_note_pdf.html", note_context(hearing))


def note_pdf_bytes(hearing: Hearing) -> bytes:
    return pdf_bytes(note_html(hearing))


def note_pdf(hearing: Hearing) -> HttpResponse:
    response = HttpResponse(note_pdf_bytes(hearing), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="hoeringsnotat-{hearing.pk}.pdf"'
    return response
