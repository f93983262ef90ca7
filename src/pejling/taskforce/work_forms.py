"""Forms of the task force's own pages: the triage board, my cases, the case page, outreach,
barriers and the coordinator's vocabularies."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pejling.accounts.models import Administration, User
from pejling.accounts.roles import Role
from pejling.core.forms import Form, ModelForm
from pejling.policy.models import Goal, Guidepost, Theme
from pejling.taskforce.models import (
    TRIAGE_STATUSES,
    ActivityKind,
    ActorKind,
    BarrierKind,
    Case,
    Field,
    OutcomeKind,
    Priority,
    Urgency,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
# The class is given here: core.forms would take CheckboxSelectMultiple, a subclass of
# RadioSelect, for radio buttons.
CHECKBOXES = forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"})


def _required(message: str) -> dict:
    return {"required": message}


class RowIdsMixin:
    """For a form that may appear many times on one page (once per case on the board): the ids
    of its inputs follow ``auto_id``, and so do the hints and errors tied to them."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}-hint"

    def _describe_invalid_widgets(self) -> None:
        for name in self._errors or {}:
            if name in self.fields:
                widget = self.fields[name].widget
                auto_id = self[name].auto_id
                widget.attrs["aria-invalid"] = "true"
                hint = f"{auto_id}-hint" if self.fields[name].help_text else ""
                widget.attrs["aria-describedby"] = f"{hint} {auto_id}-error".strip()


class WorkForm(RowIdsMixin, Form):
    pass


