"""Lists as CSV/XLSX columns, and a policy or an action plan as a Word document."""

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pejling.lib.danish import kroner, number
from pejling.lib.export import Column
from pejling.lib.worddoc import CaseDocument
from pejling.policy.completeness import policy_gaps
from pejling.policy.models import ActionPlan, Policy, TargetStatus, VersionedText

POLICY_COLUMNS = [
    Column(gettext_lazy("Titel"), lambda p: p.title),
    Column(gettext_lazy("Undertitel"), lambda p: p.subtitle),
    Column(gettext_lazy("Periode"), lambda p: p.period_label),
    Column(gettext_lazy("Status"), lambda p: p.get_status_display()),
    Column(gettext_lazy("Ansvarligt udvalg"), lambda p: p.owner_committee.short_name),
    Column(gettext_lazy("Vedtaget den"), lambda p: p.adopted_on),
    Column(gettext_lazy("Vedtaget ved"), lambda p: p.adoption_reference),
    Column(gettext_lazy("Offentlig"), lambda p: _("ja") if p.is_public else _("nej")),
]

GOAL_COLUMNS = [
    Column(gettext_lazy("Id"), lambda g: g.pk),
    Column(gettext_lazy("Mål"), lambda g: g.title),
    Column(gettext_lazy("Politik"), lambda g: g.policy.title),
    Column(gettext_lazy("Tema"), lambda g: g.theme.title if g.theme else ""),
    Column(gettext_lazy("Pejlemærke"), lambda g: g.guidepost.title if g.guidepost else ""),
    Column(gettext_lazy("Målværdi"), lambda g: g.target_value),
    Column(gettext_lazy("Enhed"), lambda g: g.unit),
    Column(gettext_lazy("Retning"), lambda g: g.get_direction_display()),
    Column(gettext_lazy("Målår"), lambda g: g.target_year),
    Column(gettext_lazy("Ansvarlig"), lambda g: g.owner.short_name if g.owner else ""),
]

INITIATIVE_COLUMNS = [
    Column(gettext_lazy("Id"), lambda i: i.pk),
    Column(gettext_lazy("Initiativ"), lambda i: i.title),
    Column(gettext_lazy("Politik"), lambda i: i.policy.title),
    Column(gettext_lazy("Tema"), lambda i: i.theme.title if i.theme else ""),
    Column(gettext_lazy("Fyrtårnsprojekt"), lambda i: _("ja") if i.is_lighthouse else _("nej")),
    Column(gettext_lazy("Status"), lambda i: i.get_status_display()),
    Column(gettext_lazy("Ansvarlig"), lambda i: i.responsible.short_name if i.responsible else ""),
    Column(gettext_lazy("Start"), lambda i: i.starts_on),
    Column(gettext_lazy("Slut"), lambda i: i.ends_on),
]


ACTION_PLAN_COLUMNS = [
    Column(gettext_lazy("Id"), lambda a: a.pk),
    Column(gettext_lazy("Handleplan"), lambda a: a.title),
    Column(gettext_lazy("År"), lambda a: a.year),
    Column(gettext_lazy("Politik"), lambda a: a.policy.title),
    Column(gettext_lazy("Sagsnr."), lambda a: a.case_number),
    Column(gettext_lazy("Dokumentnr."), lambda a: a.document_number),
    Column(gettext_lazy("Indsatsspor"), lambda a: a.strand_count),
    Column(gettext_lazy("Målsætninger"), lambda a: a.target_count),
]

BUDGET_LINE_COLUMNS = [
    Column(gettext_lazy("Bevilling"), lambda line: line.appropriation.title),
    Column(gettext_lazy("År"), lambda line: line.year),
    Column(gettext_lazy("Linje"), lambda line: line.title),
    Column(
        gettext_lazy("Initiativ"), lambda line: line.initiative.title if line.initiative else ""
    ),
    Column(gettext_lazy("Indsatsspor"), lambda line: line.strand.title if line.strand else ""),
    Column(gettext_lazy("Beløb (kr.)"), lambda line: line.amount),
    Column(gettext_lazy("Brugt (kr.)"), lambda line: line.spent or 0),
]


