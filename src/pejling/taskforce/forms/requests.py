"""Requests in: the public form, a contact person's request, the requester's answer, and the
filter of a contact person's list."""

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pejling.core.forms import Form
from pejling.lib.cpr import validate_no_cpr
from pejling.taskforce.models import ActorKind, Field, Status, Urgency

TITLE_MAX = 200
DESCRIPTION_MAX = 5000

# The administrations and the street workers are served through the contact persons and the
# advisors' own work; the public form is for everyone else (seed 000).
PUBLIC_ACTOR_KINDS = [
    (value, label)
    for value, label in ActorKind.choices
    if value not in (ActorKind.ADMINISTRATION, ActorKind.STREET_WORKERS)
]


def _retention_years() -> str:
    years = max(1, round(settings.PEJLING_CASE_RETENTION_DAYS / 365))
    return ngettext(
        "Vi bruger oplysningerne til at behandle din henvendelse og til at kontakte dig om den. "
        "De gemmes i %(years)d år efter, at sagen er afsluttet; derefter slettes "
        "personoplysningerne.",
        "Vi bruger oplysningerne til at behandle din henvendelse og til at kontakte dig om den. "
        "De gemmes i %(years)d år efter, at sagen er afsluttet; derefter slettes "
        "personoplysningerne.",
        years,
    ) % {"years": years}


retention_text = lazy(_retention_years, str)


def _title_field() -> forms.CharField:
    return forms.CharField(
        label=_("Overskrift"),
        max_length=TITLE_MAX,
        validators=[validate_no_cpr],
        widget=forms.TextInput(attrs={"class": "form-input input-width-xl"}),
        help_text=_("Problemet i en sætning, fx “Konflikter mellem forældre ved afhentning”."),
        error_messages={
            "required": _("Skriv en overskrift."),
            "max_length": _(
                "Overskriften må højst være på %(limit_value)d tegn; den er på %(show_value)d."
            ),
        },
    )


def _description_field() -> forms.CharField:
    field = forms.CharField(
        label=_("Beskrivelse"),
        max_length=DESCRIPTION_MAX,
        validators=[validate_no_cpr],
        widget=forms.Textarea(attrs={"rows": 8, "class": "form-input input-width-xl"}),
        help_text=_(
            "Hvad er sket, hvem er berørt, og hvad har I allerede prøvet? Skriv ikke navne, "
            "CPR-numre eller helbredsoplysninger om de personer, det drejer sig om. "
            "Højst 5.000 tegn."
        ),
        error_messages={
            "required": _("Beskriv problemet."),
            "max_length": _(
                "Beskrivelsen må højst være på %(limit_value)d tegn; den er på %(show_value)d. "
                "Gør den kortere; du kan fortælle mere, når vi kontakter dig."
            ),
        },
    )
    # The limit is checked on the server with a clear message; the browser's own limit would
    # cut a long pasted text short without saying so.
    field.widget.attrs.pop("maxlength", None)
    return field


def _field_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Hvilket område handler det om?"),
        choices=Field.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vælg det område, problemet hører under."),
            "invalid_choice": _("Vælg en af mulighederne på listen."),
        },
    )


def _urgency_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Hvor haster det?"),
        choices=Urgency.choices,
        initial=Urgency.NORMAL,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vælg, hvor meget det haster."),
            "invalid_choice": _("Vælg en af mulighederne på listen."),
        },
    )


_phone_characters = RegexValidator(
    r"^\+?[0-9 ()-]{8,40}$",
    _("Skriv et telefonnummer med mindst 8 cifre, fx 33 66 33 66."),
)


def _name_field(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=200,
        validators=[validate_no_cpr],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Skriv navnet på den, vi skal kontakte.")},
    )


def _email_field(label, help_text="") -> forms.EmailField:
    return forms.EmailField(
        label=label,
        max_length=254,
        help_text=help_text,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Skriv en e-mailadresse, så vi kan sende en kvittering."),
            "invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."),
        },
    )


def _phone_field(label, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=40,
        required=False,
        validators=[_phone_characters, validate_no_cpr],
        help_text=help_text,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )


class PublicRequestForm(Form):
    """What anyone may send without logging in; only what the task force needs to help."""

    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        validators=[validate_no_cpr],
        help_text=_(
            "Fx skolens, foreningens eller virksomhedens navn. Lad feltet stå tomt, hvis du "
            "skriver som beboer eller borger."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "organization", "class": "form-input input-width-l"}
        ),
    )
    actor_kind = forms.ChoiceField(
        label=_("Hvem skriver du på vegne af?"),
        choices=[("", _("Vælg …")), *PUBLIC_ACTOR_KINDS],
        error_messages={
            "required": _("Vælg, hvem du skriver på vegne af."),
            "invalid_choice": _("Vælg en af mulighederne på listen."),
        },
    )
    contact_name = _name_field(_("Dit navn"))
    contact_email = _email_field(
        _("Din e-mail"),
        _("Vi sender en kvittering med et link, hvor du kan følge henvendelsen."),
    )
    contact_phone = _phone_field(_("Dit telefonnummer"), _("Hvis du hellere vil ringes op."))
    title = _title_field()
    description = _description_field()
    field = _field_field()
    urgency = _urgency_field()
    consent = forms.BooleanField(
        label=_("Jeg giver samtykke til, at oplysningerne bruges som beskrevet."),
        help_text=retention_text(),
        error_messages={
            "required": _(
                "Sæt kryds for at give samtykke; ellers kan vi ikke tage imod henvendelsen."
            )
        },
    )
    # The honeypot: hidden from people and screen readers, filled in by robots.
    website = forms.CharField(required=False, max_length=200)

    def is_spam(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def case_fields(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "organisation",
                "actor_kind",
                "contact_name",
                "contact_email",
                "contact_phone",
                "title",
                "description",
                "field",
                "urgency",
            )
        }


class ContactRequestForm(Form):
    """A contact person's request on behalf of their administration."""

    organisation = forms.CharField(
        label=_("Enhed eller institution"),
        max_length=200,
        required=False,
        validators=[validate_no_cpr],
        help_text=_("Den del af forvaltningen, det drejer sig om, fx en skole eller et center."),
    )
    title = _title_field()
    description = _description_field()
    field = _field_field()
    urgency = _urgency_field()
    contact_name = _name_field(_("Kontaktperson"))
    contact_email = _email_field(_("E-mail"), _("Kvitteringen og nyt om sagen sendes hertil."))
    contact_phone = _phone_field(_("Telefon"))


class AnswerForm(Form):
    """The requester's answer to the task force's question."""

    text = forms.CharField(
        label=_("Dit svar"),
        max_length=DESCRIPTION_MAX,
        validators=[validate_no_cpr],
        widget=forms.Textarea(attrs={"rows": 6, "class": "form-input input-width-xl"}),
        help_text=_("Skriv ikke CPR-numre eller helbredsoplysninger. Højst 5.000 tegn."),
        error_messages={
            "required": _("Skriv dit svar."),
            "max_length": _(
                "Svaret må højst være på %(limit_value)d tegn; det er på %(show_value)d."
            ),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs.pop("maxlength", None)


class ContactCaseFilterForm(Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle")), *Status.choices]
    )
    field = forms.ChoiceField(
        label=_("Indsatsområde"), required=False, choices=[("", _("Alle")), *Field.choices]
    )

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("field"):
            queryset = queryset.filter(field=data["field"])
        return queryset
