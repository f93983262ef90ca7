"""The meeting and hearing pages: who sees them, who changes them, and bad input."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from pejling.governance import services
from pejling.governance.models import AgendaItem, Amendment, Hearing, HearingResponse, Meeting
from tests.governance.conftest import hold


def get(client, user, name, *args, **params):
    client.force_login(user)
    return client.get(reverse(f"governance:{name}", args=args), params)


# --- Access -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "attr"),
    [
        ("meeting_list", None),
        ("meeting_detail", "meeting"),
        ("item_detail", "item"),
        ("hearing_list", None),
        ("hearing_detail", "hearing"),
    ],
)
def test_internal_roles_read_the_pages(client, cast, world, name, attr):
    args = [getattr(world, attr).pk] if attr else []
    for user in (cast.policy_officer, cast.committee_member, cast.advisor):
        assert get(client, user, name, *args).status_code == 200


@pytest.mark.parametrize("name", ["meeting_list", "hearing_list", "meeting_create"])
def test_anonymous_visitors_are_sent_to_log_in(client, world, name):
    response = client.get(reverse(f"governance:{name}"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_an_outsider_finds_nothing(client, cast, world):
    assert get(client, cast.outsider, "meeting_list").status_code == 404
    assert get(client, cast.outsider, "meeting_detail", world.meeting.pk).status_code == 404
    assert get(client, cast.outsider, "hearing_detail", world.hearing.pk).status_code == 404


def test_readers_may_not_change(client, cast, world):
    client.force_login(cast.committee_member)
    assert client.get(reverse("governance:meeting_create")).status_code == 403
    assert client.get(reverse("governance:item_create", args=[world.meeting.pk])).status_code == 403
    response = client.post(
        reverse("governance:meeting_transition", args=[world.meeting.pk]),
        {"to": Meeting.State.AGENDA_PUBLISHED},
    )
    assert response.status_code == 403
    world.meeting.refresh_from_db()
    assert world.meeting.state == Meeting.State.PLANNED


def test_only_editors_see_the_edit_buttons(client, cast, world):
    page = get(client, cast.committee_member, "meeting_detail", world.meeting.pk).content.decode()
    assert "Nyt punkt" not in page
    page = get(client, cast.policy_officer, "meeting_detail", world.meeting.pk).content.decode()
    assert "Nyt punkt" in page


def test_transition_is_post_only(client, cast, world):
    client.force_login(cast.policy_officer)
    url = reverse("governance:meeting_transition", args=[world.meeting.pk])
    assert client.get(url).status_code == 405


# --- Meetings ---------------------------------------------------------------------------------


def test_the_meeting_list_filters_and_exports(client, cast, world):
    response = get(client, cast.committee_member, "meeting_list", state="planned")
    assert "1 møde" in response.content.decode()
    response = get(client, cast.committee_member, "meeting_list", state="held")
    assert "0 møder" in response.content.decode()
    export = get(client, cast.committee_member, "meeting_list", format="csv")
    assert export["Content-Type"].startswith("text/csv")
    assert "Bernstorffsgade 17" in export.content.decode("utf-8-sig")
    partial = client.get(reverse("governance:meeting_list"), headers={"HX-Request": "true"})
    assert "<html" not in partial.content.decode()


def test_a_policy_officer_creates_a_meeting(client, cast, world):
    client.force_login(cast.policy_officer)
    response = client.post(
        reverse("governance:meeting_create"),
        {
            "body": world.biu.pk,
            "name": "Ordinært møde",
            "day": "2026-04-20",
            "time": "16:30",
            "location": "Rådhuset",
        },
    )
    meeting = Meeting.objects.get(location="Rådhuset")
    assert response.url == meeting.get_absolute_url()
    assert meeting.state == Meeting.State.PLANNED


def test_a_planned_meeting_in_the_past_is_refused_with_a_message(client, cast, world):
    client.force_login(cast.policy_officer)
    response = client.post(
        reverse("governance:meeting_create"),
        {"body": world.biu.pk, "name": "Ordinært møde", "day": "2026-01-20", "time": "16:30"},
    )
    assert response.status_code == 400
    assert "Et møde, der ligger i fortiden, kan ikke være planlagt." in response.content.decode()
    assert Meeting.objects.count() == 1


def test_a_policy_officer_adds_an_item(client, cast, world):
    client.force_login(cast.policy_officer)
    response = client.post(
        reverse("governance:item_create", args=[world.meeting.pk]),
        {
            "title": "Task force",
            "case_reference": "BIU 201/2006",
            "recommendation": "at udvalget godkender modellen\nat udvalget orienteres årligt",
        },
    )
    item = AgendaItem.objects.get(case_reference="BIU 201/2006")
    assert response.url == item.get_absolute_url()
    assert item.number == 2
    page = get(client, cast.committee_member, "item_detail", item.pk).content.decode()
    assert "at udvalget orienteres årligt" in page


def test_an_item_without_a_recommendation_is_refused(client, cast, world):
    client.force_login(cast.policy_officer)
    response = client.post(
        reverse("governance:item_create", args=[world.meeting.pk]), {"title": "Uden"}
    )
    assert response.status_code == 400
    assert not AgendaItem.objects.filter(title="Uden").exists()


def test_a_decision_before_the_meeting_is_refused_with_a_message(client, cast, world):
    client.force_login(cast.policy_officer)
    response = client.post(
        reverse("governance:decision_edit", args=[world.item.pk]), {"outcome": "adopted"}
    )
    assert response.status_code == 400
    assert "Mødet er ikke afholdt endnu" in response.content.decode()


def test_from_amendment_to_decision_through_the_pages(client, cast, world):
    client.force_login(cast.policy_officer)
    client.post(
        reverse("governance:amendment_create", args=[world.item.pk]),
        {
            "party": world.party.pk,
            "kind": "replace",
            "target_version": world.vision.current.pk,
            "text_from": "integrationen af borgere",
            "text_to": "integration af borgere og andre minoriteter",
        },
    )
    amendment = Amendment.objects.get()
    hold(world.meeting, cast.policy_officer)
    response = client.post(
        reverse("governance:amendment_decide", args=[amendment.pk]),
        {"decision": "adopt"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("governance:decision_edit", args=[world.item.pk]),
        {"outcome": "adopted_amended", "text": "Godkendt uden afstemning."},
    )
    assert response.status_code == 302
    page = get(client, cast.committee_member, "item_detail", world.item.pk).content.decode()
    assert "Godkendt med ændringer uden afstemning" in page
    assert "<ins>integration</ins>" in page or "<ins>" in page
    assert "Gav version 2 af teksten" in page
    history = client.get(reverse("policy:text_history", args=[world.vision.pk])).content.decode()
    assert "BIU-møde 16.03.2026, punkt 1: ændringsforslaget vedtaget uden afstemning" in history


def test_an_amendment_without_a_proposer_is_refused(client, cast, world):
    client.force_login(cast.policy_officer)
    response = client.post(
        reverse("governance:amendment_create", args=[world.item.pk]),
        {"kind": "add_paragraph", "text_to": "Nyt afsnit"},
    )
    assert response.status_code == 400
    assert "Vælg et parti" in response.content.decode()
    assert not Amendment.objects.exists()


def test_annex_upload_and_public_download(client, cast, world, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast.policy_officer)
    client.post(
        reverse("governance:annex_create", args=[world.item.pk]),
        {"title": "Budget", "file": SimpleUploadedFile("budget.pdf", b"%PDF-1.4 test")},
    )
    annex = world.item.annexes.get()
    assert annex.file.name.endswith(".pdf") and "budget" not in annex.file.name
    client.logout()
    url = reverse("governance:annex_download", args=[annex.pk])
    assert client.get(url).status_code == 404  # the agenda is not published
    services.transition_meeting(
        actor=cast.policy_officer, meeting=world.meeting, to=Meeting.State.AGENDA_PUBLISHED
    )
    assert client.get(url).status_code == 200


def test_a_disallowed_annex_is_refused(client, cast, world, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast.policy_officer)
    response = client.post(
        reverse("governance:annex_create", args=[world.item.pk]),
        {"title": "x", "file": SimpleUploadedFile("x.html", b"<script>")},
    )
    assert response.status_code == 400
    assert "Filtypen er ikke tilladt" in response.content.decode()
    assert not world.item.annexes.exists()


# --- Hearings ---------------------------------------------------------------------------------


def test_a_policy_officer_creates_a_hearing(client, cast, world):
    client.force_login(cast.policy_officer)
    response = client.post(
        reverse("governance:hearing_create"),
        {
            "title": "Høring om handleplan",
            "asked_by": world.biu.pk,
            "proposal": "Handleplanen",
            "deadline": "2026-04-01",
            "bodies": [world.council.pk],
            "organisations": "LG Insight\nDansk Flygtningehjælp",
        },
    )
    hearing = Hearing.objects.get(title="Høring om handleplan")
    assert response.url == hearing.get_absolute_url()
    assert hearing.parties.count() == 3


def test_a_hearing_without_parties_is_refused(client, cast, world):
    client.force_login(cast.policy_officer)
    response = client.post(
        reverse("governance:hearing_create"),
        {"title": "Tom", "asked_by": world.biu.pk, "proposal": "x", "deadline": "2026-04-01"},
    )
    assert response.status_code == 400
    assert "Vælg mindst én høringspart." in response.content.decode()
    assert not Hearing.objects.filter(title="Tom").exists()


def test_a_late_response_by_web_form_is_marked(client, cast, world):
    client.force_login(cast.policy_officer)
    client.post(reverse("governance:hearing_transition", args=[world.hearing.pk]), {"to": "sent"})
    party = world.hearing.parties.get(body=world.council)
    response = client.post(
        reverse("governance:response_create", args=[world.hearing.pk]),
        {"party": party.pk, "received_on": "2026-03-20", "text": "Vi er positive."},
        follow=True,
    )
    assert "markeret som for sent" in response.content.decode()
    assert HearingResponse.objects.get().is_late


def test_a_response_needs_text_or_a_file(client, cast, world):
    client.force_login(cast.policy_officer)
    client.post(reverse("governance:hearing_transition", args=[world.hearing.pk]), {"to": "sent"})
    party = world.hearing.parties.get(body=world.council)
    response = client.post(
        reverse("governance:response_create", args=[world.hearing.pk]),
        {"party": party.pk, "received_on": "2026-03-10"},
    )
    assert response.status_code == 400
    assert "Skriv svaret, eller upload det som fil." in response.content.decode()


def _answered(world, cast) -> HearingResponse:
    hearing = services.transition_hearing(
        actor=cast.policy_officer, hearing=world.hearing, to=Hearing.Phase.SENT
    )
    response = services.receive_response(
        actor=cast.policy_officer,
        hearing=hearing,
        party=hearing.parties.get(body=world.council),
        received_on=date(2026, 3, 10),
        text="Miljgudvalget finder pa omradet",
    )
    return services.assess_response(
        actor=cast.policy_officer,
        response=response,
        corrected_text="Miljøudvalget finder på området",
        summary="Rådet ønsker kønsbalance.",
        administration_comment="Det er ikke lovligt at målrette stillingsopslag.",
        leads_to_change=True,
        change_description="Det opsøgende arbejde beskrives klarere.",
    )


def test_the_response_page_shows_the_text_as_received_beside_the_corrected(client, cast, world):
    response = _answered(world, cast)
    page = get(client, cast.committee_member, "response_detail", response.pk).content.decode()
    assert "Miljgudvalget finder pa omradet" in page
    assert "<ins>Miljøudvalget</ins>" in page
    assert "Behandling af svaret" not in page


def test_a_reader_cannot_assess_a_response(client, cast, world):
    response = _answered(world, cast)
    client.force_login(cast.committee_member)
    reply = client.post(
        reverse("governance:response_detail", args=[response.pk]), {"summary": "Ændret"}
    )
    assert reply.status_code == 403


def test_the_hearing_note_as_docx_and_pdf(client, cast, world):
    _answered(world, cast)
    docx = get(client, cast.committee_member, "note_docx", world.hearing.pk)
    document = Document(io.BytesIO(docx.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "1. Indledning",
        "2. Høringsparter",
        "3. Sammenfatning",
        "4. Høringssvar med forvaltningens bemærkninger",
        "Integrationsrådet",
        "5. Ændringer som følge af høringen",
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Det er ikke lovligt at målrette stillingsopslag." in text
    assert "Det opsøgende arbejde beskrives klarere." in text
    table = document.tables[0]
    assert [c.text for c in table.rows[2].cells] == ["Integrationsrådet", "Modtaget 10-03-2026"]
    assert [c.text for c in table.rows[1].cells] == ["Dansk Flygtningehjælp", "Intet svar"]

    pdf = get(client, cast.committee_member, "note_pdf", world.hearing.pk)
    assert pdf["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(pdf.content)).pages
    text = "\n".join(page.extract_text() for page in pages)
    assert "Høringssvar med forvaltningens bemærkninger" in text
    assert "Det er ikke lovligt at målrette stillingsopslag." in text


def test_the_original_upload_is_downloadable(client, cast, world, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    hearing = services.transition_hearing(
        actor=cast.policy_officer, hearing=world.hearing, to=Hearing.Phase.SENT
    )
    response = services.receive_response(
        actor=cast.policy_officer,
        hearing=hearing,
        party=hearing.parties.get(body=world.council),
        received_on=date(2026, 3, 10),
        upload=SimpleUploadedFile("scan.txt", b"Hgring pa omradet"),
    )
    download = get(client, cast.committee_member, "response_file", response.pk)
    assert b"".join(download.streaming_content) == b"Hgring pa omradet"
    assert 'filename="scan.txt"' in download["Content-Disposition"]


def test_editing_the_deadline_moves_the_late_marks(client, cast, world):
    hearing = services.transition_hearing(
        actor=cast.policy_officer, hearing=world.hearing, to=Hearing.Phase.SENT
    )
    response = services.receive_response(
        actor=cast.policy_officer,
        hearing=hearing,
        party=hearing.parties.get(body=world.council),
        received_on=date(2026, 3, 20),
        text="Svar",
    )
    assert response.is_late
    client.force_login(cast.policy_officer)
    reply = client.post(
        reverse("governance:hearing_edit", args=[hearing.pk]),
        {
            "title": hearing.title,
            "proposal": hearing.proposal,
            "deadline": "2026-03-27",
            "changes_summary": "Visionen nævner nu også andre minoriteter.",
        },
    )
    assert reply.status_code == 302
    response.refresh_from_db()
    assert not response.is_late
    hearing.refresh_from_db()
    assert hearing.changes_summary == "Visionen nævner nu også andre minoriteter."


def test_a_hearing_edit_with_a_cpr_number_is_refused(client, cast, world):
    client.force_login(cast.policy_officer)
    reply = client.post(
        reverse("governance:hearing_edit", args=[world.hearing.pk]),
        {"title": "x", "proposal": "Borger 010190-1234 klager", "deadline": "2026-03-27"},
    )
    assert reply.status_code == 400
    world.hearing.refresh_from_db()
    assert world.hearing.title == "Høring om visionen"


def test_a_reader_cannot_edit_a_hearing(client, cast, world):
    assert get(client, cast.advisor, "hearing_edit", world.hearing.pk).status_code == 403


def test_the_bodies_page_lists_members_and_logs_the_reads(client, cast, world):
    from pejling.audit.models import AccessEvent
    from pejling.core import crud
    from pejling.governance.models import Membership, Person

    person = crud.create(actor=None, instance=Person(name="Anna Andersen"))
    crud.create(
        actor=None,
        instance=Membership(person=person, body=world.biu, party=world.party),
    )
    page = get(client, cast.committee_member, "body_list").content.decode()
    assert "Anna Andersen, medlem (Enhedslisten)" in page
    assert AccessEvent.objects.for_object(person).filter(actor=cast.committee_member).exists()
    assert get(client, cast.outsider, "body_list").status_code == 404


def test_a_policy_officer_registers_a_membership(client, cast, world):
    from pejling.governance.models import Membership

    client.force_login(cast.policy_officer)
    url = reverse("governance:membership_create")
    data = {
        "name": "Anna  Andersen",
        "body": world.biu.pk,
        "role": "chair",
        "party": world.party.pk,
    }
    assert client.post(url, data).status_code == 302
    membership = Membership.objects.get()
    assert (membership.person.name, membership.role) == ("Anna Andersen", "chair")
    again = client.post(url, data)
    assert again.status_code == 400
    assert "Anna Andersen er allerede medlem af" in again.content.decode()
    assert Membership.objects.count() == 1
    client.force_login(cast.committee_member)
    assert client.post(url, data).status_code == 403
