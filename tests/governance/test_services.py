"""The rules of meetings, decisions, amendments and hearings, through the services."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from pejling.audit.models import AuditEvent
from pejling.governance import services
from pejling.governance.models import AgendaItem, Amendment, Hearing, HearingResponse, Meeting
from pejling.policy.models import TextVersion
from tests.governance.conftest import VISION, at, hold


def test_a_meeting_in_the_past_cannot_be_planned(world, cast):
    with pytest.raises(ValidationError) as error:
        services.create_meeting(actor=cast.policy_officer, body=world.biu, starts_at=at(2026, 2, 1))
    assert "i fortiden, kan ikke være planlagt" in str(error.value)
    assert Meeting.objects.count() == 1


def test_a_past_meeting_may_be_recorded_as_held(world, cast):
    meeting = services.create_meeting(
        actor=cast.policy_officer,
        body=world.biu,
        starts_at=at(2026, 2, 1),
        state=Meeting.State.HELD,
    )
    assert meeting.is_held


def test_meeting_states_follow_the_transitions_map(world, cast):
    with pytest.raises(ValidationError) as error:
        services.transition_meeting(
            actor=cast.policy_officer, meeting=world.meeting, to=Meeting.State.HELD
        )
    assert "kan ikke gå fra “Planlagt” til “Afholdt”" in str(error.value)
    world.meeting.refresh_from_db()
    assert world.meeting.state == Meeting.State.PLANNED


def test_a_meeting_cannot_be_held_before_it_begins(world, cast):
    services.transition_meeting(
        actor=cast.policy_officer, meeting=world.meeting, to=Meeting.State.AGENDA_PUBLISHED
    )
    with pytest.raises(ValidationError, match="før det er begyndt"):
        services.transition_meeting(
            actor=cast.policy_officer, meeting=world.meeting, to=Meeting.State.HELD
        )


def test_items_are_numbered_with_numbered_recommendation_points(world):
    assert world.item.number == 1
    assert [p.number for p in world.item.recommendation_points.all()] == [1, 2]


def test_a_decision_on_an_item_of_a_meeting_not_yet_held_is_refused(world, cast):
    with pytest.raises(ValidationError) as error:
        services.record_decision(
            actor=cast.policy_officer, item=world.item, outcome=AgendaItem.Outcome.ADOPTED
        )
    assert "Mødet er ikke afholdt endnu" in str(error.value)
    world.item.refresh_from_db()
    assert world.item.outcome == ""


def test_a_decision_with_a_vote_records_each_party(world, cast):
    hold(world.meeting, cast.policy_officer)
    item = services.record_decision(
        actor=cast.policy_officer,
        item=world.item,
        outcome=AgendaItem.Outcome.REJECTED,
        with_vote=True,
        votes={world.party: "for", world.other_party: "against"},
    )
    assert item.decision_label == "Forkastet med afstemning"
    assert {(v.party.short_name, v.position) for v in item.votes.all()} == {
        ("Ø", "for"),
        ("B", "against"),
    }


def test_votes_without_a_vote_are_refused(world, cast):
    hold(world.meeting, cast.policy_officer)
    with pytest.raises(ValidationError, match="når der var afstemning"):
        services.record_decision(
            actor=cast.policy_officer,
            item=world.item,
            outcome=AgendaItem.Outcome.ADOPTED,
            votes={world.party: "for"},
        )


def _vision_amendment(world, cast, version=None) -> Amendment:
    return services.propose_amendment(
        actor=cast.policy_officer,
        item=world.item,
        party=world.party,
        proposed_by="",
        kind=Amendment.Kind.REPLACE,
        target_version=version or world.vision.current,
        text_from="integrationen af borgere",
        text_to="integration af borgere og andre minoriteter",
    )


def test_adopting_an_amendment_creates_the_next_text_version(world, cast):
    amendment = _vision_amendment(world, cast)
    hold(world.meeting, cast.policy_officer)

    amendment = services.adopt_amendment(actor=cast.policy_officer, amendment=amendment)

    version = amendment.produced_version
    assert version.number == 2
    assert version.body == VISION.replace(
        "integrationen af borgere", "integration af borgere og andre minoriteter"
    )
    assert version.reason == TextVersion.Reason.AMENDMENT
    assert version.proposed_by == "Enhedslisten"
    assert version.valid_from == date(2026, 3, 16)
    assert version.decision_reference == (
        "BIU-møde 16.03.2026, punkt 1: ændringsforslaget vedtaget uden afstemning"
    )
    assert version.amendment == amendment
    assert AuditEvent.objects.for_object(version).exists()


def test_an_amendment_to_a_version_no_longer_current_is_refused(world, cast):
    old = world.vision.current
    amendment = _vision_amendment(world, cast)
    services.propose_amendment(
        actor=cast.policy_officer,
        item=world.item,
        party=world.other_party,
        proposed_by="",
        kind=Amendment.Kind.ADD_PARAGRAPH,
        target_version=old,
        text_to="Et nyt afsnit.",
    )
    hold(world.meeting, cast.policy_officer)
    services.adopt_amendment(actor=cast.policy_officer, amendment=amendment)
    second = world.item.amendments.get(number=2)

    with pytest.raises(ValidationError) as error:
        services.adopt_amendment(actor=cast.policy_officer, amendment=second)
    assert "gælder version 1 af “Visionen”, men den gældende version er nu 2" in str(error.value)
    second.refresh_from_db()
    assert second.status == Amendment.Status.PROPOSED
    assert world.vision.versions.count() == 2
    with pytest.raises(ValidationError, match="den gældende version er nu 2"):
        _vision_amendment(world, cast, version=old)


def test_an_amendment_whose_text_is_not_in_the_version_is_refused(world, cast):
    with pytest.raises(ValidationError, match="findes ikke i den valgte version"):
        services.propose_amendment(
            actor=cast.policy_officer,
            item=world.item,
            party=world.party,
            proposed_by="",
            kind=Amendment.Kind.REPLACE,
            target_version=world.vision.current,
            text_from="noget der ikke står der",
            text_to="x",
        )


def test_an_amendment_cannot_be_adopted_before_the_meeting_is_held(world, cast):
    amendment = _vision_amendment(world, cast)
    with pytest.raises(ValidationError, match="Mødet er ikke afholdt endnu"):
        services.adopt_amendment(actor=cast.policy_officer, amendment=amendment)
    assert world.vision.versions.count() == 1


def test_a_rejected_amendment_changes_no_text(world, cast):
    amendment = _vision_amendment(world, cast)
    hold(world.meeting, cast.policy_officer)
    amendment = services.reject_amendment(
        actor=cast.policy_officer,
        amendment=amendment,
        with_vote=True,
        votes={world.party: "for", world.other_party: "against"},
    )
    assert amendment.outcome_label == "Forkastet med afstemning"
    assert world.vision.versions.count() == 1
    with pytest.raises(ValidationError, match="allerede forkastet"):
        services.adopt_amendment(actor=cast.policy_officer, amendment=amendment)


def test_an_item_with_open_amendments_cannot_be_decided(world, cast):
    _vision_amendment(world, cast)
    hold(world.meeting, cast.policy_officer)
    with pytest.raises(ValidationError, match="Tag stilling til alle ændringsforslag"):
        services.record_decision(
            actor=cast.policy_officer, item=world.item, outcome=AgendaItem.Outcome.ADOPTED
        )


# --- Hearings ---------------------------------------------------------------------------------


def _send(world, cast) -> Hearing:
    return services.transition_hearing(
        actor=cast.policy_officer, hearing=world.hearing, to=Hearing.Phase.SENT
    )


def test_sending_a_hearing_dates_it(world, cast):
    hearing = _send(world, cast)
    assert hearing.phase == Hearing.Phase.SENT
    assert hearing.sent_on == date(2026, 3, 2)


def test_hearing_phases_follow_the_transitions_map(world, cast):
    with pytest.raises(ValidationError, match="kan ikke gå fra"):
        services.transition_hearing(
            actor=cast.policy_officer, hearing=world.hearing, to=Hearing.Phase.NOTE_DONE
        )


def test_a_response_before_sending_is_refused(world, cast):
    with pytest.raises(ValidationError, match="ikke sendt endnu"):
        services.receive_response(
            actor=cast.policy_officer,
            hearing=world.hearing,
            party=world.hearing.parties.first(),
            received_on=date(2026, 3, 3),
            text="Svar",
        )


def test_a_late_response_is_accepted_and_marked_late(world, cast):
    hearing = _send(world, cast)
    response = services.receive_response(
        actor=cast.policy_officer,
        hearing=hearing,
        party=hearing.parties.get(organisation="Dansk Flygtningehjælp"),
        received_on=date(2026, 3, 14),
        text="Vi bakker op.",
    )
    assert response.is_late
    assert response.channel == HearingResponse.Channel.WEB_FORM


def test_an_uploaded_docx_keeps_the_original_and_its_text(world, cast, tmp_path, settings):
    import io

    from docx import Document

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Teknik- og Miljgudvalget finder generelt pa omradet")
    document.save(buffer)
    hearing = _send(world, cast)
    response = services.receive_response(
        actor=cast.policy_officer,
        hearing=hearing,
        party=hearing.parties.get(body=world.council),
        received_on=date(2026, 3, 10),
        upload=SimpleUploadedFile("svar.docx", buffer.getvalue()),
    )
    assert response.extracted_text == "Teknik- og Miljgudvalget finder generelt pa omradet"
    assert response.original_name == "svar.docx"
    response = services.assess_response(
        actor=cast.policy_officer,
        response=response,
        corrected_text="Teknik- og Miljøudvalget finder generelt på området",
    )
    assert response.text == "Teknik- og Miljøudvalget finder generelt på området"
    assert "Miljgudvalget" in response.extracted_text


def test_an_uploaded_pdf_is_read(world, cast, tmp_path, settings):
    from weasyprint import HTML

    settings.MEDIA_ROOT = tmp_path
    pdf = HTML(string="<p>Integrationsrådet er positivt indstillet.</p>").write_pdf()
    hearing = _send(world, cast)
    response = services.receive_response(
        actor=cast.policy_officer,
        hearing=hearing,
        party=hearing.parties.get(body=world.council),
        received_on=date(2026, 3, 10),
        upload=SimpleUploadedFile("svar.pdf", pdf),
    )
    assert "Integrationsrådet er positivt indstillet." in response.extracted_text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("svar.exe", b"MZ...", "Filtypen er ikke tilladt"),
        ("svar.pdf", b"<html>", "passer ikke til filtypen"),
        ("svar.txt", b"", "Filen er tom"),
        ("svar.txt", b"\xff\xfe\x00bad", "UTF-8"),
    ],
)
def test_bad_uploads_are_refused_and_nothing_saved(world, cast, name, content, message):
    hearing = _send(world, cast)
    with pytest.raises(ValidationError, match=message):
        services.receive_response(
            actor=cast.policy_officer,
            hearing=hearing,
            party=hearing.parties.get(body=world.council),
            received_on=date(2026, 3, 10),
            upload=SimpleUploadedFile(name, content),
        )
    assert not HearingResponse.objects.exists()


def test_the_note_is_done_only_when_every_response_is_summarised(world, cast):
    hearing = _send(world, cast)
    services.receive_response(
        actor=cast.policy_officer,
        hearing=hearing,
        party=hearing.parties.get(body=world.council),
        received_on=date(2026, 3, 10),
        text="Svar",
    )
    with time_machine.travel(at(2026, 3, 14), tick=False):
        hearing = services.transition_hearing(
            actor=cast.policy_officer, hearing=hearing, to=Hearing.Phase.CLOSED
        )
    with pytest.raises(ValidationError, match="1 høringssvar mangler en sammenfatning"):
        services.transition_hearing(
            actor=cast.policy_officer, hearing=hearing, to=Hearing.Phase.NOTE_DONE
        )


def test_a_change_must_be_described(world, cast):
    hearing = _send(world, cast)
    response = services.receive_response(
        actor=cast.policy_officer,
        hearing=hearing,
        party=hearing.parties.get(body=world.council),
        received_on=date(2026, 3, 10),
        text="Svar",
    )
    with pytest.raises(ValidationError, match="Beskriv den ændring"):
        services.assess_response(actor=cast.policy_officer, response=response, leads_to_change=True)
