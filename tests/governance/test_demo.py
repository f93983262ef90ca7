"""The committee records of the source documents, made through the services."""

from pejling.demo import POLICY_PARTS, load_all
from pejling.demo import policy as policy_demo
from pejling.demo.governance import ORIENTATION_2024_TITLE, SCANNED_TMU_RESPONSE, corrected_scan
from pejling.governance.models import AgendaItem, Amendment, Hearing, HearingResponse, Meeting
from pejling.policy.models import Policy, TextVersion, VersionedText


def test_demo_produces_the_2022_vision_versions_through_adopted_amendments(cast):
    load_all()

    policy = Policy.objects.get(slug="vision-pejlemaerker-2022")
    vision = policy.texts.get(kind=VersionedText.Kind.VISION)
    current = vision.current
    assert current.number == 3
    assert current.body == policy_demo.VISION_2022_AMENDED
    assert current.reason == TextVersion.Reason.AMENDMENT
    assert current.proposed_by == "Enhedslisten"
    assert current.amendment.item.meeting.location == "Bernstorffsgade 17, 1. sal, vær. 124"
    assert "vedtaget uden afstemning" in current.decision_reference
    item = AgendaItem.objects.get(title="Ny vision, pejlemærker og særlige fokusområder")
    assert item.outcome == AgendaItem.Outcome.ADOPTED_AMENDED
    assert not item.decided_with_vote
    assert list(item.amendments.values_list("status", flat=True)) == [Amendment.Status.ADOPTED] * 3
    assert item.meeting.state == Meeting.State.MINUTES_APPROVED


def test_the_vision_history_links_each_amended_version_to_its_amendment(client, cast):
    load_all(POLICY_PARTS)
    vision = Policy.objects.get(slug="vision-pejlemaerker-2022").texts.get(
        kind=VersionedText.Kind.VISION
    )
    amendment = vision.current.amendment
    client.force_login(cast.committee_member)

    page = client.get(vision.get_absolute_url()).content.decode()

    assert f'href="{amendment.get_absolute_url()}"' in page
    assert f"Ændringsforslag {amendment.number} fra Enhedslisten" in page


def test_demo_holds_the_2006_meeting_and_both_hearings(cast):
    load_all()

    item = AgendaItem.objects.get(case_reference="BIU 201/2006")
    assert item.number == 3
    assert item.recommendation_points.get().text.startswith("at Beskæftigelses- og")
    council = item.hearings.get(parties__body__short_name="IR")
    comment = council.responses.get().administration_comment
    assert "ikke lovligt at målrette stillingsopslag" in comment
    assert "efterspørgsel" in comment
    response = HearingResponse.objects.get(party__body__short_name="TMU")
    assert "Miljgudvalget" in response.extracted_text
    assert "Miljøudvalget" in response.text
    assert response.original_file.name.endswith(".txt")


def test_demo_holds_the_2025_orientation_with_the_councils_hearing(cast):
    load_all(POLICY_PARTS)

    item = AgendaItem.objects.get(title=ORIENTATION_2024_TITLE)
    assert item.meeting.starts_at.year == 2025
    assert item.outcome == AgendaItem.Outcome.ADOPTED
    assert item.recommendation_points.count() == 2
    hearing = item.hearings.get()
    assert hearing.phase == Hearing.Phase.NOTE_DONE
    assert hearing.responses.get().received_on.year == 2025


def test_scanned_letters_are_corrected():
    text = corrected_scan(SCANNED_TMU_RESPONSE)
    assert "Teknik- og Miljøudvalget finder generelt" in text
    assert " pa " not in text
    assert "på integrationsområdet" in text


def test_demo_twice_creates_nothing_twice(cast):
    load_all()
    counts = (Meeting.objects.count(), Amendment.objects.count(), HearingResponse.objects.count())
    report = load_all()
    assert (
        Meeting.objects.count(),
        Amendment.objects.count(),
        HearingResponse.objects.count(),
    ) == counts
    assert set(report["governance"].values()) == {0}
