"""Changes to the policy structure that carry rules of their own. Each is atomic and audited."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.utils.translation import gettext as _

from pejling.core import crud
from pejling.lib.danish import kroner
from pejling.policy.models import (
    Appropriation,
    BudgetLine,
    Goal,
    Guidepost,
    PlanTarget,
    Policy,
    Spending,
    TargetProgress,
    TextVersion,
    VersionedText,
)


def add_text_version(
    *,
    actor,
    text: VersionedText,
    body: str,
    valid_from: date,
    reason: str,
    proposed_by: str = "",
    decision_reference: str = "",
    note: str = "",
) -> TextVersion:
    """Add the next version of a text; it may not be dated before the version it replaces."""
    with transaction.atomic():
        # Lock the text so two editors cannot both become version n + 1.
        VersionedText.objects.select_for_update().get(pk=text.pk)
        latest = text.versions.order_by("-number").first()
        if latest is not None and valid_from < latest.valid_from:
            raise ValidationError(
                {
                    "valid_from": _(
                        "En ny version kan ikke gælde fra før den forrige version (%(date)s)."
                    )
                    % {"date": latest.valid_from.strftime("%d-%m-%Y")}
                }
            )
        if latest is not None and latest.body.strip() == body.strip():
            raise ValidationError({"body": _("Teksten er den samme som den gældende version.")})
        number = (text.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = crud.create(
            actor=actor,
            instance=TextVersion(
                text=text,
                number=number,
                body=body.strip(),
                valid_from=valid_from,
                reason=reason,
                proposed_by=proposed_by,
                decision_reference=decision_reference,
                note=note,
            ),
        )
    text.__dict__.pop("current", None)
    return version


def create_guidepost(
    *, actor, policy: Policy, number: int, title: str, wording: str, valid_from: date
) -> Guidepost:
    """A guidepost and its wording's first version, which later amendments build on."""
    with transaction.atomic():
        text = crud.create(
            actor=actor,
            instance=VersionedText(policy=policy, kind=VersionedText.Kind.GUIDEPOST, title=title),
        )
        add_text_version(
            actor=actor,
            text=text,
            body=wording,
            valid_from=valid_from,
            reason=TextVersion.Reason.ORIGINAL,
        )
        return crud.create(
            actor=actor,
            instance=Guidepost(policy=policy, number=number, title=title, wording=text),
        )


def check_initiative_goals(*, policy_id: int | None, goal_ids) -> None:
    """An initiative may serve only existing goals of its own policy."""
    goal_ids = [getattr(g, "pk", g) for g in goal_ids]
    owners = dict(Goal.objects.filter(pk__in=goal_ids).values_list("pk", "policy_id"))
    unknown = sorted(set(goal_ids) - set(owners))
    if unknown:
        raise ValidationError(
            {
                "goals": _("Der findes ikke mål med id %(ids)s.")
                % {"ids": ", ".join(map(str, unknown))}
            }
        )
    if policy_id is not None and any(owner != policy_id for owner in owners.values()):
        raise ValidationError({"goals": _("Vælg kun mål fra den samme politik som initiativet.")})


def record_target_progress(
    *, actor, target: PlanTarget, value: Decimal, recorded_on: date, note: str = ""
) -> TargetProgress:
    if target.kind == PlanTarget.Kind.YES_NO and value not in (Decimal(0), Decimal(1)):
        raise ValidationError({"value": _("Et ja/nej-mål registreres som 1 (ja) eller 0 (nej).")})
    return crud.create(
        actor=actor,
        instance=TargetProgress(target=target, value=value, recorded_on=recorded_on, note=note),
    )


def allocated(
    appropriation: Appropriation, year: int, *, excluding: BudgetLine | None = None
) -> Decimal:
    lines = appropriation.budget_lines.filter(year=year)
    if excluding is not None and excluding.pk:
        lines = lines.exclude(pk=excluding.pk)
    return lines.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def save_budget_line(*, actor, line: BudgetLine, changes: dict | None = None) -> BudgetLine:
    """Create or change a budget line; the year's lines may not exceed the appropriation."""
    with transaction.atomic():
        # Lock the appropriation so two lines saved at once cannot together exceed it.
        appropriation = Appropriation.objects.select_for_update().get(pk=line.appropriation_id)
        for name, value in (changes or {}).items():
            setattr(line, name, value)
        if not appropriation.covers(line.year):
            raise ValidationError(
                {"year": _("Bevillingen dækker ikke år %(year)s.") % {"year": line.year}}
            )
        if line.amount is not None:
            total = allocated(appropriation, line.year, excluding=line) + line.amount
            if total > appropriation.amount_per_year:
                raise ValidationError(
                    {
                        "amount": _(
                            "Linjen bringer fordelingen i %(year)s op på %(total)s, men "
                            "bevillingen er %(frame)s om året. Der er %(left)s tilbage."
                        )
                        % {
                            "year": line.year,
                            "total": kroner(total),
                            "frame": kroner(appropriation.amount_per_year),
                            "left": kroner(
                                max(Decimal(0), appropriation.amount_per_year - total + line.amount)
                            ),
                        }
                    }
                )
        if line.pk is None:
            return crud.create(actor=actor, instance=line)
        return crud.update(actor=actor, instance=line, changes={})


def record_spending(
    *, actor, line: BudgetLine, spent_on: date, amount: Decimal, text: str
) -> Spending:
    if spent_on.year != line.year:
        raise ValidationError(
            {
                "spent_on": _("Forbruget skal ligge i budgetlinjens år (%(year)s).")
                % {"year": line.year}
            }
        )
    return crud.create(
        actor=actor,
        instance=Spending(budget_line=line, spent_on=spent_on, amount=amount, text=text),
    )
