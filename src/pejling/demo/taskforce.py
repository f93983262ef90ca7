"""Requests and cases drawn from what seeds 000 and 002 describe, spread over three years.

The six stories the seeds name (a school receiving bilingual pupils for the first time, a
day-care's meal arrangements, a housing association's new letting rules, Teknik- og
Miljøforvaltningen's environmental communicators in vulnerable housing areas, a sports club,
a workplace campaign) are told in full; around them, a deterministic spread of further
requests gives the overviews something to count. Every person named here is fictional.

The cases carry the dates they would have had: each is answered, worked and closed on days
after it arrived (most first answers within the deadline, some late), not on the day the demo
is loaded, so a year's report counts closed cases, response times and hours.
"""

import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Max
from django.utils import timezone

from pejling.accounts.models import Administration, User
from pejling.lib.workdays import add_working_days
from pejling.policy.models import Guidepost, Theme
from pejling.taskforce import services
from pejling.taskforce.models import (
    ActivityKind,
    ActorKind,
    Assignment,
    BarrierKind,
    Case,
    CaseEvent,
    Door,
    Field,
    OutcomeKind,
)
from pejling.taskforce.vocabularies import ensure_defaults


@dataclass(frozen=True)
class Story:
    title: str
    description: str
    field: str
    actor_kind: str
    organisation: str
    door: str
    administration: str | None
    contact: str
    received: date
    activities: tuple  # (kind, day offset, start hour, end hour, place, participants, notes)
    barrier: tuple | None  # (text, kind name)
    outcome: tuple | None  # (kind name, text) — closed when given
    pending_question: str = ""
    # The policy chain: the 2011-2014 themes and the 2022 guideposts the case serves, by title.
    serves: tuple[str, ...] = ()


