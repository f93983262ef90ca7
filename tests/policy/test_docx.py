"""The policy and the action plan as Word documents, opened with python-docx."""

import io
from datetime import date
from decimal import Decimal

import time_machine
from django.urls import reverse
from docx import Document

from pejling.core import crud
from pejling.policy.services import record_target_progress
from tests.policy.support import CASE_NUMBER, PUBLIC, logged_in

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def open_docx(response):
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    return Document(io.BytesIO(response.content))


def headings(document, level: int | None = None) -> list[str]:
    styles = {"Title"} if level == 0 else {f"Heading {level}"} if level else None
    return [
        p.text
        for p in document.paragraphs
        if (p.style.name in styles if styles else p.style.name.startswith(("Heading", "Title")))
    ]


def header_text(document) -> str:
    return document.sections[0].header.paragraphs[0].text


def table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_draft_policy_document_has_its_themes_and_placeholders(client, cast, demo):
    url = reverse("policy:policy_docx", args=["bland-dig-i-byen"])

    response = logged_in(client, cast.committee_member).get(url)

    assert response["Content-Disposition"] == 'attachment; filename="bland-dig-i-byen.docx"'
    document = open_docx(response)
    assert headings(document, 0) == ["Bland dig i byen"]
    top = headings(document, 1)
    for heading in ["Vision", "Principper", "Ansvar", "Tema 1: Mangfoldig arbejdsplads"]:
        assert heading in top
    assert top.index("Tema 1: Mangfoldig arbejdsplads") < top.index(
        "Tema 4: Flere bidrager til byens vækst"
    )
    assert {"Konkrete mål", "Initiativer", "Fyrtårnsprojekt"} <= set(headings(document, 2))
    texts = [p.text for p in document.paragraphs]
    numbered = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert numbered[0] == "Vi behandler alle lige med respekt for deres forskellighed"
    assert len(numbered) == 5
    assert "[Her indsættes et fyrtårnsprojekt, fx samarbejde med virksomheder om de unge]" in texts
    assert header_text(document) == "Københavns Kommune"  # a draft has no date of adoption
    assert document.core_properties.title == "Bland dig i byen"


def test_public_policy_document_has_the_topics_table(client, demo):
    document = open_docx(client.get(reverse("policy:policy_docx", args=[PUBLIC])))

    assert "Pejlemærker" in headings(document, 1)
    assert "Integration og sprog" in headings(document, 2)
    assert header_text(document) == "Københavns Kommune   ·   20-06-2022"
    [table] = document.tables
    rows = table_rows(table)
    assert rows[0] == ["Emne", "Slags", "Kvartal", "Status"]
    assert rows[1] == ["Iværksætteri", "Oplæg og temadrøftelse", "2. kvt. 2022", "Afholdt"]
    assert len(rows) == 1 + 9
    assert any(p.text == "Tabel 1: Planlagte emner" for p in document.paragraphs)


@time_machine.travel(date(2012, 10, 1), tick=False)
def test_action_plan_document_has_the_case_number_targets_and_budget(client, cast, demo):
    record_target_progress(
        actor=cast.policy_officer,
        target=demo.range_target,
        value=Decimal(9),
        recorded_on=date(2012, 9, 1),
    )
    url = reverse("policy:action_plan_docx", args=[demo.plan.pk])

    response = logged_in(client, cast.committee_member).get(url)

    assert response["Content-Disposition"] == f'attachment; filename="{CASE_NUMBER}.docx"'
    document = open_docx(response)
    assert (
        header_text(document) == f"Københavns Kommune   ·   Sagsnr. {CASE_NUMBER}   ·   19-10-2011"
    )
    assert headings(document, 0) == [
        "Videreførelse og styrkelse af handleplan for ligebehandling 2012"
    ]
    top = headings(document, 1)
    for heading in ["Baggrund", "Indsatsspor og målsætninger", "Økonomi"]:
        assert heading in top
    assert headings(document, 2) == [
        "1. Efteruddannelse",
        "2. Kommunikation",
        "3. Equality Lab 2.0",
        "4. International erfaringsudveksling",
    ]
    facts, *targets, budget = (table_rows(t) for t in document.tables)
    assert ["Sagsnr.", CASE_NUMBER] in facts
    assert ["Sagsbehandler", "Anne L. Vestergaard"] in facts
    assert len(targets) == 4
    assert targets[2][0] == ["Målsætning", "Mål", "Frist", "Seneste registrering", "Status"]
    assert targets[2][1] == [
        "Equality Lab 2.0 udvides til 8-10 nye institutioner i 2012",
        "8–10 nye institutioner",
        "31-12-2012",
        "9 (01-09-2012)",
        "Opfyldt",
    ]
    assert targets[0][1][1:] == ["ja/nej", "31-12-2012", "–", "På vej"]
    assert budget[1:] == [
        ["Efteruddannelsesprogram", "2012", "600.000,00 kr."],
        ["Supplerende initiativer i kommunikationsstrategien", "2012", "450.000,00 kr."],
        ["Udvidelse af Equality Lab", "2012", "450.000,00 kr."],
    ]


def test_action_plan_document_leaves_out_the_budget_for_the_public(client, cast, demo):
    # The 2011 policy adopted and public, so that anyone may read its action plan.
    crud.update(actor=None, instance=demo.draft, changes={"status": "adopted", "is_public": True})
    url = reverse("policy:action_plan_docx", args=[demo.plan.pk])

    document = open_docx(client.get(url))

    assert "Økonomi" not in headings(document, 1)
    assert not any("600.000,00 kr." in p.text for p in document.paragraphs)
    assert len(document.tables) == 1 + 4
