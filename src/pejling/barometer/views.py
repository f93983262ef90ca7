import csv
import io

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pejling.barometer import charts, imports, overview, services
from pejling.barometer.engine.spec import CSV_HEADER, PANEL_SCHEMA
from pejling.barometer.forms import (
    IndicatorForm,
    OverrideForm,
    PanelForm,
    SeriesForm,
    TargetForm,
    UploadForm,
    ValueForm,
)
from pejling.barometer.models import Edition, EngineRun, Indicator, Measurement, Target
from pejling.barometer.permissions import (
    can_manage,
    get_edition_for_user,
    get_indicator_for_user,
    require_manager,
)
from pejling.core.forms import add_errors
from pejling.core.models import TaskProgress
from pejling.core.progress import task_status
from pejling.lib.export import FORMATS, Column, export_response


def _chosen_edition(request: HttpRequest, editions: list[Edition]) -> Edition | None:
    """The edition asked for (?udgave=), else the latest published, else the latest draft."""
    wanted = request.GET.get("udgave")
    if wanted:
        match = next((e for e in editions if str(e.pk) == wanted), None)
        if match is None:
            raise Http404
        return match
    published = [e for e in editions if e.is_published]
    return (published or editions or [None])[0]


def _editions_and_chosen(request: HttpRequest) -> tuple[list[Edition], Edition | None]:
    """The editions the user may see, newest first, and the one chosen among them."""
    editions = list(Edition.objects.visible_to(request.user).order_by("-period", "-created_at"))
    return editions, _chosen_edition(request, editions)


INDICATOR_COLUMNS = [
    Column(gettext_lazy("Kode"), lambda s: s.indicator.code),
    Column(gettext_lazy("Indikator"), lambda s: s.indicator.label),
    Column(gettext_lazy("Enhed"), lambda s: s.indicator.get_unit_display()),
    Column(gettext_lazy("Seneste halvår"), lambda s: s.latest_period),
    Column(gettext_lazy("Seneste tal"), lambda s: s.latest),
    Column(gettext_lazy("Status"), lambda s: s.status_label),
    Column(gettext_lazy("Afstand til mål"), lambda s: s.distance_text),
]


# --- Overview ---------------------------------------------------------------------------------


@login_not_required
@require_GET
def overview_page(request: HttpRequest) -> HttpResponse:
    editions, edition = _editions_and_chosen(request)
    return render(
        request,
        "barometer/overview.html",
        {
            "edition": edition,
            "editions": editions,
            "cards": overview.goal_cards(edition, request.user),
            "can_manage": can_manage(request.user),
        },
    )


# --- Indicators -------------------------------------------------------------------------------


@login_not_required
@require_GET
def indicator_list(request: HttpRequest) -> HttpResponse:
    edition = _editions_and_chosen(request)[1]
    indicators = list(
        Indicator.objects.select_related("target").prefetch_related("goals").order_by("code")
    )
    states = overview.headline_states(edition, indicators)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return export_response(states, INDICATOR_COLUMNS, filename="indikatorer", fmt=fmt)
    return render(
        request,
        "barometer/indicator_list.html",
        {
            "edition": edition,
            "states": states,
            "query": f"udgave={edition.pk}" if edition and not edition.is_published else "",
            "can_manage": can_manage(request.user),
        },
    )


def _series(request: HttpRequest, indicator: Indicator) -> dict:
    """The cells of the indicator page as chosen with the selectors, for page, chart and CSV."""
    editions, edition = _editions_and_chosen(request)
    cells = (
        list(
            Measurement.objects.filter(edition=edition, indicator=indicator).order_by(
                "period", "origin", "district", "sex"
            )
        )
        if edition
        else []
    )
    origins = sorted({c.origin for c in cells}, key=lambda o: (o != indicator.headline_origin, o))
    districts = sorted({c.district for c in cells} - {""})
    sexes = sorted({c.sex for c in cells})
    form = SeriesForm(
        request.GET or None, origins=origins, districts=districts, sexes=sexes, editions=editions
    )
    chosen_origins = [indicator.headline_origin] if indicator.headline_origin in origins else []
    chosen_origins = chosen_origins or origins[:1]
    district, sex = "", ""
    if form.is_bound and form.is_valid():
        chosen_origins = form.cleaned_data.get("herkomst") or chosen_origins
        district = form.cleaned_data.get("bydel") or ""
        sex = form.cleaned_data.get("koen") or ""
    shown = [
        c for c in cells if c.origin in chosen_origins and c.district == district and c.sex == sex
    ]
    periods = sorted({c.period for c in cells})
    by_key = {(c.origin, c.period): c for c in shown}
    columns = [overview.origin_label(o) for o in chosen_origins]
    rows = [(period, [by_key.get((o, period)) for o in chosen_origins]) for period in periods]
    return {
        "edition": edition,
        "editions": editions,
        "form": form,
        "shown": shown,
        "periods": periods,
        "rows": rows,
        "columns": columns,
        "origins": chosen_origins,
        "district": district,
        "sex": sex,
        "has_suppressed": any(c.suppressed for c in shown),
    }


