from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from pejling.audit.models import AuditEvent
from pejling.core import crud
from pejling.governance.models import Body
from pejling.policy import services
from pejling.policy.models import (
    Appropriation,
    BudgetLine,
    Spending,
    TargetProgress,
    TextVersion,
    VersionedText,
)
from pejling.policy.services import (
    add_text_version,
    record_spending,
    record_target_progress,
    save_budget_line,
)
from tests.policy.support import CPR_TEXT, row_counts


def new_text(demo) -> VersionedText:
    return crud.create(
        actor=None,
        instance=VersionedText(
            policy=demo.draft, kind=VersionedText.Kind.OTHER, title="Arbejdstekst"
        ),
    )


def add_version(actor, text, body, valid_from, reason=TextVersion.Reason.REVISION):
    return add_text_version(actor=actor, text=text, body=body, valid_from=valid_from, reason=reason)


def new_appropriation(amount="1500000", first_year=2012, last_year=2012) -> Appropriation:
    return crud.create(
        actor=None,
        instance=Appropriation(
            title="Pulje til ligebehandling",
            granted_by=Body.objects.get(short_name="BIU"),
            amount_per_year=Decimal(amount),
            first_year=first_year,
            last_year=last_year,
        ),
    )


def line(appropriation, amount, year=2012, title="Linje") -> BudgetLine:
    return BudgetLine(appropriation=appropriation, year=year, title=title, amount=Decimal(amount))


def created_event(obj) -> AuditEvent:
    [event] = AuditEvent.objects.for_object(obj).filter(action=AuditEvent.Action.CREATE)
    return event


# --- add_text_version -----------------------------------------------------------------------


def test_versions_are_numbered_one_to_n(cast, demo):
    text = new_text(demo)

    versions = [
        add_version(cast.policy_officer, text, "Første udkast.", date(2022, 1, 1)),
        add_version(cast.policy_officer, text, "Andet udkast.", date(2022, 3, 1)),
        add_version(cast.policy_officer, text, "Tredje udkast.", date(2022, 6, 20)),
    ]

    assert [v.number for v in versions] == [1, 2, 3]
    assert list(text.versions.values_list("number", flat=True)) == [1, 2, 3]
    assert text.current == versions[-1]


def test_the_demo_vision_2022_has_three_versions_in_order(demo):
    versions = list(demo.vision.versions.order_by("number"))

    assert [v.number for v in versions] == [1, 2, 3]
    assert [v.valid_from for v in versions] == [
        date(2018, 1, 1),
        date(2022, 5, 23),
        date(2022, 6, 20),
    ]
    assert "og andre minoriteter" in demo.vision.current.body


def test_a_version_may_start_on_the_same_day_as_the_previous_one(cast, demo):
    text = new_text(demo)
    add_version(cast.policy_officer, text, "Forslaget.", date(2022, 6, 20))

    amended = add_version(cast.policy_officer, text, "Forslaget, ændret.", date(2022, 6, 20))

    assert amended.number == 2


def test_version_dated_before_the_previous_one_is_refused(cast, demo):
    before = row_counts()

    with pytest.raises(ValidationError) as error:
        add_version(cast.policy_officer, demo.vision, "En helt ny vision.", date(2022, 6, 19))

    assert error.value.message_dict == {
        "valid_from": ["En ny version kan ikke gælde fra før den forrige version (20-06-2022)."]
    }
    assert row_counts() == before
    assert demo.vision.versions.count() == 3


def test_unchanged_text_is_refused(cast, demo):
    before = row_counts()

    with pytest.raises(ValidationError) as error:
        # Only the surrounding whitespace differs.
        add_version(
            cast.policy_officer, demo.vision, f"  {demo.vision.current.body}\n", date(2023, 1, 1)
        )

    assert error.value.message_dict == {"body": ["Teksten er den samme som den gældende version."]}
    assert row_counts() == before


def test_version_with_a_cpr_number_is_refused(cast, demo):
    text = new_text(demo)
    before = row_counts()

    with pytest.raises(ValidationError) as error:
        add_version(cast.policy_officer, text, CPR_TEXT, date(2023, 1, 1))

    assert "CPR-nummer" in error.value.message_dict["body"][0]
    assert row_counts() == before


