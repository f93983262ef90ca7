"""The policy API: policies, goals, initiatives, action plans and the budget.

It reads through the same ``visible_to`` querysets and permission helpers as the pages and
writes only through the audited CRUD functions and the policy services, so a change made here is
checked and recorded exactly as one made in the browser.
"""

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, QuerySet, Sum
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate
from ninja.responses import Status

from pejling.accounts.auth import API_AUTH
from pejling.core import crud
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
    TargetStatus,
    Theme,
    VersionedText,
)
from pejling.policy.permissions import can_read_internal, get_visible, require_editor
from pejling.policy.schemas import (
    ActionPlanDetailOut,
    ActionPlanOut,
    AppropriationDetailOut,
    AppropriationOut,
    BudgetLineIn,
    BudgetLineOut,
    GoalIn,
    GoalOut,
    GoalPatch,
    InitiativeIn,
    InitiativeOut,
    InitiativePatch,
    PolicyDetailOut,
    PolicyIn,
    PolicyOut,
    PolicyPatch,
    ProgressCreatedOut,
    ProgressIn,
    SpendingIn,
    SpendingOut,
    target_status,
)


class Anonymous:
    """Lets a caller without credentials in as the anonymous user, for what the public may read.

    A caller who sends an Authorization header that is not accepted still gets 401, so a
    mistyped or revoked token is noticed instead of quietly seeing only the public policies.
    """

    def __call__(self, request: HttpRequest) -> Any:
        if request.META.get("HTTP_AUTHORIZATION"):
            return None
        request.user = AnonymousUser()
        return request.user


# Reading endpoints: a token, a session, or nobody (who then sees public adopted policies).
PUBLIC = [*API_AUTH, Anonymous()]
PUBLIC_NOTE = (
    "Open without credentials: anonymous callers see what belongs to public adopted policies; "
    "staff see everything."
)
PAGE_SIZE = 50

router = Router(tags=["policy"])


def _require_internal(request: HttpRequest) -> None:
    if not can_read_internal(request.user):
        raise PermissionDenied


# Model field → the name the API takes it by, so that errors point at what the caller sent.
_INPUT_NAMES = {
    "theme": "theme_id",
    "guidepost": "guidepost_id",
    "focus_area": "focus_area_id",
    "owner": "owner_id",
    "owner_committee": "owner_committee_id",
    "administration": "administration_id",
    "responsible": "responsible_id",
    "goals": "goal_ids",
    "initiative": "initiative_id",
    "strand": "strand_id",
}


@contextmanager
def _input_names() -> Iterator[None]:
    """Re-key a model's validation errors from field names to the API's input names."""
    try:
        yield
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise ValidationError(
            {_INPUT_NAMES.get(name, name): errors for name, errors in error.error_dict.items()}
        ) from None


def _policy_by_slug(request: HttpRequest, slug: str) -> Policy:
    policy = Policy.objects.visible_to(request.user).filter(slug=slug).first()
    if policy is None:
        raise ValidationError(
            {"policy": _("Der findes ingen politik med kortnavnet “%(slug)s”.") % {"slug": slug}}
        )
    return policy


def _changes(request: HttpRequest, payload: Schema) -> dict[str, Any]:
    """The fields a PATCH sent, with a policy's slug turned into its id."""
    changes = payload.model_dump(exclude_unset=True)
    if "policy" in changes:
        slug = changes.pop("policy")
        # A null policy is left to the model, which refuses it.
        changes["policy_id"] = _policy_by_slug(request, slug).pk if slug is not None else None
    return changes


# --- Policies -------------------------------------------------------------------------------


def _policies(user) -> QuerySet[Policy]:
    return (
        Policy.objects.visible_to(user)
        .select_related("owner_committee", "administration")
        .order_by("-period_start", "title", "id")
    )


def _policy_detail(request: HttpRequest, slug: str) -> Policy:
    ids_only = Goal.objects.only("id", "theme_id", "guidepost_id", "focus_area_id").order_by("id")
    queryset = _policies(request.user).prefetch_related(
        Prefetch(
            "texts",
            queryset=VersionedText.objects.filter(kind=VersionedText.Kind.VISION),
        ),
        "texts__versions",
        "principles",
        "responsibilities",
        Prefetch(
            "themes",
            queryset=Theme.objects.order_by("number").prefetch_related(
                Prefetch("goals", queryset=ids_only),
                Prefetch(
                    "initiatives",
                    queryset=Initiative.objects.only("id", "theme_id", "is_lighthouse").order_by(
                        "id"
                    ),
                ),
            ),
        ),
        Prefetch(
            "guideposts",
            queryset=Guidepost.objects.order_by("number")
            .select_related("wording")
            .prefetch_related("wording__versions", "work_items", Prefetch("goals", ids_only)),
        ),
        Prefetch(
            "focus_areas",
            queryset=FocusArea.objects.order_by("number").prefetch_related(
                "work_items", Prefetch("goals", ids_only)
            ),
        ),
        Prefetch("action_plans", queryset=ActionPlan.objects.only("id", "policy_id")),
    )
    return get_visible(request, queryset, slug=slug)


