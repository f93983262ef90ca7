from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pejling.accounts.models import Administration
from pejling.core.forms import Form, ModelForm
from pejling.policy import services
from pejling.policy.models import (
    BudgetLine,
    Goal,
    Initiative,
    Policy,
    Spending,
    TargetProgress,
    TextVersion,
    Theme,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PolicyFilterForm(Form):
    q = forms.CharField(label=_("Søg i titel"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle")), *Policy.Status.choices]
    )

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(title__icontains=data["q"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        return queryset


class ChildFilterForm(Form):
    q = forms.CharField(label=_("Søg i titel"), required=False, max_length=100)
    policy = forms.ModelChoiceField(
        label=_("Politik"), queryset=Policy.objects.none(), required=False, empty_label=_("Alle")
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["policy"].queryset = Policy.objects.visible_to(user)

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(title__icontains=data["q"])
        if data.get("policy"):
            queryset = queryset.filter(policy=data["policy"])
        return queryset


class GoalFilterForm(ChildFilterForm):
    owner = forms.ModelChoiceField(
        label=_("Ansvarlig"),
        queryset=Administration.objects.all(),
        required=False,
        empty_label=_("Alle"),
    )

    def filter(self, queryset):
        queryset = super().filter(queryset)
        if self.cleaned_data.get("owner"):
            queryset = queryset.filter(owner=self.cleaned_data["owner"])
        return queryset


class InitiativeFilterForm(ChildFilterForm):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle")), *Initiative.Status.choices]
    )
    lighthouse = forms.BooleanField(label=_("Kun fyrtårnsprojekter"), required=False)

    def filter(self, queryset):
        queryset = super().filter(queryset)
        if self.cleaned_data.get("status"):
            queryset = queryset.filter(status=self.cleaned_data["status"])
        if self.cleaned_data.get("lighthouse"):
            queryset = queryset.filter(is_lighthouse=True)
        return queryset


class PolicyForm(ModelForm):
    class Meta:
        model = Policy
        fields = [
            "title",
            "subtitle",
            "slug",
            "summary",
            "overall_goal",
            "period_start",
            "period_end",
            "status",
            "owner_committee",
            "administration",
            "adopted_on",
            "adoption_reference",
            "is_public",
        ]
        widgets = {"adopted_on": DATE_WIDGET}


class ThemeForm(ModelForm):
    class Meta:
        model = Theme
        fields = [
            "number",
            "title",
            "description",
            "goals_placeholder",
            "initiatives_placeholder",
            "lighthouse_placeholder",
        ]

    def clean_number(self) -> int:
        # The policy is not a field of the form, so the unique constraint would only be checked
        # on saving, with a message above the form instead of at the number.
        number = self.cleaned_data["number"]
        taken = Theme.objects.filter(policy_id=self.instance.policy_id, number=number)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Politikken har allerede et tema nr. %(number)s.") % {"number": number}
            )
        return number


class GoalForm(ModelForm):
    class Meta:
        model = Goal
        fields = [
            "policy",
            "theme",
            "guidepost",
            "focus_area",
            "title",
            "description",
            "target_value",
            "unit",
            "direction",
            "target_year",
            "owner",
        ]


class InitiativeForm(ModelForm):
    class Meta:
        model = Initiative
        fields = [
            "policy",
            "theme",
            "goals",
            "title",
            "description",
            "is_lighthouse",
            "status",
            "responsible",
            "starts_on",
            "ends_on",
        ]
        widgets = {
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "goals": forms.CheckboxSelectMultiple,
        }

    def clean(self) -> dict:
        data = super().clean()
        try:
            services.check_initiative_goals(
                policy_id=data["policy"].pk if data.get("policy") else None,
                goal_ids=data.get("goals") or [],
            )
        except ValidationError as error:
            self.add_error(None, error)
        return data


class TextVersionForm(Form):
    body = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 6}))
    valid_from = forms.DateField(label=_("Gældende fra"), widget=DATE_WIDGET)
    reason = forms.ChoiceField(label=_("Årsag"), choices=TextVersion.Reason.choices)
    proposed_by = forms.CharField(label=_("Foreslået af"), required=False, max_length=200)
    decision_reference = forms.CharField(label=_("Besluttet ved"), required=False, max_length=200)
    note = forms.CharField(
        label=_("Bemærkning"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from pejling.lib.cpr import validate_no_cpr

        for name in ("body", "note"):
            self.fields[name].validators.append(validate_no_cpr)


class TargetProgressForm(ModelForm):
    class Meta:
        model = TargetProgress
        fields = ["value", "recorded_on", "note"]
        widgets = {"recorded_on": DATE_WIDGET, "note": forms.Textarea(attrs={"rows": 2})}


class BudgetLineForm(ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["year", "title", "amount", "initiative", "strand"]


class SpendingForm(ModelForm):
    class Meta:
        model = Spending
        fields = ["spent_on", "amount", "text"]
        widgets = {"spent_on": DATE_WIDGET, "text": forms.Textarea(attrs={"rows": 2})}


class GuidepostForm(Form):
    number = forms.IntegerField(label=_("Nummer"), min_value=1, max_value=99)
    title = forms.CharField(label=_("Titel"), max_length=200)
    wording = forms.CharField(
        label=_("Formulering"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Senere ændringer bliver nye versioner med dato og årsag."),
    )
    valid_from = forms.DateField(label=_("Gældende fra"), widget=DATE_WIDGET)

    def __init__(self, *args, policy, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.policy = policy
        from pejling.lib.cpr import validate_no_cpr

        self.fields["wording"].validators.append(validate_no_cpr)
        self.fields["title"].validators.append(validate_no_cpr)

    def clean_number(self) -> int:
        number = self.cleaned_data["number"]
        if self.policy.guideposts.filter(number=number).exists():
            raise ValidationError(
                _("Politikken har allerede et pejlemærke nr. %(number)s.") % {"number": number}
            )
        return number
