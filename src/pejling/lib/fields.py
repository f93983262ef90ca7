"""Model fields shared by every app."""

from django.db import models

from pejling.lib.cpr import validate_no_cpr


def free_text(verbose_name, **kwargs) -> models.TextField:
    """A text field that refuses CPR numbers, as all free text in Pejling does."""
    return models.TextField(verbose_name, validators=[validate_no_cpr], **kwargs)
