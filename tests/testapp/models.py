"""A model that exists only in the test suite, to test the audit mechanism on its own."""

from django.db import models

from pejling.audit.models import HoldsPersonalData
from pejling.lib.cpr import validate_no_cpr


class Note(HoldsPersonalData, models.Model):
    title = models.CharField(max_length=100)
    body = models.TextField(blank=True, validators=[validate_no_cpr])
    secret = models.CharField(max_length=100, blank=True)
    touched_at = models.DateTimeField(null=True, blank=True)

    audit_masked_fields = frozenset({"secret"})
    audit_ignored_fields = frozenset({"touched_at"})

    def __str__(self) -> str:
        return self.title


class Plain(models.Model):
    """A model without personal data: reads are not logged."""

    name = models.CharField(max_length=100)

    def __str__(self) -> str:
        return self.name
