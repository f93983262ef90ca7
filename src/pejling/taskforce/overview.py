"""The coordinator's overview: workload, open cases by field, administration, actor kind and
age, requests per month, first-response performance and activity hours. Each figure is one
grouped query, so the page costs the same with ten cases as with a hundred thousand."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pejling.accounts.models import Administration, User
from pejling.taskforce.models import (
    Activity,
    ActivityKind,
    ActorKind,
    Assignment,
    Case,
    Door,
    Field,
    Status,
)


@dataclass(frozen=True)
class Row:
    label: str
    value: int
    share: int = 0  # percent of the table's largest value, for the bar


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    column: str
    rows: list[Row]

    @property
    def total(self) -> int:
        return sum(row.value for row in self.rows)


def _table(key: str, title: str, column: str, pairs) -> Table:
    pairs = [(str(label), int(value or 0)) for label, value in pairs]
    largest = max((value for _label, value in pairs), default=0) or 1
    return Table(
        key,
        str(title),
        str(column),
        [Row(label, value, round(100 * value / largest)) for label, value in pairs],
    )


def _labelled(choices, counts: dict) -> list[tuple[str, int]]:
    return [(label, counts.get(value, 0)) for value, label in choices]


def tables(*, year: int | None = None, today: date | None = None) -> list[Table]:
    today = today or timezone.localdate()
    cases = Case.objects.all()
    if year:
        cases = cases.filter(received_at__year=year)
    open_cases = Case.objects.filter(status=Status.OPEN)
    result = []

    workload = (
        Assignment.objects.filter(case__status=Status.OPEN)
        .values("advisor")
        .annotate(n=Count("case"))
    )
    names = {u.pk: str(u) for u in User.objects.filter(pk__in=[w["advisor"] for w in workload])}
    result.append(
        _table(
            "workload",
            _("Åbne sager pr. rådgiver"),
            _("Sager"),
            sorted(((names[w["advisor"]], w["n"]) for w in workload), key=lambda p: -p[1]),
        )
    )
    by_field = dict(open_cases.values_list("field").annotate(n=Count("id")))
    result.append(
        _table(
            "field",
            _("Åbne sager pr. indsatsområde"),
            _("Sager"),
            _labelled(Field.choices, by_field),
        )
    )
    by_admin = dict(
        open_cases.exclude(administration=None)
        .values_list("administration")
        .annotate(n=Count("id"))
    )
    result.append(
        _table(
            "administration",
            _("Åbne sager pr. forvaltning"),
            _("Sager"),
            [(a.short_name, by_admin.get(a.pk, 0)) for a in Administration.objects.all()],
        )
    )
    by_actor = dict(open_cases.values_list("actor_kind").annotate(n=Count("id")))
    result.append(
        _table(
            "actor_kind",
            _("Åbne sager pr. slags aktør"),
            _("Sager"),
            _labelled(ActorKind.choices, by_actor),
        )
    )
    ages = open_cases.aggregate(
        under_month=Count("id", filter=Q(received_at__date__gt=today - timedelta(days=30))),
        under_quarter=Count(
            "id",
            filter=Q(
                received_at__date__lte=today - timedelta(days=30),
                received_at__date__gt=today - timedelta(days=91),
            ),
        ),
        under_year=Count(
            "id",
            filter=Q(
                received_at__date__lte=today - timedelta(days=91),
                received_at__date__gt=today - timedelta(days=365),
            ),
        ),
        older=Count("id", filter=Q(received_at__date__lte=today - timedelta(days=365))),
    )
    result.append(
        _table(
            "age",
            _("Åbne sager efter alder"),
            _("Sager"),
            [
                (_("Under en måned"), ages["under_month"]),
                (_("1–3 måneder"), ages["under_quarter"]),
                (_("3–12 måneder"), ages["under_year"]),
                (_("Over et år"), ages["older"]),
            ],
        )
    )
    per_month = (
        cases.annotate(month=TruncMonth("received_at"))
        .values("month")
        .annotate(n=Count("id"))
        .order_by("month")
    )
    result.append(
        _table(
            "months",
            _("Henvendelser pr. måned"),
            _("Henvendelser"),
            [(row["month"].strftime("%m-%Y"), row["n"]) for row in per_month if row["month"]],
        )
    )
    by_door = dict(cases.values_list("door").annotate(n=Count("id")))
    result.append(
        _table(
            "door",
            _("Henvendelser pr. indgang"),
            _("Henvendelser"),
            _labelled(Door.choices, by_door),
        )
    )
    response = cases.exclude(door=Door.OUTREACH).aggregate(
        in_time=Count("id", filter=Q(first_responded_at__date__lte=F("response_due_on"))),
        late=Count("id", filter=Q(first_responded_at__date__gt=F("response_due_on"))),
        waiting=Count("id", filter=Q(first_responded_at__isnull=True, response_due_on__gte=today)),
        overdue=Count("id", filter=Q(first_responded_at__isnull=True, response_due_on__lt=today)),
    )
    result.append(
        _table(
            "response",
            _("Første svar"),
            _("Henvendelser"),
            [
                (_("Svaret inden fristen"), response["in_time"]),
                (_("Svaret efter fristen"), response["late"]),
                (_("Venter, inden for fristen"), response["waiting"]),
                (_("Venter, fristen er overskredet"), response["overdue"]),
            ],
        )
    )
    activities = Activity.objects.all()
    if year:
        activities = activities.filter(date__year=year)
    hours = {
        row["kind"]: row
        for row in activities.values("kind").annotate(
            minutes_total=Sum("minutes"), off=Sum("minutes_off_hours")
        )
    }
    result.append(
        _table(
            "activity_hours",
            _("Timer pr. redskab"),
            _("Timer"),
            [
                (label, round((hours.get(value, {}).get("minutes_total") or 0) / 60))
                for value, label in ActivityKind.choices
            ],
        )
    )
    total = sum((row["minutes_total"] or 0) for row in hours.values())
    off = sum((row["off"] or 0) for row in hours.values())
    result.append(
        _table(
            "off_hours",
            _("Timer i aftener, nætter og weekender"),
            _("Timer"),
            [
                (_("Inden for almindelig arbejdstid"), round((total - off) / 60)),
                (_("Aften, nat og weekend"), round(off / 60)),
            ],
        )
    )
    return result
