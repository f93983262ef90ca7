"""The parts of the policy structure that are edited as plain forms: what each form holds and
which record it belongs to. One pair of views (create, edit) serves them all."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from pejling.core.forms import ModelForm
from pejling.policy.models import (
    ActionPlan,
    Appropriation,
    FocusArea,
    Guidepost,
    PlanTarget,
    Policy,
    Principle,
    Responsibility,
    ScheduledTopic,
    Strand,
    WorkItem,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


@dataclass(frozen=True)
class Part:
    model: type
    fields: tuple[str, ...]
    parent_model: type | None  # None: stands on its own (an appropriation)
    parent_field: str = "policy"
    label: str = ""
    widgets: dict | None = None

    def form_class(self) -> type[ModelForm]:
        meta = type(
            "Meta", (), {"model": self.model, "fields": self.fields, "widgets": self.widgets or {}}
        )
        return type(f"{self.model.__name__}PartForm", (ModelForm,), {"Meta": meta})


PARTS: dict[str, Part] = {
    "princip": Part(Principle, ("number", "text"), Policy, label=_("princip")),
    "ansvar": Part(Responsibility, ("holder", "statement", "items"), Policy, label=_("ansvar")),
    "fokusomraade": Part(
        FocusArea,
        ("number", "title", "description", "valid_from", "valid_to"),
        Policy,
        label=_("særligt fokusområde"),
        widgets={"valid_from": DATE, "valid_to": DATE},
    ),
    "emne": Part(
        ScheduledTopic,
        ("kind", "title", "year", "quarter", "status", "held_on"),
        Policy,
        label=_("planlagt emne"),
        widgets={"held_on": DATE},
    ),
    "handleplan": Part(
        ActionPlan,
        (
            "title",
            "year",
            "dated",
            "case_number",
            "document_number",
            "case_handler",
            "office",
            "office_address",
            "office_phone",
            "office_email",
            "background",
            "status_of_past_work",
        ),
        Policy,
        label=_("handleplan"),
        widgets={"dated": DATE},
    ),
    "indsatsspor": Part(
        Strand,
        ("number", "title", "description", "initiative"),
        ActionPlan,
        parent_field="action_plan",
        label=_("indsatsspor"),
    ),
    "maalsaetning": Part(
        PlanTarget,
        ("text", "kind", "minimum", "maximum", "unit", "deadline", "goal"),
        Strand,
        parent_field="strand",
        label=_("målsætning"),
        widgets={"deadline": DATE},
    ),
    "arbejdspunkt-pejlemaerke": Part(
        WorkItem, ("order", "text"), Guidepost, parent_field="guidepost", label=_("arbejdspunkt")
    ),
    "arbejdspunkt-fokusomraade": Part(
        WorkItem, ("order", "text"), FocusArea, parent_field="focus_area", label=_("arbejdspunkt")
    ),
    "bevilling": Part(
        Appropriation,
        (
            "title",
            "granted_by",
            "reference",
            "amount_per_year",
            "first_year",
            "last_year",
            "policy",
        ),
        None,
        label=_("bevilling"),
    ),
}


def policy_of(obj) -> Policy | None:
    """The policy a part belongs to, for access checks (None for an appropriation)."""
    for path in ("policy", "action_plan.policy", "strand.action_plan.policy"):
        target = obj
        for name in path.split("."):
            target = getattr(target, name, None)
            if target is None:
                break
        if isinstance(target, Policy):
            return target
    if isinstance(obj, WorkItem):
        return (obj.guidepost or obj.focus_area).policy
    return obj if isinstance(obj, Policy) else None
