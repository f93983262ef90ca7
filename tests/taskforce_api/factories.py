"""Tiny factories for task force records, made through the same services as the app."""

from datetime import date, time

from pejling.accounts.models import Administration
from pejling.taskforce import services
from pejling.taskforce.models import Activity, Barrier, BarrierKind, Case, Door, OutcomeKind


def make_administration(short_name: str = "KFF") -> Administration:
    administration, _created = Administration.objects.get_or_create(
        short_name=short_name,
        defaults={"name": f"Forvaltningen {short_name}", "slug": short_name.lower()},
    )
    return administration


def make_case(
    actor=None,
    *,
    door: str = Door.CONTACT_PERSON,
    title: str = "Forældre deltager ikke i skolens arrangementer",
    administration: Administration | None = None,
    **fields,
) -> Case:
    """A new request; a contact person's by default, on behalf of ``administration``."""
    values = {
        "description": "Vi vil gerne have råd til at nå forældrene.",
        "field": "education",
        "actor_kind": "school",
        "contact_name": "Hanne Hansen",
        "contact_email": "hanne@example.org",
    }
    if door == Door.CONTACT_PERSON and administration is None:
        administration = getattr(actor, "administration", None) or make_administration()
    return services.receive_case(
        actor=actor,
        door=door,
        title=title,
        administration=administration,
        **(values | fields),
    )


def make_open_case(coordinator, advisor, **fields) -> Case:
    """A case accepted and assigned to ``advisor``."""
    case = make_case(coordinator, **fields)
    return services.assign(actor=coordinator, case=case, advisors=[advisor])


def make_activity(case: Case, advisor, **fields) -> Activity:
    values = {
        "kind": "advice",
        "date": date(2025, 3, 12),
        "starts_at": time(9, 0),
        "ends_at": time(10, 30),
    }
    return services.add_activity(actor=advisor, case=case, advisor=advisor, **(values | fields))


def make_barrier(actor, *, text: str = "Forældrebreve kun på dansk", **fields) -> Barrier:
    values = {"field": "education", "kind": BarrierKind.objects.order_by("order").first()}
    return services.record_barrier(actor=actor, text=text, **(values | fields))


def outcome() -> OutcomeKind:
    return OutcomeKind.objects.order_by("order").first()
