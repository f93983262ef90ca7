"""The task force's network: the actors of the task-force demo stories and the Integration
Council, fictional persons with roles in them, two theme networks (parents' boards, workplace
diversity), the seven administrations as organisations with a contact person in each (in
Teknik- og Miljøforvaltningen the demo user 'kontakt'), contact-person meetings with two
administrations (two of them still to come) and a proposal, the knowledge bank's entries each
theme network shares, a few confirmed subscribers and one sent newsletter issue in
the public archive. Every person is fictional."""

from datetime import date, datetime, time

from django.core.mail import get_connection
from django.utils import timezone

from pejling.accounts.models import Administration, User
from pejling.core import crud
from pejling.knowledge.models import Article
from pejling.network import services
from pejling.network.models import (
    CONTACT_PERSON_ROLE,
    ContactMeeting,
    Network,
    NewsletterIssue,
    Organisation,
    OrganisationKind,
    Person,
    Proposal,
    Subscriber,
)
from pejling.taskforce.models import Barrier, Case

# name, kind, administration short name, district
ORGANISATIONS = [
    ("Valby Skole (fiktiv)", OrganisationKind.SCHOOL, "BUF", "Valby"),
    ("Børnehuset Solsikken (fiktiv)", OrganisationKind.DAYCARE, "BUF", "Bispebjerg"),
    ("Boligselskabet Fælleshaven, afd. 3 (fiktiv)", OrganisationKind.HOUSING_ASSOCIATION, None,
     "Nørrebro"),
    ("Beboerforeningen Lærkehøj (fiktiv)", OrganisationKind.RESIDENTS_BOARD, None, "Amager Øst"),
    ("Teknik- og Miljøforvaltningen", OrganisationKind.ADMINISTRATION, "TMF", ""),
    ("Børne- og Ungdomsforvaltningen", OrganisationKind.ADMINISTRATION, "BUF", ""),
    ("Boldklubben Nordvest (fiktiv)", OrganisationKind.SPORTS_CLUB, None, "Bispebjerg"),
    ("Havnens Logistik A/S (fiktiv)", OrganisationKind.COMPANY, None, "Østerbro"),
    ("Fagforeningen Fællesskab (fiktiv)", OrganisationKind.UNION, None, ""),
    ("Integrationsrådet", OrganisationKind.INTEGRATION_COUNCIL, None, ""),
]  # fmt: skip

# name, e-mail local part, organisation, role, since
PERSONS = [
    ("Hanne Fiktivsen", "hanne.fiktivsen", "Valby Skole (fiktiv)", "Skoleleder", date(2019, 8, 1)),
    ("Yusuf Demirsen", "yusuf.demirsen", "Valby Skole (fiktiv)",
     "Formand for skolebestyrelsen", date(2023, 5, 1)),
    ("Birgitte Opdigtsen", "birgitte.opdigtsen", "Børnehuset Solsikken (fiktiv)",
     "Institutionsleder", date(2016, 1, 1)),
    ("Amal Hassansen", "amal.hassansen", "Børnehuset Solsikken (fiktiv)",
     "Forældrerådsmedlem", date(2024, 2, 1)),
    ("Jens Påfundsen", "jens.paafundsen", "Boligselskabet Fælleshaven, afd. 3 (fiktiv)",
     "Boligsocial medarbejder", date(2020, 3, 1)),
    ("Fatima Eksempelsen", "fatima.eksempelsen", "Beboerforeningen Lærkehøj (fiktiv)",
     "Formand", date(2022, 4, 1)),
    ("Ole Tænktsen", "ole.taenktsen", "Boldklubben Nordvest (fiktiv)",
     "Ungdomsformand", date(2018, 1, 1)),
    ("Mette Prøvesen", "mette.proevesen", "Havnens Logistik A/S (fiktiv)",
     "HR-chef", date(2021, 9, 1)),
    ("Karsten Demosen", "karsten.demosen", "Fagforeningen Fællesskab (fiktiv)",
     "Faglig sekretær", date(2017, 6, 1)),
    ("Leila Modelsen", "leila.modelsen", "Integrationsrådet", "Næstformand", date(2022, 1, 1)),
]  # fmt: skip

