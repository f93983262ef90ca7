"""Helpers shared by the barometer tests."""

from django.apps import apps

from pejling.audit.models import AuditEvent
from pejling.barometer.models import Edition, Indicator


def row_counts() -> dict[str, int]:
    """Rows in every barometer table and in the audit trail, to show that nothing was saved."""
    counts = {m.__name__: m.objects.count() for m in apps.get_app_config("barometer").get_models()}
    counts["AuditEvent"] = AuditEvent.objects.count()
    return counts


def latest() -> Edition:
    return Edition.objects.published().order_by("-period").first()


def indicator(code: str) -> Indicator:
    return Indicator.objects.select_related("target").get(code=code)


def logged_in(client, user):
    client.force_login(user)
    return client
