"""Changes to the barometer. Each is atomic and audited; a published edition is never changed."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pejling.audit import services as audit
from pejling.barometer.models import (
    Edition,
    EngineRun,
    Indicator,
    Measurement,
    Target,
    validate_period,
)
from pejling.core import crud


@dataclass(frozen=True)
class CellRow:
    """One measurement to store, from an upload, a form or the engine."""

    indicator: str
    period: str
    origin: str = ""
    district: str = ""
    sex: str = ""
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None
    suppressed: bool = False


# --- Editions -------------------------------------------------------------------------------


def require_draft(edition: Edition) -> None:
    """Refuse any change to a published edition: it is citable and must stay as published."""
    if edition.is_published:
        raise ValidationError(
            _("Udgaven %(period)s er offentliggjort og kan ikke ændres. Lav en ny udgave i stedet.")
            % {"period": edition.period}
        )


def _create_edition(
    *,
    actor: Any,
    period: str,
    origin: str,
    source_name: str = "",
    is_synthetic: bool = False,
    note: str = "",
) -> Edition:
    edition = Edition(
        period=period,
        origin=origin,
        source_name=source_name[:200],
        is_synthetic=is_synthetic,
        note=note,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    edition.full_clean()
    edition.save()
    return edition


def create_edition(
    *, actor: Any, period: str, origin: str = Edition.Origin.MANUAL, note: str = ""
) -> Edition:
    """An empty draft for a half-year, to enter values into by hand or by upload."""
    with transaction.atomic():
        edition = _create_edition(actor=actor, period=period, origin=origin, note=note)
        audit.record_create(edition, actor=actor)
    return edition


def _indicators_by_code(codes: Iterable[str]) -> dict[str, Indicator]:
    codes = set(codes)
    found = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    unknown = sorted(codes - set(found))
    if unknown:
        raise ValidationError(
            _("Der findes ingen indikator med koden %(codes)s. Opret den først.")
            % {"codes": ", ".join(unknown)}
        )
    return found


def _store_rows(edition: Edition, rows: list[CellRow]) -> int:
    """Insert or replace the rows' cells in a draft edition; returns how many were stored."""
    indicators = _indicators_by_code(row.indicator for row in rows)
    keys = {(r.indicator, r.period, r.origin, r.district, r.sex) for r in rows}
    if len(keys) != len(rows):
        raise ValidationError(_("Den samme celle (indikator, halvår og gruppe) står flere gange."))
    existing = Measurement.objects.filter(
        edition=edition, indicator__code__in=list(indicators)
    ).values_list("pk", "indicator__code", "period", "origin", "district", "sex")
    replaced = [pk for pk, *key in existing if tuple(key) in keys]
    Measurement.objects.filter(pk__in=replaced).delete()
    Measurement.objects.bulk_create(
        [
            Measurement(
                edition=edition,
                indicator=indicators[r.indicator],
                period=r.period,
                origin=r.origin,
                district=r.district,
                sex=r.sex,
                numerator=None if r.suppressed else r.numerator,
                denominator=None if r.suppressed else r.denominator,
                value=None if r.suppressed else r.value,
                suppressed=r.suppressed,
            )
            for r in rows
        ],
        batch_size=1000,
    )
    return len(rows)


def store_engine_run(
    *,
    cells: Iterable[Any],
    period_from: str | None = None,
    period: str | None = None,
    actor: Any = None,
    source_name: str = "",
    is_synthetic: bool = False,
) -> Edition:
    """A draft edition from the engine's cells (already disclosure-controlled).

    The edition is for ``period`` (by default the latest half-year in the cells) and holds
    every cell from ``period_from`` up to it. Cells of indicators not defined here are refused.
    """
    rows = [
        CellRow(
            indicator=c.indicator,
            period=c.period,
            origin=c.origin or "",
            district=c.district or "",
            sex=c.sex or "",
            numerator=c.numerator,
            denominator=c.denominator,
            value=c.value,
            suppressed=bool(c.suppressed),
        )
        for c in cells
    ]
    if not rows:
        raise ValidationError(_("Beregningen gav ingen tal at gemme."))
    period = period or max(r.period for r in rows)
    validate_period(period)
    if period_from:
        validate_period(period_from)
    # Periods sort as text: 2013H1 < 2013H2 < 2014H1.
    rows = [r for r in rows if r.period <= period and (not period_from or r.period >= period_from)]
    with transaction.atomic():
        edition = _create_edition(
            actor=actor,
            period=period,
            origin=Edition.Origin.RUN,
            source_name=source_name,
            is_synthetic=is_synthetic,
        )
        count = _store_rows(edition, rows)
        audit.record_create(edition, actor=actor, extra={"measurements": count})
    return edition


def store_upload(
    *, actor: Any, rows: list[CellRow], edition: Edition | None = None, source_name: str = ""
) -> Edition:
    """Store uploaded rows in a draft edition (a new one for their latest half-year if none)."""
    if not rows:
        raise ValidationError(_("Filen indeholder ingen rækker med tal."))
    with transaction.atomic():
        if edition is None:
            edition = _create_edition(
                actor=actor,
                period=max(r.period for r in rows),
                origin=Edition.Origin.UPLOAD,
                source_name=source_name,
            )
            before = None
        else:
            edition = Edition.objects.select_for_update().get(pk=edition.pk)
            require_draft(edition)
            before = edition.measurements.count()
        count = _store_rows(edition, rows)
        if before is None:
            audit.record_create(edition, actor=actor, extra={"measurements": count})
        else:
            audit.record_update(
                edition,
                before=audit.snapshot(edition) | {"measurements": before},
                actor=actor,
                extra_after={"measurements": edition.measurements.count()},
            )
    return edition


