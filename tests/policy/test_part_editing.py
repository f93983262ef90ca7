"""The parts of the structure edited as plain forms (policy/editing.py), and new guideposts."""

import pytest
from django.urls import reverse

from pejling.audit.models import AuditEvent
from pejling.policy.editing import PARTS
from pejling.policy.models import (
    Appropriation,
    Guidepost,
    PlanTarget,
    Principle,
    ScheduledTopic,
    Strand,
    WorkItem,
)
from tests.policy.support import error_at, logged_in, row_counts


def create_url(kind: str, parent_pk: int | None = None) -> str:
    args = [kind] if parent_pk is None else [kind, parent_pk]
    return reverse("policy:part_create", args=args)


def edit_url(kind: str, pk: int) -> str:
    return reverse("policy:part_edit", args=[kind, pk])


def test_policy_officer_adds_a_principle_to_the_draft_policy(client, cast, demo):
    logged_in(client, cast.policy_officer)
    response = client.post(
        create_url("princip", demo.draft.pk),
        {"number": 6, "text": "Vi lytter til hinanden"},
    )
    principle = Principle.objects.get(policy=demo.draft, number=6)
    assert response.status_code == 302
    assert response["Location"] == demo.draft.get_absolute_url() + "#principper"
    assert AuditEvent.objects.for_object(principle).get().action == "create"
    assert "Vi lytter til hinanden" in client.get(response["Location"]).content.decode()


