from datetime import datetime

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pejling.core.forms import Form
from pejling.governance import files
from pejling.governance.models import (
    AgendaItem,
    Amendment,
    Body,
    ElectoralTerm,
    Hearing,
    Meeting,
    Membership,
    Vote,
)
from pejling.lib.cpr import validate_no_cpr
from pejling.policy.models import TextVersion

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
CHECKBOXES = forms.CheckboxSelectMultiple


def free(label, *, required: bool = True, rows: int = 4, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        validators=[validate_no_cpr],
        help_text=help_text,
    )


class MeetingFilterForm(Form):
    body = forms.ModelChoiceField(
        label=_("Udvalg"), queryset=Body.objects.none(), required=False, empty_label=_("Alle")
    )
    state = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alle")), *Meeting.State.choices], required=False
    )
    year = forms.IntegerField(label=_("År"), required=False, min_value=1900, max_value=2100)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.exclude(kind=Body.Kind.PARTY_GROUP)

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("body"):
            queryset = queryset.filter(body=data["body"])
        if data.get("state"):
            queryset = queryset.filter(state=data["state"])
        if data.get("year"):
            queryset = queryset.filter(starts_at__year=data["year"])
        return queryset


class HearingFilterForm(Form):
    q = forms.CharField(label=_("Søg i titel"), required=False, max_length=100)
    phase = forms.ChoiceField(
        label=_("Fase"), choices=[("", _("Alle")), *Hearing.Phase.choices], required=False
    )
    year = forms.IntegerField(
        label=_("Sendt i året"), required=False, min_value=1900, max_value=2100
    )

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(title__icontains=data["q"])
        if data.get("phase"):
            queryset = queryset.filter(phase=data["phase"])
        if data.get("year"):
            queryset = queryset.filter(sent_on__year=data["year"])
        return queryset


