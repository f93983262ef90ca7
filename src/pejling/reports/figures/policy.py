"""Policy and action plans: initiatives by status, and the plans' targets at the year's end."""

from datetime import date

from django.utils.translation import gettext as _

from pejling.policy.models import Initiative, PlanTarget, TargetStatus
from pejling.reports.figures.base import Figure, Section, Table, counted, list_url


def policy(year: int) -> tuple[Section, list[Figure]]:
    initiatives = Initiative.objects.all()
    status_rows = counted(initiatives, "status", Initiative.Status.choices)
    end_of_year = date(year, 12, 31)
    targets = PlanTarget.objects.select_related("strand__action_plan").prefetch_related("progress")
    by_status: dict[str, int] = {}
    for target in targets:
        latest = next((p for p in target.progress.all() if p.recorded_on <= end_of_year), None)
        status = target.status_on(end_of_year, latest)
        by_status[status] = by_status.get(status, 0) + 1
    target_rows = [[str(label), by_status.get(value, 0)] for value, label in TargetStatus.choices]
    section = Section(
        "policy",
        _("Politik og handleplaner"),
        _(
            "Initiativerne efter status, og handleplanernes målsætninger, som de stod ved årets "
            "udgang efter den seneste registrerede fremdrift."
        ),
        [
            Table(
                "initiatives",
                _("Initiativer efter status"),
                [_("Status"), _("Initiativer")],
                status_rows,
                list_url("policy:initiative_list"),
            ),
            Table(
                "targets",
                _("Handleplanernes målsætninger ved årets udgang"),
                [_("Status"), _("Målsætninger")],
                target_rows,
                list_url("policy:action_plan_list"),
            ),
        ],
    )
    figures = [
        Figure(
            _("Initiativer i alt"),
            sum(row[1] for row in status_rows),
            link=list_url("policy:initiative_list"),
        ),
        Figure(
            _("Målsætninger opfyldt"),
            by_status.get(TargetStatus.MET, 0),
            link=list_url("policy:action_plan_list"),
        ),
    ]
    return section, figures
