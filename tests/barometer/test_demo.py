"""The demo barometer: indicators linked to the goals, targets, and published editions."""

from pejling.barometer.models import Edition, Indicator, Measurement, Target
from pejling.demo import barometer as demo_barometer
from pejling.policy.models import Goal


def test_demo_has_the_seven_indicators_linked_to_the_policys_goals(cast):
    codes = set(Indicator.objects.values_list("code", flat=True))
    assert codes == set(demo_barometer.INDICATORS)
    goals = Goal.objects.filter(policy__slug="bland-dig-i-byen", indicators__isnull=False)
    assert goals.distinct().count() == 4
    assert Indicator.objects.get(code="besk_gab_25_64").goals.get().title == (
        "Overledigheden blandt etniske minoriteter falder"
    )


def test_demo_publishes_three_synthetic_editions(cast):
    editions = Edition.objects.order_by("period")
    assert [e.period for e in editions] == ["2023H2", "2024H1", "2024H2"]
    assert all(e.is_published and e.is_synthetic for e in editions)
    latest = editions.last()
    assert not latest.measurements.filter(period__gt="2024H2").exists()
    assert not editions.first().measurements.filter(period__gt="2023H2").exists()


def test_demo_holds_computed_and_hand_entered_values(cast):
    latest = Edition.objects.get(period="2024H2")
    assert latest.measurements.filter(indicator__code="besk_25_64", district="Nørrebro").exists()
    employees = Measurement.objects.get(
        edition=latest, indicator__code="ansatte_ikke_dansk", period="2024H2"
    )
    assert employees.value == 17.9
    # The small panel has cells below the threshold: they are kept, without their value.
    suppressed = latest.measurements.filter(suppressed=True)
    assert suppressed.exists()
    assert not suppressed.exclude(value=None).exists()


def test_demo_targets_start_from_the_first_half_year(cast):
    target = Target.objects.get(indicator__code="besk_gab_25_64")
    assert target.baseline_period == "2013H1"
    assert target.target_value == 0
    first = Measurement.objects.get(
        edition__period="2024H2",
        indicator__code="besk_gab_25_64",
        period="2013H1",
        origin="ikke_vestlig",
        district="",
        sex="",
    )
    assert target.baseline_value == round(first.value, 2)


def test_demo_loaded_twice_creates_nothing(cast):
    report = demo_barometer.load()
    assert set(report.values()) == {0}