@router.get(
    "/policies",
    response=list[PolicyOut],
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    tags=["policies"],
    summary="Policies the caller may read; anonymous callers see public adopted policies",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def policy_list(request: HttpRequest, q: str = "", status: str = "") -> QuerySet[Policy]:
    policies = _policies(request.user)
    if q:
        policies = policies.filter(title__icontains=q)
    if status:
        policies = policies.filter(status=status)
    return policies


@router.get(
    "/policies/{slug}",
    response=PolicyDetailOut,
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    tags=["policies"],
    summary="A policy with its chain: vision, principles, themes, guideposts, focus areas",
)
def policy_detail(request: HttpRequest, slug: str) -> Policy:
    return _policy_detail(request, slug)


@router.post(
    "/policies",
    response={201: PolicyDetailOut},
    tags=["policies"],
    summary="Create a policy (policy officers)",
)
def policy_create(request: HttpRequest, payload: PolicyIn) -> Status:
    require_editor(request)
    with _input_names():
        policy = crud.create(actor=request.user, instance=Policy(**payload.model_dump()))
    return Status(201, _policy_detail(request, policy.slug))


@router.patch(
    "/policies/{slug}",
    response=PolicyDetailOut,
    tags=["policies"],
    summary="Change a policy; only the fields sent change (policy officers)",
)
def policy_update(request: HttpRequest, slug: str, payload: PolicyPatch) -> Policy:
    policy = get_visible(request, Policy.objects, write=True, slug=slug)
    with _input_names():
        crud.update(
            actor=request.user, instance=policy, changes=payload.model_dump(exclude_unset=True)
        )
    return _policy_detail(request, policy.slug)


# --- Goals ----------------------------------------------------------------------------------


def _goals(user) -> QuerySet[Goal]:
    return (
        Goal.objects.visible_to(user)
        .select_related("policy", "owner")
        .prefetch_related(Prefetch("initiatives", queryset=Initiative.objects.order_by("id")))
    )


@router.get(
    "/goals",
    response=list[GoalOut],
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    tags=["goals"],
    summary="Goals the caller may read, by policy slug and theme",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def goal_list(
    request: HttpRequest,
    policy: str = "",
    theme: int | None = None,
    guidepost: int | None = None,
    focus_area: int | None = None,
    q: str = "",
) -> QuerySet[Goal]:
    goals = _goals(request.user)
    if policy:
        goals = goals.filter(policy__slug=policy)
    if theme is not None:
        goals = goals.filter(theme_id=theme)
    if guidepost is not None:
        goals = goals.filter(guidepost_id=guidepost)
    if focus_area is not None:
        goals = goals.filter(focus_area_id=focus_area)
    if q:
        goals = goals.filter(title__icontains=q)
    return goals


@router.get(
    "/goals/{goal_id}",
    response=GoalOut,
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    tags=["goals"],
    summary="A goal",
)
def goal_detail(request: HttpRequest, goal_id: int) -> Goal:
    return get_visible(request, _goals(request.user), pk=goal_id)


@router.post(
    "/goals",
    response={201: GoalOut},
    tags=["goals"],
    summary="Create a goal; its theme, guidepost and focus area must be of its policy",
)
def goal_create(request: HttpRequest, payload: GoalIn) -> Status:
    require_editor(request)
    values = payload.model_dump()
    goal = Goal(policy=_policy_by_slug(request, values.pop("policy")), **values)
    with _input_names():
        crud.create(actor=request.user, instance=goal)
    return Status(201, _goals(request.user).get(pk=goal.pk))


@router.patch(
    "/goals/{goal_id}",
    response=GoalOut,
    tags=["goals"],
    summary="Change a goal; only the fields sent change (policy officers)",
)
def goal_update(request: HttpRequest, goal_id: int, payload: GoalPatch) -> Goal:
    goal = get_visible(request, Goal.objects, write=True, pk=goal_id)
    changes = _changes(request, payload)
    with _input_names():
        crud.update(actor=request.user, instance=goal, changes=changes)
    return _goals(request.user).get(pk=goal.pk)


# --- Initiatives ----------------------------------------------------------------------------


def _initiatives(user) -> QuerySet[Initiative]:
    return (
        Initiative.objects.visible_to(user)
        .select_related("policy", "responsible")
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.only("id").order_by("id")))
    )


