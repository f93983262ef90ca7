"""What a policy still lacks: themes without goals, initiatives or a lighthouse project, goals
without a measurable target, and the placeholders' guidance on what belongs there."""

from dataclasses import dataclass

from django.db.models import Model, Prefetch
from django.utils.translation import gettext_lazy as _

from pejling.policy.models import Goal, Initiative, Policy, Theme


@dataclass(frozen=True)
class Gap:
    obj: Model
    missing: str
    guidance: str = ""


@dataclass(frozen=True)
class ThemeState:
    """A theme's goals, initiatives and lighthouse projects, and the gaps where one is missing."""

    theme: Theme
    goals: list
    initiatives: list
    lighthouses: list

    @property
    def gaps(self) -> list[Gap]:
        gaps = []
        if not self.goals:
            gaps.append(Gap(self.theme, _("konkrete mål"), self.theme.goals_placeholder))
        if not self.initiatives:
            gaps.append(Gap(self.theme, _("initiativer"), self.theme.initiatives_placeholder))
        if not self.lighthouses:
            gaps.append(Gap(self.theme, _("fyrtårnsprojekt"), self.theme.lighthouse_placeholder))
        return gaps


def theme_state(theme: Theme) -> ThemeState:
    """Expects ``goals`` and ``initiatives`` to be prefetched when called in a loop."""
    initiatives = list(theme.initiatives.all())
    return ThemeState(
        theme=theme,
        goals=list(theme.goals.all()),
        initiatives=[i for i in initiatives if not i.is_lighthouse],
        lighthouses=[i for i in initiatives if i.is_lighthouse],
    )


def theme_gaps(theme: Theme) -> list[Gap]:
    return theme_state(theme).gaps


def policy_gaps(policy: Policy) -> list[Gap]:
    gaps = []
    if not policy.texts.filter(kind="vision", versions__isnull=False).exists():
        gaps.append(Gap(policy, _("vision")))
    if not policy.overall_goal.strip() and policy.overall_goal_placeholder:
        gaps.append(Gap(policy, _("overordnet målsætning"), policy.overall_goal_placeholder))
    themes = policy.themes.prefetch_related(
        Prefetch("goals", queryset=Goal.objects.only("id", "theme_id")),
        Prefetch(
            "initiatives", queryset=Initiative.objects.only("id", "theme_id", "is_lighthouse")
        ),
    )
    for theme in themes:
        gaps += theme_gaps(theme)
    # With policy_id: the related manager sets goal.policy from it, one query a goal if deferred.
    fields = ("id", "title", "policy_id")
    for goal in policy.goals.filter(target_value__isnull=True).only(*fields):
        gaps.append(Gap(goal, _("målværdi")))
    for goal in policy.goals.filter(target_value__isnull=False, target_year__isnull=True).only(
        *fields
    ):
        gaps.append(Gap(goal, _("målår")))
    for guidepost in policy.guideposts.filter(work_items__isnull=True):
        gaps.append(Gap(guidepost, _("hvordan der arbejdes videre")))
    return gaps
