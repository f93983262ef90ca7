"""The filter of the case list ("Sager"), with the Danish parameter names that the annual
report's figures link to: ?aar=2025&indgang=public&svar=inden and so on."""

from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from pejling.accounts.models import Administration
from pejling.core.forms import Form
from pejling.taskforce.models import ActorKind, Door, Field, Status

FIRST_YEAR, LAST_YEAR = 1990, 2100

IN_TIME, LATE, UNANSWERED = "inden", "efter", "ubesvaret"
RESPONSE_CHOICES = [
    (IN_TIME, _("Svaret inden fristen")),
    (LATE, _("Svaret efter fristen")),
    (UNANSWERED, _("Ikke besvaret")),
]


def _all(choices) -> list:
    return [("", _("Alle")), *choices]


def _choice(label, choices, message) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=_all(choices),
        error_messages={"invalid_choice": message},
    )


def _year(label) -> forms.IntegerField:
    message = _("Skriv et årstal med fire cifre mellem %(first)d og %(last)d, fx 2025.") % {
        "first": FIRST_YEAR,
        "last": LAST_YEAR,
    }
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={"invalid": message, "min_value": message, "max_value": message},
    )


class CaseListFilterForm(Form):
    """Every filter is optional; an invalid one is reported and left out, the others apply."""

    q = forms.CharField(label=_("Søg i nummer og overskrift"), required=False, max_length=100)
    aar = _year(_("Modtaget i år"))
    afsluttet = _year(_("Afsluttet i år"))
    felt = _choice(_("Indsatsområde"), Field.choices, _("Vælg et af indsatsområderne på listen."))
    indgang = _choice(_("Indgang"), Door.choices, _("Vælg en af indgangene på listen."))
    forvaltning = forms.ModelChoiceField(
        label=_("Forvaltning"),
        queryset=Administration.objects.order_by("short_name"),
        required=False,
        empty_label=_("Alle"),
        error_messages={"invalid_choice": _("Vælg en af forvaltningerne på listen.")},
    )
    aktoer = _choice(
        _("Slags aktør"), ActorKind.choices, _("Vælg en af slagsene af aktører på listen.")
    )
    status = _choice(
        _("Status"),
        [(value, label) for value, label in Status.choices if value != Status.MERGED],
        _("Vælg en af statusserne på listen."),
    )
    svar = _choice(
        _("Første svar"),
        RESPONSE_CHOICES,
        _("Vælg inden fristen, efter fristen eller ikke besvaret."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["forvaltning"].label_from_instance = lambda a: f"{a.short_name} – {a.name}"
        for name in ("aar", "afsluttet"):
            self.fields[name].widget.attrs.setdefault("inputmode", "numeric")

    @property
    def applied(self) -> dict:
        """The valid, non-empty filters: the ones left after an invalid one was dropped."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}

    def filter(self, queryset):
        data = self.applied
        if "q" in data:
            queryset = queryset.filter(
                Q(reference__icontains=data["q"]) | Q(title__icontains=data["q"])
            )
        if "aar" in data:
            queryset = queryset.filter(received_at__year=data["aar"])
        if "afsluttet" in data:
            queryset = queryset.filter(closed_at__year=data["afsluttet"], status=Status.CLOSED)
        if "felt" in data:
            queryset = queryset.filter(field=data["felt"])
        if "indgang" in data:
            queryset = queryset.filter(door=data["indgang"])
        if "forvaltning" in data:
            queryset = queryset.filter(administration=data["forvaltning"])
        if "aktoer" in data:
            queryset = queryset.filter(actor_kind=data["aktoer"])
        if "status" in data:
            queryset = queryset.filter(status=data["status"])
        if "svar" in data:
            # As the annual report counts first responses: the outreach door has no requester
            # to answer, and a response counts by its local date against the due date.
            queryset = queryset.exclude(door=Door.OUTREACH)
            if data["svar"] == IN_TIME:
                queryset = queryset.filter(first_responded_at__date__lte=F("response_due_on"))
            elif data["svar"] == LATE:
                queryset = queryset.filter(first_responded_at__date__gt=F("response_due_on"))
            else:
                queryset = queryset.filter(first_responded_at__isnull=True)
        return queryset
