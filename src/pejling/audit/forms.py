from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from pejling.audit.models import AuditEvent
from pejling.core.forms import Form


class EventFilterForm(Form):
    actor = forms.CharField(label=_("Bruger (brugernavn)"), required=False, max_length=150)
    content_type = forms.ModelChoiceField(
        label=_("Type"), queryset=ContentType.objects.none(), required=False, empty_label=_("Alle")
    )
    object_pk = forms.CharField(label=_("Id"), required=False, max_length=64)
    date_from = forms.DateField(
        label=_("Fra dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Til dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, event_model, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        used = event_model.objects.values_list("content_type", flat=True).distinct()
        self.fields["content_type"].queryset = ContentType.objects.filter(pk__in=used).order_by(
            "app_label", "model"
        )
        self.fields["content_type"].label_from_instance = lambda ct: str(
            ct.model_class()._meta.verbose_name if ct.model_class() else ct.model
        ).capitalize()

    def clean(self) -> dict:
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("Til-datoen må ikke ligge før fra-datoen."))
        return data

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("actor"):
            queryset = queryset.filter(actor_label__iexact=data["actor"].strip())
        if data.get("content_type"):
            queryset = queryset.filter(content_type=data["content_type"])
        if data.get("object_pk"):
            queryset = queryset.filter(object_pk=data["object_pk"].strip())
        if data.get("date_from"):
            queryset = queryset.filter(occurred_at__date__gte=data["date_from"])
        if data.get("date_to"):
            queryset = queryset.filter(occurred_at__date__lte=data["date_to"])
        return queryset


class AuditFilterForm(EventFilterForm):
    action = forms.ChoiceField(
        label=_("Handling"),
        required=False,
        choices=[("", _("Alle")), *AuditEvent.Action.choices],
    )

    def filter(self, queryset):
        queryset = super().filter(queryset)
        if self.cleaned_data.get("action"):
            queryset = queryset.filter(action=self.cleaned_data["action"])
        return queryset
