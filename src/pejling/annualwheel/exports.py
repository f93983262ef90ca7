"""The year's occurrences as CSV and XLSX."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from pejling.annualwheel.models import Status
from pejling.lib.export import Column


def occurrence_columns(today: date) -> list[Column]:
    return [
        Column(_("Dato"), lambda o: o.date),
        Column(_("Begivenhed"), lambda o: o.event.title),
        Column(_("Kategori"), lambda o: o.event.get_category_display()),
        Column(_("Ansvarlig"), lambda o: str(o.responsible) if o.responsible else ""),
        Column(_("Status"), lambda o: Status(o.status_on(today)).label),
        Column(_("Noter"), lambda o: o.notes),
        Column(_("Resultat"), lambda o: o.result_title),
        Column(_("Link til resultatet"), lambda o: o.result_url),
    ]