@login_not_required
@require_GET
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    indicator = get_indicator_for_user(
        request,
        code,
    )
    data = _series(request, indicator)
    if request.GET.get("format") == "csv":
        return _series_csv(indicator, data["shown"])
    target = Target.objects.filter(indicator=indicator).first()
    state = overview.headline_states(data["edition"], [indicator])[0]
    query = request.GET.copy()
    query.pop("format", None)
    query.pop("fane", None)
    return render(
        request,
        "barometer/indicator_detail.html",
        {
            "indicator": indicator,
            "target": target,
            "state": state,
            "goals": indicator.goals.select_related("policy").filter(
                pk__in=_visible_goal_ids(request.user)
            ),
            "tab": "metadata" if request.GET.get("fane") == "metadata" else "tal",
            "query": query.urlencode(),
            "can_manage": can_manage(request.user),
            **data,
        },
    )


def _visible_goal_ids(user):
    from pejling.policy.models import Goal

    return Goal.objects.visible_to(user).values("pk")


@login_not_required
@require_GET
def indicator_chart(request: HttpRequest, code: str) -> HttpResponse:
    """The indicator page's chart as SVG, for the same selectors as the page."""
    indicator = get_indicator_for_user(request, code)
    data = _series(request, indicator)
    target = Target.objects.filter(indicator=indicator).first()
    series = []
    for index, origin in enumerate(data["origins"]):
        points = {
            period: (cells[index].value if cells[index] is not None else None)
            for period, cells in data["rows"]
        }
        series.append((overview.origin_label(origin), points))
    spec = charts.line_chart(
        periods=data["periods"],
        series=series,
        unit_label=indicator.get_unit_display(),
        target=target.target_value if target and target.target_value is not None else None,
        target_label=charts.target_label(
            target.target_value, _("Mål %(year)s:") % {"year": target.target_year}
        )
        if target and target.target_value is not None
        else "",
    )
    response = HttpResponse(charts.render_svg(spec), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=300"
    return response


def _series_csv(indicator: Indicator, cells: list[Measurement]) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for c in cells:
        writer.writerow(
            [
                indicator.code,
                c.period,
                c.origin,
                c.district,
                c.sex,
                "" if c.numerator is None else c.numerator,
                "" if c.denominator is None else c.denominator,
                "" if c.value is None else c.value,
                "true" if c.suppressed else "false",
            ]
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{indicator.code}.csv"'
    return response


@require_http_methods(["GET", "POST"])
def indicator_create(request: HttpRequest) -> HttpResponse:
    require_manager(request)
    return _indicator_form(request, Indicator(), _("Ny indikator"))


@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, code: str) -> HttpResponse:
    indicator = get_indicator_for_user(request, code, write=True)
    return _indicator_form(request, indicator, _("Redigér indikator"))


def _indicator_form(request: HttpRequest, indicator: Indicator, title: str) -> HttpResponse:
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_indicator(
                actor=request.user, indicator=form.instance, goals=form.cleaned_data["goals"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” er gemt.") % {"name": saved})
            return redirect(saved)
    return _form_page(request, form, title, indicator if indicator.pk else None)


def _form_page(request, form, title, obj=None, *, help_text="", multipart=False, extra=None):
    return render(
        request,
        "barometer/edit.html",
        {
            "form": form,
            "title": title,
            "object": obj,
            "help": help_text,
            "multipart": multipart,
            **(extra or {}),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def target_edit(request: HttpRequest, code: str) -> HttpResponse:
    indicator = get_indicator_for_user(request, code, write=True)
    target = Target.objects.filter(indicator=indicator).first() or Target(indicator=indicator)
    form = TargetForm(request.POST or None, instance=target)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_target(
                actor=request.user,
                indicator=indicator,
                **{name: form.cleaned_data[name] for name in TargetForm.Meta.fields},
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Målsætningen er gemt."))
            return redirect(indicator)
    return _form_page(request, form, _("Mål for “%(name)s”") % {"name": indicator}, indicator)


@require_http_methods(["GET", "POST"])
def status_override(request: HttpRequest, code: str) -> HttpResponse:
    indicator = get_indicator_for_user(request, code, write=True)
    form = OverrideForm(
        request.POST or None,
        initial={
            "status": indicator.status_override,
            "reason": indicator.status_override_reason,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_status_override(
                actor=request.user,
                indicator=indicator,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Status er gemt."))
            return redirect(indicator)
    return _form_page(
        request, form, _("Manuel status for “%(name)s”") % {"name": indicator}, indicator
    )


# --- Editions ---------------------------------------------------------------------------------


@login_not_required
@require_GET
def edition_list(request: HttpRequest) -> HttpResponse:
    editions = Edition.objects.visible_to(request.user).order_by("-period", "-created_at")
    return render(
        request,
        "barometer/edition_list.html",
        {"editions": editions, "can_manage": can_manage(request.user)},
    )


def _previous_published(edition: Edition) -> Edition | None:
    return (
        Edition.objects.published()
        .filter(period__lt=edition.period)
        .exclude(pk=edition.pk)
        .order_by("-period")
        .first()
    ) or (Edition.objects.published().filter(period=edition.period).exclude(pk=edition.pk).first())


@login_not_required
@require_GET
def edition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    edition = get_edition_for_user(request, pk)
    counts = {row["indicator__code"]: row for row in _indicator_counts(edition)}
    return render(
        request,
        "barometer/edition_detail.html",
        {
            "edition": edition,
            "counts": counts.values(),
            "previous": _previous_published(edition),
            "can_manage": can_manage(request.user),
        },
    )


EDITION_REPORT_CACHE_SECONDS = 30 * 24 * 60 * 60


@login_not_required
@require_GET
def edition_report(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The edition's goals, indicators and charts as a Word document or a PDF, made on request
    with the same code as the annual status report."""
    from pejling.lib.worddoc import DOCX_TYPE
    from pejling.reports import documents
    from pejling.reports.figures.barometer import edition_content

    edition = get_edition_for_user(request, pk)
    if fmt not in ("pdf", "docx"):
        raise Http404
    language = translation.get_language() or settings.LANGUAGE_CODE
    goal_ids = sorted(_visible_goal_ids(request.user).values_list("pk", flat=True))
    # A published edition no longer changes: its document is made once per language, format
    # and set of goals the reader may see, and kept. A draft is made anew each time.
    key = (
        f"barometer-edition-report:{edition.pk}:{edition.published_at.isoformat()}:{language}:"
        f"{fmt}:{','.join(map(str, goal_ids))}"
        if edition.is_published
        else None
    )
    data = cache.get(key) if key else None
    if data is None:
        content = edition_content(edition, language=language, goal_ids=set(goal_ids))
        dated = timezone.localdate(edition.published_at) if edition.published_at else None
        dated = dated or timezone.localdate()
        if fmt == "docx":
            data = documents.docx_bytes(content, dated=dated)
        else:
            data = documents.pdf_bytes(
                content, dated=dated, base_url=request.build_absolute_uri("/")
            )
        if key:
            cache.set(key, data, timeout=EDITION_REPORT_CACHE_SECONDS)
    response = HttpResponse(data, content_type=DOCX_TYPE if fmt == "docx" else "application/pdf")
    filename = f"barometer-{edition.period}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _indicator_counts(edition: Edition):
    from django.db.models import Count, Max, Min, Q

    return (
        edition.measurements.values("indicator__code", "indicator__name")
        .annotate(
            cells=Count("id"),
            suppressed=Count("id", filter=Q(suppressed=True)),
            first=Min("period"),
            last=Max("period"),
        )
        .order_by("indicator__code")
    )


@require_POST
def edition_publish(request: HttpRequest, pk: int) -> HttpResponse:
    edition = get_edition_for_user(request, pk, write=True)
    try:
        services.publish_edition(actor=request.user, edition=edition)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Barometer %(period)s er offentliggjort.") % {"period": edition.period}
        )
    return redirect(edition)


@require_POST
def edition_discard(request: HttpRequest, pk: int) -> HttpResponse:
    edition = get_edition_for_user(request, pk, write=True)
    try:
        services.discard_draft(actor=request.user, edition=edition)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(edition)
    messages.success(request, _("Kladden er slettet."))
    return redirect("barometer:edition_list")


@login_not_required
@require_GET
def edition_compare(request: HttpRequest, pk: int) -> HttpResponse:
    edition = get_edition_for_user(request, pk)
    other_pk = request.GET.get("med")
    if other_pk:
        if not other_pk.isdigit():
            raise Http404
        other = get_edition_for_user(request, int(other_pk))
    else:
        other = _previous_published(edition)
    rows, counts = overview.compare(other, edition) if other else ([], {})
    return render(
        request,
        "barometer/edition_compare.html",
        {
            "edition": edition,
            "other": other,
            "rows": [r for r in rows if r.old != r.new],
            "unchanged": sum(1 for r in rows if r.old == r.new),
            "counts": counts,
            "editions": Edition.objects.visible_to(request.user).exclude(pk=edition.pk),
        },
    )


# --- Data in ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    require_manager(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        indicator = form.cleaned_data["indicator"]
        try:
            table = imports.read_table(file, file.name)
            rows = imports.parse_rows(table, indicator_code=indicator.code if indicator else "")
            edition = services.store_upload(
                actor=request.user,
                rows=rows,
                edition=form.cleaned_data["edition"],
                source_name=file.name,
            )
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            messages.success(
                request,
                _("%(count)d tal er indlæst i kladden for %(period)s.")
                % {"count": len(rows), "period": edition.period},
            )
            return redirect(edition)
    return _form_page(
        request,
        form,
        _("Indlæs tal fra en fil"),
        help_text=_(
            "Indlæs aggregerede tal som CSV eller XLSX. Er der fejl i filen, gemmes intet, og "
            "fejlene vises med linjenummer."
        ),
        multipart=True,
        extra={"example": True},
    )


@require_http_methods(["GET", "POST"])
def value_create(request: HttpRequest) -> HttpResponse:
    require_manager(request)
    form = ValueForm(request.POST or None, initial={"indicator": request.GET.get("indikator")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            edition = data["edition"] or services.create_edition(
                actor=request.user, period=data["period"], origin=Edition.Origin.MANUAL
            )
            services.enter_value(
                actor=request.user,
                edition=edition,
                indicator=data["indicator"],
                period=data["period"],
                value=data["value"],
                origin=data["origin"],
                district=data["district"],
                sex=data["sex"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Tallet er gemt i kladden for %(period)s.") % {"period": edition.period}
            )
            return redirect(edition)
    return _form_page(
        request,
        form,
        _("Indtast et tal"),
        help_text=_("Til tal, der ikke kommer fra registrene, fx fra spørgeskemaer eller HR."),
    )


@require_http_methods(["GET", "POST"])
def run_create(request: HttpRequest) -> HttpResponse:
    require_manager(request)
    form = PanelForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.start_engine_run(
            actor=request.user,
            panel=form.cleaned_data["panel"],
            period_from=form.cleaned_data["period_from"],
        )
        messages.success(request, _("Beregningen er sat i gang. Følg den herunder."))
        return redirect("barometer:run_create")
    runs = list(EngineRun.objects.select_related("edition").order_by("-created_at")[:10])
    progress = {
        p.task_id: p
        for p in TaskProgress.objects.filter(
            task_id__in=[r.task_id for r in runs if r.task_id], owner=request.user
        )
    }
    rows = [
        (run, progress.get(run.task_id), task_status(progress[run.task_id]))
        if run.task_id in progress
        else (run, None, "")
        for run in runs
    ]
    return render(
        request,
        "barometer/run.html",
        {"form": form, "rows": rows, "schema": PANEL_SCHEMA.items()},
        status=400 if form.is_bound and form.errors else 200,
    )
