"""Helpers shared by the policy tests: the demo's records by name, and row counts."""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import unescape
from html.parser import HTMLParser

from django.apps import apps
from openpyxl import load_workbook

from pejling.accounts.models import Administration, User
from pejling.accounts.roles import Role
from pejling.audit.models import AuditEvent
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
from tests.conftest import Cast, make_user

DRAFT = "bland-dig-i-byen"  # 2011-2014, a draft whose themes are still placeholders
PUBLIC = "vision-pejlemaerker-2022"  # adopted and public
CASE_NUMBER = "2011-116007"
CPR_TEXT = "Borgeren er født 010190-1234 og bor i Valby."


# The cast of tests/conftest.py: username and roles of each member.
CAST = {
    "administrator": ("administrator", [Role.ADMINISTRATOR]),
    "policy_officer": ("policy", [Role.POLICY_OFFICER]),
    "coordinator": ("coordinator", [Role.COORDINATOR]),
    "advisor": ("advisor", [Role.ADVISOR]),
    "contact_person": ("contact", [Role.CONTACT_PERSON]),
    "analyst": ("analyst", [Role.ANALYST]),
    "committee_member": ("committee", [Role.COMMITTEE_MEMBER]),
    "outsider": ("outsider", []),
}


def build_cast() -> None:
    bif = Administration.objects.create(
        name="Beskæftigelses- og Integrationsforvaltningen", short_name="BIF", slug="bif"
    )
    for username, roles in CAST.values():
        administration = bif if Role.CONTACT_PERSON in roles else None
        make_user(username, *roles, administration=administration)


def get_cast() -> Cast:
    users = {u.username: u for u in User.objects.filter(username__in=[n for n, _ in CAST.values()])}
    return Cast(
        **{member: users[username] for member, (username, _roles) in CAST.items()},
        administration=Administration.objects.get(short_name="BIF"),
    )


@dataclass
class Demo:
    draft: Policy
    public: Policy
    draft_vision: VersionedText
    vision: VersionedText  # the 2022 vision: 2018 text, proposal, amendment
    guidepost: Guidepost  # 'Integration og sprog', amended on 20 June 2022
    focus_area: FocusArea  # 'Ukrainske flygtninge i København', 2022
    plan: ActionPlan  # the action plan for equal treatment 2012
    range_target: PlanTarget  # 'Equality Lab 2.0 udvides til 8-10 nye institutioner i 2012'
    yes_no_target: PlanTarget
    appropriation: Appropriation  # 1.500.000 kr. in 2012 only, fully allocated
    standing_appropriation: Appropriation  # 10 mio. kr. a year from 2006, not allocated
    budget_line: BudgetLine  # 'Efteruddannelsesprogram', 600.000 kr. in 2012


def get_demo() -> Demo:
    """The demo's records, fetched afresh so that no test sees another's changes in memory."""
    draft = Policy.objects.get(slug=DRAFT)
    public = Policy.objects.get(slug=PUBLIC)
    plan = ActionPlan.objects.get(case_number=CASE_NUMBER)
    return Demo(
        draft=draft,
        public=public,
        draft_vision=draft.texts.get(kind=VersionedText.Kind.VISION),
        vision=public.texts.get(kind=VersionedText.Kind.VISION),
        guidepost=public.guideposts.get(title="Integration og sprog"),
        focus_area=public.focus_areas.get(number=1),
        plan=plan,
        range_target=PlanTarget.objects.get(strand__action_plan=plan, kind=PlanTarget.Kind.RANGE),
        yes_no_target=PlanTarget.objects.filter(
            strand__action_plan=plan, kind=PlanTarget.Kind.YES_NO
        ).first(),
        appropriation=Appropriation.objects.get(reference="Inklusionsaftalen 2012"),
        standing_appropriation=Appropriation.objects.get(reference="BR 115/2006"),
        budget_line=BudgetLine.objects.get(title="Efteruddannelsesprogram"),
    )


def row_counts() -> dict[str, int]:
    """Rows in every policy table and in the audit trail, to show that nothing was saved."""
    counts = {m.__name__: m.objects.count() for m in apps.get_app_config("policy").get_models()}
    counts["AuditEvent"] = AuditEvent.objects.count()
    return counts


def logged_in(client, user):
    client.force_login(user)
    return client


def html(response) -> str:
    return response.content.decode()


def field_errors(response, field: str) -> list[str]:
    return response.context["form"].errors.get(field, [])


@dataclass
class Extras:
    """Records the demo lacks, so every kind of page exists in the draft and in the public
    policy: a theme, goal, initiative and action plan in the public one, and a guidepost,
    focus area and goal in the draft."""

    public_theme: Theme
    public_goal: Goal
    public_initiative: Initiative
    public_plan: ActionPlan
    public_target: PlanTarget
    draft_guidepost: Guidepost
    draft_focus_area: FocusArea
    draft_goal: Goal
    draft_initiative: Initiative


