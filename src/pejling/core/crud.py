"""Audited create, change and delete for records whose only rule is their own validation.

Domain services with more to do (several rows, state changes, mail) are written out in the
app's ``services.py``; they call these for the plain parts.
"""

from typing import Any, TypeVar

from django.db import models, transaction

from pejling.audit import services as audit

M = TypeVar("M", bound=models.Model)


def create(*, actor: Any, instance: M, m2m: dict[str, Any] | None = None) -> M:
    """Validate, save and audit a new record; ``m2m`` sets many-to-many fields after saving."""
    with transaction.atomic():
        instance.full_clean()
        instance.save()
        for name, values in (m2m or {}).items():
            getattr(instance, name).set(values)
        audit.record_create(instance, actor=actor, extra=_m2m_snapshot(instance, m2m))
    return instance


def update(
    *, actor: Any, instance: M, changes: dict[str, Any], m2m: dict[str, Any] | None = None
) -> M:
    """Apply ``changes`` (field name → value), validate, save and audit what changed."""
    with transaction.atomic():
        before = audit.snapshot(type(instance)._default_manager.get(pk=instance.pk))
        before_m2m = _m2m_snapshot(instance, m2m)
        for name, value in changes.items():
            setattr(instance, name, value)
        instance.full_clean()
        instance.save()
        for name, values in (m2m or {}).items():
            getattr(instance, name).set(values)
        audit.record_update(
            instance,
            before=before,
            actor=actor,
            extra_before=before_m2m,
            extra_after=_m2m_snapshot(instance, m2m),
        )
    return instance


def delete(*, actor: Any, instance: models.Model) -> None:
    with transaction.atomic():
        audit.record_delete(instance, actor=actor)
        instance.delete()


def _m2m_snapshot(instance: models.Model, m2m: dict[str, Any] | None) -> dict[str, list]:
    if not m2m or instance.pk is None:
        return {}
    return {name: sorted(getattr(instance, name).values_list("pk", flat=True)) for name in m2m}
