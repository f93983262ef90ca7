"""Small records for the report tests: a year of requests, activities, barriers and money."""

from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from django_tasks_db.management.commands.db_worker import Worker

from pejling.core import crud
from pejling.governance.models import Body
from pejling.policy.models import Appropriation, BudgetLine, Spending
from pejling.taskforce import services
from pejling.taskforce.models import ActivityKind, ActorKind, BarrierKind, Door, Field
from pejling.taskforce.vocabularies import ensure_defaults

CPH = ZoneInfo("Europe/Copenhagen")


def request(cast, *, year: int, field: str = Field.EDUCATION, door: str = Door.PUBLIC, **extra):
    case = services.receive_case(
        actor=cast.contact_person if door == Door.CONTACT_PERSON else None,
        door=door,
        title="Forældremøder",
        description="Hjælp til at nå forældrene",
        field=field,
        actor_kind=ActorKind.SCHOOL,
        received_at=datetime(year, 3, 2, 10, tzinfo=CPH),
        **extra,
    )
    return case


def a_year_of_work(cast, year: int = 2025) -> dict:
    """Three requests, two activities (one in the evening), one barrier, and the year's money."""
    first = request(cast, year=year)
    request(cast, year=year, field=Field.HOUSING)
    request(cast, year=year, door=Door.CONTACT_PERSON, administration=cast.administration)
    request(cast, year=year - 1)  # another year: not counted
    case = services.assign(actor=cast.coordinator, case=first, advisors=[cast.advisor])
    for starts, ends in ((time(9), time(12)), (time(18), time(20))):
        services.add_activity(
            actor=cast.advisor,
            case=case,
            kind=ActivityKind.TALK,
            advisor=cast.advisor,
            date=date(year, 3, 10),
            starts_at=starts,
            ends_at=ends,
        )
    ensure_defaults()  # a flushed (transactional) test database has lost the migration's words
    kind = BarrierKind.objects.filter(is_active=True).first()
    services.record_barrier(
        actor=cast.advisor,
        text="Forældrebreve kun på dansk",
        field=Field.EDUCATION,
        kind=kind,
        administration=cast.administration,
        cases=[case],
        recorded_on=date(year, 3, 11),
    )
    council, _ = Body.objects.get_or_create(
        short_name="BR", defaults={"name": "Borgerrepræsentationen", "kind": "city_council"}
    )
    appropriation = crud.create(
        actor=None,
        instance=Appropriation(
            title="Task forcen",
            amount_per_year=Decimal("1000000"),
            first_year=year - 1,
            granted_by=council,
        ),
    )
    line = crud.create(
        actor=None,
        instance=BudgetLine(
            appropriation=appropriation, year=year, title="Rådgivere", amount=Decimal("600000")
        ),
    )
    crud.create(
        actor=None,
        instance=Spending(
            budget_line=line, spent_on=date(year, 6, 1), amount=Decimal("250000"), text="Løn"
        ),
    )
    return {"case": case, "barrier_kind": kind}


def run_worker() -> None:
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    ).run()
