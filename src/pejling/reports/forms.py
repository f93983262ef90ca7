from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from pejling.core.forms import Form, ModelForm
from pejling.governance.models import Meeting
from pejling.reports import agenda
from pejling.reports.models import Kind, Language, Priority


def _years() -> list[tuple[int, int]]:
    this_year = timezone.localdate().year
    return [(year, year) for year in range(this_year, this_year - 10, -1)]


class ReportRequestForm(Form):
    kind = forms.ChoiceField(label=_("Rapport"), choices=Kind.choices)
    year = forms.TypedChoiceField(label=_("År"), coerce=int, choices=_years)
    language = forms.ChoiceField(label=_("Sprog"), choices=Language.choices, initial="da")


class PriorityForm(ModelForm):
    class Meta:
        model = Priority
        fields = ["section", "title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}


class AgendaPlacementForm(Form):
    """Which meeting to put the orientation on: the list offers the upcoming ones, and the
    service explains why any other is refused."""

    meeting = forms.ModelChoiceField(
        label=_("Møde"),
        queryset=Meeting.objects.select_related("body"),
        widget=forms.Select(attrs={"class": "form-select input-width-xl"}),
        error_messages={
            "required": _("Vælg det møde, orienteringen skal på."),
            "invalid_choice": _("Mødet findes ikke. Vælg et af de kommende møder."),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].widget.choices = [("", _("Vælg et møde"))] + [
            (meeting.pk, meeting_label(meeting)) for meeting in agenda.upcoming_meetings()
        ]


def meeting_label(meeting: Meeting) -> str:
    starts_at = timezone.localtime(meeting.starts_at)
    return _("%(body)s, %(date)s kl. %(time)s") % {
        "body": meeting.body.name,
        "date": formats.date_format(starts_at, "j. F Y"),
        "time": formats.time_format(starts_at, "H:i"),
    }
