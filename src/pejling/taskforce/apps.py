from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaskforceConfig(AppConfig):
    name = "pejling.taskforce"
    label = "taskforce"
    verbose_name = _("Task force")