def test_policy_officer_changes_a_scheduled_topic(client, cast, demo):
    topic = demo.public.scheduled_topics.get(title="Erhvervsfremme")
    logged_in(client, cast.policy_officer)
    response = client.post(
        edit_url("emne", topic.pk),
        {
            "kind": topic.kind,
            "title": topic.title,
            "year": 2022,
            "quarter": 3,
            "status": ScheduledTopic.Status.HELD,
            "held_on": "2022-09-12",
        },
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.status == ScheduledTopic.Status.HELD
    event = AuditEvent.objects.for_object(topic).get(action="update")
    assert event.changes["status"] == {"before": "planned", "after": "held"}


def test_strands_and_targets_are_added_to_an_action_plan(client, cast, demo):
    logged_in(client, cast.policy_officer)
    client.post(
        create_url("indsatsspor", demo.plan.pk),
        {"number": 5, "title": "Evaluering", "description": ""},
    )
    strand = Strand.objects.get(action_plan=demo.plan, number=5)
    response = client.post(
        create_url("maalsaetning", strand.pk),
        {
            "text": "Evalueringen offentliggøres",
            "kind": PlanTarget.Kind.YES_NO,
            "deadline": "2012-12-31",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == demo.plan.get_absolute_url() + f"#strand-{strand.pk}"
    assert strand.targets.get().text == "Evalueringen offentliggøres"


def test_an_impossible_target_range_is_refused_at_the_field_and_nothing_is_saved(
    client, cast, demo
):
    strand = demo.plan.strands.get(number=3)
    logged_in(client, cast.policy_officer)
    before = row_counts()
    response = client.post(
        create_url("maalsaetning", strand.pk),
        {
            "text": "Udvid til 10-8 institutioner",
            "kind": PlanTarget.Kind.RANGE,
            "minimum": "10",
            "maximum": "8",
            "unit": "institutioner",
            "deadline": "2012-12-31",
        },
    )
    assert response.status_code == 400
    assert "Intervallet er umuligt" in error_at(response, "maximum")
    assert row_counts() == before


def test_work_items_are_added_under_a_guidepost(client, cast, demo):
    logged_in(client, cast.policy_officer)
    response = client.post(
        create_url("arbejdspunkt-pejlemaerke", demo.guidepost.pk),
        {"order": 9, "text": "Sprogundervisning på arbejdspladsen afprøves"},
    )
    assert response.status_code == 302
    assert response["Location"] == demo.guidepost.get_absolute_url()
    assert WorkItem.objects.filter(guidepost=demo.guidepost, order=9).exists()


def test_an_appropriation_stands_on_its_own(client, cast, demo):
    logged_in(client, cast.policy_officer)
    response = client.post(
        create_url("bevilling"),
        {
            "title": "Ekstra midler til integration",
            "granted_by": demo.appropriation.granted_by_id,
            "reference": "BR 1/2027",
            "amount_per_year": "250000",
            "first_year": 2027,
        },
    )
    appropriation = Appropriation.objects.get(reference="BR 1/2027")
    assert response["Location"] == appropriation.get_absolute_url()


def test_a_negative_appropriation_is_refused(client, cast, demo):
    logged_in(client, cast.policy_officer)
    before = row_counts()
    response = client.post(
        create_url("bevilling"),
        {
            "title": "Forkert",
            "granted_by": demo.appropriation.granted_by_id,
            "amount_per_year": "-1",
            "first_year": 2027,
        },
    )
    assert response.status_code == 400
    assert error_at(response, "amount_per_year")
    assert row_counts() == before


def test_a_new_guidepost_gets_its_wording_as_version_one(client, cast, demo):
    logged_in(client, cast.policy_officer)
    response = client.post(
        reverse("policy:guidepost_create", args=[demo.public.slug]),
        {
            "number": 7,
            "title": "Digital inklusion",
            "wording": "BIF skal sikre, at alle kan bruge de digitale løsninger.",
            "valid_from": "2023-01-01",
        },
    )
    guidepost = Guidepost.objects.get(policy=demo.public, number=7)
    assert response["Location"] == guidepost.get_absolute_url()
    version = guidepost.wording.versions.get()
    assert (version.number, version.reason) == (1, "original")


def test_a_guidepost_number_in_use_is_refused(client, cast, demo):
    logged_in(client, cast.policy_officer)
    before = row_counts()
    response = client.post(
        reverse("policy:guidepost_create", args=[demo.public.slug]),
        {"number": 1, "title": "Igen", "wording": "Tekst", "valid_from": "2023-01-01"},
    )
    assert response.status_code == 400
    assert "allerede et pejlemærke nr. 1" in error_at(response, "number")
    assert row_counts() == before


def test_a_cpr_number_in_a_principle_is_refused(client, cast, demo):
    logged_in(client, cast.policy_officer)
    before = row_counts()
    response = client.post(
        create_url("princip", demo.draft.pk), {"number": 7, "text": "Kontakt 010190-1234"}
    )
    assert response.status_code == 400
    assert "CPR-nummer" in error_at(response, "text")
    assert row_counts() == before


@pytest.mark.parametrize("kind", sorted(PARTS))
def test_every_part_form_opens_for_the_policy_officer(client, cast, demo, kind):
    part = PARTS[kind]
    parents = {
        None: None,
        "Policy": demo.draft.pk,
        "ActionPlan": demo.plan.pk,
        "Strand": demo.plan.strands.first().pk,
        "Guidepost": demo.guidepost.pk,
        "FocusArea": demo.focus_area.pk,
    }
    parent = parents[part.parent_model.__name__ if part.parent_model else None]
    logged_in(client, cast.policy_officer)
    assert client.get(create_url(kind, parent)).status_code == 200


def test_an_unknown_kind_is_not_found(client, cast, demo):
    logged_in(client, cast.policy_officer)
    assert client.get(create_url("ukendt", demo.draft.pk)).status_code == 404


def test_a_part_with_a_parent_needs_one(client, cast, demo):
    logged_in(client, cast.policy_officer)
    assert client.get(create_url("princip")).status_code == 404
    assert client.get(create_url("bevilling", demo.draft.pk)).status_code == 404


def test_a_committee_member_may_not_add_parts(client, cast, demo):
    logged_in(client, cast.committee_member)
    assert client.get(create_url("princip", demo.draft.pk)).status_code == 403
    assert client.get(create_url("bevilling")).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client, demo):
    response = client.get(create_url("emne", demo.public.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_outsider_cannot_see_the_draft_policy_to_add_to_it(client, cast, demo):
    logged_in(client, cast.outsider)
    assert client.get(create_url("princip", demo.draft.pk)).status_code == 404
