from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pejling.core.forms import Form, ModelForm
from pejling.reports.models import Kind, Language, Priority


def _years() -> list[tuple[int, int]]:
    this_year = timezone.localdate().year
    return [(year, year) for year in range(this_year, this_year - 10, -1)]


class ReportRequestForm(Form):
    kind = forms.ChoiceField(label=_("Rapport"), choices=Kind.choices)
    year = forms.TypedChoiceField(label=_("År"), coerce=int, choices=_years)
    language = forms.ChoiceField(label=_("Sprog"), choices=Language.choices, initial="da")


class PriorityForm(ModelForm):
    class Meta:
        model = Priority
        fields = ["section", "title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}