def task_force_members() -> QuerySet[User]:
    """Active users who work cases: the advisors and the coordinator."""
    return (
        User.objects.filter(
            is_active=True, role_assignments__role__in=[Role.ADVISOR, Role.COORDINATOR]
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def advisors() -> list[User]:
    """Active advisors, whom the coordinator assigns cases to."""
    return list(
        User.objects.filter(is_active=True, role_assignments__role=Role.ADVISOR)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def _with_all(choices) -> list:
    return [("", _("Alle")), *choices]


# --- Lists --------------------------------------------------------------------------------------


class BoardFilterForm(Form):
    field = forms.ChoiceField(
        label=_("Indsatsområde"), required=False, choices=_with_all(Field.choices)
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=_with_all([(s.value, s.label) for s in TRIAGE_STATUSES]),
    )
    overdue = forms.BooleanField(label=_("Kun dem over svarfristen"), required=False)

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("field"):
            queryset = queryset.filter(field=data["field"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("overdue"):
            queryset = queryset.filter(
                first_responded_at__isnull=True, response_due_on__lt=timezone.localdate()
            )
        return queryset


class MyCasesFilterForm(Form):
    q = forms.CharField(label=_("Søg i nummer og overskrift"), required=False, max_length=100)
    field = forms.ChoiceField(
        label=_("Indsatsområde"), required=False, choices=_with_all(Field.choices)
    )
    priority = forms.ChoiceField(
        label=_("Prioritet"), required=False, choices=_with_all(Priority.choices)
    )
    everyone = forms.BooleanField(label=_("Vis alle åbne sager, ikke kun mine"), required=False)

    def __init__(self, *args, can_see_all: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not can_see_all:
            del self.fields["everyone"]

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(
                Q(reference__icontains=data["q"]) | Q(title__icontains=data["q"])
            )
        if data.get("field"):
            queryset = queryset.filter(field=data["field"])
        if data.get("priority"):
            queryset = queryset.filter(priority=data["priority"])
        return queryset


class BarrierFilterForm(Form):
    q = forms.CharField(label=_("Søg i barrierer"), required=False, max_length=100)
    kind = forms.ModelChoiceField(
        label=_("Slags"), queryset=BarrierKind.objects.all(), required=False, empty_label=_("Alle")
    )
    field = forms.ChoiceField(
        label=_("Indsatsområde"), required=False, choices=_with_all(Field.choices)
    )
    administration = forms.ModelChoiceField(
        label=_("Forvaltning"),
        queryset=Administration.objects.all(),
        required=False,
        empty_label=_("Alle"),
    )
    since = forms.DateField(label=_("Fra og med"), required=False, widget=DATE_WIDGET)
    until = forms.DateField(label=_("Til og med"), required=False, widget=DATE_WIDGET)

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            self.add_error("until", _("Slutdatoen skal ligge efter startdatoen."))
        return data

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(
                Q(text__icontains=data["q"]) | Q(details__icontains=data["q"])
            )
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("field"):
            queryset = queryset.filter(field=data["field"])
        if data.get("administration"):
            queryset = queryset.filter(administration=data["administration"])
        if data.get("since"):
            queryset = queryset.filter(recorded_on__gte=data["since"])
        if data.get("until"):
            queryset = queryset.filter(recorded_on__lte=data["until"])
        return queryset


# --- Triage -------------------------------------------------------------------------------------


class AcceptForm(WorkForm):
    pass


class DeclineForm(WorkForm):
    reason = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("Sendes til den, der har henvendt sig."),
        error_messages=_required(_("Skriv en begrundelse for afvisningen.")),
    )


class AskForm(WorkForm):
    question = forms.CharField(
        label=_("Hvilke oplysninger mangler?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_(
            "Sendes til den, der har henvendt sig. Svarfristen står stille, til svaret kommer."
        ),
        error_messages=_required(_("Skriv, hvilke oplysninger der mangler.")),
    )


class MergeForm(WorkForm):
    into = forms.CharField(
        label=_("Læg sammen med sag nr."),
        max_length=20,
        help_text=_("F.eks. TF-2025-00012."),
        error_messages=_required(
            _("Skriv nummeret på den sag, henvendelsen skal lægges sammen med.")
        ),
    )

    def clean_into(self) -> Case:
        reference = self.cleaned_data["into"].strip().upper()
        case = Case.objects.filter(reference=reference).first()
        if case is None:
            raise ValidationError(
                _("Der er ingen sag med nummeret %(reference)s."), params={"reference": reference}
            )
        return case


class TriageForm(WorkForm):
    priority = forms.ChoiceField(label=_("Prioritet"), choices=Priority.choices)
    field = forms.ChoiceField(label=_("Indsatsområde"), choices=Field.choices)


class AssignForm(WorkForm):
    """The advisors to give the case to. The boxes offer the active advisors; the service, not
    the form, refuses anyone else, so that its message is the one shown."""

    advisors = forms.MultipleChoiceField(
        label=_("Rådgivere"),
        widget=CHECKBOXES,
        error_messages=_required(_("Vælg mindst én rådgiver.")),
    )

    def __init__(self, *args, advisors: list[User], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["advisors"]
        field.choices = [(str(user.pk), str(user)) for user in advisors]
        field.valid_value = lambda value: str(value).isdigit()

    def clean_advisors(self) -> list[User]:
        pks = {int(pk) for pk in self.cleaned_data["advisors"]}
        users = list(User.objects.filter(pk__in=pks).order_by("first_name", "username"))
        if len(users) != len(pks):
            raise ValidationError(_("Vælg rådgivere fra listen."))
        return users


# --- The case page ------------------------------------------------------------------------------


class ActivityForm(WorkForm):
    kind = forms.ChoiceField(label=_("Redskab"), choices=ActivityKind.choices)
    advisor = forms.ModelChoiceField(label=_("Rådgiver"), queryset=User.objects.none())
    date = forms.DateField(label=_("Dato"), widget=DATE_WIDGET)
    starts_at = forms.TimeField(label=_("Start"), widget=TIME_WIDGET, help_text=_("F.eks. 16:00."))
    ends_at = forms.TimeField(label=_("Slut"), widget=TIME_WIDGET, help_text=_("F.eks. 20:00."))
    place = forms.CharField(label=_("Sted"), required=False, max_length=200)
    participants = forms.IntegerField(
        label=_("Antal deltagere"), min_value=0, max_value=100_000, initial=0
    )
    notes = forms.CharField(
        label=_("Noter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10_000,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = task_force_members()

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("Aktiviteten skal slutte, efter den begynder."))
        return data


class FollowUpForm(WorkForm):
    due_on = forms.DateField(label=_("Dato"), widget=DATE_WIDGET)
    note = forms.CharField(
        label=_("Hvad skal følges op?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
        error_messages=_required(_("Skriv, hvad der skal følges op på.")),
    )
    advisor = forms.ModelChoiceField(label=_("Rådgiver"), queryset=User.objects.none())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = task_force_members()


class NoteForm(WorkForm):
    text = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10_000,
        error_messages=_required(_("Skriv noten.")),
    )
    public = forms.BooleanField(
        label=_("Vis noten for den, der har henvendt sig"),
        required=False,
        help_text=_("Ellers er noten kun for task forcen."),
    )


class BarrierForm(WorkForm):
    text = forms.CharField(
        label=_("Barriere"),
        max_length=300,
        help_text=_("Én sætning: hvad står i vejen for politikken?"),
        error_messages=_required(_("Beskriv barrieren.")),
    )
    details = forms.CharField(
        label=_("Uddybning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10_000,
    )
    kind = forms.ModelChoiceField(label=_("Slags"), queryset=BarrierKind.objects.none())
    field = forms.ChoiceField(label=_("Indsatsområde"), choices=Field.choices)
    administration = forms.ModelChoiceField(
        label=_("Forvaltning"), queryset=Administration.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = BarrierKind.objects.filter(is_active=True)
        self.fields["administration"].queryset = Administration.objects.filter(is_active=True)


class AttachmentForm(WorkForm):
    file = forms.FileField(
        label=_("Fil"),
        error_messages={
            "required": _("Vælg en fil."),
            "empty": _("Filen er tom."),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, DOCX, XLSX, ODT, ODS, PNG eller JPG, højst %(size)s."
        ) % {"size": filesizeformat(settings.PEJLING_ATTACHMENT_MAX_BYTES)}
        self.fields["file"].widget.attrs["aria-describedby"] = f"{self['file'].auto_id}-hint"


class PolicyLinksForm(WorkForm):
    goals = forms.ModelMultipleChoiceField(
        label=_("Mål"),
        queryset=Goal.objects.none(),
        required=False,
        widget=CHECKBOXES,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Temaer"),
        queryset=Theme.objects.none(),
        required=False,
        widget=CHECKBOXES,
    )
    guideposts = forms.ModelMultipleChoiceField(
        label=_("Pejlemærker"),
        queryset=Guidepost.objects.none(),
        required=False,
        widget=CHECKBOXES,
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, model in (("goals", Goal), ("themes", Theme), ("guideposts", Guidepost)):
            field = self.fields[name]
            field.queryset = model.objects.visible_to(user).select_related("policy")
            field.label_from_instance = lambda obj: f"{obj} ({obj.policy})"


class CloseForm(WorkForm):
    outcome = forms.ModelChoiceField(
        label=_("Resultat"),
        queryset=OutcomeKind.objects.none(),
        error_messages=_required(_("Vælg sagens resultat.")),
    )
    text = forms.CharField(
        label=_("Beskrivelse af resultatet"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10_000,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].queryset = OutcomeKind.objects.filter(is_active=True)


class ReopenForm(WorkForm):
    reason = forms.CharField(
        label=_("Hvorfor genåbnes sagen?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
        error_messages=_required(_("Skriv, hvorfor sagen genåbnes.")),
    )


# --- Outreach and vocabularies ------------------------------------------------------------------


class OutreachForm(Form):
    title = forms.CharField(label=_("Overskrift"), max_length=200)
    description = forms.CharField(
        label=_("Hvad har du mødt?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10_000,
        error_messages=_required(_("Beskriv problemet.")),
    )
    field = forms.ChoiceField(label=_("Indsatsområde"), choices=Field.choices)
    actor_kind = forms.ChoiceField(label=_("Slags aktør"), choices=ActorKind.choices)
    organisation = forms.CharField(
        label=_("Organisation eller sted"), required=False, max_length=200
    )
    administration = forms.ModelChoiceField(
        label=_("Forvaltning"),
        queryset=Administration.objects.none(),
        required=False,
        help_text=_("Den forvaltning, sagen vedrører, hvis nogen."),
    )
    urgency = forms.ChoiceField(
        label=_("Hvor haster det?"), choices=Urgency.choices, initial=Urgency.NORMAL
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["administration"].queryset = Administration.objects.filter(is_active=True)


class VocabularyForm(RowIdsMixin, ModelForm):
    class Meta:
        model = BarrierKind  # OutcomeKind has the same fields; see vocabulary_form()
        fields = ["name", "description", "order", "is_active"]


def vocabulary_form(model, *args, **kwargs) -> VocabularyForm:
    form_class = forms.modelform_factory(
        model, form=VocabularyForm, fields=VocabularyForm.Meta.fields
    )
    return form_class(*args, **kwargs)


class PersonSearchForm(Form):
    """Who a data subject's request is about: any of the details they gave in their request."""

    email = forms.EmailField(label=_("E-mail"), required=False)
    name = forms.CharField(label=_("Navn"), required=False, max_length=200)
    phone = forms.CharField(label=_("Telefon"), required=False, max_length=40)

    def clean(self):
        data = super().clean()
        if not any((data.get(k) or "").strip() for k in ("email", "name", "phone")):
            raise ValidationError(
                _("Angiv e-mail, navn eller telefon på den, anmodningen drejer sig om.")
            )
        return data


class AnonymisePersonForm(PersonSearchForm):
    """The search repeated in hidden fields, so that what is removed is what was shown."""

    email = forms.EmailField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    phone = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label=_("Jeg har kontrolleret sagerne og vil fjerne personens oplysninger fra dem."),
        error_messages={"required": _("Bekræft, at oplysningerne skal fjernes.")},
    )
