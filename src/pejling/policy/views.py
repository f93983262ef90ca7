from collections import defaultdict
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Sum, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from pejling.core import crud
from pejling.core.forms import add_errors
from pejling.core.listing import list_page
from pejling.core.printing import filtered, first_rows, pdf_response, wants_pdf
from pejling.lib.export import FORMATS, export_response
from pejling.lib.textdiff import word_diff
from pejling.policy import chain, exports, services
from pejling.policy.completeness import policy_gaps, theme_state
from pejling.policy.editing import PARTS, Part
from pejling.policy.forms import (
    BudgetLineForm,
    ChildFilterForm,
    GoalFilterForm,
    GoalForm,
    GuidepostForm,
    InitiativeFilterForm,
    InitiativeForm,
    PolicyFilterForm,
    PolicyForm,
    SpendingForm,
    TargetProgressForm,
    TextVersionForm,
    ThemeForm,
)
from pejling.policy.models import (
    ActionPlan,
    Appropriation,
    BudgetLine,
    FocusArea,
    Goal,
    Guidepost,
    Initiative,
    KeyPagedQuerySet,
    PlanTarget,
    Policy,
    Spending,
    Strand,
    TargetProgress,
    Theme,
    VersionedText,
)
from pejling.policy.permissions import (
    can_edit_policy,
    can_read_internal,
    get_visible,
    require_editor,
)
from pejling.policy.queries import budget_years, line_spent

# --- Policies ---------------------------------------------------------------------------------


@login_not_required
@require_GET
def policy_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Policy.objects.visible_to(request.user).select_related("owner_committee"),
        form=PolicyFilterForm(request.GET or None),
        columns=exports.POLICY_COLUMNS,
        template="policy/policy_list.html",
        partial="policy/partials/policy_results.html",
        filename="politikker",
        context={"can_edit": can_edit_policy(request.user)},
    )


@login_not_required
@require_GET
def policy_detail(request: HttpRequest, slug: str) -> HttpResponse:
    policy = get_visible(request, Policy.objects.select_related("owner_committee"), slug=slug)
    themes = policy.themes.prefetch_related(
        "goals",
        Prefetch("initiatives", queryset=Initiative.objects.order_by("-is_lighthouse", "id")),
    )
    theme_states = [theme_state(theme) for theme in themes]
    guideposts = policy.guideposts.select_related("wording").prefetch_related(
        "work_items", "goals", "wording__versions"
    )
    context = {
        "policy": policy,
        "vision": policy.texts.filter(kind=VersionedText.Kind.VISION)
        .prefetch_related("versions")
        .first(),
        "principles": policy.principles.all(),
        "responsibilities": policy.responsibilities.all(),
        "theme_states": theme_states,
        "guideposts": guideposts,
        "focus_areas": policy.focus_areas.prefetch_related("work_items", "goals"),
        "topics": policy.scheduled_topics.all(),
        # Ordered explicitly: Meta.ordering does not apply to a GROUP BY query.
        "action_plans": policy.action_plans.annotate(strand_count=Count("strands")).order_by(
            "-year", "title"
        ),
        "appropriations": policy.appropriations.all() if can_read_internal(request.user) else [],
        "untethered_goals": policy.goals.filter(
            theme__isnull=True, guidepost__isnull=True, focus_area__isnull=True
        ),
        "gap_count": len(policy_gaps(policy)),
        "can_edit": can_edit_policy(request.user),
    }
    return render(request, "policy/policy_detail.html", context)


@login_not_required
@require_GET
def policy_completeness(request: HttpRequest, slug: str) -> HttpResponse:
    policy = get_visible(request, Policy.objects, slug=slug)
    return render(
        request,
        "policy/policy_completeness.html",
        {"policy": policy, "gaps": policy_gaps(policy)},
    )


@login_not_required
@require_GET
def policy_docx(request: HttpRequest, slug: str) -> HttpResponse:
    policy = get_visible(request, Policy.objects.select_related("owner_committee"), slug=slug)
    return exports.policy_docx_response(policy)


@require_http_methods(["GET", "POST"])
def policy_create(request: HttpRequest) -> HttpResponse:
    require_editor(request)
    return _edit(request, PolicyForm, Policy(), template_title=_("Ny politik"))


@require_http_methods(["GET", "POST"])
def policy_edit(request: HttpRequest, slug: str) -> HttpResponse:
    policy = get_visible(request, Policy.objects, write=True, slug=slug)
    return _edit(request, PolicyForm, policy, template_title=_("Redigér politik"))


