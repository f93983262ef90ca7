"""The annual wheel API: the year's occurrences with filters, and the recurring events.

It reads through the same ``visible_to`` querysets as the pages: every internal role reads,
anyone else is refused."""

from typing import Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router
from ninja.pagination import PageNumberPagination, paginate

from pejling.annualwheel.models import Category, Occurrence, RecurringEvent, Status
from pejling.annualwheel.permissions import require_reader
from pejling.annualwheel.schemas import EventOut, OccurrenceOut

PAGE_SIZE = 100

CategoryFilter = Literal[tuple(Category.values)]
StatusFilter = Literal[tuple(Status.values)]

router = Router(tags=["annualwheel"])


@router.get(
    "/wheel",
    response=list[OccurrenceOut],
    tags=["annualwheel"],
    summary="The year's occurrences (this year by default), by category, status, month and person",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def occurrence_list(
    request: HttpRequest,
    year: int | None = None,
    category: CategoryFilter | None = None,
    status: StatusFilter | None = None,
    month: int | None = None,
    responsible: int | None = None,
) -> QuerySet[Occurrence]:
    require_reader(request)
    today = timezone.localdate()
    # One "today" for the whole answer, so that every row's status is computed alike.
    request.wheel_today = today
    occurrences = (
        Occurrence.objects.visible_to(request.user)
        .in_year(year or today.year)
        .select_related("event", "responsible", "result_type")
        .prefetch_related("result")
    )
    if category:
        occurrences = occurrences.filter(event__category=category)
    if status:
        occurrences = occurrences.with_status(status, today)
    if month:
        occurrences = occurrences.filter(date__month=month)
    if responsible:
        occurrences = occurrences.filter(responsible_id=responsible)
    return occurrences


@router.get(
    "/wheel/events",
    response=list[EventOut],
    tags=["annualwheel"],
    summary="The recurring events of the annual wheel with their recurrence rules",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def event_list(
    request: HttpRequest, category: CategoryFilter | None = None, active: bool | None = None
) -> QuerySet[RecurringEvent]:
    require_reader(request)
    events = RecurringEvent.objects.visible_to(request.user).select_related("responsible")
    if category:
        events = events.filter(category=category)
    if active is not None:
        events = events.filter(is_active=active)
    return events