def policy_docx_response(policy: Policy) -> HttpResponse:
    doc = CaseDocument(title=policy.title, dated=policy.adopted_on)
    if policy.subtitle:
        doc.paragraph(policy.subtitle, italic=True)
    doc.paragraph(
        f"{policy.period_label} · {policy.get_status_display()} · {policy.owner_committee}",
    )
    if policy.adoption_reference:
        doc.paragraph(policy.adoption_reference, bold_label=_("Vedtaget ved:"))
    vision = policy.texts.filter(kind=VersionedText.Kind.VISION).first()
    if vision and vision.current:
        doc.heading(_("Vision"))
        doc.paragraph(vision.current.body)
    principles = list(policy.principles.all())
    if principles:
        doc.heading(_("Principper"))
        doc.numbered(p.text for p in principles)
    responsibilities = list(policy.responsibilities.all())
    if responsibilities:
        doc.heading(_("Ansvar"))
        for responsibility in responsibilities:
            doc.paragraph(
                responsibility.statement, bold_label=responsibility.get_holder_display() + ":"
            )
            doc.bullets(responsibility.item_list)
    if policy.summary:
        doc.heading(_("Resumé"))
        doc.paragraph(policy.summary)
    if policy.overall_goal or policy.overall_goal_placeholder:
        doc.heading(_("Overordnet målsætning"))
        doc.paragraph(
            policy.overall_goal or policy.overall_goal_placeholder, italic=not policy.overall_goal
        )
    for theme in policy.themes.prefetch_related("goals", "initiatives"):
        doc.heading(
            _("Tema %(number)s: %(title)s") % {"number": theme.number, "title": theme.title}
        )
        doc.paragraph(theme.description)
        goals = list(theme.goals.all())
        doc.heading(_("Konkrete mål"), level=2)
        if goals:
            doc.bullets(_goal_line(g) for g in goals)
        else:
            doc.paragraph(theme.goals_placeholder, italic=True)
        initiatives = [i for i in theme.initiatives.all() if not i.is_lighthouse]
        doc.heading(_("Initiativer"), level=2)
        if initiatives:
            doc.bullets(f"{i.title} ({i.get_status_display()})" for i in initiatives)
        else:
            doc.paragraph(theme.initiatives_placeholder, italic=True)
        lighthouse = [i for i in theme.initiatives.all() if i.is_lighthouse]
        doc.heading(_("Fyrtårnsprojekt"), level=2)
        if lighthouse:
            doc.bullets(i.title for i in lighthouse)
        else:
            doc.paragraph(theme.lighthouse_placeholder, italic=True)
    for guidepost in policy.guideposts.select_related("wording").prefetch_related("work_items"):
        if guidepost.number == 1:
            doc.heading(_("Pejlemærker"))
        doc.heading(guidepost.title, level=2)
        if guidepost.wording.current:
            doc.paragraph(guidepost.wording.current.body)
        doc.bullets(item.text for item in guidepost.work_items.all())
    areas = list(policy.focus_areas.prefetch_related("work_items"))
    if areas:
        doc.heading(_("Særlige fokusområder"))
        for area in areas:
            doc.heading(area.title, level=2)
            doc.paragraph(area.description)
            doc.bullets(item.text for item in area.work_items.all())
    topics = list(policy.scheduled_topics.all())
    if topics:
        doc.heading(_("Emner til oplæg, temadrøftelser og orienteringer"))
        doc.table(
            _("Planlagte emner"),
            [_("Emne"), _("Slags"), _("Kvartal"), _("Status")],
            (
                [
                    t.title,
                    t.get_kind_display(),
                    _("%(q)s. kvt. %(year)s") % {"q": t.quarter, "year": t.year},
                    t.get_status_display(),
                ]
                for t in topics
            ),
        )
    gaps = policy_gaps(policy)
    if gaps:
        doc.heading(_("Hvad mangler?"))
        doc.bullets(f"{gap.obj}: {gap.missing}" for gap in gaps)
    return doc.response(slugify(policy.slug or policy.title))


def _goal_line(goal) -> str:
    target = ""
    if goal.target_value is not None:
        target = f" — {number(goal.target_value)} {goal.unit}".rstrip()
        if goal.target_year:
            target += f" ({goal.target_year})"
    return goal.title + target


def action_plan_docx_response(plan: ActionPlan, rows, *, with_budget: bool) -> HttpResponse:
    doc = CaseDocument(title=plan.title, case_number=plan.case_number, dated=plan.dated)
    facts = [
        (_("Sagsnr."), plan.case_number),
        (_("Dokumentnr."), plan.document_number),
        (_("Sagsbehandler"), plan.case_handler),
        (_("Kontor"), plan.office),
        (_("Adresse"), plan.office_address),
        (_("Telefon"), plan.office_phone),
        (_("E-mail"), plan.office_email),
    ]
    doc.table(_("Sagsoplysninger"), [_("Felt"), _("Værdi")], ([k, v] for k, v in facts if v))
    doc.heading(_("Baggrund"))
    doc.paragraph(plan.background)
    if plan.status_of_past_work:
        doc.heading(_("Status på tidligere indsats"))
        for line in plan.status_of_past_work.splitlines():
            doc.paragraph(line)
    doc.heading(_("Indsatsspor og målsætninger"))
    status_labels = dict(TargetStatus.choices)
    for strand, targets in rows:
        doc.heading(f"{strand.number}. {strand.title}", level=2)
        doc.paragraph(strand.description)
        doc.table(
            _("Målsætninger: %(strand)s") % {"strand": strand.title},
            [_("Målsætning"), _("Mål"), _("Frist"), _("Seneste registrering"), _("Status")],
            (
                [
                    target.text,
                    target.range_label or _("ja/nej"),
                    target.deadline.strftime("%d-%m-%Y"),
                    f"{number(latest.value)} ({latest.recorded_on.strftime('%d-%m-%Y')})"
                    if latest
                    else "–",
                    str(status_labels[status]),
                ]
                for target, latest, status, _history in targets
            ),
        )
    if with_budget:
        lines = [line for strand, _targets in rows for line in strand.budget_lines.all()]
        if lines:
            doc.heading(_("Økonomi"))
            doc.table(
                _("Budget"),
                [_("Linje"), _("År"), _("Beløb")],
                ([line.title, str(line.year), kroner(line.amount)] for line in lines),
            )
    return doc.response(slugify(plan.case_number or plan.title))
