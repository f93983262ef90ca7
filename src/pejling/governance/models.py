from django.db import models
from django.utils.translation import gettext_lazy as _


class Body(models.Model):
    """A political body: a standing committee, the city council or an advisory council."""

    class Kind(models.TextChoices):
        COMMITTEE = "committee", _("Udvalg")
        CITY_COUNCIL = "city_council", _("Borgerrepræsentationen")
        COUNCIL = "council", _("Råd")

    name = models.CharField(_("navn"), max_length=200, unique=True)
    short_name = models.CharField(_("forkortelse"), max_length=20, unique=True)
    kind = models.CharField(_("slags"), max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("politisk organ")
        verbose_name_plural = _("politiske organer")

    def __str__(self) -> str:
        return self.name
