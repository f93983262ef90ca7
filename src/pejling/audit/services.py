"""Recording changes and reads, and purging what has outlived its retention period.

Services call ``record_create``/``record_update``/``record_delete`` inside their transaction;
access helpers call ``record_access`` when they hand out a record that holds personal data.
"""

import hashlib
import json
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from pejling.audit.context import current_origin
from pejling.audit.models import AccessEvent, AuditEvent

MASKED = "••••••"

Snapshot = dict[str, Any]


def _json_value(value: Any) -> Any:
    if isinstance(value, models.fields.files.FieldFile):
        value = value.name or ""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def snapshot(instance: models.Model) -> Snapshot:
    """The audited field values of ``instance`` as JSON-safe data, keyed by field name."""
    ignored = getattr(instance, "audit_ignored_fields", frozenset())
    masked = getattr(instance, "audit_masked_fields", frozenset())
    values: Snapshot = {}
    for field in instance._meta.concrete_fields:
        if field.name in ignored or field.primary_key:
            continue
        value = _json_value(field.value_from_object(instance))
        values[field.name] = value
        if field.name in masked:
            # Masked fields keep a fingerprint so that a change is still detected.
            values[field.name] = {"masked": hashlib.sha256(json.dumps(value).encode()).hexdigest()}
    return values


def _diff(before: Snapshot, after: Snapshot) -> dict[str, dict[str, Any]]:
    changes = {}
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name), after.get(name)
        if old != new:
            if (isinstance(old, dict) and "masked" in old) or (
                isinstance(new, dict) and "masked" in new
            ):
                old, new = MASKED, MASKED
            changes[name] = {"before": old, "after": new}
    return changes


def _actor_fields(actor: Any) -> dict[str, Any]:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return {"actor": None, "actor_label": ""}
    return {"actor": actor, "actor_label": actor.get_username()}


def _origin_fields() -> dict[str, Any]:
    where = current_origin()
    return {"channel": where.channel, "path": where.path, "remote_addr": where.remote_addr}


def _event(model: type, instance: models.Model, *, actor: Any, **fields: Any):
    return model.objects.create(
        content_type=ContentType.objects.get_for_model(instance),
        object_pk=str(instance.pk),
        object_repr=str(instance)[:200],
        **_actor_fields(actor),
        **_origin_fields(),
        **fields,
    )


def record_create(
    instance: models.Model, *, actor: Any, extra: dict[str, Any] | None = None
) -> AuditEvent:
    after = snapshot(instance) | (extra or {})
    changes = _diff({}, after)
    return _event(
        AuditEvent, instance, actor=actor, action=AuditEvent.Action.CREATE, changes=changes
    )


def record_update(
    instance: models.Model,
    *,
    before: Snapshot,
    actor: Any,
    extra_before: dict[str, Any] | None = None,
    extra_after: dict[str, Any] | None = None,
) -> AuditEvent | None:
    """Record what changed since ``before``; nothing is recorded when nothing changed."""
    changes = _diff(before | (extra_before or {}), snapshot(instance) | (extra_after or {}))
    if not changes:
        return None
    return _event(
        AuditEvent, instance, actor=actor, action=AuditEvent.Action.UPDATE, changes=changes
    )


def record_delete(instance: models.Model, *, actor: Any) -> AuditEvent:
    """Call before deleting, while the instance still has its primary key."""
    changes = _diff(snapshot(instance), {})
    return _event(
        AuditEvent, instance, actor=actor, action=AuditEvent.Action.DELETE, changes=changes
    )


def record_access(instance: models.Model, *, actor: Any) -> AccessEvent | None:
    """Log a read of ``instance`` when its model holds personal data."""
    if not getattr(instance, "holds_personal_data", False):
        return None
    return _event(AccessEvent, instance, actor=actor)


def purge_access_log(*, now: Any = None) -> int:
    """Delete access-log entries older than the retention period; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.PEJLING_ACCESS_LOG_RETENTION_DAYS)
    with transaction.atomic():
        deleted, _ = AccessEvent.objects.filter(occurred_at__lt=cutoff).delete()
    return deleted


def purge_audit_log(*, now: Any = None) -> int:
    """Delete change records older than their (much longer) retention period."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.PEJLING_AUDIT_LOG_RETENTION_DAYS)
    with transaction.atomic():
        deleted, _ = AuditEvent.objects.filter(occurred_at__lt=cutoff).delete()
    return deleted
