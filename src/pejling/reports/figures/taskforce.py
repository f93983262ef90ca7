"""The task force's year: requests by door, field, administration and actor; activities and
hours; first responses; the barriers met."""

from datetime import date

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext as _

from pejling.accounts.models import Administration
from pejling.reports.figures.base import Figure, Section, Table, counted, hours, list_url, share
from pejling.taskforce.forms.cases import IN_TIME, LATE, UNANSWERED
from pejling.taskforce.models import (
    Activity,
    ActivityKind,
    ActorKind,
    Barrier,
    Case,
    Door,
    Field,
    Status,
)


def requests_of(year: int):
    return Case.objects.filter(received_at__year=year).exclude(status=Status.MERGED)


def task_force(year: int) -> tuple[Section, list[Figure]]:
    requests = requests_of(year)
    overview = list_url("taskforce:overview", aar=year)
    received_link = list_url("taskforce:case_list", aar=year)
    closed_link = list_url("taskforce:case_list", afsluttet=year)
    received = requests.count()
    closed = Case.objects.filter(closed_at__year=year, status=Status.CLOSED).count()
    by_admin = dict(
        requests.exclude(administration=None)
        .values_list("administration")
        .annotate(n=Count("id"))
        .order_by()
    )
    activities = Activity.objects.filter(date__year=year)
    by_kind = {
        row["kind"]: row
        for row in activities.values("kind")
        .annotate(n=Count("id"), minutes_total=Sum("minutes"), off=Sum("minutes_off_hours"))
        .order_by()
    }
    total_minutes = sum((row["minutes_total"] or 0) for row in by_kind.values())
    off_minutes = sum((row["off"] or 0) for row in by_kind.values())
    answered = requests.exclude(door=Door.OUTREACH).aggregate(
        in_time=Count("id", filter=Q(first_responded_at__date__lte=F("response_due_on"))),
        late=Count("id", filter=Q(first_responded_at__date__gt=F("response_due_on"))),
        unanswered=Count("id", filter=Q(first_responded_at__isnull=True)),
    )
    with_answer = answered["in_time"] + answered["late"]
    barriers = (
        Barrier.objects.filter(recorded_on__year=year)
        .values("kind", "kind__name")
        .annotate(n=Count("id"))
        .order_by("-n", "kind__name", "kind")
    )
    barrier_count = sum(row["n"] for row in barriers)
    since, until = date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    barrier_link = list_url("taskforce:barrier_list", since=since, until=until)
    administrations = list(Administration.objects.all())
    top_barriers = list(barriers[:10])

    tables = [
        Table(
            "door",
            _("Henvendelser efter indgang"),
            [_("Indgang"), _("Henvendelser")],
            counted(requests, "door", Door.choices),
            received_link,
            row_links=[
                list_url("taskforce:case_list", aar=year, indgang=value) for value in Door.values
            ],
        ),
        Table(
            "field",
            _("Henvendelser efter indsatsområde"),
            [_("Indsatsområde"), _("Henvendelser")],
            counted(requests, "field", Field.choices),
            received_link,
            row_links=[
                list_url("taskforce:case_list", aar=year, felt=value) for value in Field.values
            ],
        ),
        Table(
            "administration",
            _("Henvendelser efter forvaltning"),
            [_("Forvaltning"), _("Henvendelser")],
            [[a.short_name, by_admin.get(a.pk, 0)] for a in administrations],
            received_link,
            row_links=[
                list_url("taskforce:case_list", aar=year, forvaltning=a.pk) for a in administrations
            ],
        ),
        Table(
            "actor_kind",
            _("Henvendelser efter slags aktør"),
            [_("Aktør"), _("Henvendelser")],
            counted(requests, "actor_kind", ActorKind.choices),
            received_link,
            row_links=[
                list_url("taskforce:case_list", aar=year, aktoer=value)
                for value in ActorKind.values
            ],
        ),
        Table(
            "activities",
            _("Aktiviteter efter redskab"),
            [_("Redskab"), _("Aktiviteter"), _("Timer"), _("Heraf aften, nat og weekend")],
            [
                [
                    str(label),
                    by_kind.get(value, {}).get("n", 0),
                    hours(by_kind.get(value, {}).get("minutes_total")),
                    hours(by_kind.get(value, {}).get("off")),
                ]
                for value, label in ActivityKind.choices
            ],
            overview,
        ),
        Table(
            "response",
            _("Første svar på henvendelser"),
            [_("Svar"), _("Henvendelser")],
            [
                [_("Svaret inden fristen"), answered["in_time"]],
                [_("Svaret efter fristen"), answered["late"]],
                [_("Ikke besvaret"), answered["unanswered"]],
            ],
            received_link,
            row_links=[
                list_url("taskforce:case_list", aar=year, svar=answer)
                for answer in (IN_TIME, LATE, UNANSWERED)
            ],
        ),
        Table(
            "barriers",
            _("De barrierer, der oftest blev mødt"),
            [_("Slags barriere"), _("Barrierer")],
            [[row["kind__name"], row["n"]] for row in top_barriers],
            barrier_link,
            row_links=[
                list_url("taskforce:barrier_list", kind=row["kind"], since=since, until=until)
                for row in top_barriers
            ],
        ),
    ]
    section = Section(
        "taskforce",
        _("Task forcen"),
        _(
            "Henvendelser modtaget i året fra offentligheden, fra forvaltningernes "
            "kontaktpersoner og som opsøgende arbejde; aktiviteter og timer efter redskab; "
            "svartider og de barrierer, rådgiverne mødte."
        ),
        tables,
    )
    figures = [
        Figure(_("Henvendelser modtaget"), received, link=received_link),
        Figure(_("Sager afsluttet"), closed, link=closed_link),
        Figure(_("Timer med aktiviteter"), hours(total_minutes), link=overview),
        Figure(
            _("Andel af timerne i aftener, nætter og weekender"),
            share(off_minutes, total_minutes),
            "%",
            overview,
        ),
        Figure(
            _("Første svar inden fristen"),
            share(answered["in_time"], with_answer),
            "%",
            list_url("taskforce:case_list", aar=year, svar="inden"),
        ),
        Figure(_("Barrierer registreret"), barrier_count, link=barrier_link),
    ]
    return section, figures
