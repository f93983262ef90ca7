"""The knowledge bank's demo entries, grounded in seed 000 (the task force's tools, its job of
spreading best practice) and the task force's six demo stories.

Some are published and public, some published for staff only, some drafts or in review; one is
built from a closed demo case through the case-to-knowledge service. The published entries went
out through 2025, a month or so apart, so that year's status report counts them.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from pejling.accounts.models import User
from pejling.knowledge import services
from pejling.knowledge.models import Article, Kind, State
from pejling.policy.models import Goal, Guidepost
from pejling.taskforce.models import ActorKind, Case, Field, Status


@dataclass(frozen=True)
class Entry:
    kind: str
    title: str
    summary: str
    body: str
    fields: tuple[str, ...]
    actor_kinds: tuple[str, ...]
    state: str = State.PUBLISHED
    public: bool = False
    serves: tuple[str, ...] = ()  # theme and guidepost titles
    case: str = ""  # title of a demo case it builds on
    by_coordinator: bool = False


ENTRIES = [
    Entry(
        kind=Kind.BEST_PRACTICE,
        title="Kulturmødet på skolen, der tager imod tosprogede elever",
        summary=(
            "Når en skole for første gang skal modtage tosprogede elever, hjælper det at "
            "forberede lærere og pædagoger på kulturmødet og at invitere forældrene tidligt."
        ),
        body=(
            "## Udgangspunktet\n\n"
            "Fordelingspolitikken betyder, at nogle skoler får tosprogede elever for første "
            "gang. Lærerne er usikre på skole-hjem-samarbejdet og på, hvordan de nye elever får "
            "en god skolestart.\n\n"
            "## Sådan gjorde vi\n\n"
            "- Et møde med ledelsen om, hvad skolen allerede gør godt.\n"
            "- Et oplæg for lærere og pædagoger om kulturmødet i klasseværelset.\n"
            "- Et forældremøde med tolk, hvor forældrene selv fortalte om deres forventninger.\n\n"
            "## Det kan andre bruge\n\n"
            "Begynd med forældrene. Et velforberedt forældremøde med tolk gør resten lettere."
        ),
        fields=(Field.EDUCATION,),
        actor_kinds=(ActorKind.SCHOOL,),
        public=True,
        serves=("Bedre præstationer i folkeskolen", "Integration og sprog"),
        case="Skole modtager tosprogede elever for første gang",
    ),
    Entry(
        kind=Kind.GUIDANCE,
        title="Madordninger i daginstitutioner uden særordninger",
        summary=(
            "En fælles madpolitik, som personale og forældre laver sammen, tager hensyn til "
            "børnenes forskellige madvaner, uden at nogen børn spiser for sig selv."
        ),
        body=(
            "## Spørgsmålene\n\n"
            "Må børnene få svinekød? Hvad med faste og højtider? Personalet vil gerne tage "
            "hensyn, men ikke lave særordninger, der skiller børnene ad.\n\n"
            "## Anbefalingen\n\n"
            "1. Lav madpolitikken sammen med forældrebestyrelsen.\n"
            "2. Vælg retter, alle børn kan spise, og sæt alternativer på samme bord.\n"
            "3. Fortæl om madpolitikken på forældremøder og på flere sprog."
        ),
        fields=(Field.EDUCATION, Field.HEALTH),
        actor_kinds=(ActorKind.DAYCARE,),
        public=True,
        serves=("Integration og sprog",),
        case="Spørgsmål om madordning i daginstitution",
    ),
    Entry(
        kind=Kind.METHOD,
        title="Forklar nye udlejningsregler for beboerne",
        summary=(
            "Nye udlejnings- og anvisningsregler skaber uro, hvis beboerne ikke forstår dem. "
            "En arbejdsgruppe med beboerforeningen og dialogmøder med tolk giver ro."
        ),
        body=(
            "## Metoden\n\n"
            "Nedsæt en arbejdsgruppe med boligorganisationen, afdelingsbestyrelsen og "
            "beboerforeningen. Skriv reglerne i et enkelt sprog, og få dem oversat. Hold "
            "dialogmøder om aftenen, hvor beboerne kan stille spørgsmål.\n\n"
            "## Pas på\n\n"
            "Udlejningsreglerne er svære at forklare på andre sprog. Brug eksempler frem for "
            "paragraffer."
        ),
        fields=(Field.HOUSING,),
        actor_kinds=(ActorKind.HOUSING_ASSOCIATION, ActorKind.RESIDENT),
        state=State.IN_REVIEW,
        serves=("En blandet by",),
        case="Boligforening skal indføre nye udlejningsregler",
    ),
    Entry(
        kind=Kind.CASE_STORY,
        title="Miljøformidlere finder vej til beboerne i udsatte boligområder",
        summary=(
            "Task forcen var brobygger mellem Miljøkontrollens miljøformidlere og "
            "afdelingsbestyrelserne, så formidlerne fik kontakt med de lokale beboere."
        ),
        body=(
            "Miljøformidlerprojektet havde brug for kontakter i boligområderne. Task forcen "
            "samlede afdelingsformændene til et netværksmøde på Rådhuset og fulgte op med et "
            "beboermøde i Tingbjerg.\n\n"
            "Erfaringen: forvaltningerne kender ikke hinandens kontakter i boligområderne. Et "
            "fælles netværk sparer tid for alle."
        ),
        fields=(Field.HOUSING,),
        actor_kinds=(ActorKind.ADMINISTRATION, ActorKind.HOUSING_ASSOCIATION),
        state=State.DRAFT,
        serves=("En blandet by",),
        case="Miljøformidlere søger kontakt til beboere i udsatte boligområder",
    ),
    Entry(
        kind=Kind.BEST_PRACTICE,
        title="Flere piger med minoritetsbaggrund i idrætsklubben",
        summary=(
            "Klubber, der vil have flere piger med etnisk minoritetsbaggrund, skal nå "
            "forældrene: gennem skolen, med kvindelige trænere og med åbne træninger."
        ),
        body=(
            "## Det virker\n\n"
            "- Trænere, der besøger skolen og fortæller om klubben.\n"
            "- Åbne træninger, hvor forældrene er velkomne.\n"
            "- Kvindelige trænere og hjælpetrænere.\n\n"
            "## Næste skridt\n\n"
            "Task forcen kan sætte klubben i forbindelse med andre foreninger i netværket."
        ),
        fields=(Field.CULTURE_LEISURE,),
        actor_kinds=(ActorKind.SPORTS_CLUB, ActorKind.ASSOCIATION),
        public=True,
        serves=("En blandet by",),
    ),
    Entry(
        kind=Kind.TOOL,
        title="Værktøj: arbejdspladskampagne om mangfoldighed",
        summary=(
            "En kampagne på arbejdspladsen om mangfoldighedsledelse og rekruttering: "
            "planlægning, oplæg for alle hold og en temadag."
        ),
        body=(
            "## Forløbet\n\n"
            "1. Planlæg kampagnen med ledelsen og tillidsrepræsentanterne.\n"
            "2. Hold oplæg for alle hold, også aften- og nathold.\n"
            "3. Afslut med en temadag, hvor medarbejderne selv fortæller.\n\n"
            "## Resultatet\n\n"
            "Virksomheden fik en rekrutteringsstrategi, der ser mangfoldighed som en ressource."
        ),
        fields=(Field.EMPLOYMENT,),
        actor_kinds=(ActorKind.COMPANY, ActorKind.UNION),
        public=True,
        serves=("Mangfoldig arbejdsplads", "Understøttelse af erhvervslivet"),
        case="Arbejdspladskampagne om mangfoldighed",
    ),
    Entry(
        kind=Kind.METHOD,
        title="Konflikthåndtering i nærområder",
        summary=(
            "Når der er konflikter mellem unge og beboere, mødes parterne med en neutral "
            "mægler fra task forcen og aftaler, hvad hver især gør."
        ),
        body=(
            "Konflikthåndtering er et af task forcens syv værktøjer. Mægleren taler først med "
            "parterne hver for sig og samler dem derefter til et fælles møde. Aftalerne skrives "
            "ned og følges op efter en måned."
        ),
        fields=(Field.SAFETY, Field.HOUSING),
        actor_kinds=(ActorKind.RESIDENT, ActorKind.HOUSING_ASSOCIATION, ActorKind.STREET_WORKERS),
        serves=("En blandet by",),
        by_coordinator=True,
    ),
    Entry(
        kind=Kind.GUIDANCE,
        title="Forældre til tosprogede børn i forældrebestyrelserne",
        summary=(
            "Sådan sikrer skoler og daginstitutioner, at også tosprogede børns forældre bliver "
            "repræsenteret i skolebestyrelser og forældrebestyrelser."
        ),
        body=(
            "- Fortæl på forældremøderne, hvad en bestyrelse laver, og hvorfor den har brug for "
            "alle forældres stemmer.\n"
            "- Spørg forældrene personligt, om de vil stille op.\n"
            "- Hold møder på tidspunkter, hvor forældre med skifteholdsarbejde kan komme.\n"
            "- Tilbyd tolk ved de første møder."
        ),
        fields=(Field.EDUCATION,),
        actor_kinds=(ActorKind.SCHOOL, ActorKind.DAYCARE),
        public=True,
        serves=("Integration og sprog",),
    ),
    Entry(
        kind=Kind.TOOL,
        title="De syv redskaber i task forcens værktøjskasse",
        summary=(
            "Rådgivning, oprettelse af netværk, konferencer og temadage, kampagnestøtte, oplæg, "
            "deltagelse i arbejdsgrupper og konflikthåndtering i nærområder."
        ),
        body=(
            "Task forcen hjælper institutioner, forvaltninger, boligorganisationer, foreninger "
            "og virksomheder med at gøre integrationspolitikken til daglig praksis. Hvert "
            "redskab er beskrevet med eksempler i vidensbanken."
        ),
        fields=tuple(Field.values),
        actor_kinds=(),
        public=True,
        by_coordinator=True,
    ),
    Entry(
        kind=Kind.GUIDANCE,
        title="Sådan bruger du vidensbanken",
        summary=(
            "Vidensbanken samler task forcens erfaringer, så gode metoder og eksempler kan "
            "bruges igen. Rådgiverne skriver, koordinatoren godkender."
        ),
        body=(
            "## Hvem skriver\n\n"
            "Rådgiverne skriver opslag, ofte ud fra en afsluttet sag. Koordinatoren godkender og "
            "udgiver.\n\n"
            "## Offentlige opslag\n\n"
            "Udgivne opslag kan gøres offentlige, så alle kan læse dem uden login. Det er "
            "sådan, task forcen udbreder god praksis."
        ),
        fields=(),
        actor_kinds=(),
        by_coordinator=True,
    ),
    Entry(
        kind=Kind.BEST_PRACTICE,
        title="Tema-netværk for aktører, der kan lære af hinanden",
        summary=(
            "Et tema-netværk samler fx forældrebestyrelser eller virksomheder om ét tema, så de "
            "deler viden og erfaringer."
        ),
        body=(
            "Task forcen har overblik over integrationsprojekterne i kommunen og kan oprette "
            "netværk for aktører, der har glæde af hinandens viden. Hold netværket lille, mød "
            "jer fast, og del opslag fra vidensbanken."
        ),
        fields=(Field.EMPLOYMENT, Field.EDUCATION),
        actor_kinds=(ActorKind.ASSOCIATION, ActorKind.COMPANY),
        state=State.IN_REVIEW,
    ),
    Entry(
        kind=Kind.CASE_STORY,
        title="Sundhedsoplysning på flere sprog",
        summary=(
            "En sundhedsplejerske og en kulturformidler holdt cafémøder for mødre i "
            "boligområdet om kost, motion og forebyggende undersøgelser."
        ),
        body=(
            "Cafémøderne blev holdt på dansk med tolkning til arabisk og somali. Mødrene "
            "foreslog selv emnerne, og flere kom med deres veninder næste gang."
        ),
        fields=(Field.HEALTH,),
        actor_kinds=(ActorKind.MUNICIPAL_INSTITUTION,),
        state=State.DRAFT,
    ),
]

# The closed demo case that becomes best practice through the case-to-knowledge service.
FROM_CASE = "Spørgsmål om madordning i daginstitution"


def _links(entry: Entry) -> dict:
    goals = Goal.objects.filter(theme__title__in=entry.serves) if entry.serves else []
    guideposts = Guidepost.objects.filter(title__in=entry.serves) if entry.serves else []
    cases = Case.objects.filter(title=entry.case) if entry.case else []
    return {"goals": list(goals), "guideposts": list(guideposts), "cases": list(cases)}


def _publish(article: Article, *, author: User, coordinator: User, public: bool) -> Article:
    article = services.move_article(actor=author, article=article, state=State.IN_REVIEW)
    article = services.move_article(actor=coordinator, article=article, state=State.PUBLISHED)
    if public:
        article = services.set_public(actor=coordinator, article=article, is_public=True)
    return article


def _published_on(article: Article, when: datetime) -> None:
    """Date the demo's publication as it happened, not at the moment the demo loads."""
    Article.objects.filter(pk=article.pk).update(published_at=when)