def _check_initiative(policy_id: int | None, goal_ids: list[int]) -> None:
    with _input_names():
        services.check_initiative_goals(policy_id=policy_id, goal_ids=goal_ids)


@router.get(
    "/initiatives",
    response=list[InitiativeOut],
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    tags=["initiatives"],
    summary="Initiatives the caller may read, by policy slug, theme, goal and status",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def initiative_list(
    request: HttpRequest,
    policy: str = "",
    theme: int | None = None,
    goal: int | None = None,
    status: str = "",
    lighthouse: bool | None = None,
    q: str = "",
) -> QuerySet[Initiative]:
    initiatives = _initiatives(request.user)
    if policy:
        initiatives = initiatives.filter(policy__slug=policy)
    if theme is not None:
        initiatives = initiatives.filter(theme_id=theme)
    if goal is not None:
        initiatives = initiatives.filter(goals=goal)
    if status:
        initiatives = initiatives.filter(status=status)
    if lighthouse is not None:
        initiatives = initiatives.filter(is_lighthouse=lighthouse)
    if q:
        initiatives = initiatives.filter(title__icontains=q)
    return initiatives


@router.get(
    "/initiatives/{initiative_id}",
    response=InitiativeOut,
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    tags=["initiatives"],
    summary="An initiative",
)
def initiative_detail(request: HttpRequest, initiative_id: int) -> Initiative:
    return get_visible(request, _initiatives(request.user), pk=initiative_id)


@router.post(
    "/initiatives",
    response={201: InitiativeOut},
    tags=["initiatives"],
    summary="Create an initiative; its theme and goals must be of its policy",
)
def initiative_create(request: HttpRequest, payload: InitiativeIn) -> Status:
    require_editor(request)
    values = payload.model_dump()
    goal_ids = values.pop("goal_ids")
    initiative = Initiative(policy=_policy_by_slug(request, values.pop("policy")), **values)
    _check_initiative(initiative.policy_id, goal_ids)
    with _input_names():
        crud.create(actor=request.user, instance=initiative, m2m={"goals": goal_ids})
    return Status(201, _initiatives(request.user).get(pk=initiative.pk))


@router.patch(
    "/initiatives/{initiative_id}",
    response=InitiativeOut,
    tags=["initiatives"],
    summary="Change an initiative; only the fields sent change, goal_ids replaces the goals",
)
def initiative_update(
    request: HttpRequest, initiative_id: int, payload: InitiativePatch
) -> Initiative:
    initiative = get_visible(request, Initiative.objects, write=True, pk=initiative_id)
    changes = _changes(request, payload)
    m2m = {}
    if "goal_ids" in changes:
        m2m["goals"] = changes.pop("goal_ids") or []
    _check_initiative(
        changes.get("policy_id", initiative.policy_id),
        m2m.get("goals", list(initiative.goals.values_list("pk", flat=True))),
    )
    with _input_names():
        crud.update(actor=request.user, instance=initiative, changes=changes, m2m=m2m)
    return _initiatives(request.user).get(pk=initiative.pk)


# --- Action plans ---------------------------------------------------------------------------


def _action_plans(user) -> QuerySet[ActionPlan]:
    return (
        ActionPlan.objects.visible_to(user)
        .select_related("policy")
        .annotate(
            strand_count=Count("strands", distinct=True),
            target_count=Count("strands__targets", distinct=True),
        )
        # Meta.ordering does not apply to a grouped query; pages need a stable order.
        .order_by("-year", "title", "id")
    )


@router.get(
    "/action-plans",
    response=list[ActionPlanOut],
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    tags=["action plans"],
    summary="Action plans the caller may read, by policy slug and year",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def action_plan_list(
    request: HttpRequest, policy: str = "", year: int | None = None
) -> QuerySet[ActionPlan]:
    plans = _action_plans(request.user)
    if policy:
        plans = plans.filter(policy__slug=policy)
    if year is not None:
        plans = plans.filter(year=year)
    return plans


@router.get(
    "/action-plans/{plan_id}",
    response=ActionPlanDetailOut,
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    tags=["action plans"],
    summary="An action plan with its strands, targets, their status today and progress",
)
def action_plan_detail(request: HttpRequest, plan_id: int) -> ActionPlan:
    plan = get_visible(
        request,
        _action_plans(request.user).prefetch_related(
            Prefetch(
                "strands",
                queryset=Strand.objects.order_by("number").prefetch_related(
                    Prefetch(
                        "targets",
                        queryset=PlanTarget.objects.order_by("id").prefetch_related("progress"),
                    )
                ),
            )
        ),
        pk=plan_id,
    )
    plan.statuses = dict(
        Counter(
            target_status(target)
            for strand in plan.strands.all()
            for target in strand.targets.all()
        )
    )
    plan.budget_total = (
        BudgetLine.objects.filter(strand__action_plan=plan).aggregate(total=Sum("amount"))["total"]
        if can_read_internal(request.user)
        else None
    )
    return plan


@router.post(
    "/action-plans/{plan_id}/targets/{target_id}/progress",
    response={201: ProgressCreatedOut},
    tags=["action plans"],
    summary="Register progress on a target (policy officers)",
)
def target_progress_create(
    request: HttpRequest, plan_id: int, target_id: int, payload: ProgressIn
) -> Status:
    plan = get_visible(request, ActionPlan.objects, write=True, pk=plan_id)
    target = PlanTarget.objects.filter(pk=target_id, strand__action_plan=plan).first()
    if target is None:
        raise Http404
    progress = services.record_target_progress(
        actor=request.user,
        target=target,
        value=payload.value,
        recorded_on=payload.recorded_on or timezone.localdate(),
        note=payload.note,
    )
    status = target_status(PlanTarget.objects.prefetch_related("progress").get(pk=target.pk))
    return Status(
        201,
        {
            "id": progress.pk,
            "value": progress.value,
            "recorded_on": progress.recorded_on,
            "note": progress.note,
            "target_id": target.pk,
            "target_status": status,
            "target_status_label": str(TargetStatus(status).label),
        },
    )


# --- Budget ---------------------------------------------------------------------------------


@router.get(
    "/budget/appropriations",
    response=list[AppropriationOut],
    tags=["budget"],
    summary="Appropriations with what each year allocates and spends (internal)",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def appropriation_list(request: HttpRequest) -> QuerySet[Appropriation]:
    _require_internal(request)
    # Spending is summed per line (not joined into the year's totals, which would count a
    # line once per spending row).
    lines = BudgetLine.objects.annotate(spent=Sum("spending__amount")).order_by("year", "id")
    return (
        Appropriation.objects.visible_to(request.user)
        .select_related("granted_by", "policy")
        .prefetch_related(Prefetch("budget_lines", queryset=lines))
        .order_by("first_year", "title", "id")
    )


@router.get(
    "/budget/appropriations/{appropriation_id}",
    response=AppropriationDetailOut,
    tags=["budget"],
    summary="An appropriation with its lines and their spending, year by year (internal)",
)
def appropriation_detail(request: HttpRequest, appropriation_id: int) -> Appropriation:
    _require_internal(request)
    lines = BudgetLine.objects.select_related("appropriation").order_by("year", "id")
    return get_visible(
        request,
        Appropriation.objects.select_related("granted_by", "policy").prefetch_related(
            Prefetch("budget_lines", queryset=lines.prefetch_related("spending"))
        ),
        pk=appropriation_id,
    )


@router.post(
    "/budget/appropriations/{appropriation_id}/lines",
    response={201: BudgetLineOut},
    tags=["budget"],
    summary="Add a budget line; a year's lines may not exceed the appropriation",
)
def budget_line_create(
    request: HttpRequest, appropriation_id: int, payload: BudgetLineIn
) -> Status:
    _require_internal(request)
    appropriation = get_visible(request, Appropriation.objects, write=True, pk=appropriation_id)
    with _input_names():
        line = services.save_budget_line(
            actor=request.user,
            line=BudgetLine(appropriation=appropriation, **payload.model_dump()),
        )
    return Status(201, line)


@router.post(
    "/budget/lines/{line_id}/spending",
    response={201: SpendingOut},
    tags=["budget"],
    summary="Record spending on a budget line, dated in the line's year",
)
def spending_create(request: HttpRequest, line_id: int, payload: SpendingIn) -> Status:
    require_editor(request)
    line = BudgetLine.objects.filter(pk=line_id).first()
    if line is None:
        raise Http404
    spending = services.record_spending(actor=request.user, line=line, **payload.model_dump())
    return Status(201, spending)
