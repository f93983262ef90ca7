"""Forms of the network part: filters, the coordinator's edit forms, a contact person's
proposal and the public subscription form."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pejling.accounts.models import Administration
from pejling.core.forms import Form, ModelForm
from pejling.lib.cpr import validate_no_cpr
from pejling.network.models import (
    ContactMeeting,
    MeetingFollowUp,
    Network,
    NetworkMeeting,
    NewsletterIssue,
    Organisation,
    OrganisationKind,
    Person,
    Proposal,
    ProposalStatus,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CHECKBOXES = forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"})
ARTICLE_CHOICES = 30


def _with_all(choices) -> list:
    return [("", _("Alle")), *choices]


# --- Filters -----------------------------------------------------------------------------------


class OrganisationFilterForm(Form):
    q = forms.CharField(label=_("Søg i navn"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Slags"), required=False, choices=_with_all(OrganisationKind.choices)
    )
    administration = forms.ModelChoiceField(
        label=_("Forvaltning"),
        queryset=Administration.objects.all(),
        required=False,
        empty_label=_("Alle"),
    )

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(name__icontains=data["q"])
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("administration"):
            queryset = queryset.filter(administration=data["administration"])
        return queryset


class PersonFilterForm(Form):
    q = forms.CharField(label=_("Søg i navn eller e-mail"), required=False, max_length=100)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.current(),
        required=False,
        empty_label=_("Alle"),
    )

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(Q(name__icontains=data["q"]) | Q(email__icontains=data["q"]))
        if data.get("organisation"):
            queryset = queryset.filter(memberships__organisation=data["organisation"]).distinct()
        return queryset


class AdministrationFilterForm(Form):
    administration = forms.ModelChoiceField(
        label=_("Forvaltning"),
        queryset=Administration.objects.all(),
        required=False,
        empty_label=_("Alle"),
    )

    def filter(self, queryset):
        if self.cleaned_data.get("administration"):
            queryset = queryset.filter(administration=self.cleaned_data["administration"])
        return queryset


class MeetingFilterForm(AdministrationFilterForm):
    year = forms.IntegerField(
        label=_("Holdt i året"), required=False, min_value=1900, max_value=2100
    )

    def filter(self, queryset):
        queryset = super().filter(queryset)
        if self.cleaned_data.get("year"):
            queryset = queryset.filter(held_on__year=self.cleaned_data["year"])
        return queryset


class ProposalFilterForm(AdministrationFilterForm):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_with_all(ProposalStatus.choices)
    )

    def filter(self, queryset):
        queryset = super().filter(queryset)
        if self.cleaned_data.get("status"):
            queryset = queryset.filter(status=self.cleaned_data["status"])
        return queryset


class NetworkFilterForm(Form):
    q = forms.CharField(label=_("Søg i navn og tema"), required=False, max_length=100)
    active = forms.ChoiceField(
        label=_("Aktive"),
        required=False,
        choices=[("", _("Alle")), ("1", _("Kun aktive")), ("0", _("Kun afsluttede"))],
    )

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(Q(name__icontains=data["q"]) | Q(theme__icontains=data["q"]))
        if data.get("active"):
            queryset = queryset.filter(is_active=data["active"] == "1")
        return queryset


class SubscriberFilterForm(Form):
    q = forms.CharField(label=_("Søg i e-mail"), required=False, max_length=100)
    state = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Alle")),
            ("active", _("Bekræftet")),
            ("pending", _("Ikke bekræftet")),
            ("unsubscribed", _("Afmeldt")),
        ],
    )

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(email__icontains=data["q"])
        state = data.get("state")
        if state == "active":
            queryset = queryset.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
        elif state == "pending":
            queryset = queryset.filter(confirmed_at__isnull=True, unsubscribed_at__isnull=True)
        elif state == "unsubscribed":
            queryset = queryset.filter(unsubscribed_at__isnull=False)
        return queryset


# --- Actors ------------------------------------------------------------------------------------


def _https_urls(field, **kwargs):
    """Form fields as the model gives them, but an address typed without a scheme is https."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class OrganisationForm(ModelForm):
    class Meta:
        model = Organisation
        formfield_callback = _https_urls
        fields = ["name", "kind", "administration", "district", "website", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class PersonForm(ModelForm):
    class Meta:
        model = Person
        fields = ["name", "email", "phone", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class MembershipForm(Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.current()
    )
    role = forms.CharField(label=_("Rolle"), max_length=200, validators=[validate_no_cpr])
    starts_on = forms.DateField(label=_("Fra"), required=False, widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("Til"), required=False, widget=DATE_WIDGET)

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Slutdatoen skal ligge efter startdatoen."))
        return data


class MergeForm(Form):
    """Choose the duplicate to merge into the record on the page."""

    other = forms.ModelChoiceField(
        label=_("Dublet, der skal lægges ind i denne"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, queryset, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = queryset


# --- Contact persons ---------------------------------------------------------------------------


class MeetingForm(ModelForm):
    class Meta:
        model = ContactMeeting
        fields = ["administration", "held_on", "agenda", "minutes", "decisions"]
        widgets = {
            "held_on": DATE_WIDGET,
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "minutes": forms.Textarea(attrs={"rows": 6}),
            "decisions": forms.Textarea(attrs={"rows": 3}),
        }


class MeetingFollowUpForm(ModelForm):
    class Meta:
        model = MeetingFollowUp
        fields = ["text", "responsible", "due_on"]
        widgets = {"due_on": DATE_WIDGET}


class ProposalForm(Form):
    administration = forms.ModelChoiceField(
        label=_("Forvaltning"), queryset=Administration.objects.filter(is_active=True)
    )
    title = forms.CharField(
        label=_("Forslag til indsatsområde"), max_length=200, validators=[validate_no_cpr]
    )
    reasoning = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[validate_no_cpr],
        max_length=5000,
    )
    barriers = forms.ModelMultipleChoiceField(
        label=_("Barrierer, forslaget bygger på"),
        queryset=None,
        required=False,
        widget=CHECKBOXES,
    )
    cases = forms.ModelMultipleChoiceField(
        label=_("Sager, forslaget bygger på"), queryset=None, required=False, widget=CHECKBOXES
    )

    def __init__(self, *args, user, **kwargs) -> None:
        from pejling.network.permissions import can_manage
        from pejling.taskforce.models import Barrier, Case

        super().__init__(*args, **kwargs)
        if not can_manage(user):
            self.fields["administration"].queryset = Administration.objects.filter(
                pk=user.administration_id
            )
            self.fields["administration"].initial = user.administration_id
        self.fields["barriers"].queryset = (
            Barrier.objects.filter(
                Q(administration_id=user.administration_id) | Q(administration__isnull=True)
            )
            if not can_manage(user)
            else Barrier.objects.all()
        )
        self.fields["cases"].queryset = Case.objects.visible_to(user).order_by("-received_at")


class ProposalResponseForm(ModelForm):
    class Meta:
        model = Proposal
        fields = ["status", "response"]
        widgets = {"response": forms.Textarea(attrs={"rows": 3})}


# --- Theme networks ----------------------------------------------------------------------------


class NetworkForm(ModelForm):
    class Meta:
        model = Network
        fields = ["name", "slug", "theme", "description", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class NetworkMemberForm(Form):
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.current().filter(anonymised_at__isnull=True),
        required=False,
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.current(), required=False
    )

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("organisation")):
            raise forms.ValidationError(_("Vælg enten en person eller en organisation."))
        return data


class SharedArticlesForm(Form):
    articles = forms.ModelMultipleChoiceField(
        label=_("Indlæg fra vidensbanken, netværket deler"),
        queryset=None,
        required=False,
        widget=CHECKBOXES,
    )

    def __init__(self, *args, **kwargs) -> None:
        from pejling.knowledge.models import Article

        super().__init__(*args, **kwargs)
        self.fields["articles"].queryset = Article.objects.published().order_by("title")


class NetworkMeetingForm(ModelForm):
    class Meta:
        model = NetworkMeeting
        fields = ["held_on", "place", "agenda", "minutes"]
        widgets = {
            "held_on": DATE_WIDGET,
            "agenda": forms.Textarea(attrs={"rows": 3}),
            "minutes": forms.Textarea(attrs={"rows": 4}),
        }


# --- Newsletter --------------------------------------------------------------------------------


class IssueForm(ModelForm):
    class Meta:
        model = NewsletterIssue
        fields = ["title", "news", "articles", "events", "networks", "to_subscribers"]
        widgets = {
            "articles": CHECKBOXES,
            "news": forms.Textarea(attrs={"rows": 6}),
            "events": forms.Textarea(attrs={"rows": 3}),
            "networks": CHECKBOXES,
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from pejling.knowledge.models import Article

        self.fields["networks"].queryset = Network.objects.filter(is_active=True)
        # Subscribers are the public: only entries the public may read, newest first.
        recent = Article.objects.public().order_by("-published_at")[:ARTICLE_CHOICES]
        self.fields["articles"].queryset = Article.objects.filter(
            pk__in=list(recent.values_list("pk", flat=True))
        ).order_by("-published_at")
        self.fields["articles"].help_text = (
            _("De senest offentliggjorte indlæg i vidensbanken, der er åbne for alle.")
            if self.fields["articles"].queryset.exists()
            else _(
                "Der er endnu ingen offentliggjorte indlæg i vidensbanken, der er åbne for alle."
            )
        )


class SubscribeForm(Form):
    email = forms.EmailField(label=_("Din e-mailadresse"), max_length=254)
    name = forms.CharField(
        label=_("Dit navn"), required=False, max_length=200, validators=[validate_no_cpr]
    )
    # The honeypot: hidden from people and screen readers, filled in by robots.
    website = forms.CharField(required=False, max_length=200)

    def is_spam(self) -> bool:
        return bool(self.data.get("website", "").strip())
