"""Editions: drafts from runs, uploads and hand entry; publishing; published ones are frozen."""

import pytest
from django.core.exceptions import ValidationError

from pejling.audit.models import AuditEvent
from pejling.barometer import services
from pejling.barometer.engine.spec import Cell
from pejling.barometer.models import Edition, Indicator, Measurement
from tests.barometer.support import latest, row_counts


def cell(period: str, value: float | None, **group) -> Cell:
    return Cell(
        indicator="besk_25_64",
        period=period,
        origin=group.get("origin", "ikke_vestlig"),
        district=group.get("district", ""),
        sex=group.get("sex", ""),
        numerator=None if value is None else value * 10,
        denominator=None if value is None else 1000,
        value=value,
        suppressed=value is None,
    )


def test_engine_run_becomes_a_draft_for_its_latest_half_year(cast):
    cells = [cell("2025H1", 60.0), cell("2025H2", 61.0), cell("2025H2", None, district="Valby")]

    edition = services.store_engine_run(cells=cells, actor=cast.analyst, source_name="x.parquet")

    assert edition.period == "2025H2"
    assert edition.state == Edition.State.DRAFT
    assert edition.origin == Edition.Origin.RUN
    assert edition.measurements.count() == 3
    hidden = edition.measurements.get(district="Valby")
    assert hidden.suppressed and hidden.value is None and hidden.numerator is None
    event = AuditEvent.objects.filter(object_pk=str(edition.pk)).latest("pk")
    assert event.changes["measurements"]["after"] == 3


def test_engine_run_from_a_half_year_on(cast):
    cells = [cell("2024H2", 59.0), cell("2025H1", 60.0)]

    edition = services.store_engine_run(cells=cells, period_from="2025H1", actor=cast.analyst)

    assert list(edition.measurements.values_list("period", flat=True)) == ["2025H1"]


def test_engine_run_of_an_unknown_indicator_stores_nothing(cast):
    before = row_counts()
    bad = Cell("ukendt", "2025H1", "", "", "", 1, 10, 10.0, False)

    with pytest.raises(ValidationError, match="ukendt"):
        services.store_engine_run(cells=[cell("2025H1", 60.0), bad], actor=cast.analyst)

    assert row_counts() == before


def test_publish_freezes_the_edition(cast):
    edition = services.store_engine_run(cells=[cell("2025H1", 60.0)], actor=cast.analyst)

    services.publish_edition(actor=cast.analyst, edition=edition)

    edition.refresh_from_db()
    assert edition.is_published
    assert edition.published_by == cast.analyst
    with pytest.raises(ValidationError, match="er offentliggjort og kan ikke ændres"):
        services.enter_value(
            actor=cast.analyst,
            edition=edition,
            indicator=Indicator.objects.get(code="besk_25_64"),
            period="2025H1",
            value=1.0,
            origin="ikke_vestlig",
        )
    with pytest.raises(ValidationError, match="er offentliggjort og kan ikke ændres"):
        services.store_upload(
            actor=cast.analyst,
            rows=[services.CellRow("besk_25_64", "2025H1", "ikke_vestlig", value=2.0)],
            edition=edition,
        )
    with pytest.raises(ValidationError, match="er offentliggjort og kan ikke ændres"):
        services.discard_draft(actor=cast.analyst, edition=edition)
    with pytest.raises(ValidationError):
        services.publish_edition(actor=cast.analyst, edition=edition)
    assert edition.measurements.get().value == 60.0


def test_a_second_edition_for_a_published_half_year_cannot_be_published(cast):
    draft = services.store_engine_run(cells=[cell("2024H2", 60.0)], actor=cast.analyst)

    with pytest.raises(ValidationError, match="allerede offentliggjort en udgave for 2024H2"):
        services.publish_edition(actor=cast.analyst, edition=draft)


def test_empty_draft_cannot_be_published(cast):
    draft = services.create_edition(actor=cast.analyst, period="2025H1")

    with pytest.raises(ValidationError, match="tom udgave"):
        services.publish_edition(actor=cast.analyst, edition=draft)


def test_enter_value_creates_then_changes_the_cell(cast):
    draft = services.create_edition(actor=cast.analyst, period="2025H1")
    indicator = Indicator.objects.get(code="ansatte_ikke_dansk")

    services.enter_value(
        actor=cast.analyst, edition=draft, indicator=indicator, period="2025H1", value=18.1
    )
    services.enter_value(
        actor=cast.analyst, edition=draft, indicator=indicator, period="2025H1", value=18.3
    )

    assert draft.measurements.get().value == 18.3


def test_enter_value_after_the_editions_half_year_is_refused(cast):
    draft = services.create_edition(actor=cast.analyst, period="2025H1")

    with pytest.raises(ValidationError) as error:
        services.enter_value(
            actor=cast.analyst,
            edition=draft,
            indicator=Indicator.objects.get(code="ansatte_ikke_dansk"),
            period="2025H2",
            value=1.0,
        )

    assert "period" in error.value.message_dict
    assert not Measurement.objects.filter(edition=draft).exists()


def test_illegal_transition_is_refused(cast):
    edition = latest()
    with pytest.raises(ValidationError, match="kan ikke gå fra"):
        services.transition_to(actor=cast.analyst, edition=edition, state=Edition.State.DRAFT)


def test_status_override_needs_a_reason(cast):
    indicator = Indicator.objects.get(code="karakter_9")
    with pytest.raises(ValidationError):
        services.set_status_override(
            actor=cast.analyst, indicator=indicator, status="moderate", reason=" "
        )

    services.set_status_override(
        actor=cast.analyst, indicator=indicator, status="moderate", reason="Ny prøveform i 2022"
    )

    indicator.refresh_from_db()
    assert indicator.status_override == "moderate"
    assert indicator.status_override_reason == "Ny prøveform i 2022"


def test_indicator_whose_filter_selects_nobody_is_refused(cast):
    indicator = Indicator.objects.get(code="besk_25_64")
    with pytest.raises(ValidationError, match="Aldersgrænsen til kan ikke være lavere"):
        services.save_indicator(
            actor=cast.analyst, indicator=indicator, changes={"age_min": 70, "age_max": 60}
        )
    assert Indicator.objects.get(code="besk_25_64").age_min == 25


def test_to_spec_matches_the_engines_catalogue(cast):
    from pejling.barometer.engine.catalogue import DEMO_SPECS

    specs = {s.code: s for s in DEMO_SPECS}
    for indicator in Indicator.objects.exclude(code="ansatte_ikke_dansk"):
        assert indicator.to_spec() == specs[indicator.code]


def test_indicator_the_engine_cannot_compute_is_refused_with_its_reason(cast):
    indicator = Indicator.objects.get(code="besk_25_64")
    with pytest.raises(ValidationError, match=r"Definitionen kan ikke beregnes: .*numeric measure"):
        services.save_indicator(actor=cast.analyst, indicator=indicator, changes={"kind": "mean"})
