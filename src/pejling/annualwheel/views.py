"""The annual wheel's pages: the year as a wheel and a table, a month, an occurrence with its
forms, the events, the calendar feeds and their addresses."""

import calendar as pycalendar

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pejling.annualwheel import drawing, exports, feeds, services
from pejling.annualwheel.forms import (
    CompleteForm,
    EventForm,
    GenerateForm,
    OccurrenceForm,
    WheelFilterForm,
)
from pejling.annualwheel.models import Category, Occurrence, RecurringEvent, Status
from pejling.annualwheel.permissions import (
    can_edit_wheel,
    get_visible,
    require_editor,
    require_reader,
)
from pejling.core.forms import add_errors
from pejling.lib.export import FORMATS, export_response

MIN_YEAR, MAX_YEAR = 1900, 2200


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404


def _occurrences(user):
    return Occurrence.objects.visible_to(user).select_related("event", "responsible")


def _by_month(occurrences) -> list[tuple[int, str, list[Occurrence]]]:
    months: dict[int, list[Occurrence]] = {month: [] for month in range(1, 13)}
    for occurrence in occurrences:
        months[occurrence.date.month].append(occurrence)
    return [(m, drawing.month_name(m).capitalize(), items) for m, items in months.items()]


def _legend(categories: list[str]) -> list[tuple[str, str]]:
    return [(str(Category(value).label), drawing.COLOURS[value]) for value in categories]


# --- The year ---------------------------------------------------------------------------------


@require_GET
def wheel(request: HttpRequest, year: int | None = None) -> HttpResponse:
    require_reader(request)
    today = timezone.localdate()
    year = year or today.year
    _check_year(year)
    form = WheelFilterForm(request.GET or None)
    occurrences = _occurrences(request.user).in_year(year)
    categories = list(Category.values)
    if form.is_bound and form.is_valid():
        occurrences = form.filter(occurrences, today=today)
        if form.cleaned_data.get("kategori"):
            categories = [form.cleaned_data["kategori"]]
    elif form.is_bound:
        occurrences = occurrences.none()
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return export_response(
            occurrences, exports.occurrence_columns(today), filename=f"aarshjul-{year}", fmt=fmt
        )
    rows = list(occurrences)
    counts: dict[int, int] = {}
    for occurrence in rows:
        counts[occurrence.date.month] = counts.get(occurrence.date.month, 0) + 1
    query = request.GET.copy()
    query.pop("format", None)
    context = {
        "year": year,
        "form": form,
        "query": query.urlencode(),
        "wheel": drawing.draw(year, rows, today=today, counts=counts, categories=categories),
        "months": _by_month(rows),
        "total": len(rows),
        "overdue": sum(1 for o in rows if o.status_on(today) == Status.OVERDUE),
        "legend": _legend(categories),
        "today": today,
        "can_edit": can_edit_wheel(request.user),
        "generate_form": GenerateForm(initial={"year": year}),
        "has_events": RecurringEvent.objects.active().exists(),
    }
    return render(request, "annualwheel/wheel.html", context)


@require_GET
def month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    require_reader(request)
    _check_year(year)
    if not 1 <= month <= 12:
        raise Http404
    today = timezone.localdate()
    occurrences = list(_occurrences(request.user).filter(date__year=year, date__month=month))
    by_day: dict[int, list[Occurrence]] = {}
    for occurrence in occurrences:
        by_day.setdefault(occurrence.date.day, []).append(occurrence)
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [(day, by_day.get(day.day, []) if day.month == month else None) for day in week]
        )
    prev_year, prev_month = (year - 1, 12) if month == 1 else (year, month - 1)
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    context = {
        "year": year,
        "month": month,
        "month_name": drawing.month_name(month).capitalize(),
        "occurrences": occurrences,
        "weeks": weeks,
        "weekdays": [_("man"), _("tir"), _("ons"), _("tor"), _("fre"), _("lør"), _("søn")],
        "today": today,
        "previous": (prev_year, prev_month, drawing.month_name(prev_month).capitalize()),
        "next": (next_year, next_month, drawing.month_name(next_month).capitalize()),
        "can_edit": can_edit_wheel(request.user),
    }
    return render(request, "annualwheel/month.html", context)


@require_POST
def generate(request: HttpRequest) -> HttpResponse:
    require_editor(request)
    form = GenerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vælg et år mellem 1900 og 2200."))
        return redirect("annualwheel:wheel")
    year = form.cleaned_data["year"]
    created = services.generate_occurrences(actor=request.user, year=year)
    if created:
        messages.success(
            request,
            _("%(n)s forekomster er dannet for %(year)s.") % {"n": len(created), "year": year},
        )
    else:
        messages.info(
            request, _("Alle forekomster for %(year)s fandtes allerede.") % {"year": year}
        )
    return redirect("annualwheel:wheel_year", year=year)


# --- Occurrences ------------------------------------------------------------------------------


def _occurrence(request: HttpRequest, pk: int, *, write: bool = False) -> Occurrence:
    return get_visible(
        request,
        Occurrence.objects.select_related("event", "responsible", "completed_by", "result_type"),
        write=write,
        pk=pk,
    )


