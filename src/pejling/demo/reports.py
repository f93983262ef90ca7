"""The proposed priorities for 2026 that the coordinator and the policy office wrote beside the
2025 figures: the task force's focus areas of seed 000, and the barometer of seed 003."""

from pejling.accounts.models import User
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


def load() -> dict[str, int]:
    if Priority.objects.filter(year=YEAR).exists():
        return {"priorities": 0}
    for username, section, title, text in PRIORITIES:
        services.save_priority(
            actor=User.objects.get(username=username),
            year=YEAR,
            section=section,
            title=title,
            text=text,
        )
    return {"priorities": len(PRIORITIES)}
