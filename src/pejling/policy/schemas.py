"""The JSON shapes of the policy API.

Out-schemas read model instances (prefetched by the API's querysets); in-schemas refuse CPR
numbers in every text a person writes and leave the domain rules (lengths, choices, ranges,
same-policy parts, the budget frame) to the models and services, whose messages are translated.
Amounts are decimals and travel as strings, so money stays exact.
"""

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, ConfigDict

from pejling.lib.cpr import NoCprStr
from pejling.policy.models import (
    PlanTarget,
    TargetProgress,
    TargetStatus,
    TextVersion,
    VersionedText,
)
from pejling.policy.queries import budget_years, line_spent


def _two_places(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"))


# Every amount and measured value in the policy models has two decimals; answers always show
# both ("8.00"), whether the number came from a column, a sum or the caller's own input.
Amount = Annotated[Decimal, AfterValidator(_two_places)]

# --- Helpers over prefetched rows ---------------------------------------------------------


def current_version(text: VersionedText) -> TextVersion | None:
    """The version in force, as ``VersionedText.current``, but from the prefetched versions."""
    return max(text.versions.all(), key=lambda v: (v.valid_from, v.number), default=None)


def target_status(target: PlanTarget) -> str:
    """The target's status today, judged by its latest report (from the prefetched progress)."""
    return target.status_on(timezone.localdate(), next(iter(target.progress.all()), None))


# --- Small references ---------------------------------------------------------------------


class Linked(Schema):
    """A record with a page of its own: ``url`` is that page's address."""

    url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class BodyRef(Schema):
    id: int
    name: str
    short_name: str


class AdministrationRef(Schema):
    id: int
    name: str
    short_name: str


class PolicyRef(Linked):
    id: int
    slug: str
    title: str


# --- Policies -----------------------------------------------------------------------------


class PolicyOut(Linked):
    id: int
    slug: str
    title: str
    subtitle: str
    status: str
    status_label: str
    period_start: int
    period_end: int | None
    adopted_on: date | None
    adoption_reference: str
    is_public: bool
    owner_committee: BodyRef
    administration: AdministrationRef | None

    @staticmethod
    def resolve_status_label(obj) -> str:
        return str(obj.get_status_display())


class TextVersionOut(Schema):
    number: int
    body: str
    valid_from: date
    reason: str
    proposed_by: str
    decision_reference: str
    note: str


class VersionedTextOut(Linked):
    id: int
    kind: str
    title: str
    current: TextVersionOut | None = Field(description="The version in force, with its number.")
    version_count: int
    url: str = Field(description="The text's history page.")

    @staticmethod
    def resolve_current(obj) -> TextVersion | None:
        return current_version(obj)

    @staticmethod
    def resolve_version_count(obj) -> int:
        return len(obj.versions.all())


class PrincipleOut(Schema):
    number: int
    text: str


class ResponsibilityOut(Schema):
    holder: str
    holder_label: str
    statement: str
    items: list[str]

    @staticmethod
    def resolve_holder_label(obj) -> str:
        return str(obj.get_holder_display())

    @staticmethod
    def resolve_items(obj) -> list[str]:
        return obj.item_list


class ThemePlaceholdersOut(Schema):
    """The guidance shown where a theme's goals, initiatives or lighthouse project are missing."""

    goals: str
    initiatives: str
    lighthouse: str


class ThemeOut(Linked):
    id: int
    number: int
    title: str
    description: str
    goal_ids: list[int]
    initiative_ids: list[int]
    lighthouse_ids: list[int] = Field(description="The initiatives that are lighthouse projects.")
    placeholders: ThemePlaceholdersOut

    @staticmethod
    def resolve_goal_ids(obj) -> list[int]:
        return [goal.pk for goal in obj.goals.all()]

    @staticmethod
    def resolve_initiative_ids(obj) -> list[int]:
        return [initiative.pk for initiative in obj.initiatives.all()]

    @staticmethod
    def resolve_lighthouse_ids(obj) -> list[int]:
        return [i.pk for i in obj.initiatives.all() if i.is_lighthouse]

    @staticmethod
    def resolve_placeholders(obj) -> dict[str, str]:
        return {
            "goals": obj.goals_placeholder,
            "initiatives": obj.initiatives_placeholder,
            "lighthouse": obj.lighthouse_placeholder,
        }


class WorkItemOut(Schema):
    order: int
    text: str


class GuidepostOut(Linked):
    id: int
    number: int
    title: str
    wording: VersionedTextOut
    work_items: list[WorkItemOut]
    goal_ids: list[int]

    @staticmethod
    def resolve_goal_ids(obj) -> list[int]:
        return [goal.pk for goal in obj.goals.all()]


class FocusAreaOut(Linked):
    id: int
    number: int
    title: str
    description: str
    valid_from: date
    valid_to: date | None
    work_items: list[WorkItemOut]
    goal_ids: list[int]

    @staticmethod
    def resolve_goal_ids(obj) -> list[int]:
        return [goal.pk for goal in obj.goals.all()]


class PolicyDetailOut(PolicyOut):
    summary: str
    overall_goal: str
    overall_goal_placeholder: str
    vision: VersionedTextOut | None
    principles: list[PrincipleOut]
    responsibilities: list[ResponsibilityOut]
    themes: list[ThemeOut]
    guideposts: list[GuidepostOut]
    focus_areas: list[FocusAreaOut]
    action_plan_ids: list[int]

    @staticmethod
    def resolve_vision(obj) -> VersionedText | None:
        kind = VersionedText.Kind.VISION
        return next((text for text in obj.texts.all() if text.kind == kind), None)

    @staticmethod
    def resolve_action_plan_ids(obj) -> list[int]:
        return [plan.pk for plan in obj.action_plans.all()]


class _In(Schema):
    # Surrounding spaces go, as in the forms; an unknown field is an error, not silently dropped.
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")


class PolicyIn(_In):
    title: NoCprStr
    subtitle: NoCprStr = ""
    slug: NoCprStr
    summary: NoCprStr = ""
    overall_goal: NoCprStr = ""
    overall_goal_placeholder: NoCprStr = ""
    period_start: int
    period_end: int | None = None
    status: str = Field("draft", description="draft, adopted or expired.")
    owner_committee_id: int
    administration_id: int | None = None
    adopted_on: date | None = None
    adoption_reference: NoCprStr = ""
    is_public: bool = False


class PolicyPatch(_In):
    """Only the fields sent are changed."""

    title: NoCprStr | None = None
    subtitle: NoCprStr | None = None
    slug: NoCprStr | None = None
    summary: NoCprStr | None = None
    overall_goal: NoCprStr | None = None
    overall_goal_placeholder: NoCprStr | None = None
    period_start: int | None = None
    period_end: int | None = None
    status: str | None = Field(None, description="draft, adopted or expired.")
    owner_committee_id: int | None = None
    administration_id: int | None = None
    adopted_on: date | None = None
    adoption_reference: NoCprStr | None = None
    is_public: bool | None = None


# --- Goals and initiatives ----------------------------------------------------------------


class GoalOut(Linked):
    id: int
    policy: PolicyRef
    theme_id: int | None
    guidepost_id: int | None
    focus_area_id: int | None
    title: str
    description: str
    target_value: Amount | None
    unit: str
    direction: str
    target_year: int | None
    owner: AdministrationRef | None
    initiative_ids: list[int]

    @staticmethod
    def resolve_initiative_ids(obj) -> list[int]:
        return [initiative.pk for initiative in obj.initiatives.all()]


class GoalIn(_In):
    policy: str = Field(description="The policy's slug.")
    theme_id: int | None = None
    guidepost_id: int | None = None
    focus_area_id: int | None = None
    title: NoCprStr
    description: NoCprStr = ""
    target_value: Decimal | None = None
    unit: NoCprStr = ""
    direction: str = Field("higher", description="higher or lower (which is better).")
    target_year: int | None = None
    owner_id: int | None = Field(None, description="The responsible administration.")


class GoalPatch(_In):
    """Only the fields sent are changed."""

    policy: str | None = Field(None, description="The policy's slug.")
    theme_id: int | None = None
    guidepost_id: int | None = None
    focus_area_id: int | None = None
    title: NoCprStr | None = None
    description: NoCprStr | None = None
    target_value: Decimal | None = None
    unit: NoCprStr | None = None
    direction: str | None = None
    target_year: int | None = None
    owner_id: int | None = None


class InitiativeOut(Linked):
    id: int
    policy: PolicyRef
    theme_id: int | None
    goal_ids: list[int]
    title: str
    description: str
    is_lighthouse: bool
    status: str
    status_label: str
    responsible: AdministrationRef | None
    starts_on: date | None
    ends_on: date | None

    @staticmethod
    def resolve_goal_ids(obj) -> list[int]:
        return [goal.pk for goal in obj.goals.all()]

    @staticmethod
    def resolve_status_label(obj) -> str:
        return str(obj.get_status_display())


class InitiativeIn(_In):
    policy: str = Field(description="The policy's slug.")
    theme_id: int | None = None
    goal_ids: list[int] = Field(default_factory=list)
    title: NoCprStr
    description: NoCprStr = ""
    is_lighthouse: bool = False
    status: str = Field("planned", description="planned, ongoing, completed or stopped.")
    responsible_id: int | None = Field(None, description="The responsible administration.")
    starts_on: date | None = None
    ends_on: date | None = None


class InitiativePatch(_In):
    """Only the fields sent are changed; ``goal_ids`` replaces the goals."""

    policy: str | None = Field(None, description="The policy's slug.")
    theme_id: int | None = None
    goal_ids: list[int] | None = None
    title: NoCprStr | None = None
    description: NoCprStr | None = None
    is_lighthouse: bool | None = None
    status: str | None = None
    responsible_id: int | None = None
    starts_on: date | None = None
    ends_on: date | None = None


# --- Action plans -------------------------------------------------------------------------


class ActionPlanOut(Linked):
    id: int
    policy: PolicyRef
    title: str
    year: int
    dated: date | None
    case_number: str
    strand_count: int
    target_count: int


class ProgressOut(Schema):
    id: int
    value: Amount
    recorded_on: date
    note: str


class TargetOut(Schema):
    id: int
    text: str
    kind: str
    minimum: Amount | None
    maximum: Amount | None
    unit: str
    deadline: date
    goal_id: int | None
    status: str = Field(description="met, on_the_way, not_met or overdue, as of today.")
    status_label: str
    latest: ProgressOut | None
    progress: list[ProgressOut] = Field(description="Every report, newest first.")

    # Expects ``progress`` to be prefetched; its default order is newest first.
    @staticmethod
    def resolve_latest(obj: PlanTarget) -> TargetProgress | None:
        return next(iter(obj.progress.all()), None)

    @staticmethod
    def resolve_status(obj: PlanTarget) -> str:
        return target_status(obj)

    @staticmethod
    def resolve_status_label(obj: PlanTarget) -> str:
        return str(TargetStatus(target_status(obj)).label)


class StrandOut(Schema):
    id: int
    number: int
    title: str
    description: str
    initiative_id: int | None
    targets: list[TargetOut]


class ActionPlanDetailOut(ActionPlanOut):
    document_number: str
    case_handler: str
    office: str
    office_address: str
    office_phone: str
    office_email: str
    background: str
    status_of_past_work: str
    strands: list[StrandOut]
    statuses: dict[str, int] = Field(description="How many targets have each status.")
    budget_total: Amount | None = Field(
        description="The budget lines of the strands; null for callers without internal access."
    )


class ProgressIn(_In):
    value: Decimal = Field(description="For a yes/no target: 1 for yes, 0 for no.")
    recorded_on: date | None = Field(None, description="Today when left out.")
    note: NoCprStr = ""


class ProgressCreatedOut(ProgressOut):
    target_id: int
    target_status: str
    target_status_label: str


# --- Budget -------------------------------------------------------------------------------


class BudgetYearOut(Schema):
    year: int
    allocated: Amount
    spent: Amount
    left: Amount = Field(description="The frame less what is allocated; negative when over.")
    over: bool = Field(description="The year's lines allocate more than the appropriation.")


class AppropriationOut(Linked):
    id: int
    title: str
    granted_by: BodyRef
    reference: str
    amount_per_year: Amount
    first_year: int
    last_year: int | None
    policy: PolicyRef | None
    years: list[BudgetYearOut]

    @staticmethod
    def resolve_years(obj) -> list[dict[str, Any]]:
        return budget_years(obj, list(obj.budget_lines.all()))


class SpendingOut(Schema):
    id: int
    budget_line_id: int
    spent_on: date
    amount: Amount
    text: str


class BudgetLineOut(Schema):
    id: int
    appropriation_id: int
    year: int
    title: str
    amount: Amount
    initiative_id: int | None
    strand_id: int | None
    spent: Amount
    spending: list[SpendingOut]
    url: str = Field(description="The appropriation's page, where the line is shown.")

    @staticmethod
    def resolve_spending(obj) -> list:
        return list(obj.spending.all())

    @staticmethod
    def resolve_spent(obj) -> Decimal:
        return line_spent(obj)

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.appropriation.get_absolute_url()


class BudgetYearDetailOut(BudgetYearOut):
    lines: list[BudgetLineOut]


class AppropriationDetailOut(AppropriationOut):
    years: list[BudgetYearDetailOut]

    @staticmethod
    def resolve_years(obj) -> list[dict[str, Any]]:
        return budget_years(obj, list(obj.budget_lines.all()))


class BudgetLineIn(_In):
    year: int
    title: NoCprStr
    amount: Decimal = Field(description='Kroner, e.g. "450000.00".')
    initiative_id: int | None = None
    strand_id: int | None = None


class SpendingIn(_In):
    spent_on: date = Field(description="Must lie in the budget line's year.")
    amount: Decimal = Field(description='Kroner, e.g. "12500.00".')
    text: NoCprStr
