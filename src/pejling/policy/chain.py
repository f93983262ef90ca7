"""The links up (what a record serves) and down (what serves it) shown on every policy page.

Each function returns ``(up, down)``: lists of (kind label, object with get_absolute_url).
Later parts of the chain (indicators, cases, reports) add their links here.
"""

from django.utils.translation import gettext_lazy as _

POLICY = _("Politik")
THEME = _("Tema")
GUIDEPOST = _("Pejlemærke")
FOCUS_AREA = _("Særligt fokusområde")
GOAL = _("Mål")
INITIATIVE = _("Initiativ")
LIGHTHOUSE = _("Fyrtårnsprojekt")
ACTION_PLAN = _("Handleplan")
WORDING = _("Formulering")
CASE = _("Task force-sag")
INDICATOR = _("Indikator")

# A policy page lists the newest cases that serve it; the case list filters for the rest.
CASES_SHOWN = 10

Links = list[tuple[str, object]]


def _initiative_label(initiative) -> str:
    return LIGHTHOUSE if initiative.is_lighthouse else INITIATIVE


def cases(user, related) -> Links:
    """The newest cases serving a record, as far as ``user`` may see cases at all.

    Cases hold personal data, so only the task force (and a contact person, for their own
    administration's cases) see these links; the public and other roles see none.
    """
    visible = related.visible_to(user).order_by("-received_at", "-id")[:CASES_SHOWN]
    return [(CASE, case) for case in visible]


def for_theme(theme) -> tuple[Links, Links]:
    down = [(GOAL, g) for g in theme.goals.all()]
    down += [(_initiative_label(i), i) for i in theme.initiatives.all()]
    return [(POLICY, theme.policy)], down


def for_guidepost(guidepost) -> tuple[Links, Links]:
    up = [(POLICY, guidepost.policy), (WORDING, guidepost.wording)]
    return up, [(GOAL, g) for g in guidepost.goals.all()]


def for_focus_area(area) -> tuple[Links, Links]:
    return [(POLICY, area.policy)], [(GOAL, g) for g in area.goals.all()]


def for_goal(goal) -> tuple[Links, Links]:
    up = [(POLICY, goal.policy)]
    up += [
        (label, part)
        for label, part in (
            (THEME, goal.theme),
            (GUIDEPOST, goal.guidepost),
            (FOCUS_AREA, goal.focus_area),
        )
        if part
    ]
    down = [(INDICATOR, i) for i in goal.indicators.order_by("code")]
    down += [(_initiative_label(i), i) for i in goal.initiatives.all()]
    plans = {t.strand.action_plan for t in goal.plan_targets.all()}
    down += [(ACTION_PLAN, plan) for plan in sorted(plans, key=lambda p: p.pk)]
    return up, down


def for_initiative(initiative) -> tuple[Links, Links]:
    up = [(POLICY, initiative.policy)]
    if initiative.theme:
        up.append((THEME, initiative.theme))
    up += [(GOAL, g) for g in initiative.goals.all()]
    plans = {s.action_plan for s in initiative.strands.all()}
    return up, [(ACTION_PLAN, plan) for plan in sorted(plans, key=lambda p: p.pk)]


def for_action_plan(plan, strands) -> tuple[Links, Links]:
    up = [(POLICY, plan.policy)]
    seen = set()
    for strand in strands:
        if strand.initiative and strand.initiative.pk not in seen:
            seen.add(strand.initiative.pk)
            up.append((_initiative_label(strand.initiative), strand.initiative))
    return up, []