STORIES = [
    Story(
        title="Skole modtager tosprogede elever for første gang",
        serves=("Bedre præstationer i folkeskolen", "Integration og sprog"),
        description=(
            "Efter den nye fordelingspolitik skal skolen fra august modtage 14 tosprogede "
            "elever. Lærerne har ikke tidligere haft tosprogede elever og ønsker hjælp til at "
            "forberede kulturmødet og skole-hjem-samarbejdet, så de nye elever får en god "
            "skolestart."
        ),
        field=Field.EDUCATION,
        actor_kind=ActorKind.SCHOOL,
        organisation="Valby Skole (fiktiv)",
        door=Door.CONTACT_PERSON,
        administration="BUF",
        contact="Hanne Fiktivsen",
        received=date(2024, 3, 4),
        activities=(
            (ActivityKind.ADVICE, 3, 9, 11, "Skolens personalerum", 6, "Møde med ledelsen."),
            (ActivityKind.TALK, 17, 15, 18, "Skolens aula", 38, "Oplæg for lærere og pædagoger."),
            (ActivityKind.ADVICE, 40, 19, 21, "Skolens bibliotek", 22, "Forældremøde med tolk."),
        ),
        barrier=(
            "Forældre til tosprogede elever stiller ikke op til skolebestyrelsen",
            "Manglende inddragelse af borgere og forældre",
        ),
        outcome=("Viden og metode givet videre", "Skolen har en plan for modtagelse."),
    ),
    Story(
        title="Spørgsmål om madordning i daginstitution",
        serves=("Integration og sprog",),
        description=(
            "Flere forældre har spurgt til madordningen, og personalet er usikre på, hvordan "
            "de tager hensyn til børnenes forskellige madvaner uden at lave særordninger."
        ),
        field=Field.EDUCATION,
        actor_kind=ActorKind.DAYCARE,
        organisation="Børnehuset Solsikken (fiktiv)",
        door=Door.PUBLIC,
        administration=None,
        contact="Per Eksempelsen",
        received=date(2024, 9, 16),
        activities=((ActivityKind.ADVICE, 5, 13, 15, "Institutionen", 8, "Personalemøde."),),
        barrier=None,
        outcome=("Løst", "Institutionen har en fælles madpolitik, forældrene er inddraget."),
    ),
    Story(
        title="Boligforening skal indføre nye udlejningsregler",
        serves=("En blandet by",),
        description=(
            "Afdelingen skal indføre nye udlejnings- og anvisningsregler og ønsker hjælp til at "
            "forklare reglerne for beboerne og forbedre samarbejdet med beboerforeningen."
        ),
        field=Field.HOUSING,
        actor_kind=ActorKind.HOUSING_ASSOCIATION,
        organisation="Boligselskabet Fælleshaven, afd. 3 (fiktiv)",
        door=Door.PUBLIC,
        administration=None,
        contact="Lone Prøvesen",
        received=date(2025, 2, 10),
        activities=(
            (ActivityKind.WORKING_GROUP, 4, 17, 19, "Beboerhuset", 12, "Styregruppemøde."),
            (ActivityKind.MEDIATION, 21, 18, 21, "Beboerhuset", 30, "Dialogmøde med beboerne."),
        ),
        barrier=(
            "Udlejningsreglerne er svære at forklare på andre sprog",
            "Sprog og kommunikation",
        ),
        outcome=None,
    ),
    Story(
        title="Miljøformidlere søger kontakt til beboere i udsatte boligområder",
        serves=("En blandet by",),
        description=(
            "Miljøkontrollens miljøformidlerprojekt videreføres og har brug for støtte til at "
            "opnå kontakt med lokale beboere og afdelingsbestyrelser i udsatte boligområder. "
            "Task forcen bedes være brobygger."
        ),
        field=Field.HOUSING,
        actor_kind=ActorKind.ADMINISTRATION,
        organisation="Teknik- og Miljøforvaltningen, Miljøkontrollen",
        door=Door.CONTACT_PERSON,
        administration="TMF",
        contact="Lars Petersen",
        received=date(2025, 5, 5),
        activities=(
            (ActivityKind.NETWORK, 7, 10, 12, "Rådhuset", 9, "Netværksmøde med afdelingsformænd."),
            (ActivityKind.NETWORK, 30, 18, 20, "Beboerhus i Tingbjerg", 15, "Beboermøde."),
        ),
        barrier=(
            "Forvaltningerne kender ikke hinandens kontakter i boligområderne",
            "Samarbejde mellem forvaltninger",
        ),
        outcome=None,
    ),
    Story(
        title="Idrætsklub vil have flere piger med etnisk minoritetsbaggrund",
        serves=("En blandet by",),
        description=(
            "Klubben vil gerne have flere piger med etnisk minoritetsbaggrund til at spille "
            "fodbold og spørger, hvordan de når forældrene."
        ),
        field=Field.CULTURE_LEISURE,
        actor_kind=ActorKind.SPORTS_CLUB,
        organisation="Boldklubben Nordvest (fiktiv)",
        door=Door.PUBLIC,
        administration=None,
        contact="Ali Opdigtet",
        received=date(2026, 10, 26),
        activities=(),
        barrier=None,
        outcome=None,
        pending_question=(
            "Hvilke aldersgrupper drejer det sig om, og har I trænere, der kan være med?"
        ),
    ),
    Story(
        title="Arbejdspladskampagne om mangfoldighed",
        serves=(
            "Mangfoldig arbejdsplads",
            "Understøttelse af erhvervslivet",
            "Fremtidens arbejdsmarked",
        ),
        description=(
            "Task forcen støtter en kampagne på en større arbejdsplads om mangfoldighedsledelse "
            "og rekruttering."
        ),
        field=Field.EMPLOYMENT,
        actor_kind=ActorKind.COMPANY,
        organisation="Havnens Logistik A/S (fiktiv)",
        door=Door.OUTREACH,
        administration=None,
        contact="",
        received=date(2025, 10, 6),
        activities=(
            (ActivityKind.CAMPAIGN, 2, 14, 16, "Virksomheden", 25, "Planlægning."),
            (ActivityKind.TALK, 9, 21, 23, "Kantinen, aftenhold", 40, "Oplæg for aftenholdet."),
            (ActivityKind.EVENT, 26, 10, 15, "Virksomheden", 120, "Temadag (lørdag)."),
        ),
        barrier=None,
        outcome=("Løst", "Virksomheden har en rekrutteringsstrategi."),
    ),
]

SPREAD_TITLES = [
    ("Konflikt mellem unge og beboere i gården", Field.SAFETY, ActorKind.RESIDENT),
    ("Forældresamarbejde i 0. klasse", Field.EDUCATION, ActorKind.SCHOOL),
    ("Netværk for mentorer i foreningslivet", Field.CULTURE_LEISURE, ActorKind.ASSOCIATION),
    ("Sundhedsoplysning på flere sprog", Field.HEALTH, ActorKind.MUNICIPAL_INSTITUTION),
    ("Rekruttering af praktikanter", Field.EMPLOYMENT, ActorKind.COMPANY),
    ("Fagforening vil styrke tillidsrepræsentanter", Field.EMPLOYMENT, ActorKind.UNION),
    ("Tryghedsvandring i boligområdet", Field.SAFETY, ActorKind.HOUSING_ASSOCIATION),
    ("Temadag om ligebehandling i dagtilbud", Field.EDUCATION, ActorKind.DAYCARE),
]


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


