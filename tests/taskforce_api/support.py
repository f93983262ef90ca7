"""Helpers for the task force API's tests: the policy API's JSON client and checks, and a few
of the task force's own."""

from django.urls import reverse

from pejling.audit.models import AccessEvent, AuditEvent
from tests.policy_api.support import (
    A_CPR_NUMBER,
    CPR_MESSAGE,
    NOT_SAVED,
    Api,
    assert_cpr_refused,
    assert_forbidden,
    assert_invalid,
    assert_not_found,
    assert_unauthenticated,
    count_queries,
)

__all__ = [
    "A_CPR_NUMBER",
    "CPR_MESSAGE",
    "NOT_SAVED",
    "Api",
    "access_events",
    "assert_cpr_refused",
    "assert_forbidden",
    "assert_invalid",
    "assert_not_found",
    "assert_unauthenticated",
    "audit_events",
    "case_url",
    "count_queries",
]


def audit_events(instance, action: str | None = None):
    events = AuditEvent.objects.for_object(instance)
    return events.filter(action=action) if action else events


def access_events(instance):
    return AccessEvent.objects.for_object(instance)


def case_url(case) -> str:
    """The case's page, which every answer about a case links to."""
    return reverse("taskforce:case_detail", args=[case.reference])
