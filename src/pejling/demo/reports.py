"""What the status report for 2025 draws on beyond the other parts' records: how the
appropriation of seed 000 was allocated and spent in 2025 and 2026, and the proposed priorities
for 2026 that the coordinator and the policy office wrote beside the 2025 figures (the task
force's focus areas of seed 000, and the barometer of seed 003)."""

from datetime import date
from decimal import Decimal

from pejling.accounts.models import User
from pejling.policy import services as policy
from pejling.policy.models import Appropriation, BudgetLine
from pejling.reports import services
from pejling.reports.models import Priority

YEAR = 2025

PRIORITIES = [
    (
        "koordinator",
        Priority.Section.TASK_FORCE,
        "Flere forældre i skolernes og dagtilbuddenes bestyrelser",
        "Uddannelse og dagtilbud var blandt de felter, der kom flest henvendelser fra. Netværket "
        "“Forældre i bestyrelser” har vist, at personlig invitation og tolkning ved det første "
        "møde får flere forældre med. Task forcen foreslår i 2026 at tilbyde forløbet til fem "
        "skoler og fem dagtilbud i de udsatte boligområder og at samle erfaringerne i "
        "vidensbanken.",
    ),
    (
        "koordinator",
        Priority.Section.TASK_FORCE,
        "Konfliktmægling i boligområderne om aftenen og i weekenden",
        "Konflikthåndtering og mægling tog flest timer, og størstedelen af timerne lå i aftener "
        "og weekender. Task forcen foreslår at aftale faste aftenvagter med to "
        "boligorganisationer og at uddanne beboerrådgivere i konflikthåndtering, så flere "
        "konflikter løses lokalt.",
    ),
    (
        "politik",
        Priority.Section.BAROMETER,
        "Beskæftigelsesgabet mellem etniske minoriteter og majoriteten",
        "Barometeret viser kun begrænset fremgang på beskæftigelsesgabet for de 25-64-årige. "
        "Politikkontoret foreslår, at task forcens arbejde med mangfoldighedsledelse og "
        "rekruttering i 2026 rettes mod virksomheder i brancher med mangel på arbejdskraft, og "
        "at netværket for mangfoldige arbejdspladser får virksomhederne med.",
    ),
    (
        "politik",
        Priority.Section.MONEY,
        "Puljen til lokale integrationsprojekter",
        "Puljen blev næsten brugt fuldt ud i 2025. Politikkontoret foreslår at fastholde "
        "fordelingen af de 10 mio. kr. i 2026 og at gøre puljens ansøgningsfrist fast i "
        "årshjulet, så projekterne kan begynde ved årets start.",
    ),
]


# How the administration splits the appropriation in a year (fictional figures; seed 000 says
# the task force is paid from it, with pay for evening, night and weekend hours).
ALLOCATIONS = [
    ("Task forcen: løn, inkl. tillæg for aften-, nat- og weekendarbejde", Decimal("4200000")),
    ("Task forcen: drift, tolkning og materialer", Decimal("600000")),
    ("Temanetværk, nyhedsbrev og årlig konference", Decimal("400000")),
    ("Pulje til lokale integrationsprojekter", Decimal("3500000")),
]
# The share of a line spent by the end of each quarter, for a whole year and for 2026 so far.
SPENT_BY_QUARTER = {2025: (0.22, 0.26, 0.24, 0.25), 2026: (0.24, 0.27, 0.23)}


def _task_force_budget() -> int:
    appropriation = Appropriation.objects.get(reference="BR 115/2006")
    created = 0
    for year, quarters in SPENT_BY_QUARTER.items():
        if appropriation.budget_lines.filter(year=year).exists():
            continue
        for title, amount in ALLOCATIONS:
            line = policy.save_budget_line(
                actor=None,
                line=BudgetLine(appropriation=appropriation, year=year, title=title, amount=amount),
            )
            for quarter, part in enumerate(quarters):
                policy.record_spending(
                    actor=None,
                    line=line,
                    spent_on=date(year, 3 * quarter + 3, 28),
                    amount=(amount * Decimal(str(part))).quantize(Decimal("1")),
                    text=f"Forbrug {quarter + 1}. kvartal {year}",
                )
            created += 1
    return created


def load() -> dict[str, int]:
    created = {"budget_lines": _task_force_budget(), "priorities": 0}
    if Priority.objects.filter(year=YEAR).exists():
        return created
    for username, section, title, text in PRIORITIES:
        services.save_priority(
            actor=User.objects.get(username=username),
            year=YEAR,
            section=section,
            title=title,
            text=text,
        )
    created["priorities"] = len(PRIORITIES)
    return created