# The times the services take from the clock when a case moves.
STAMPED = ("first_responded_at", "closed_at", "pending_since")


@contextmanager
def _dated(case: Case, moment: datetime):
    """Date what the services do to ``case`` in the block at ``moment`` (never later than now)
    instead of at the moment the demo is loaded: the case's status times, its timeline and its
    new assignments. The audit log keeps the real time of loading."""
    moment = min(moment, timezone.now())
    before = Case.objects.values(*STAMPED).get(pk=case.pk)
    last_event = CaseEvent.objects.aggregate(last=Max("pk"))["last"] or 0
    last_assignment = Assignment.objects.aggregate(last=Max("pk"))["last"] or 0
    yield
    after = Case.objects.values(*STAMPED).get(pk=case.pk)
    changed = {name: moment for name in STAMPED if after[name] and after[name] != before[name]}
    if changed:
        Case.objects.filter(pk=case.pk).update(**changed)
    CaseEvent.objects.filter(case=case, pk__gt=last_event).update(at=moment)
    Assignment.objects.filter(case=case, pk__gt=last_assignment).update(assigned_at=moment)


def _received(case: Case) -> None:
    """The request's first lines (and an outreach case's advisor) dated when it arrived."""
    CaseEvent.objects.filter(case=case).update(at=case.received_at)
    Assignment.objects.filter(case=case).update(assigned_at=case.received_at)


def _answered_on(case: Case, working_days: int) -> datetime:
    """The first answer ``working_days`` working days after a request arrived (0: two hours
    after)."""
    if working_days == 0:
        return case.received_at + timedelta(hours=2)
    day = timezone.localtime(case.received_at).date()
    return _at(add_working_days(day, working_days), 9)


def _closed_on(received: date, activity_days: list[date], after: int) -> datetime:
    """A case is closed ``after`` days after its last activity (or after it arrived)."""
    return _at(max([received, *activity_days]) + timedelta(days=after), 14)


def load() -> dict[str, int]:
    if Case.objects.exists():
        return {"cases": 0}
    # A flushed test database has lost the migration's words: the stories need them.
    ensure_defaults()
    coordinator = User.objects.get(username="koordinator")
    advisor = User.objects.get(username="raadgiver")
    contact = User.objects.get(username="kontakt")
    created = 0
    for story in STORIES:
        _tell(story, coordinator=coordinator, advisor=advisor, contact=contact)
        created += 1
    created += _spread(coordinator=coordinator, advisor=advisor)
    # One fresh request, untouched, so the coordinator's board has something new.
    services.receive_case(
        actor=None,
        door=Door.PUBLIC,
        title="Beboerforening ønsker oplæg om nabofællesskab",
        description="Vi vil gerne have et oplæg på vores generalforsamling om fællesskab på tværs.",
        field=Field.HOUSING,
        actor_kind=ActorKind.HOUSING_ASSOCIATION,
        organisation="Beboerforeningen Lærkehøj (fiktiv)",
        contact_name="Mette Tænktsen",
        contact_email="mette.taenktsen@example.org",
    )
    return {"cases": created + 1}


def _sender(story: Story, administration, *, advisor: User, contact: User) -> User | None:
    if story.door == Door.OUTREACH:
        return advisor
    if story.door == Door.CONTACT_PERSON and contact.administration_id == administration.pk:
        return contact
    return None


