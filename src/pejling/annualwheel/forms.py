from django import forms
from django.utils.translation import gettext_lazy as _

from pejling.accounts.models import User
from pejling.accounts.roles import ROLE_CAPABILITIES, Capability
from pejling.annualwheel.models import Category, RecurringEvent, Status
from pejling.core.forms import Form, ModelForm

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def internal_users():
    """Active users holding a role that reads internal pages: who may be responsible."""
    roles = [role for role, caps in ROLE_CAPABILITIES.items() if Capability.READ_INTERNAL in caps]
    return (
        User.objects.filter(is_active=True, role_assignments__role__in=roles)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj)


class WheelFilterForm(Form):
    kategori = forms.ChoiceField(
        label=_("Kategori"), required=False, choices=[("", _("Alle")), *Category.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle")), *Status.choices]
    )

    def filter(self, queryset, *, today):
        data = self.cleaned_data
        if data.get("kategori"):
            queryset = queryset.filter(event__category=data["kategori"])
        if data.get("status"):
            queryset = queryset.with_status(data["status"], today)
        return queryset


class EventForm(ModelForm):
    responsible = PersonChoiceField(
        label=_("Ansvarlig"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Den, der som udgangspunkt er ansvarlig for hver forekomst."),
    )

    class Meta:
        model = RecurringEvent
        fields = [
            "title",
            "category",
            "rule",
            "description",
            "responsible",
            "reminder_days",
            "is_active",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = internal_users()
        if self.instance.pk is None:
            # A new event is active; switching it off is a later decision.
            del self.fields["is_active"]
        else:
            self.fields["is_active"].help_text = _(
                "En begivenhed, der ikke er aktiv, får ingen nye forekomster og er ikke med i "
                "kalenderne."
            )


class OccurrenceForm(Form):
    date = forms.DateField(label=_("Dato"), widget=DATE_WIDGET)
    responsible = PersonChoiceField(
        label=_("Ansvarlig"), queryset=User.objects.none(), required=False
    )
    notes = forms.CharField(
        label=_("Noter"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    result_title = forms.CharField(label=_("Resultatets titel"), required=False, max_length=200)
    result_url = forms.CharField(
        label=_("Link til resultatet"),
        required=False,
        max_length=500,
        help_text=_("Fx barometerudgaven, rapporten eller mødet, som forekomsten førte til."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = internal_users()


class CompleteForm(Form):
    notes = forms.CharField(
        label=_("Noter"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    result_title = forms.CharField(label=_("Resultatets titel"), required=False, max_length=200)
    result_url = forms.CharField(
        label=_("Link til resultatet"),
        required=False,
        max_length=500,
        help_text=_("Fx barometerudgaven, rapporten eller mødet, som forekomsten førte til."),
    )

    def __init__(self, *args, prefix: str = "udfoer", **kwargs) -> None:
        super().__init__(*args, prefix=prefix, **kwargs)


class GenerateForm(Form):
    year = forms.IntegerField(label=_("År"), min_value=1900, max_value=2200)
