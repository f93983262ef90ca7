from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnualwheelConfig(AppConfig):
    name = "pejling.annualwheel"
    label = "annualwheel"
    verbose_name = _("Årshjul")