def load() -> dict[str, int]:
    if Article.objects.exists():
        return {"articles": 0}
    advisor = User.objects.get(username="raadgiver")
    coordinator = User.objects.get(username="koordinator")
    created = 0
    for entry in ENTRIES:
        author = coordinator if entry.by_coordinator else advisor
        article = services.create_article(
            actor=author,
            kind=entry.kind,
            title=entry.title,
            summary=entry.summary,
            body=entry.body,
            fields=entry.fields,
            actor_kinds=entry.actor_kinds,
            **_links(entry),
        )
        if entry.state == State.IN_REVIEW:
            services.move_article(actor=author, article=article, state=State.IN_REVIEW)
        elif entry.state == State.PUBLISHED:
            article = _publish(article, author=author, coordinator=coordinator, public=entry.public)
            month = min(11, 2 + created)
            _published_on(article, timezone.make_aware(datetime(2025, month, 3, 10)))
        created += 1
    case = Case.objects.filter(title=FROM_CASE, status=Status.CLOSED).first()
    if case is not None:
        article = services.article_from_case(actor=advisor, case=case)
        article = services.update_article(
            actor=advisor,
            article=article,
            kind=Kind.CASE_STORY,
            title="Børnehuset Solsikkens fælles madpolitik",
            note="Titel og slags tilpasset",
        )
        _publish(article, author=advisor, coordinator=coordinator, public=False)
        if case.closed_at is not None:
            _published_on(article, case.closed_at + timedelta(days=14))
        created += 1
    return {"articles": created}