def _tell(story: Story, *, coordinator: User, advisor: User, contact: User) -> Case:
    administration = (
        Administration.objects.get(short_name=story.administration)
        if story.administration
        else None
    )
    case = services.receive_case(
        actor=_sender(story, administration, advisor=advisor, contact=contact),
        door=story.door,
        title=story.title,
        description=story.description,
        field=story.field,
        actor_kind=story.actor_kind,
        organisation=story.organisation,
        contact_name=story.contact,
        contact_email=(story.contact.split()[0].lower() + "@example.org") if story.contact else "",
        administration=administration,
        received_at=_at(story.received),
    )
    _received(case)
    if story.serves:
        services.set_policy_links(
            actor=coordinator,
            case=case,
            themes=Theme.objects.filter(title__in=story.serves),
            guideposts=Guidepost.objects.filter(title__in=story.serves),
        )
    # The stories are answered the next working day, within the deadline.
    answered = _answered_on(case, 1)
    if story.pending_question:
        with _dated(case, answered):
            services.ask_for_information(
                actor=coordinator, case=case, question=story.pending_question
            )
        return case
    if story.door != Door.OUTREACH:
        with _dated(case, answered):
            case = services.assign(actor=coordinator, case=case, advisors=[advisor])
    days = []
    for kind, offset, start, end, place, participants, notes in story.activities:
        day = story.received + timedelta(days=offset)
        days.append(day)
        with _dated(case, _at(day, end)):
            services.add_activity(
                actor=advisor,
                case=case,
                kind=kind,
                advisor=advisor,
                date=day,
                starts_at=time(start),
                ends_at=time(end),
                place=place,
                participants=participants,
                notes=notes,
            )
    if story.barrier:
        text, kind_name = story.barrier
        recorded_on = story.received + timedelta(days=14)
        with _dated(case, _at(recorded_on, 15)):
            services.record_barrier(
                actor=advisor,
                text=text,
                field=story.field,
                kind=BarrierKind.objects.get(name=kind_name),
                administration=administration,
                cases=[case],
                recorded_on=recorded_on,
            )
    if story.outcome:
        kind_name, text = story.outcome
        with _dated(case, _closed_on(story.received, days, 7)):
            case = services.close(
                actor=advisor,
                case=case,
                outcome=OutcomeKind.objects.get(name=kind_name),
                text=text,
            )
    else:
        services.add_follow_up(
            actor=advisor,
            case=case,
            due_on=timezone.localdate() + timedelta(days=7),
            note="Følg op på aftalerne fra sidste møde.",
            advisor=advisor,
        )
    return case


def _spread(*, coordinator: User, advisor: User) -> int:
    """Further requests over 2023-2026, the same every time (fixed seeds)."""
    rng = random.Random(2006)  # noqa: S311 (demo data, not security)
    # The dates draw from a generator of their own, so the requests stay what they were.
    timing = random.Random(2025)  # noqa: S311
    # Working days to the first answer, in turn; the deadline is three, so two in eight are
    # late (one of them in each year).
    answer_days = [1, 0, 2, 1, 5, 3, 1, 6]
    administrations = list(Administration.objects.all())
    outcomes = list(OutcomeKind.objects.all())
    kinds = list(ActivityKind)
    count = 0
    for month in range(0, 40, 2):
        received = date(2023, 1, 9) + timedelta(days=30 * month)
        title, field, actor_kind = SPREAD_TITLES[month // 2 % len(SPREAD_TITLES)]
        door = rng.choice([Door.PUBLIC, Door.CONTACT_PERSON, Door.OUTREACH])
        case = services.receive_case(
            actor=advisor if door == Door.OUTREACH else None,
            door=door,
            title=title,
            description="Henvendelse i demodata: " + title.lower() + ".",
            field=field,
            actor_kind=actor_kind,
            organisation="",
            administration=rng.choice(administrations) if door == Door.CONTACT_PERSON else None,
            received_at=_at(received, rng.choice([9, 11, 14])),
        )
        _received(case)
        count += 1
        if door != Door.OUTREACH:
            with _dated(case, _answered_on(case, answer_days[count % len(answer_days)])):
                case = services.assign(actor=coordinator, case=case, advisors=[advisor])
        days = []
        for n in range(rng.randint(1, 4)):
            start = rng.choice([9, 13, 16, 18])
            day = received + timedelta(days=7 * (n + 1))
            days.append(day)
            kind = rng.choice(kinds)
            end = start + rng.choice([1, 2, 3])
            with _dated(case, _at(day, end)):
                services.add_activity(
                    actor=advisor,
                    case=case,
                    kind=kind,
                    advisor=advisor,
                    date=day,
                    starts_at=time(start),
                    ends_at=time(end),
                    place="",
                    participants=rng.randint(2, 40),
                )
        if received < date(2026, 6, 1):
            outcome = rng.choice(outcomes)
            with _dated(case, _closed_on(received, days, timing.randint(3, 30))):
                services.close(actor=advisor, case=case, outcome=outcome)
    return count
