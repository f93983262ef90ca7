"""Tiny factories for the policy records, made through the same audited functions as the app."""

from datetime import date
from decimal import Decimal

from pejling.core import crud
from pejling.governance.models import Body
from pejling.policy import services
from pejling.policy.models import (
    ActionPlan,
    Appropriation,
    BudgetLine,
    FocusArea,
    Goal,
    Guidepost,
    Initiative,
    PlanTarget,
    Policy,
    Strand,
    TextVersion,
    Theme,
    VersionedText,
)


def make_body(short_name: str = "BIU") -> Body:
    body = Body.objects.filter(short_name=short_name).first()
    if body is None:
        body = crud.create(
            actor=None,
            instance=Body(name=f"Udvalget {short_name}", short_name=short_name, kind="committee"),
        )
    return body


def make_policy(slug: str = "public-policy", *, public: bool = True, **fields) -> Policy:
    """An adopted public policy by default; ``public=False`` gives a draft."""
    values = {
        "title": slug.replace("-", " ").capitalize(),
        "slug": slug,
        "period_start": 2022,
        "period_end": 2025,
        "status": Policy.Status.ADOPTED if public else Policy.Status.DRAFT,
        "is_public": public,
        "owner_committee": make_body(),
    }
    return crud.create(actor=None, instance=Policy(**(values | fields)))


def make_text(policy: Policy, body: str, *, kind=VersionedText.Kind.VISION, title="Vision"):
    text = crud.create(actor=None, instance=VersionedText(policy=policy, kind=kind, title=title))
    services.add_text_version(
        actor=None,
        text=text,
        body=body,
        valid_from=date(2022, 1, 1),
        reason=TextVersion.Reason.ORIGINAL,
    )
    return text


def make_theme(policy: Policy, number: int = 1, **fields) -> Theme:
    values = {"policy": policy, "number": number, "title": f"Tema {number}"}
    return crud.create(actor=None, instance=Theme(**(values | fields)))


def make_guidepost(policy: Policy, number: int = 1, wording: str = "Ordlyd") -> Guidepost:
    text = make_text(
        policy, wording, kind=VersionedText.Kind.GUIDEPOST, title=f"Pejlemærke {number}"
    )
    return crud.create(
        actor=None,
        instance=Guidepost(
            policy=policy, number=number, title=f"Pejlemærke {number}", wording=text
        ),
    )


def make_focus_area(policy: Policy, number: int = 1) -> FocusArea:
    return crud.create(
        actor=None,
        instance=FocusArea(
            policy=policy, number=number, title=f"Fokus {number}", valid_from=date(2022, 1, 1)
        ),
    )


def make_goal(policy: Policy, title: str = "Flere i job", **fields) -> Goal:
    return crud.create(actor=None, instance=Goal(policy=policy, title=title, **fields))


def make_initiative(policy: Policy, title: str = "Jobcafé", *, goals=(), **fields) -> Initiative:
    return crud.create(
        actor=None,
        instance=Initiative(policy=policy, title=title, **fields),
        m2m={"goals": list(goals)},
    )


def make_plan(policy: Policy, title: str = "Handleplan 2024", year: int = 2024) -> ActionPlan:
    return crud.create(actor=None, instance=ActionPlan(policy=policy, title=title, year=year))


def make_strand(plan: ActionPlan, number: int = 1, **fields) -> Strand:
    values = {"action_plan": plan, "number": number, "title": f"Spor {number}"}
    return crud.create(actor=None, instance=Strand(**(values | fields)))


def make_target(strand: Strand, **fields) -> PlanTarget:
    values = {
        "strand": strand,
        "text": "8-10 nye institutioner",
        "kind": PlanTarget.Kind.RANGE,
        "minimum": Decimal(8),
        "maximum": Decimal(10),
        "unit": "institutioner",
        "deadline": date(2024, 12, 31),
    }
    return crud.create(actor=None, instance=PlanTarget(**(values | fields)))


def make_appropriation(
    amount: str = "1500000", first_year: int = 2024, last_year: int | None = 2024, **fields
) -> Appropriation:
    values = {
        "title": "Ligebehandling",
        "granted_by": make_body("BR"),
        "amount_per_year": Decimal(amount),
        "first_year": first_year,
        "last_year": last_year,
    }
    return crud.create(actor=None, instance=Appropriation(**(values | fields)))


def make_line(
    appropriation: Appropriation, amount: str, year: int = 2024, title: str = "Kursus", **fields
) -> BudgetLine:
    return services.save_budget_line(
        actor=None,
        line=BudgetLine(
            appropriation=appropriation, year=year, title=title, amount=Decimal(amount), **fields
        ),
    )
