"""The annual wheel for the current year, as seed 003 describes it ('et årshjul for
integrationsindsatsen, som kobler integrationspolitik og budgetdrøftelser'): the barometer twice
a year, the status report before the budget talks, the budget milestones, the annual status
meeting with chosen mayors, the annual conference, and seed 000's yearly orientation of the
committee about the task force's work and priorities; with committee and network meetings.

Occurrences before today are done, except two left overdue to show what that looks like."""

from django.utils import timezone

from pejling.accounts.models import User
from pejling.annualwheel import services
from pejling.annualwheel.models import Category, Occurrence, RecurringEvent, State

# title, category, rule, responsible username, reminder days (None: the default), description
EVENTS = [
    (
        "Integrationsbarometeret offentliggøres",
        Category.BAROMETER,
        "FREQ=YEARLY;BYMONTH=2,8;BYMONTHDAY=15",
        "analytiker",
        21,
        "Integrationsbarometeret viser to gange om året, hvor langt vi er fra målene i "
        "integrationspolitikken.",
    ),
    (
        "Udvalgenes handleplaner opdateres",
        Category.POLICY,
        "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31",
        "politik",
        None,
        "Fagudvalgene opdaterer deres handleplaner for integrationsindsatsen ud fra "
        "barometerets februarudgave, så de kan indgå i budgetønskerne.",
    ),
    (
        "Budgetønsker til integrationsindsatsen afleveres",
        Category.BUDGET,
        "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30",
        "politik",
        None,
        "Årshjulet kobler integrationspolitik og budgetdrøftelser: forvaltningens "
        "budgetønsker bygger på handleplanerne og barometeret.",
    ),
    (
        "Statusrapport om integrationsindsatsen",
        Category.REPORTING,
        "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15",
        "politik",
        30,
        "Den årlige statusrapport giver mulighed for en årlig integrationsdrøftelse i "
        "Borgerrepræsentationen og ligger før budgetforhandlingerne.",
    ),
    (
        "Budgetforhandlinger",
        Category.BUDGET,
        "FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=28",
        "politik",
        None,
        "Budgetforhandlingerne i slutningen af august og i september; statusrapporten og "
        "integrationsindsatsens budgetønsker indgår.",
    ),
    (
        "Budgettet vedtages i Borgerrepræsentationen",
        Category.BUDGET,
        "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1",
        "politik",
        None,
        "Anden behandling af næste års budget i Borgerrepræsentationen.",
    ),
    (
        "Årligt statusmøde mellem udvalget og udvalgte borgmestre",
        Category.COMMITTEE,
        "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=24",
        "politik",
        None,
        "Beskæftigelses- og Integrationsudvalget og udvalgte borgmestre drøfter, om der er "
        "behov for at ændre udvalgenes handleplaner.",
    ),
    (
        "Møde i Beskæftigelses- og Integrationsudvalget",
        Category.COMMITTEE,
        "FREQ=MONTHLY;BYMONTH=1,2,3,4,5,6,8,9,10,11,12;BYDAY=2WE",
        "politik",
        7,
        "Udvalgets ordinære møde, anden onsdag i måneden undtagen juli.",
    ),
    (
        "Integrationskonference",
        Category.CONFERENCE,
        "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=12",
        "koordinator",
        60,
        "Beskæftigelses- og Integrationsudvalgets årlige integrationskonference.",
    ),
    (
        "Orientering af udvalget om task forcens arbejde og prioriteringer",
        Category.REPORTING,
        "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=9",
        "koordinator",
        None,
        "Beskæftigelses- og Integrationsudvalget orienteres en gang årligt om indsatser og "
        "prioritering af indsatsområder i det kommende år (BIU 201/2006).",
    ),
    (
        "Møde i temanetværkene",
        Category.NETWORK,
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU",
        "koordinator",
        None,
        "Kvartalsvise møder i temanetværkene, hvor aktører deler viden og god praksis.",
    ),
    (
        "Møde i Eksperttænketanken for integration",
        Category.NETWORK,
        "FREQ=YEARLY;BYMONTH=5,11;BYMONTHDAY=20",
        "koordinator",
        None,
        "Eksperttænketanken for integration inddrages aktivt i dialogen om politikken.",
    ),
]

# Left planned although their date has passed: the wheel shows them as overdue.
LEFT_OVERDUE = {"Møde i temanetværkene": 10, "Møde i Eksperttænketanken for integration": 11}


def _result(occurrence: Occurrence) -> dict:
    """What a done occurrence produced, for the few where the demo has something to link."""
    title = occurrence.event.title
    year = occurrence.date.year
    if occurrence.event.category == Category.BAROMETER:
        edition = "februar" if occurrence.date.month == 2 else "august"
        return {
            "result_title": f"Integrationsbarometeret, {edition} {year}",
            "result_url": "/barometer/",
        }
    if title.startswith("Statusrapport"):
        return {"result_title": f"Statusrapport {year} om integrationsindsatsen", "result_url": ""}
    return {}


def load() -> dict[str, int]:
    created = {"events": 0, "occurrences": 0, "done": 0}
    today = timezone.localdate()
    users = {
        user.username: user
        for user in User.objects.filter(username__in=["politik", "koordinator", "analytiker"])
    }
    for title, category, rule, username, reminder_days, description in EVENTS:
        if RecurringEvent.objects.filter(title=title).exists():
            continue
        services.create_event(
            actor=None,
            title=title,
            category=category,
            rule=rule,
            description=description,
            responsible=users.get(username),
            reminder_days=reminder_days,
        )
        created["events"] += 1
    created["occurrences"] = len(services.generate_occurrences(actor=None, year=today.year))
    past = Occurrence.objects.filter(
        date__year=today.year, date__lt=today, state=State.PLANNED
    ).select_related("event", "responsible")
    for occurrence in past:
        if LEFT_OVERDUE.get(occurrence.event.title) == occurrence.date.month:
            continue
        services.complete_occurrence(
            actor=occurrence.responsible, occurrence=occurrence, notes="", **_result(occurrence)
        )
        created["done"] += 1
    _link_policy(today.year)
    return created


def _link_policy(year: int) -> None:
    """The action plans' update points at the policy they serve, through the generic link."""
    from pejling.policy.models import Policy

    policy = Policy.objects.filter(slug="bland-dig-i-byen").first()
    occurrence = Occurrence.objects.filter(
        event__title="Udvalgenes handleplaner opdateres", date__year=year, result_id=""
    ).first()
    if policy is not None and occurrence is not None:
        services.link_result(actor=None, occurrence=occurrence, result=policy)
