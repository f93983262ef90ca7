"""The rules the policy models own: validation in ``clean`` and the status of a target."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from pejling.audit.models import AuditEvent
from pejling.core import crud
from pejling.policy.models import (
    Goal,
    Initiative,
    PlanTarget,
    Policy,
    TargetProgress,
    TargetStatus,
)
from tests.policy.support import CPR_TEXT, row_counts

DEADLINE = date(2012, 12, 31)


def target(kind=PlanTarget.Kind.RANGE, minimum=None, maximum=None) -> PlanTarget:
    return PlanTarget(
        text="Equality Lab 2.0 udvides",
        kind=kind,
        minimum=None if minimum is None else Decimal(minimum),
        maximum=None if maximum is None else Decimal(maximum),
        unit="nye institutioner",
        deadline=DEADLINE,
    )


def progress(value) -> TargetProgress:
    return TargetProgress(value=Decimal(value), recorded_on=date(2012, 6, 1))


# --- PlanTarget -----------------------------------------------------------------------------


def test_impossible_range_is_refused_with_both_numbers(cast, demo):
    strand = demo.range_target.strand
    before = row_counts()
    impossible = target(minimum="10", maximum="8")
    impossible.strand = strand

    with pytest.raises(ValidationError) as error:
        crud.create(actor=cast.policy_officer, instance=impossible)

    assert error.value.message_dict == {
        "maximum": ["Intervallet er umuligt: højst (8) er mindre end mindst (10)."]
    }
    assert row_counts() == before


def test_range_with_decimals_is_named_the_danish_way():
    with pytest.raises(ValidationError) as error:
        target(minimum="2.5", maximum="1.25").clean()
    assert error.value.message_dict == {
        "maximum": ["Intervallet er umuligt: højst (1,25) er mindre end mindst (2,5)."]
    }


def test_counted_target_needs_a_number():
    with pytest.raises(ValidationError) as error:
        target(kind=PlanTarget.Kind.COUNT).clean()
    assert error.value.message_dict == {"minimum": ["Angiv det tal, målet skal nå."]}


def test_yes_no_target_has_no_numbers():
    with pytest.raises(ValidationError) as error:
        target(kind=PlanTarget.Kind.YES_NO, minimum="1").clean()
    assert error.value.messages == ["Et ja/nej-mål har ingen talværdier."]


def test_the_demo_range_is_labelled_with_an_en_dash(demo):
    assert demo.range_target.range_label == "8–10 nye institutioner"
    assert demo.yes_no_target.range_label == ""


@pytest.mark.parametrize(
    ("kind", "minimum", "latest", "day", "status"),
    [
        # Reached before or after the deadline: met.
        (PlanTarget.Kind.RANGE, "8", "9", date(2012, 6, 1), TargetStatus.MET),
        (PlanTarget.Kind.RANGE, "8", "8", date(2013, 3, 1), TargetStatus.MET),
        (PlanTarget.Kind.YES_NO, None, "1", date(2013, 3, 1), TargetStatus.MET),
        # Not reached, deadline not passed (the deadline day itself counts): on the way.
        (PlanTarget.Kind.RANGE, "8", "5", date(2012, 6, 1), TargetStatus.ON_THE_WAY),
        (PlanTarget.Kind.RANGE, "8", None, DEADLINE, TargetStatus.ON_THE_WAY),
        (PlanTarget.Kind.YES_NO, None, "0", DEADLINE, TargetStatus.ON_THE_WAY),
        # Deadline passed with a report short of the target: not met.
        (PlanTarget.Kind.RANGE, "8", "5", date(2013, 1, 1), TargetStatus.NOT_MET),
        (PlanTarget.Kind.YES_NO, None, "0", date(2013, 1, 1), TargetStatus.NOT_MET),
        # Deadline passed with no report at all: overdue.
        (PlanTarget.Kind.RANGE, "8", None, date(2013, 1, 1), TargetStatus.OVERDUE),
        (PlanTarget.Kind.YES_NO, None, None, date(2013, 1, 1), TargetStatus.OVERDUE),
    ],
)
def test_target_status_on_a_day(kind, minimum, latest, day, status):
    subject = target(kind=kind, minimum=minimum)
    assert subject.status_on(day, progress(latest) if latest else None) == status


# --- Policy, Initiative and free text -------------------------------------------------------


@pytest.mark.parametrize("slug", ["budget", "maal", "ny", "initiativer"])
def test_policy_slug_may_not_be_a_page_of_its_own(cast, demo, slug):
    policy = Policy(
        title="Ny politik", slug=slug, period_start=2025, owner_committee=demo.draft.owner_committee
    )
    with pytest.raises(ValidationError) as error:
        crud.create(actor=cast.policy_officer, instance=policy)
    assert error.value.message_dict == {"slug": ["Dette kortnavn er reserveret. Vælg et andet."]}
    assert not Policy.objects.filter(slug=slug).exists()


def test_initiative_may_not_end_before_it_starts(cast, demo):
    initiative = Initiative(
        policy=demo.draft,
        title="Mentorordning",
        starts_on=date(2012, 6, 1),
        ends_on=date(2012, 5, 31),
    )
    with pytest.raises(ValidationError) as error:
        crud.create(actor=cast.policy_officer, instance=initiative)
    assert error.value.message_dict == {"ends_on": ["Slutdatoen kan ikke ligge før startdatoen."]}


def test_goal_description_with_a_cpr_number_is_refused(cast, demo):
    before = row_counts()
    goal = Goal(policy=demo.draft, title="Flere i job", description=CPR_TEXT)

    with pytest.raises(ValidationError) as error:
        crud.create(actor=cast.policy_officer, instance=goal)

    assert error.value.message_dict == {
        "description": [
            "Teksten ser ud til at indeholde et CPR-nummer. Fjern det, og beskriv personen "
            "uden CPR-nummer."
        ]
    }
    assert row_counts() == before


def test_goal_is_audited_when_created(cast, demo):
    goal = crud.create(
        actor=cast.policy_officer,
        instance=Goal(policy=demo.draft, title="Flere i job", target_value=Decimal(75)),
    )
    [event] = AuditEvent.objects.for_object(goal)
    assert event.action == AuditEvent.Action.CREATE
    assert event.actor == cast.policy_officer
    assert event.changes["title"] == {"before": None, "after": "Flere i job"}
