"""The JSON shapes of the annual wheel API: events and their occurrences."""

from datetime import date, datetime

from ninja import Schema

from pejling.annualwheel.models import Status


class UserRef(Schema):
    id: int
    name: str

    @staticmethod
    def resolve_name(obj) -> str:
        return str(obj)


class EventOut(Schema):
    id: int
    url: str
    title: str
    category: str
    category_label: str
    rule: str
    description: str
    responsible: UserRef | None
    reminder_days: int
    is_active: bool

    @staticmethod
    def resolve_category_label(obj) -> str:
        return str(obj.get_category_display())

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()

    @staticmethod
    def resolve_reminder_days(obj) -> int:
        return obj.effective_reminder_days


class EventRef(Schema):
    id: int
    title: str
    category: str
    category_label: str

    @staticmethod
    def resolve_category_label(obj) -> str:
        return str(obj.get_category_display())


class ResultOut(Schema):
    title: str
    url: str
    type: str | None
    id: str | None


class OccurrenceOut(Schema):
    id: int
    url: str
    date: date
    event: EventRef
    responsible: UserRef | None
    status: str
    status_label: str
    notes: str
    completed_at: datetime | None
    result: ResultOut | None

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()

    @staticmethod
    def resolve_status(obj, context) -> str:
        return obj.status_on(context["request"].wheel_today)

    @staticmethod
    def resolve_status_label(obj, context) -> str:
        return str(Status(obj.status_on(context["request"].wheel_today)).label)

    @staticmethod
    def resolve_result(obj) -> dict | None:
        link = obj.result_link
        if link is None:
            return None
        kind = obj.result_type
        return {
            "title": link[1],
            "url": link[0],
            "type": f"{kind.app_label}.{kind.model}" if kind else None,
            "id": obj.result_id or None,
        }
