"""Forms of the knowledge bank: search and filters, writing an entry, attachments."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from pejling.core.forms import Form
from pejling.policy.models import Goal, Guidepost
from pejling.taskforce.models import ActorKind, Case, Field

from .models import Kind
from .search import MAX_QUERY_LENGTH
from .services import max_attachment_bytes


class SearchForm(Form):
    q = forms.CharField(
        label=_("Søg efter ord"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput,
        error_messages={
            "max_length": _("Skriv højst %(limit_value)d tegn i søgefeltet."),
        },
    )
    kind = forms.ChoiceField(
        label=_("Slags"), required=False, choices=[("", _("Alle")), *Kind.choices]
    )
    field = forms.ChoiceField(
        label=_("Indsatsområde"), required=False, choices=[("", _("Alle")), *Field.choices]
    )
    actor_kind = forms.ChoiceField(
        label=_("Slags aktør"), required=False, choices=[("", _("Alle")), *ActorKind.choices]
    )
    year = forms.IntegerField(
        label=_("Udgivet i året"), required=False, min_value=1900, max_value=2100
    )


class ArticleForm(Form):
    kind = forms.ChoiceField(label=_("Slags"), choices=Kind.choices)
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        error_messages={"required": _("Skriv en titel.")},
    )
    summary = forms.CharField(
        label=_("Resumé"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("To-tre sætninger, der fortæller, hvad opslaget handler om."),
        error_messages={"required": _("Skriv et resumé.")},
    )
    body = forms.CharField(
        label=_("Tekst"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Skrives i Markdown: ## overskrift, **fed**, - punkt, [tekst](https://…)."),
    )
    fields = forms.MultipleChoiceField(
        label=_("Indsatsområder"),
        required=False,
        choices=Field.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    actor_kinds = forms.MultipleChoiceField(
        label=_("Slags aktører"),
        required=False,
        choices=ActorKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Mål"), required=False, queryset=Goal.objects.none()
    )
    guideposts = forms.ModelMultipleChoiceField(
        label=_("Pejlemærker"), required=False, queryset=Guidepost.objects.none()
    )
    cases = forms.ModelMultipleChoiceField(
        label=_("Sager"), required=False, queryset=Case.objects.none()
    )
    note = forms.CharField(
        label=_("Bemærkning til revisionen"),
        required=False,
        max_length=300,
        help_text=_("Hvad er ændret? Vises i revisionshistorikken."),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = Goal.objects.visible_to(user).order_by("title")
        self.fields["guideposts"].queryset = Guidepost.objects.visible_to(user)
        self.fields["cases"].queryset = Case.objects.visible_to(user).order_by("-received_at")


class AttachmentForm(Form):
    file = forms.FileField(
        label=_("Fil"),
        error_messages={"required": _("Vælg en fil."), "empty": _("Filen er tom.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("PDF, DOCX, ODT eller TXT, højst %(size)s.") % {
            "size": filesizeformat(max_attachment_bytes())
        }


class PublicForm(Form):
    is_public = forms.BooleanField(label=_("Offentlig"), required=False)