def _edit(request, form_class, instance, *, template_title: str, form_kwargs=None, m2m=()):
    """Create or change one record through its ModelForm and the audited CRUD service."""
    form = form_class(request.POST or None, instance=instance, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in m2m}
        try:
            if instance.pk is None:
                obj = crud.create(actor=request.user, instance=form.instance, m2m=values)
            else:
                obj = crud.update(
                    actor=request.user, instance=form.instance, changes={}, m2m=values
                )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” er gemt.") % {"name": obj})
            return redirect(obj)
    return render(
        request,
        "policy/edit.html",
        {"form": form, "title": template_title, "object": instance if instance.pk else None},
        status=400 if form.is_bound and form.errors else 200,
    )


def _chain(links, request: HttpRequest | None = None, cases=None) -> dict:
    """The chain's links; with ``cases``, the newest ones the user may see are added below."""
    up, down = links
    if cases is not None:
        down = down + chain.cases(request.user, cases)
    return {"chain_up": up, "chain_down": down}


# --- The other parts of the structure, edited as plain forms (policy/editing.py) --------


def _part(kind: str) -> Part:
    if kind not in PARTS:
        raise Http404
    return PARTS[kind]


@require_http_methods(["GET", "POST"])
def part_create(request: HttpRequest, kind: str, parent_pk: int | None = None) -> HttpResponse:
    part = _part(kind)
    if (part.parent_model is None) != (parent_pk is None):
        raise Http404
    if part.parent_model is None:
        require_editor(request)
        instance = part.model()
    else:
        parent = get_visible(request, part.parent_model.objects, write=True, pk=parent_pk)
        instance = part.model(**{part.parent_field: parent})
    title = _("Tilføj %(part)s") % {"part": part.label}
    return _edit(request, part.form_class(), instance, template_title=title)


@require_http_methods(["GET", "POST"])
def part_edit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    part = _part(kind)
    instance = get_visible(request, part.model.objects, write=True, pk=pk)
    title = _("Redigér %(part)s") % {"part": part.label}
    return _edit(request, part.form_class(), instance, template_title=title)