def test_new_version_is_audited(cast, demo):
    version = add_version(cast.policy_officer, demo.vision, "Ny vision.", date(2023, 1, 1))

    event = created_event(version)
    assert event.actor == cast.policy_officer
    assert event.changes["number"] == {"before": None, "after": 4}
    assert event.changes["body"] == {"before": None, "after": "Ny vision."}


# --- record_target_progress -----------------------------------------------------------------


@pytest.mark.parametrize("value", ["0", "1", "1.00"])
def test_yes_no_target_takes_zero_or_one(cast, demo, value):
    progress = record_target_progress(
        actor=cast.policy_officer,
        target=demo.yes_no_target,
        value=Decimal(value),
        recorded_on=date(2012, 6, 1),
    )
    assert progress.value == Decimal(value)
    assert created_event(progress).actor == cast.policy_officer


@pytest.mark.parametrize("value", ["2", "0.5", "-1"])
def test_yes_no_target_refuses_other_values(cast, demo, value):
    before = row_counts()

    with pytest.raises(ValidationError) as error:
        record_target_progress(
            actor=cast.policy_officer,
            target=demo.yes_no_target,
            value=Decimal(value),
            recorded_on=date(2012, 6, 1),
        )

    assert error.value.message_dict == {
        "value": ["Et ja/nej-mål registreres som 1 (ja) eller 0 (nej)."]
    }
    assert row_counts() == before


def test_range_target_takes_any_count(cast, demo):
    progress = record_target_progress(
        actor=cast.policy_officer,
        target=demo.range_target,
        value=Decimal(9),
        recorded_on=date(2012, 9, 1),
        note="Ni institutioner er med.",
    )
    assert demo.range_target.progress.get() == progress
    assert created_event(progress).changes["note"]["after"] == "Ni institutioner er med."


def test_negative_progress_is_refused_by_the_model(cast, demo):
    before = row_counts()

    with pytest.raises(ValidationError) as error:
        record_target_progress(
            actor=cast.policy_officer,
            target=demo.range_target,
            value=Decimal(-3),
            recorded_on=date(2012, 9, 1),
        )

    assert list(error.value.message_dict) == ["value"]
    assert row_counts() == before


def test_progress_note_with_a_cpr_number_is_refused(cast, demo):
    with pytest.raises(ValidationError) as error:
        record_target_progress(
            actor=cast.policy_officer,
            target=demo.range_target,
            value=Decimal(9),
            recorded_on=date(2012, 9, 1),
            note=CPR_TEXT,
        )
    assert list(error.value.message_dict) == ["note"]
    assert not TargetProgress.objects.exists()


# --- save_budget_line -----------------------------------------------------------------------


def test_budget_line_over_the_appropriation_is_refused(cast, demo):
    appropriation = new_appropriation("1500000")
    save_budget_line(actor=cast.policy_officer, line=line(appropriation, "1000000"))
    before = row_counts()

    with pytest.raises(ValidationError) as error:
        save_budget_line(actor=cast.policy_officer, line=line(appropriation, "600000"))

    assert error.value.message_dict == {
        "amount": [
            "Linjen bringer fordelingen i 2012 op på 1.600.000,00 kr., men bevillingen er "
            "1.500.000,00 kr. om året. Der er 500.000,00 kr. tilbage."
        ]
    }
    assert row_counts() == before


def test_the_demo_appropriation_has_nothing_left(cast, demo):
    with pytest.raises(ValidationError) as error:
        save_budget_line(actor=cast.policy_officer, line=line(demo.appropriation, "0.01"))

    [message] = error.value.message_dict["amount"]
    assert "1.500.000,01 kr." in message
    assert "bevillingen er 1.500.000,00 kr. om året" in message
    assert "Der er 0,00 kr. tilbage." in message


def test_budget_line_may_use_exactly_the_frame(cast, demo):
    appropriation = new_appropriation("1500000")
    save_budget_line(actor=cast.policy_officer, line=line(appropriation, "1000000"))

    last = save_budget_line(actor=cast.policy_officer, line=line(appropriation, "500000"))

    assert last.pk is not None
    assert services.allocated(appropriation, 2012) == Decimal("1500000")
    assert created_event(last).actor == cast.policy_officer