# slug, name, theme, description, member persons, member organisations
NETWORKS = [
    (
        "foraeldrebestyrelser",
        "Forældre i bestyrelser",
        "Forældres repræsentation i skole- og institutionsbestyrelser",
        "Skoler, dagtilbud og forældre deler erfaringer med at få forældre med anden etnisk "
        "baggrund end dansk med i bestyrelser og forældreråd.",
        ["Yusuf Demirsen", "Amal Hassansen", "Hanne Fiktivsen"],
        ["Valby Skole (fiktiv)", "Børnehuset Solsikken (fiktiv)"],
    ),
    (
        "mangfoldighed-paa-arbejdspladsen",
        "Mangfoldighed på arbejdspladsen",
        "Mangfoldighedsledelse og rekruttering",
        "Virksomheder, fagforeninger og kommunale arbejdspladser udveksler metoder til "
        "mangfoldighedsledelse, rekruttering og forebyggelse af diskrimination.",
        ["Mette Prøvesen", "Karsten Demosen"],
        ["Havnens Logistik A/S (fiktiv)", "Fagforeningen Fællesskab (fiktiv)"],
    ),
]

# Each administration's contact person: administration short name, name, e-mail local part,
# since. Lars Petersen is the demo user 'kontakt'.
CONTACT_ROLE = CONTACT_PERSON_ROLE
CONTACT_PERSONS = [
    ("BIF", "Nadia Fiktivsen", "nadia.fiktivsen", date(2021, 2, 1)),
    ("BUF", "Henrik Opdigtsen", "henrik.opdigtsen", date(2020, 9, 1)),
    ("KFF", "Camilla Påfundsen", "camilla.paafundsen", date(2022, 1, 1)),
    ("SOF", "Omar Eksempelsen", "omar.eksempelsen", date(2019, 5, 1)),
    ("SUF", "Lone Demosen", "lone.demosen", date(2023, 3, 1)),
    ("TMF", "Lars Petersen", "lars.petersen", date(2020, 1, 1)),
    ("ØKF", "Rasmus Modelsen", "rasmus.modelsen", date(2024, 8, 1)),
]

# administration, day, agenda, minutes, decisions, follow-ups (text, responsible, due)
MEETINGS = [
    (
        "TMF",
        date(2025, 9, 15),
        "1. Nyt fra task forcen\n2. Miljøformidlere i udsatte boligområder\n3. Eventuelt",
        "Task forcen orienterede om aktiviteterne i andet kvartal. Kontaktpersonen fortalte om "
        "erfaringerne med miljøformidlerne i boligområderne.",
        "Task forcen holder oplæg for miljøformidlerne i efteråret.",
        [("Aftale dato for oplæg for miljøformidlerne", "Koordinatoren", date(2025, 10, 1))],
    ),
    (
        "TMF",
        date(2026, 3, 9),
        "1. Opfølgning på oplægget\n2. Forslag til indsatsområder 2027\n3. Eventuelt",
        "Oplægget blev godt modtaget. Kontaktpersonen fremlagde et forslag til et nyt "
        "indsatsområde om kommunikation med beboere.",
        "Forslaget drøftes på task forcens planlægningsmøde.",
        [("Sende forslaget videre til planlægningsmødet", "Kontaktpersonen", date(2026, 3, 31))],
    ),
    (
        "BUF",
        date(2025, 11, 3),
        "1. Nyt fra task forcen\n2. Skoler, der modtager tosprogede elever\n3. Eventuelt",
        "Drøftelse af erfaringerne fra Valby Skole og behovet for et fast forløb for skoler, "
        "der modtager tosprogede elever for første gang.",
        "Task forcen beskriver forløbet som god praksis i vidensbanken.",
        [],
    ),
    # Planned meetings: an agenda, no minutes yet.
    (
        "TMF",
        date(2027, 1, 18),
        "1. Nyt fra task forcen\n2. Status på forslaget om klar kommunikation med beboere\n"
        "3. Eventuelt",
        "",
        "",
        [],
    ),
    (
        "BUF",
        date(2027, 2, 8),
        "1. Nyt fra task forcen\n2. Netværket for forældre i bestyrelser\n3. Eventuelt",
        "",
        "",
        [],
    ),
]