@require_http_methods(["GET", "POST"])
def guidepost_create(request: HttpRequest, slug: str) -> HttpResponse:
    policy = get_visible(request, Policy.objects, write=True, slug=slug)
    form = GuidepostForm(
        request.POST or None,
        policy=policy,
        initial={
            "number": policy.guideposts.count() + 1,
            "valid_from": timezone.localdate(),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            guidepost = services.create_guidepost(
                actor=request.user, policy=policy, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” er gemt.") % {"name": guidepost})
            return redirect(guidepost)
    return render(
        request,
        "policy/edit.html",
        {"form": form, "title": _("Nyt pejlemærke"), "object": policy},
        status=400 if form.is_bound and form.errors else 200,
    )


# --- Texts and their versions -------------------------------------------------------------


@login_not_required
@require_GET
def text_history(request: HttpRequest, pk: int) -> HttpResponse:
    text = get_visible(request, VersionedText.objects.select_related("policy"), pk=pk)
    versions = list(text.versions.select_related("amendment").order_by("number"))
    by_number = {v.number: v for v in versions}
    newest = versions[-1] if versions else None
    try:
        new = by_number.get(int(request.GET.get("til", newest.number if newest else 0)))
        old = by_number.get(int(request.GET.get("fra", new.number - 1 if new else 0)))
    except ValueError:
        raise Http404 from None
    diff = word_diff(old.body, new.body) if old and new and old != new else []
    rows = []
    for previous, version in zip([None, *versions], versions, strict=False):
        rows.append((version, word_diff(previous.body, version.body) if previous else []))
    return render(
        request,
        "policy/text_history.html",
        {
            "text": text,
            "policy": text.policy,
            "rows": list(reversed(rows)),
            "versions": versions,
            "old": old,
            "new": new,
            "diff": diff,
            "guidepost": Guidepost.objects.filter(wording=text).first(),
            "can_edit": can_edit_policy(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def text_version_create(request: HttpRequest, pk: int) -> HttpResponse:
    text = get_visible(request, VersionedText.objects.select_related("policy"), write=True, pk=pk)
    current = text.current
    form = TextVersionForm(
        request.POST or None,
        initial={"body": current.body if current else "", "valid_from": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.add_text_version(actor=request.user, text=text, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Den nye version er gemt."))
            return redirect(text)
    return render(
        request,
        "policy/edit.html",
        {"form": form, "title": _("Ny version af “%(name)s”") % {"name": text}, "object": text},
        status=400 if form.is_bound and form.errors else 200,
    )


# --- The parts of a policy --------------------------------------------------------------------


@login_not_required
@require_GET
def theme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_visible(
        request,
        Theme.objects.select_related("policy").prefetch_related(
            "goals__initiatives", "initiatives__goals"
        ),
        pk=pk,
    )
    return render(
        request,
        "policy/theme_detail.html",
        {
            "theme": theme,
            "policy": theme.policy,
            "state": theme_state(theme),
            "can_edit": can_edit_policy(request.user),
            **_chain(chain.for_theme(theme), request, theme.cases),
        },
    )


@require_http_methods(["GET", "POST"])
def theme_create(request: HttpRequest, slug: str) -> HttpResponse:
    policy = get_visible(request, Policy.objects, write=True, slug=slug)
    return _edit(request, ThemeForm, Theme(policy=policy), template_title=_("Nyt tema"))


@require_http_methods(["GET", "POST"])
def theme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_visible(request, Theme.objects, write=True, pk=pk)
    return _edit(request, ThemeForm, theme, template_title=_("Redigér tema"))


@login_not_required
@require_GET
def guidepost_detail(request: HttpRequest, pk: int) -> HttpResponse:
    guidepost = get_visible(
        request,
        Guidepost.objects.select_related("policy", "wording").prefetch_related(
            "work_items", "goals__initiatives", "wording__versions"
        ),
        pk=pk,
    )
    return render(
        request,
        "policy/guidepost_detail.html",
        {
            "guidepost": guidepost,
            "policy": guidepost.policy,
            "can_edit": can_edit_policy(request.user),
            **_chain(chain.for_guidepost(guidepost), request, guidepost.cases),
        },
    )


@login_not_required
@require_GET
def focus_area_detail(request: HttpRequest, pk: int) -> HttpResponse:
    area = get_visible(
        request,
        FocusArea.objects.select_related("policy").prefetch_related("work_items", "goals"),
        pk=pk,
    )
    return render(
        request,
        "policy/focus_area_detail.html",
        {
            "area": area,
            "policy": area.policy,
            "active": area.is_active_on(timezone.localdate()),
            "can_edit": can_edit_policy(request.user),
            **_chain(chain.for_focus_area(area)),
        },
    )


# --- Goals and initiatives ------------------------------------------------------------------


@login_not_required
@require_GET
def goal_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=KeyPagedQuerySet(Goal)
        .visible_to(request.user)
        .select_related("policy", "theme", "guidepost", "focus_area", "owner"),
        form=GoalFilterForm(request.GET or None, user=request.user),
        columns=exports.GOAL_COLUMNS,
        template="policy/goal_list.html",
        partial="policy/partials/goal_results.html",
        filename="maal",
        context={"can_edit": can_edit_policy(request.user)},
    )


@login_not_required
@require_GET
def goal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_visible(
        request,
        Goal.objects.select_related(
            "policy", "theme", "guidepost", "focus_area", "owner"
        ).prefetch_related("initiatives", "plan_targets__strand__action_plan"),
        pk=pk,
    )
    return render(
        request,
        "policy/goal_detail.html",
        {
            "goal": goal,
            "policy": goal.policy,
            "can_edit": can_edit_policy(request.user),
            **_chain(chain.for_goal(goal), request, goal.cases),
        },
    )


@require_http_methods(["GET", "POST"])
def goal_create(request: HttpRequest) -> HttpResponse:
    require_editor(request)
    initial_policy = Policy.objects.filter(slug=request.GET.get("politik")).first()
    goal = Goal(policy=initial_policy) if initial_policy else Goal()
    return _edit(request, GoalForm, goal, template_title=_("Nyt mål"))


@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_visible(request, Goal.objects, write=True, pk=pk)
    return _edit(request, GoalForm, goal, template_title=_("Redigér mål"))


@login_not_required
@require_GET
def initiative_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=KeyPagedQuerySet(Initiative)
        .visible_to(request.user)
        .select_related("policy", "theme", "responsible"),
        form=InitiativeFilterForm(request.GET or None, user=request.user),
        columns=exports.INITIATIVE_COLUMNS,
        template="policy/initiative_list.html",
        partial="policy/partials/initiative_results.html",
        filename="initiativer",
        context={"can_edit": can_edit_policy(request.user)},
    )


@login_not_required
@require_GET
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_visible(
        request,
        Initiative.objects.select_related("policy", "theme", "responsible").prefetch_related(
            "goals", "strands__action_plan", "budget_lines__appropriation"
        ),
        pk=pk,
    )
    return render(
        request,
        "policy/initiative_detail.html",
        {
            "initiative": initiative,
            "policy": initiative.policy,
            "can_edit": can_edit_policy(request.user),
            "show_budget": can_read_internal(request.user),
            **_chain(chain.for_initiative(initiative)),
        },
    )


@require_http_methods(["GET", "POST"])
def initiative_create(request: HttpRequest) -> HttpResponse:
    require_editor(request)
    initial_policy = Policy.objects.filter(slug=request.GET.get("politik")).first()
    initiative = Initiative(policy=initial_policy) if initial_policy else Initiative()
    return _edit(
        request, InitiativeForm, initiative, template_title=_("Nyt initiativ"), m2m=["goals"]
    )


@require_http_methods(["GET", "POST"])
def initiative_edit(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_visible(request, Initiative.objects, write=True, pk=pk)
    return _edit(
        request, InitiativeForm, initiative, template_title=_("Redigér initiativ"), m2m=["goals"]
    )


# --- Action plans ---------------------------------------------------------------------------


@login_not_required
@require_GET
def action_plan_list(request: HttpRequest) -> HttpResponse:
    plans = (
        ActionPlan.objects.visible_to(request.user)
        .select_related("policy")
        .annotate(
            strand_count=Count("strands", distinct=True),
            target_count=Count("strands__targets", distinct=True),
        )
        # Meta.ordering does not apply to a GROUP BY query; pages need a stable order.
        .order_by("-year", "title", "pk")
    )
    form = ChildFilterForm(request.GET or None, user=request.user)
    if wants_pdf(request):
        shown, cut = first_rows(
            filtered(plans, form).prefetch_related(_strands_for_rows()).iterator(chunk_size=200)
        )
        return pdf_response(
            request,
            "policy/action_plan_list_print.html",
            {"plans": [(plan, plan_rows(plan)) for plan in shown]},
            filename="handleplaner",
            title=_("Handleplaner og målsætninger"),
            form=form,
            cut=cut,
        )
    return list_page(
        request,
        queryset=plans,
        form=form,
        columns=exports.ACTION_PLAN_COLUMNS,
        template="policy/action_plan_list.html",
        partial="policy/partials/action_plan_results.html",
        filename="handleplaner",
    )


def _strands_for_rows() -> Prefetch:
    """What plan_rows reads of a plan, so a list of plans fetches it in a few queries."""
    return Prefetch(
        "strands",
        queryset=Strand.objects.select_related("initiative").prefetch_related(
            Prefetch("targets", queryset=PlanTarget.objects.prefetch_related("progress")),
            "budget_lines",
        ),
    )


def plan_rows(plan: ActionPlan):
    """Each strand with its targets, each target with its latest progress and status."""
    today = timezone.localdate()
    # A no-op when the plan's queryset already prefetched the strands.
    prefetch_related_objects([plan], _strands_for_rows())
    rows = []
    for strand in plan.strands.all():
        targets = []
        for target in strand.targets.all():
            history = list(target.progress.all())
            latest = history[0] if history else None
            targets.append((target, latest, target.status_on(today, latest), history))
        rows.append((strand, targets))
    return rows


@login_not_required
@require_GET
def action_plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible(request, ActionPlan.objects.select_related("policy"), pk=pk)
    rows = plan_rows(plan)
    statuses = defaultdict(int)
    for _strand, targets in rows:
        for _target, _latest, status, _history in targets:
            statuses[status] += 1
    budget = BudgetLine.objects.filter(strand__action_plan=plan).aggregate(total=Sum("amount"))[
        "total"
    ]
    return render(
        request,
        "policy/action_plan_detail.html",
        {
            "plan": plan,
            "policy": plan.policy,
            "rows": rows,
            "statuses": dict(statuses),
            "budget_total": budget,
            "show_budget": can_read_internal(request.user),
            "can_edit": can_edit_policy(request.user),
            **_chain(chain.for_action_plan(plan, [strand for strand, _targets in rows])),
        },
    )


@login_not_required
@require_GET
def action_plan_docx(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible(request, ActionPlan.objects.select_related("policy"), pk=pk)
    return exports.action_plan_docx_response(
        plan, plan_rows(plan), with_budget=can_read_internal(request.user)
    )


@require_http_methods(["GET", "POST"])
def target_progress_create(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_visible(
        request, PlanTarget.objects.select_related("strand__action_plan"), write=True, pk=pk
    )
    form = TargetProgressForm(request.POST or None, instance=TargetProgress(target=target))
    if request.method == "POST" and form.is_valid():
        try:
            services.record_target_progress(
                actor=request.user,
                target=target,
                value=form.cleaned_data["value"],
                recorded_on=form.cleaned_data["recorded_on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Fremdriften er registreret."))
            return redirect(target.strand.action_plan)
    return render(
        request,
        "policy/edit.html",
        {
            "form": form,
            "title": _("Registrér fremdrift: %(target)s") % {"target": target},
            "object": target.strand.action_plan,
            "help": target.range_label or _("Skriv 1 for ja og 0 for nej."),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


# --- Budget -----------------------------------------------------------------------------------


def _require_internal(request: HttpRequest) -> None:
    if not can_read_internal(request.user):
        raise PermissionDenied


@require_GET
def budget(request: HttpRequest) -> HttpResponse:
    _require_internal(request)
    appropriations = Appropriation.objects.visible_to(request.user).select_related("granted_by")
    # Allocations and spending are summed separately: one query joining both would count a
    # line once for every spending entry on it.
    allocated = BudgetLine.objects.values("appropriation_id", "year").annotate(total=Sum("amount"))
    spent = Spending.objects.values("budget_line__appropriation_id", "budget_line__year").annotate(
        total=Sum("amount")
    )
    spent_by = {
        (row["budget_line__appropriation_id"], row["budget_line__year"]): row["total"]
        for row in spent
    }
    by_appropriation = defaultdict(list)
    for row in allocated.order_by("appropriation_id", "year"):
        key = (row["appropriation_id"], row["year"])
        by_appropriation[row["appropriation_id"]].append(
            {"year": row["year"], "allocated": row["total"], "spent": spent_by.get(key, Decimal(0))}
        )
    rows = []
    for appropriation in appropriations:
        years = []
        for row in by_appropriation[appropriation.pk]:
            over = row["allocated"] - appropriation.amount_per_year
            years.append({**row, "over": over if over > 0 else None})
        rows.append((appropriation, years))
    if request.GET.get("format") in FORMATS:
        lines = (
            BudgetLine.objects.filter(appropriation__in=appropriations)
            .select_related("appropriation", "initiative", "strand")
            .annotate(spent=Sum("spending__amount"))
            .order_by("appropriation__first_year", "appropriation__title", "year", "pk")
        )
        return export_response(
            lines, exports.BUDGET_LINE_COLUMNS, filename="budget", fmt=request.GET["format"]
        )
    if wants_pdf(request):
        return pdf_response(
            request,
            "policy/budget_print.html",
            {"rows": rows},
            filename="budget",
            title=_("Budget"),
        )
    return render(
        request,
        "policy/budget.html",
        {"rows": rows, "query": "", "can_edit": can_edit_policy(request.user)},
    )


@require_GET
def appropriation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_internal(request)
    appropriation = get_visible(
        request, Appropriation.objects.select_related("granted_by", "policy"), pk=pk
    )
    lines = (
        appropriation.budget_lines.select_related("initiative", "strand")
        .annotate(spent=Sum("spending__amount"))
        .order_by("year", "pk")  # Meta.ordering does not apply to a GROUP BY query
    )
    lines = list(lines)
    for line in lines:
        line.difference = line.amount - line_spent(line)
    summary = budget_years(appropriation, lines)
    return render(
        request,
        "policy/appropriation_detail.html",
        {
            "appropriation": appropriation,
            "years": summary,
            "can_edit": can_edit_policy(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def budget_line_create(request: HttpRequest, pk: int) -> HttpResponse:
    appropriation = get_visible(request, Appropriation.objects, write=True, pk=pk)
    form = BudgetLineForm(
        request.POST or None,
        instance=BudgetLine(appropriation=appropriation),
        initial={"year": timezone.localdate().year},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_budget_line(actor=request.user, line=form.instance)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Budgetlinjen er gemt."))
            return redirect(appropriation)
    return render(
        request,
        "policy/edit.html",
        {"form": form, "title": _("Ny budgetlinje"), "object": appropriation},
        status=400 if form.is_bound and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def spending_create(request: HttpRequest, pk: int) -> HttpResponse:
    require_editor(request)
    line = BudgetLine.objects.select_related("appropriation").filter(pk=pk).first()
    if line is None:
        raise Http404
    form = SpendingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_spending(actor=request.user, line=line, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Forbruget er registreret."))
            return redirect(line.appropriation)
    return render(
        request,
        "policy/edit.html",
        {
            "form": form,
            "title": _("Registrér forbrug: %(line)s") % {"line": line},
            "object": line.appropriation,
        },
        status=400 if form.is_bound and form.errors else 200,
    )
