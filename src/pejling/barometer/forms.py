from django import forms
from django.utils.translation import gettext_lazy as _

from pejling.barometer.engine.spec import DISTRICTS, ORIGIN_GROUPS
from pejling.barometer.models import Edition, Indicator, ProgressStatus, Target, validate_period
from pejling.barometer.overview import SEX_LABELS, origin_label
from pejling.core.forms import Form, ModelForm
from pejling.lib.cpr import validate_no_cpr
from pejling.policy.models import Goal

SEX_CHOICES = [(key, label) for key, label in SEX_LABELS.items()]


def _district_choices(extra_blank: str) -> list[tuple[str, str]]:
    return [("", extra_blank), *((d, d) for d in DISTRICTS)]


def _origin_choices() -> list[tuple[str, str]]:
    return [("", origin_label("")), *((o, origin_label(o)) for o in ORIGIN_GROUPS)]


class SeriesForm(Form):
    """The disaggregation selectors of an indicator page (a GET form that works without JS)."""

    herkomst = forms.MultipleChoiceField(
        label=_("Herkomst"),
        required=False,
        # Explicit: CheckboxSelectMultiple is a RadioSelect to Django, and would be styled as one.
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
    )
    bydel = forms.ChoiceField(label=_("Bydel"), required=False)
    koen = forms.ChoiceField(label=_("Køn"), required=False)
    udgave = forms.TypedChoiceField(label=_("Udgave"), required=False, coerce=int)

    def __init__(self, *args, origins, districts, sexes, editions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["herkomst"].choices = [(o, origin_label(o)) for o in origins]
        self.fields["bydel"].choices = [("", _("Hele kommunen")), *((d, d) for d in districts)]
        self.fields["koen"].choices = [(s, SEX_LABELS.get(s, s)) for s in sexes]
        self.fields["udgave"].choices = [
            (
                e.pk,
                f"{e.period} ({e.get_state_display().lower()})" if not e.is_published else e.period,
            )
            for e in editions
        ]
        if len(sexes) <= 1:
            del self.fields["koen"]
        if not districts:
            del self.fields["bydel"]
        if len(origins) <= 1:
            del self.fields["herkomst"]


class UploadForm(Form):
    file = forms.FileField(
        label=_("Fil (CSV eller XLSX)"),
        help_text=_(
            "Én række pr. tal med kolonnerne period og value, og efter behov indicator, origin, "
            "district, sex, numerator, denominator og suppressed. Tom gruppe betyder i alt."
        ),
    )
    indicator = forms.ModelChoiceField(
        label=_("Indikator"),
        queryset=Indicator.objects.order_by("code"),
        required=False,
        to_field_name="code",
        empty_label=_("Fra filens kolonne indicator"),
        help_text=_("Bruges, når filen ikke har en kolonne indicator."),
    )
    edition = forms.ModelChoiceField(
        label=_("Udgave"),
        queryset=Edition.objects.filter(state=Edition.State.DRAFT),
        required=False,
        empty_label=_("Ny kladde for filens seneste halvår"),
    )


class ValueForm(Form):
    """One value entered by hand (e.g. from a survey or HR data)."""

    indicator = forms.ModelChoiceField(
        label=_("Indikator"), queryset=Indicator.objects.order_by("code"), to_field_name="code"
    )
    period = forms.CharField(
        label=_("Halvår"), max_length=6, validators=[validate_period], help_text=_("Fx 2024H2.")
    )
    value = forms.FloatField(label=_("Værdi"))
    origin = forms.ChoiceField(label=_("Herkomst"), required=False)
    district = forms.ChoiceField(label=_("Bydel"), required=False)
    sex = forms.ChoiceField(label=_("Køn"), choices=SEX_CHOICES, required=False)
    edition = forms.ModelChoiceField(
        label=_("Udgave"),
        queryset=Edition.objects.filter(state=Edition.State.DRAFT),
        required=False,
        empty_label=_("Ny kladde for halvåret"),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["origin"].choices = _origin_choices()
        self.fields["district"].choices = _district_choices(str(_("Hele kommunen")))


class PanelForm(Form):
    panel = forms.FileField(
        label=_("Registerudtræk (Parquet)"),
        help_text=_("Én række pr. person og halvår med kolonnerne beskrevet nedenfor."),
    )
    period_from = forms.CharField(
        label=_("Fra halvår"),
        max_length=6,
        required=False,
        validators=[validate_period],
        help_text=_("Tom: alle halvår i udtrækket."),
    )

    def clean_panel(self):
        panel = self.cleaned_data["panel"]
        if not panel.name.lower().endswith(".parquet"):
            raise forms.ValidationError(_("Vælg en Parquet-fil (.parquet)."))
        return panel


def _names(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


class IndicatorForm(ModelForm):
    districts_text = forms.CharField(
        label=_("Bydele"), required=False, help_text=_("Adskilt af komma. Tom: alle bydele.")
    )
    origins_text = forms.CharField(
        label=_("Herkomstgrupper"),
        required=False,
        help_text=_("Adskilt af komma, fx ikke_vestlig, dansk. Tom: kun alle herkomster."),
    )
    by_text = forms.CharField(
        label=_("Opdelinger"),
        required=False,
        help_text=_("district og/eller sex, adskilt af komma."),
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Mål"),
        queryset=Goal.objects.select_related("policy").order_by("policy", "id"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
    )

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "name_en",
            "description",
            "description_en",
            "goals",
            "unit",
            "direction",
            "kind",
            "source",
            "measure",
            "age_min",
            "age_max",
            "sex",
            "include_all_origins",
            "group",
            "reference",
            "headline_origin",
            "lag_months",
            "definition",
            "source_text",
            "computation",
            "caveats",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["districts_text"].initial = ", ".join(self.instance.districts)
            self.fields["origins_text"].initial = ", ".join(self.instance.origins)
            self.fields["by_text"].initial = ", ".join(self.instance.by)

    def clean(self):
        cleaned = super().clean()
        errors = {}
        districts = _names(cleaned.get("districts_text", ""))
        origins = _names(cleaned.get("origins_text", ""))
        by = _names(cleaned.get("by_text", ""))
        if unknown := [d for d in districts if d not in DISTRICTS]:
            errors["districts_text"] = _("Ukendt bydel: %(names)s.") % {"names": ", ".join(unknown)}
        if unknown := [o for o in origins if o not in ORIGIN_GROUPS]:
            errors["origins_text"] = _("Ukendt herkomstgruppe: %(names)s.") % {
                "names": ", ".join(unknown)
            }
        if unknown := [b for b in by if b not in ("district", "sex")]:
            errors["by_text"] = _("Der kan kun opdeles efter district og sex.")
        for name, message in errors.items():
            self.add_error(name, message)
        self.instance.districts, self.instance.origins, self.instance.by = districts, origins, by
        return cleaned


class TargetForm(ModelForm):
    class Meta:
        model = Target
        fields = ["baseline_period", "baseline_value", "target_value", "target_year", "tolerance"]


class OverrideForm(Form):
    status = forms.ChoiceField(
        label=_("Manuel status"),
        choices=[("", _("Ingen: beregn status")), *ProgressStatus.choices],
        required=False,
    )
    reason = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        validators=[validate_no_cpr],
        help_text=_("Skal udfyldes, når status sættes manuelt."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Skriv hvorfor status er sat manuelt."))
        return cleaned