def test_changing_a_line_counts_it_once(cast, demo):
    appropriation = new_appropriation("1500000")
    first = save_budget_line(actor=cast.policy_officer, line=line(appropriation, "1000000"))

    # Raised to the whole frame: its own old amount does not count against it.
    save_budget_line(actor=cast.policy_officer, line=first, changes={"amount": Decimal("1500000")})

    first.refresh_from_db()
    assert first.amount == Decimal("1500000")
    [event] = AuditEvent.objects.for_object(first).filter(action=AuditEvent.Action.UPDATE)
    assert list(event.changes) == ["amount"]
    assert Decimal(event.changes["amount"]["before"]) == Decimal("1000000")
    assert Decimal(event.changes["amount"]["after"]) == Decimal("1500000")


def test_each_year_has_its_own_frame(cast, demo):
    appropriation = new_appropriation("1000000", first_year=2012, last_year=2013)
    save_budget_line(actor=cast.policy_officer, line=line(appropriation, "1000000", year=2012))

    next_year = save_budget_line(
        actor=cast.policy_officer, line=line(appropriation, "1000000", year=2013)
    )

    assert next_year.pk is not None


@pytest.mark.parametrize("year", [2011, 2013])
def test_budget_line_outside_the_appropriations_years_is_refused(cast, demo, year):
    before = row_counts()

    with pytest.raises(ValidationError) as error:
        save_budget_line(actor=cast.policy_officer, line=line(demo.appropriation, "1", year=year))

    assert error.value.message_dict == {"year": [f"Bevillingen dækker ikke år {year}."]}
    assert row_counts() == before


def test_standing_appropriation_covers_every_later_year(cast, demo):
    saved = save_budget_line(
        actor=cast.policy_officer, line=line(demo.standing_appropriation, "250000", year=2031)
    )
    assert saved.pk is not None


def test_negative_budget_line_is_refused_by_the_model(cast, demo):
    appropriation = new_appropriation()
    before = row_counts()

    with pytest.raises(ValidationError) as error:
        save_budget_line(actor=cast.policy_officer, line=line(appropriation, "-100"))

    assert list(error.value.message_dict) == ["amount"]
    assert row_counts() == before


# --- record_spending ------------------------------------------------------------------------


def test_spending_is_recorded_and_audited(cast, demo):
    spending = record_spending(
        actor=cast.policy_officer,
        line=demo.budget_line,
        spent_on=date(2012, 3, 15),
        amount=Decimal("125000"),
        text="Kursus for kontorchefer",
    )

    assert demo.budget_line.spending.get() == spending
    assert created_event(spending).actor == cast.policy_officer


@pytest.mark.parametrize("spent_on", [date(2011, 12, 31), date(2013, 1, 1)])
def test_spending_outside_the_lines_year_is_refused(cast, demo, spent_on):
    before = row_counts()

    with pytest.raises(ValidationError) as error:
        record_spending(
            actor=cast.policy_officer,
            line=demo.budget_line,
            spent_on=spent_on,
            amount=Decimal("1000"),
            text="Forkert år",
        )

    assert error.value.message_dict == {
        "spent_on": ["Forbruget skal ligge i budgetlinjens år (2012)."]
    }
    assert row_counts() == before


def test_negative_spending_is_refused_by_the_model(cast, demo):
    with pytest.raises(ValidationError) as error:
        record_spending(
            actor=cast.policy_officer,
            line=demo.budget_line,
            spent_on=date(2012, 3, 15),
            amount=Decimal("-1000"),
            text="Tilbagebetaling",
        )
    assert list(error.value.message_dict) == ["amount"]
    assert not Spending.objects.exists()


def test_spending_text_with_a_cpr_number_is_refused(cast, demo):
    with pytest.raises(ValidationError) as error:
        record_spending(
            actor=cast.policy_officer,
            line=demo.budget_line,
            spent_on=date(2012, 3, 15),
            amount=Decimal("1000"),
            text=CPR_TEXT,
        )
    assert list(error.value.message_dict) == ["text"]
    assert not Spending.objects.exists()
    assert not AuditEvent.objects.filter(
        content_type__model="spending", action=AuditEvent.Action.CREATE
    ).exists()