class MeetingForm(Form):
    body = forms.ModelChoiceField(label=_("Udvalg"), queryset=Body.objects.none())
    name = forms.CharField(label=_("Betegnelse"), max_length=200, initial="Ordinært møde")
    day = forms.DateField(label=_("Dato"), widget=DATE)
    time = forms.TimeField(label=_("Klokkeslæt"), widget=TIME)
    location = forms.CharField(label=_("Mødested"), max_length=200, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.exclude(kind=Body.Kind.PARTY_GROUP)

    def starts_at(self) -> datetime:
        data = self.cleaned_data
        return timezone.make_aware(datetime.combine(data["day"], data["time"]))


class AgendaItemForm(Form):
    title = forms.CharField(label=_("Titel"), max_length=300)
    case_reference = forms.CharField(
        label=_("Sagsnummer"), max_length=50, required=False, help_text=_("Fx 'BIU 201/2006'.")
    )
    recommended_by = forms.CharField(
        label=_("Indstillet af"),
        max_length=200,
        required=False,
        initial="Beskæftigelses- og Integrationsforvaltningen",
    )
    recommendation = free(
        _("Indstilling"),
        help_text=_("Ét punkt pr. linje, fx 'at udvalget godkender …'. Punkterne nummereres."),
    )
    summary = free(_("Resumé"), required=False)
    case_description = free(_("Sagsbeskrivelse"), required=False, rows=8)

    def points(self) -> list[str]:
        return [line for line in self.cleaned_data["recommendation"].splitlines() if line.strip()]


class AnnexForm(Form):
    title = forms.CharField(label=_("Titel"), max_length=300, required=False)
    file = forms.FileField(
        label=_("Fil"), error_messages={"required": _("Vælg en fil."), "empty": _("Filen er tom.")}
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        types = ", ".join(ext.lstrip(".").upper() for ext in files.ANNEX_TYPES)
        self.fields["file"].help_text = _("%(types)s, højst %(size)s.") % {
            "types": types,
            "size": filesizeformat(settings.PEJLING_ATTACHMENT_MAX_BYTES),
        }
        self.fields["file"].widget.attrs["aria-describedby"] = "id_file-hint"


class VotesMixin:
    """One field per party group: how it voted, when there was a vote."""

    def add_vote_fields(self) -> None:
        self.parties = list(Body.objects.filter(kind=Body.Kind.PARTY_GROUP))
        for party in self.parties:
            self.fields[f"vote_{party.pk}"] = forms.ChoiceField(
                label=_("%(party)s stemte") % {"party": party.name},
                choices=[("", _("Ikke angivet")), *Vote.Position.choices],
                required=False,
            )
            self.fields[f"vote_{party.pk}"].widget.attrs["class"] = "form-select"

    def votes(self) -> dict:
        return {
            party: self.cleaned_data[f"vote_{party.pk}"]
            for party in self.parties
            if self.cleaned_data.get(f"vote_{party.pk}")
        }


class DecisionForm(VotesMixin, Form):
    outcome = forms.ChoiceField(label=_("Beslutning"), choices=AgendaItem.Outcome.choices)
    with_vote = forms.BooleanField(label=_("Der var afstemning"), required=False)
    text = free(_("Beslutningstekst"), required=False, rows=3)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.add_vote_fields()


class AmendmentDecisionForm(VotesMixin, Form):
    decision = forms.ChoiceField(
        label=_("Afgørelse"),
        choices=[("adopt", _("Vedtaget")), ("reject", _("Forkastet"))],
        widget=forms.RadioSelect,
    )
    with_vote = forms.BooleanField(label=_("Der var afstemning"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.add_vote_fields()


class TextVersionChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: TextVersion) -> str:
        return _("%(text)s (%(policy)s), version %(n)s") % {
            "text": obj.text.title,
            "policy": obj.text.policy.title,
            "n": obj.number,
        }


class AmendmentForm(Form):
    party = forms.ModelChoiceField(
        label=_("Parti"),
        queryset=Body.objects.none(),
        required=False,
        empty_label=_("Intet parti (fx udvalget selv)"),
    )
    proposed_by = forms.CharField(
        label=_("Fremsat af"),
        max_length=200,
        required=False,
        help_text=_("Udfyldes, når det ikke er et parti; ellers bruges partiets navn."),
    )
    kind = forms.ChoiceField(label=_("Slags"), choices=Amendment.Kind.choices)
    target_version = TextVersionChoice(
        label=_("Tekst, der ændres"),
        queryset=TextVersion.objects.none(),
        required=False,
        empty_label=_("Indstillingen"),
    )
    target_section = forms.CharField(label=_("Afsnit"), max_length=200, required=False)
    text_from = free(_("Fra"), required=False)
    text_to = free(_("Til"), help_text=_("Den nye tekst eller det tilføjede afsnit."))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = Body.objects.filter(kind=Body.Kind.PARTY_GROUP)
        self.fields["target_version"].queryset = TextVersion.objects.select_related(
            "text__policy"
        ).order_by("text__policy__title", "text__title", "-number")

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("party") and not (data.get("proposed_by") or "").strip():
            self.add_error("proposed_by", _("Vælg et parti, eller skriv hvem der fremsatte det."))
        return data


class HearingForm(Form):
    title = forms.CharField(label=_("Titel"), max_length=300)
    asked_by = forms.ModelChoiceField(label=_("Sendes i høring af"), queryset=Body.objects.none())
    case_number = forms.CharField(label=_("Sagsnr."), max_length=50, required=False)
    proposal = free(_("Forslaget"), help_text=_("Hvad der sendes i høring."))
    deadline = forms.DateField(label=_("Høringsfrist"), widget=DATE)
    bodies = forms.ModelMultipleChoiceField(
        label=_("Politiske organer, der høres"),
        queryset=Body.objects.none(),
        required=False,
        widget=CHECKBOXES,
    )
    organisations = free(
        _("Andre høringsparter"),
        required=False,
        rows=3,
        help_text=_("Organisationer uden for kommunen, én pr. linje."),
    )
    documents_sent = free(
        _("Dokumenter, der sendes"), required=False, rows=3, help_text=_("Ét dokument pr. linje.")
    )
    introduction = free(_("Indledning til høringsnotatet"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        bodies = Body.objects.exclude(kind=Body.Kind.PARTY_GROUP)
        self.fields["asked_by"].queryset = bodies
        self.fields["bodies"].queryset = bodies

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("bodies") and not (data.get("organisations") or "").strip():
            self.add_error("bodies", _("Vælg mindst én høringspart."))
        return data


class HearingEditForm(Form):
    title = forms.CharField(label=_("Titel"), max_length=300)
    case_number = forms.CharField(label=_("Sagsnr."), max_length=50, required=False)
    proposal = free(_("Forslaget"))
    deadline = forms.DateField(label=_("Høringsfrist"), widget=DATE)
    documents_sent = free(
        _("Dokumenter, der sendes"), required=False, rows=3, help_text=_("Ét dokument pr. linje.")
    )
    introduction = free(_("Indledning til høringsnotatet"), required=False)
    changes_summary = free(
        _("Ændringer som følge af høringen"),
        required=False,
        help_text=_(
            "Står i høringsnotatet efter de ændringer, de enkelte svar giver anledning til."
        ),
    )


class ResponseForm(Form):
    party = forms.ModelChoiceField(label=_("Høringspart"), queryset=Body.objects.none())
    received_on = forms.DateField(label=_("Modtaget den"), widget=DATE)
    signed_by = forms.CharField(label=_("Underskrevet af"), max_length=200, required=False)
    text = free(
        _("Svaret"),
        required=False,
        rows=8,
        help_text=_("Skriv eller indsæt svaret, eller upload det."),
    )
    file = forms.FileField(
        label=_("Eller upload svaret"),
        required=False,
        help_text=_("PDF, DOCX eller tekstfil. Originalen gemmes, og teksten kan rettes bagefter."),
    )

    def __init__(self, *args, hearing: Hearing, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = hearing.parties.select_related("body")
        self.fields["file"].widget.attrs["aria-describedby"] = "id_file-hint"


class AssessForm(Form):
    corrected_text = free(
        _("Rettet tekst"),
        required=False,
        rows=12,
        help_text=_("Ret fejl fra scanningen; teksten som modtaget bevares ved siden af."),
    )
    summary = free(_("Sammenfatning"), required=False)
    administration_comment = free(_("Forvaltningens bemærkninger"), required=False)
    leads_to_change = forms.BooleanField(label=_("Giver anledning til ændring"), required=False)
    change_description = free(_("Ændring"), required=False, rows=2)


class MembershipForm(Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    body = forms.ModelChoiceField(label=_("Organ"), queryset=Body.objects.none())
    role = forms.ChoiceField(label=_("Rolle"), choices=Membership.Role.choices)
    party = forms.ModelChoiceField(
        label=_("Parti"), queryset=Body.objects.none(), required=False, empty_label=_("Intet")
    )
    term = forms.ModelChoiceField(
        label=_("Valgperiode"), queryset=ElectoralTerm.objects.all(), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.exclude(kind=Body.Kind.PARTY_GROUP)
        self.fields["party"].queryset = Body.objects.filter(kind=Body.Kind.PARTY_GROUP)
