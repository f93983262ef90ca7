"""The barometer API: indicator definitions, editions and measurements.

Open without credentials: the public and staff without MANAGE_BAROMETER see published editions
and their measurements only; analysts see drafts too. It reads through the same querysets as
the pages.
"""

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from ninja import Router
from ninja.pagination import PageNumberPagination, paginate

from pejling.barometer.models import Edition, Indicator, Measurement
from pejling.barometer.schemas import EditionOut, IndicatorOut, MeasurementOut
from pejling.policy.api import PUBLIC

PUBLIC_NOTE = (
    "Open without credentials: callers without the analyst's rights see published editions only."
)
PAGE_SIZE = 50
MEASUREMENT_PAGE_SIZE = 500

router = Router(tags=["barometer"])


def _indicators() -> QuerySet[Indicator]:
    return Indicator.objects.select_related("target").prefetch_related("goals").order_by("code")


@router.get(
    "/indicators",
    response=list[IndicatorOut],
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    summary="Indicator definitions with their targets and the goals they measure",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def indicator_list(request: HttpRequest, goal: int | None = None) -> QuerySet[Indicator]:
    indicators = _indicators().filter(pk__in=Indicator.objects.visible_to(request.user))
    if goal is not None:
        indicators = indicators.filter(goals=goal)
    return indicators


@router.get(
    "/indicators/{code}",
    response=IndicatorOut,
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    summary="One indicator definition",
)
def indicator_detail(request: HttpRequest, code: str) -> Indicator:
    indicator = _indicators().filter(code=code).first()
    if indicator is None:
        raise Http404
    return indicator


@router.get(
    "/editions",
    response=list[EditionOut],
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    summary="Editions of the barometer, newest half-year first",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def edition_list(request: HttpRequest, state: str = "") -> QuerySet[Edition]:
    editions = Edition.objects.visible_to(request.user).order_by("-period", "-created_at", "-id")
    if state:
        editions = editions.filter(state=state)
    return editions


@router.get(
    "/editions/{edition_id}",
    response=EditionOut,
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    summary="One edition",
)
def edition_detail(request: HttpRequest, edition_id: int) -> Edition:
    edition = Edition.objects.visible_to(request.user).filter(pk=edition_id).first()
    if edition is None:
        raise Http404
    return edition


@router.get(
    "/measurements",
    response=list[MeasurementOut],
    auth=PUBLIC,
    description=PUBLIC_NOTE
    + " Without `edition`, the latest published edition is read. `group` is an origin group, "
    "a district or a sex (K, M), or `total` for the cells of all persons.",
    summary="Measurements of an edition, by indicator, half-year and group",
)
@paginate(PageNumberPagination, page_size=MEASUREMENT_PAGE_SIZE)
def measurement_list(
    request: HttpRequest,
    indicator: str = "",
    period: str = "",
    group: str = "",
    edition: int | None = None,
    origin: str | None = None,
    district: str | None = None,
    sex: str | None = None,
) -> QuerySet[Measurement]:
    visible = Edition.objects.visible_to(request.user)
    if edition is None:
        chosen = visible.published().order_by("-period").values_list("pk", flat=True).first()
    else:
        chosen = visible.filter(pk=edition).values_list("pk", flat=True).first()
        if chosen is None:
            raise Http404
    cells = (
        Measurement.objects.visible_to(request.user)
        .filter(edition_id=chosen)
        .select_related("indicator", "edition")
        .order_by("indicator__code", "period", "origin", "district", "sex", "id")
    )
    if indicator:
        cells = cells.filter(indicator__code=indicator)
    if period:
        cells = cells.filter(period=period)
    if group == "total":
        cells = cells.filter(origin="", district="", sex="")
    elif group:
        cells = cells.filter(Q(origin=group) | Q(district=group) | Q(sex=group))
    for name, value in (("origin", origin), ("district", district), ("sex", sex)):
        if value is not None:
            cells = cells.filter(**{name: value})
    return cells