def enter_value(
    *,
    actor: Any,
    edition: Edition,
    indicator: Indicator,
    period: str,
    value: float,
    origin: str = "",
    district: str = "",
    sex: str = "",
    numerator: float | None = None,
    denominator: float | None = None,
) -> Measurement:
    """Enter one value by hand (e.g. from a survey or HR data) into a draft edition."""
    validate_period(period)
    if period > edition.period:
        raise ValidationError(
            {
                "period": _(
                    "Udgaven gælder %(edition)s; et tal for %(period)s hører til en senere."
                )
                % {"edition": edition.period, "period": period}
            }
        )
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        require_draft(edition)
        existing = Measurement.objects.filter(
            edition=edition,
            indicator=indicator,
            period=period,
            origin=origin,
            district=district,
            sex=sex,
        ).first()
        fields = {"value": value, "numerator": numerator, "denominator": denominator}
        if existing is not None:
            return crud.update(
                actor=actor, instance=existing, changes={**fields, "suppressed": False}
            )
        return crud.create(
            actor=actor,
            instance=Measurement(
                edition=edition,
                indicator=indicator,
                period=period,
                origin=origin,
                district=district,
                sex=sex,
                **fields,
            ),
        )


def transition_to(*, actor: Any, edition: Edition, state: str) -> Edition:
    """Move an edition to ``state``, refusing moves the state machine does not allow."""
    if state not in Edition.TRANSITIONS[edition.state]:
        raise ValidationError(
            _("En udgave kan ikke gå fra “%(old)s” til “%(new)s”.")
            % {"old": edition.get_state_display(), "new": Edition.State(state).label}
        )
    changes: dict[str, Any] = {"state": state}
    if state == Edition.State.PUBLISHED:
        changes |= {"published_at": timezone.now(), "published_by": actor}
    return crud.update(actor=actor, instance=edition, changes=changes)


def publish_edition(*, actor: Any, edition: Edition) -> Edition:
    """Publish a reviewed draft; it replaces no earlier edition and is frozen from now on."""
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        require_draft(edition)
        if not edition.measurements.exists():
            raise ValidationError(_("En tom udgave kan ikke offentliggøres."))
        if Edition.objects.published().filter(period=edition.period).exists():
            raise ValidationError(
                _("Der er allerede offentliggjort en udgave for %(period)s.")
                % {"period": edition.period}
            )
        return transition_to(actor=actor, edition=edition, state=Edition.State.PUBLISHED)


def discard_draft(*, actor: Any, edition: Edition) -> None:
    with transaction.atomic():
        require_draft(edition)
        crud.delete(actor=actor, instance=edition)


# --- Indicators and targets ---------------------------------------------------------------


def save_indicator(
    *, actor: Any, indicator: Indicator, changes: dict[str, Any] | None = None, goals=None
) -> Indicator:
    m2m = {"goals": list(goals)} if goals is not None else None
    if indicator.pk is None:
        for name, value in (changes or {}).items():
            setattr(indicator, name, value)
        return crud.create(actor=actor, instance=indicator, m2m=m2m)
    return crud.update(actor=actor, instance=indicator, changes=changes or {}, m2m=m2m)


def save_target(*, actor: Any, indicator: Indicator, **values: Any) -> Target:
    target = Target.objects.filter(indicator=indicator).first()
    if target is None:
        return crud.create(actor=actor, instance=Target(indicator=indicator, **values))
    return crud.update(actor=actor, instance=target, changes=values)


def set_status_override(*, actor: Any, indicator: Indicator, status: str, reason: str) -> Indicator:
    """Set (or with an empty ``status``, clear) a manual status; a status needs a reason."""
    if status and not reason.strip():
        raise ValidationError({"status_override_reason": _("Skriv hvorfor status er sat manuelt.")})
    return crud.update(
        actor=actor,
        instance=indicator,
        changes={
            "status_override": status,
            "status_override_reason": reason.strip() if status else "",
        },
    )


# --- Engine runs ----------------------------------------------------------------------------


def start_engine_run(*, actor: Any, panel, period_from: str = "") -> EngineRun:
    """Save an uploaded panel and queue the engine run over it as a background task."""
    from pejling.barometer.tasks import run_engine
    from pejling.core import progress

    with transaction.atomic():
        run = EngineRun(
            panel=panel,
            panel_name=getattr(panel, "name", "")[:200],
            period_from=period_from,
            created_by=actor,
        )
        run.full_clean()
        run.save()
        audit.record_create(run, actor=actor)

        def enqueue() -> None:
            result = run_engine.enqueue(run_id=run.pk)
            EngineRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
            progress.start(
                task_id=result.id,
                owner=actor,
                label=_("Barometerberegning: %(name)s") % {"name": run.panel_name},
                total=100,
            )

        transaction.on_commit(enqueue)
    return run