def _occurrence_page(
    request: HttpRequest, occurrence: Occurrence, *, edit_form=None, complete_form=None, status=200
) -> HttpResponse:
    can_edit = can_edit_wheel(request.user)
    if can_edit and edit_form is None:
        edit_form = OccurrenceForm(
            initial={
                "date": occurrence.date,
                "responsible": occurrence.responsible,
                "notes": occurrence.notes,
                "result_title": occurrence.result_title,
                "result_url": occurrence.result_url,
            }
        )
    if can_edit and complete_form is None:
        complete_form = CompleteForm(initial={"notes": occurrence.notes})
    context = {
        "occurrence": occurrence,
        "event": occurrence.event,
        "status": occurrence.status,
        "status_label": occurrence.status_label,
        "result": occurrence.result_link,
        "can_edit": can_edit,
        "edit_form": edit_form,
        "complete_form": complete_form,
        "month_name": drawing.month_name(occurrence.date.month).capitalize(),
    }
    return render(request, "annualwheel/occurrence_detail.html", context, status=status)


@require_GET
def occurrence_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _occurrence_page(request, _occurrence(request, pk))


@require_POST
def occurrence_edit(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = _occurrence(request, pk, write=True)
    form = OccurrenceForm(request.POST)
    if form.is_valid():
        try:
            services.update_occurrence(
                actor=request.user, occurrence=occurrence, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Forekomsten er gemt."))
            return redirect(occurrence)
    occurrence.refresh_from_db()
    return _occurrence_page(request, occurrence, edit_form=form, status=400)


@require_POST
def occurrence_complete(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = _occurrence(request, pk, write=True)
    form = CompleteForm(request.POST)
    if form.is_valid():
        try:
            services.complete_occurrence(
                actor=request.user,
                occurrence=occurrence,
                notes=form.cleaned_data["notes"],
                result_url=form.cleaned_data["result_url"],
                result_title=form.cleaned_data["result_title"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("“%(name)s” er markeret som udført.") % {"name": occurrence}
            )
            return redirect(occurrence)
    occurrence.refresh_from_db()
    return _occurrence_page(request, occurrence, complete_form=form, status=400)


@require_POST
def occurrence_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = _occurrence(request, pk, write=True)
    try:
        services.reopen_occurrence(actor=request.user, occurrence=occurrence)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("“%(name)s” er genåbnet.") % {"name": occurrence})
    return redirect(occurrence)


# --- Events -----------------------------------------------------------------------------------


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    events = (
        RecurringEvent.objects.visible_to(request.user)
        .select_related("responsible")
        .annotate(occurrence_count=Count("occurrences"))
        .order_by("category", "title", "id")
    )
    return render(
        request,
        "annualwheel/event_list.html",
        {"events": events, "can_edit": can_edit_wheel(request.user)},
    )


@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    require_editor(request)
    return _event_form(request, RecurringEvent(), title=_("Ny begivenhed i årshjulet"))


@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_visible(request, RecurringEvent.objects, write=True, pk=pk)
    return _event_form(request, event, title=_("Redigér “%(name)s”") % {"name": event})


def _event_form(request: HttpRequest, event: RecurringEvent, *, title: str) -> HttpResponse:
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in services.EVENT_FIELDS}
        try:
            if event.pk is None:
                saved = services.create_event(actor=request.user, **values)
            else:
                event.refresh_from_db()
                saved = services.update_event(
                    actor=request.user,
                    event=event,
                    is_active=form.cleaned_data["is_active"],
                    **values,
                )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” er gemt.") % {"name": saved})
            return redirect("annualwheel:event_list")
    return render(
        request,
        "annualwheel/event_form.html",
        {"form": form, "title": title, "event": event if event.pk else None},
        status=400 if form.is_bound and form.errors else 200,
    )


# --- Calendar feeds ---------------------------------------------------------------------------


def _feed_links(request: HttpRequest, token: str) -> list[tuple[str, str, str]]:
    """(title, https address, webcal address) per feed; webcal opens the calendar program."""
    links = []
    for slug in feeds.feed_slugs():
        url = request.build_absolute_uri(reverse("annualwheel:feed", args=[token, slug]))
        links.append((feeds.feed_title(slug), url, "webcal://" + url.split("://", 1)[1]))
    return links


@require_GET
def calendar_links(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    token = services.calendar_token_for(user=request.user)
    return render(
        request,
        "annualwheel/calendar_links.html",
        {"links": _feed_links(request, token.token)},
    )


@require_POST
def calendar_renew(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    services.renew_calendar_token(actor=request.user, user=request.user)
    messages.success(request, _("Du har fået nye kalenderadresser. De gamle virker ikke længere."))
    return redirect("annualwheel:calendar_links")


@login_not_required
@require_GET
def feed(request: HttpRequest, token: str, slug: str) -> HttpResponse:
    """A calendar feed; any token but a current one is 404, and says nothing more."""
    if slug not in feeds.feed_slugs():
        raise Http404
    if services.user_for_token(token) is None:
        raise Http404
    today = timezone.localdate()
    body = feeds.build_calendar(slug, feeds.occurrences_for(slug, today=today), today=today)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="aarshjul-{slug}.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