def add_extras(demo: Demo) -> Extras:
    def create(instance):
        return crud.create(actor=None, instance=instance)

    public, draft = demo.public, demo.draft
    public_theme = create(Theme(policy=public, number=1, title="Sprog og job"))
    public_goal = create(
        Goal(
            policy=public,
            theme=public_theme,
            guidepost=demo.guidepost,
            title="Flere flygtninge i job efter tre år",
            target_value=Decimal(50),
            unit="procent",
            target_year=2025,
        )
    )
    public_initiative = create(
        Initiative(policy=public, theme=public_theme, title="Sprogpraktik i virksomheder")
    )
    public_initiative.goals.set([public_goal])
    public_plan = create(ActionPlan(policy=public, title="Handleplan for sprog 2023", year=2023))
    strand = create(Strand(action_plan=public_plan, number=1, title="Sprogpraktik"))
    public_target = create(
        PlanTarget(
            strand=strand,
            text="200 praktikpladser",
            kind=PlanTarget.Kind.COUNT,
            minimum=Decimal(200),
            deadline=date(2023, 12, 31),
            goal=public_goal,
        )
    )
    wording = create(
        VersionedText(policy=draft, kind=VersionedText.Kind.GUIDEPOST, title="Lige adgang")
    )
    services.add_text_version(
        actor=None,
        text=wording,
        body="Alle skal have lige adgang til kommunens tilbud.",
        valid_from=date(2011, 1, 1),
        reason=TextVersion.Reason.ORIGINAL,
    )
    draft_guidepost = create(
        Guidepost(policy=draft, number=1, title="Lige adgang", wording=wording)
    )
    draft_focus_area = create(
        FocusArea(policy=draft, number=1, title="Nytilkomne", valid_from=date(2011, 1, 1))
    )
    draft_goal = create(
        Goal(policy=draft, theme=draft.themes.get(number=1), title="Mangfoldig medarbejderstab")
    )
    draft_initiative = Initiative.objects.get(policy=draft, title="Equality Lab 2.0")
    return Extras(
        public_theme=public_theme,
        public_goal=public_goal,
        public_initiative=public_initiative,
        public_plan=public_plan,
        public_target=public_target,
        draft_guidepost=draft_guidepost,
        draft_focus_area=draft_focus_area,
        draft_goal=draft_goal,
        draft_initiative=draft_initiative,
    )


def csv_rows(response) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")  # so that Danish Excel reads it as UTF-8
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def xlsx_rows(response) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(values_only=True))


def is_partial(response) -> bool:
    """An htmx answer: the results block only, no page around it."""
    body = html(response)
    return 'id="results"' in body and "<html" not in body and "<form" not in body


def add_policies(n: int, *, committee: Body, status=Policy.Status.DRAFT) -> list[Policy]:
    return [
        crud.create(
            actor=None,
            instance=Policy(
                title=f"Testpolitik {i:03}",
                slug=f"testpolitik-{i:03}",
                period_start=2020,
                status=status,
                owner_committee=committee,
            ),
        )
        for i in range(n)
    ]


def add_goals(n: int, *, policy: Policy, theme: Theme | None = None, **fields) -> list[Goal]:
    return [
        crud.create(
            actor=None,
            instance=Goal(policy=policy, theme=theme, title=f"Testmål {i:03}", **fields),
        )
        for i in range(n)
    ]


def add_initiatives(
    n: int, *, policy: Policy, theme: Theme | None = None, goals=(), **fields
) -> list[Initiative]:
    initiatives = []
    for i in range(n):
        initiative = crud.create(
            actor=None,
            instance=Initiative(
                policy=policy, theme=theme, title=f"Testinitiativ {i:03}", **fields
            ),
            m2m={"goals": list(goals)},
        )
        initiatives.append(initiative)
    return initiatives


class _TextOfElement(HTMLParser):
    """Collects the text inside the element with a given id."""

    def __init__(self, element_id: str) -> None:
        super().__init__()
        self.element_id, self.depth, self.parts = element_id, 0, []

    def handle_starttag(self, tag, attrs) -> None:
        if self.depth or dict(attrs).get("id") == self.element_id:
            self.depth += 1

    def handle_endtag(self, tag) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data) -> None:
        if self.depth:
            self.parts.append(data)


def error_at(response, field: str) -> str:
    """The error message shown at a form field on the page, or '' when there is none."""
    parser = _TextOfElement(f"id_{field}-error")
    parser.feed(html(response))
    text = " ".join("".join(parser.parts).split())
    return text.removeprefix("Fejl:").strip()


def page_text(response) -> str:
    """The page's text without tags and with whitespace collapsed, for checks of content that
    should not break when only the markup around it changes."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html(response), flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(unescape(body).split())


def form_values(response) -> dict:
    """The values a form shows (e.g. an edit form's current values), ready to post back."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif isinstance(value, date):
            data[name] = value.isoformat()
        else:
            data[name] = str(value)
    return data


def chain(response) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The (kind, name) pairs a page links to up the chain and down it; each must be a link."""
    body = html(response)
    found = []
    for key in ("chain_up", "chain_down"):
        links = response.context[key]
        for _kind, obj in links:
            assert f'href="{obj.get_absolute_url()}"' in body, obj
        found.append([(str(kind), str(obj)) for kind, obj in links])
    return found[0], found[1]