# The knowledge bank's published entries each theme network shares (network slug → titles).
SHARED_ENTRIES = {
    "foraeldrebestyrelser": [
        "Forældre til tosprogede børn i forældrebestyrelserne",
        "Kulturmødet på skolen, der tager imod tosprogede elever",
        "Madordninger i daginstitutioner uden særordninger",
    ],
    "mangfoldighed-paa-arbejdspladsen": [
        "Værktøj: arbejdspladskampagne om mangfoldighed",
        "De syv redskaber i task forcens værktøjskasse",
    ],
}

# The recent public entries the demo's newsletter issue brings.
NEWSLETTER_ENTRIES = [
    "Forældre til tosprogede børn i forældrebestyrelserne",
    "Kulturmødet på skolen, der tager imod tosprogede elever",
    "Værktøj: arbejdspladskampagne om mangfoldighed",
]

SUBSCRIBERS = [
    ("nyhedsbrev.laeser@example.org", "Sara Læsesen"),
    ("integration.fan@example.org", "Ahmed Abonnentsen"),
    ("skole.netvaerk@example.org", ""),
]


def _published(titles: list[str], *, public: bool = False) -> list[Article]:
    """The entries with these titles that are published (and public, if asked), in that order."""
    entries = Article.objects.published().filter(title__in=titles)
    if public:
        entries = entries.filter(is_public=True)
    by_title = {entry.title: entry for entry in entries}
    return [by_title[title] for title in titles if title in by_title]


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def load() -> dict[str, int]:
    coordinator = User.objects.get(username="koordinator")
    contact = User.objects.get(username="kontakt")
    administrations = {a.short_name: a for a in Administration.objects.all()}
    created = {
        "contact_persons": 0,
        "organisations": 0,
        "persons": 0,
        "networks": 0,
        "shared_entries": 0,
        "meetings": 0,
        "proposals": 0,
        "subscribers": 0,
        "newsletter_issues": 0,
    }
    organisations = {}
    for name, kind, short, district in ORGANISATIONS:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            organisation = services.create_organisation(
                actor=coordinator,
                name=name,
                kind=kind,
                administration=administrations.get(short) if short else None,
                district=district,
            )
            created["organisations"] += 1
        organisations[name] = organisation
    for short, name, local, since in CONTACT_PERSONS:
        administration = administrations.get(short)
        if administration is None:
            continue
        organisation = Organisation.objects.filter(
            kind=OrganisationKind.ADMINISTRATION, administration=administration
        ).first()
        if organisation is None:
            organisation = services.create_organisation(
                actor=coordinator,
                name=administration.name,
                kind=OrganisationKind.ADMINISTRATION,
                administration=administration,
            )
            created["organisations"] += 1
        if organisation.memberships.filter(role=CONTACT_ROLE).exists():
            continue
        person = Person.objects.filter(name=name).first() or services.create_person(
            actor=coordinator, name=name, email=f"{local}@example.org"
        )
        services.add_membership(
            actor=coordinator,
            person=person,
            organisation=organisation,
            role=CONTACT_ROLE,
            starts_on=since,
        )
        created["contact_persons"] += 1
    persons = {}
    for name, local, organisation_name, role, since in PERSONS:
        person = Person.objects.filter(name=name).first()
        if person is None:
            person = services.create_person(
                actor=coordinator, name=name, email=f"{local}@example.org"
            )
            services.add_membership(
                actor=coordinator,
                person=person,
                organisation=organisations[organisation_name],
                role=role,
                starts_on=since,
            )
            created["persons"] += 1
        persons[name] = person
    for slug, name, theme, description, member_persons, member_organisations in NETWORKS:
        network = Network.objects.filter(slug=slug).first()
        if network is not None:
            # A network loaded before the knowledge bank existed gets its shares now.
            shared = _published(SHARED_ENTRIES[slug])
            if shared and not network.shared_articles.exists():
                services.share_articles(actor=coordinator, network=network, articles=shared)
                created["shared_entries"] += len(shared)
            continue
        network = services.create_network(
            actor=coordinator, slug=slug, name=name, theme=theme, description=description
        )
        for person_name in member_persons:
            services.add_network_member(
                actor=coordinator, network=network, person=persons[person_name],
                joined_on=date(2025, 1, 15),
            )  # fmt: skip
        for organisation_name in member_organisations:
            services.add_network_member(
                actor=coordinator, network=network,
                organisation=organisations[organisation_name], joined_on=date(2025, 1, 15),
            )  # fmt: skip
        services.add_network_meeting(
            actor=coordinator,
            network=network,
            held_on=date(2025, 10, 22),
            place="Rådhuset, mødelokale 3",
            agenda="1. Præsentation af medlemmerne\n2. Erfaringsudveksling\n3. Næste møde",
            minutes="Medlemmerne delte erfaringer og aftalte at mødes igen i foråret.",
        )
        shared = _published(SHARED_ENTRIES[slug])
        if shared:
            services.share_articles(actor=coordinator, network=network, articles=shared)
            created["shared_entries"] += len(shared)
        created["networks"] += 1
    for short, day, agenda, minutes, decisions, follow_ups in MEETINGS:
        administration = administrations[short]
        if ContactMeeting.objects.filter(administration=administration, held_on=day).exists():
            continue
        meeting = services.create_meeting(
            actor=coordinator,
            administration=administration,
            held_on=day,
            agenda=agenda,
            minutes=minutes,
            decisions=decisions,
        )
        for text, responsible, due_on in follow_ups:
            services.add_meeting_follow_up(
                actor=coordinator, meeting=meeting, text=text, responsible=responsible,
                due_on=due_on,
            )  # fmt: skip
        created["meetings"] += 1
    title = "Klar kommunikation med beboere i udsatte boligområder"
    if not Proposal.objects.filter(title=title).exists() and contact.administration_id:
        services.propose_focus_area(
            actor=contact,
            administration=contact.administration,
            title=title,
            reasoning=(
                "Miljøformidlerne møder beboere, der ikke forstår forvaltningens breve og "
                "skilte. Task forcen har mødt samme barriere i flere sager. Vi foreslår et "
                "indsatsområde om klar kommunikation med beboerne, på flere sprog og ansigt "
                "til ansigt."
            ),
            barriers=Barrier.objects.filter(administration=contact.administration),
            cases=Case.objects.filter(administration=contact.administration)[:2],
        )
        created["proposals"] += 1
    for email, name in SUBSCRIBERS:
        if Subscriber.objects.filter(email=email).exists():
            continue
        crud.create(
            actor=None,
            instance=Subscriber(
                email=email,
                name=name,
                subscribed_at=_at(date(2025, 6, 2)),
                confirmed_at=_at(date(2025, 6, 2), 11),
            ),
        )
        created["subscribers"] += 1
    issue_title = "Nyhedsbrev, efteråret 2025: forældre i bestyrelser"
    if not NewsletterIssue.objects.filter(title=issue_title).exists():
        issue = services.create_issue(
            actor=coordinator,
            title=issue_title,
            news=(
                "Task forcen har i efteråret arbejdet med skoler og dagtilbud om at få flere "
                "forældre med i bestyrelserne. Netværket “Forældre i bestyrelser” mødtes for "
                "første gang i oktober, og erfaringerne samles nu i vidensbanken.\n\n"
                "Læs også om Valby Skoles forløb med at modtage tosprogede elever."
            ),
            events=(
                "12. november 2025: Temadag om mangfoldighedsledelse, Rådhuset\n"
                "3. december 2025: Netværksmøde, Forældre i bestyrelser"
            ),
            networks=Network.objects.filter(slug="foraeldrebestyrelser"),
            articles=_published(NEWSLETTER_ENTRIES, public=True),
            to_subscribers=True,
        )
        # The demo's issue was sent long ago: no mail leaves while the demo loads.
        services.deliver_issue(
            issue, connection=get_connection("django.core.mail.backends.dummy.EmailBackend")
        )
        # ... in the autumn of 2025, as its title says.
        sent = _at(date(2025, 11, 20))
        NewsletterIssue.objects.filter(pk=issue.pk).update(sent_at=sent)
        issue.deliveries.update(sent_at=sent)
        created["newsletter_issues"] += 1
    return created
