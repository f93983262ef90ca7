"""Committee records of the source documents, made through the governance services.

- Seed 000: BIU's meeting of 2 November 2006, item 3 (BIU 201/2006), the concrete model for the
  task force, and the hearing of the Integration Council with the administration's comments.
- Seed 001: BIU's meeting of 20 June 2022 on the new vision; the three amendments adopted without
  a vote make the amended versions of the vision and of the guidepost 'Integration og sprog'.
- Seed 002: the hearing of the standing committees on the task force, with the Technical and
  Environmental Committee's scanned response as it arrived and a corrected text.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile

from pejling.core import crud
from pejling.demo import policy as policy_demo
from pejling.governance import services
from pejling.governance.models import (
    AgendaItem,
    Amendment,
    Body,
    ElectoralTerm,
    Hearing,
    Meeting,
    Membership,
    Person,
)
from pejling.policy.models import Guidepost, Policy, VersionedText

CPH = ZoneInfo("Europe/Copenhagen")

BODIES = [
    ("Beskæftigelses- og Integrationsudvalget", "BIU", Body.Kind.COMMITTEE),
    ("Borgerrepræsentationen", "BR", Body.Kind.CITY_COUNCIL),
    ("Integrationsrådet", "IR", Body.Kind.COUNCIL),
    ("Teknik- og Miljøudvalget", "TMU", Body.Kind.COMMITTEE),
    ("Børne- og Ungdomsudvalget", "BUU", Body.Kind.COMMITTEE),
    ("Kultur- og Fritidsudvalget", "KFU", Body.Kind.COMMITTEE),
    ("Socialudvalget", "SOU", Body.Kind.COMMITTEE),
    ("Sundheds- og Omsorgsudvalget", "SUU", Body.Kind.COMMITTEE),
    ("Økonomiudvalget", "ØU", Body.Kind.COMMITTEE),
    ("Radikale Venstre", "B", Body.Kind.PARTY_GROUP),
    ("Enhedslisten", "Ø", Body.Kind.PARTY_GROUP),
]

TERMS = [
    ("2006–2009", date(2006, 1, 1), date(2009, 12, 31)),
    ("2022–2025", date(2022, 1, 1), date(2025, 12, 31)),
]

TASK_FORCE_ITEM = "BIU 201/2006"
VISION_ITEM_TITLE = "Ny vision, pejlemærker og særlige fokusområder"

SCANNED_TMU_RESPONSE = "\n".join(
    [
        " Beskaftigelses- og Integrationsforvaltningen",
        "Ledelsessekretariatet",
        "Radhuset",
        "",
        "Hgring om task force pa integrationsomradet",
        "",
        "Beskeftigelses- og Integrationsudvalget har den 17. november 2006",
        "anmodet fagudvalgene om at udtale sig om etableringen af en task",
        "force pa integrationsomradet.",
        "",
        "Teknik- og Miljgudvalget finder generelt, at etablering af en task force",
        "kan medvirke til at inspirere forvaltningens arbejde med integration",
        "ved udbredelsen af best practice” pa integrationsomradet og samtidig",
        "indga meget konkret som konsulenter til at Igse helt konkrete integra-",
        "tionsopgaver i forvaltningens enkelte enheder.",
        "",
        "Teknik- og Miljgforvaltningen har i november 2006 etableret et tveer-",
        "gaende projekt i forvaltningen for at styrke integrationsindsatsen. Pro-",
        "jektet har dels fokus pa HR-omradet for at sikre, at flere med anden",
        "etnisk baggrund ansettes i Teknik- og Miljgforvaltningen, dels pa det",
        "borgerrettede omrade for at sikre, at alle borgere skal have lige mulig-",
        "hed for at deltage i dialogen med Teknik- og Miljgforvaltningen om",
        "forvaltningens arbejde.",
        "",
        "Task forcens hovedformal spiller godt sammen med ideen i dette",
        "tvaergaende projekt. Teknik- og Miljgforvaltningen ser derfor gode",
        "muligheder for et godt samarbejde med og stgtte fra task forcen i for-",
        "hold til dette tvaergaende arbejde i forvaltningen.",
        "",
        "Ud over det tvaergaende arbejde vil Teknik- og Miljgforvaltningen",
        "fortsette og etablere nye projekter i forvaltningens enkelte enheder.",
        "Ogsa her vil der kunne etableres et frugtbart samarbejde med task for-",
        "cen i forhold til konkrete projekter.",
        "",
        "Som eksempel kan nevnes Miljgkontrollens miljgformidler projekt.",
        "Dette projekt kan dels give erfaringer videre til andre om etablering af",
        "projekter pa tvers af sektorer, som task forcen kan medvirke til at ud-",
        "brede. Ved en viderefgrelse af dette projekt vil der omvendt vare et",
        "behov for stgtte til at opna kontakt med lokale beboere og afdelings-",
        "bestyrelser i udsatte boligomrader. Det vil vere oplagt, at task forcen",
        "anvendes til at veere “bglgebryder” i forhold til en sadan opgave.",
        " Teknik- og Miljgforvaltningen ser saledes frem til, at task forcen med",
        "de skitserede opgaver bade vil kunne indga i en mere generel dialog",
        "med forvaltningen om implementering af integrationspolitikken samt",
        "give en meget konkret stgtte til gennemfgrelse af forvaltningens inte-",
        "grationsprojekter.",
        "",
        "Med venlig hilsen",
        "",
        "Klaus Bondam",
        " ",
    ]
)

# Letters the scanner broke (æ, ø, å read as other letters), each with its right form.
SCAN_FIXES = [
    ("Beskaftigelses", "Beskæftigelses"),
    ("Radhuset", "Rådhuset"),
    ("Hgring", "Høring"),
    ("Miljg", "Miljø"),
    ("omradet", "området"),
    ("omrader", "områder"),
    ("omrade", "område"),
    ("hovedformal", "hovedformål"),
    ("tveer-", "tvær-"),
    ("tvaergaende", "tværgående"),
    ("tvers", "tværs"),
    ("indga ", "indgå "),
    ("Igse", "løse"),
    ("ansettes", "ansættes"),
    ("fortsette", "fortsætte"),
    ("stgtte", "støtte"),
    ("nevnes", "nævnes"),
    ("viderefgrelse", "videreførelse"),
    ("gennemfgrelse", "gennemførelse"),
    ("vare et", "være et"),
    ("vere", "være"),
    ("veere", "være"),
    ("“bglgebryder”", "“bølgebryder”"),
    ("opna", "opnå"),
    ("sadan", "sådan"),
    ("saledes", "således"),
    ("bade", "både"),
    ("Ogsa", "Også"),
    ("best practice”", "“best practice”"),
]


def corrected_scan(text: str) -> str:
    for broken, right in SCAN_FIXES:
        text = text.replace(broken, right)
    # "pa" stands alone where the scanner lost the ring of "på".
    lines = []
    for line in text.split("\n"):
        words = [("på" if word == "pa" else word) for word in line.split(" ")]
        lines.append(" ".join(words).strip())
    return "\n".join(lines).strip()


def _body(short_name: str) -> Body:
    return Body.objects.get(short_name=short_name)


def _at(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CPH)


def load() -> dict[str, int]:
    created = {"bodies": 0, "persons": 0, "meetings": 0, "amendments": 0, "hearings": 0}
    for name, short_name, kind in BODIES:
        if not Body.objects.filter(short_name=short_name).exists():
            crud.create(actor=None, instance=Body(name=name, short_name=short_name, kind=kind))
            created["bodies"] += 1
    terms = {}
    for name, starts_on, ends_on in TERMS:
        terms[name] = ElectoralTerm.objects.filter(name=name).first() or crud.create(
            actor=None, instance=ElectoralTerm(name=name, starts_on=starts_on, ends_on=ends_on)
        )
    if not Person.objects.filter(name="Klaus Bondam").exists():
        services.add_membership(
            actor=None,
            name="Klaus Bondam",
            form_of_address="Borgmester",
            body=_body("TMU"),
            role=Membership.Role.CHAIR,
            party=_body("B"),
            term=terms["2006–2009"],
        )
        created["persons"] += 1
    if not AgendaItem.objects.filter(case_reference=TASK_FORCE_ITEM).exists():
        _meeting_2006()
        created["meetings"] += 1
        created["hearings"] += 2
    if not AgendaItem.objects.filter(title=VISION_ITEM_TITLE).exists():
        created["amendments"] += _meeting_2022()
        created["meetings"] += 1
    if not AgendaItem.objects.filter(title=ORIENTATION_2024_TITLE).exists():
        _meeting_2025()
        created["meetings"] += 1
        created["hearings"] += 1
    return created


# --- Seed 000 and 002 -------------------------------------------------------------------------


def _meeting_2006() -> None:
    biu = _body("BIU")
    meeting = services.create_meeting(
        actor=None,
        body=biu,
        starts_at=_at(2006, 11, 2, 14, 15),
        name="Ordinært møde",
        state=Meeting.State.AGENDA_PUBLISHED,
    )
    item = services.add_agenda_item(
        actor=None,
        meeting=meeting,
        number=3,
        title="Konkret model for udmøntning af task force",
        case_reference=TASK_FORCE_ITEM,
        recommended_by="Beskæftigelses- og Integrationsforvaltningen",
        recommendation_points=[
            "at Beskæftigelses- og Integrationsudvalget godkender den beskrevne konkrete model "
            "for udmøntning af task force",
        ],
        summary=(
            "Borgerrepræsentationen har bevilget 10 mio. kr. årligt fra 2006 og frem til ny "
            "styrket tværgående integrationsindsats. Midlerne udmøntes af Beskæftigelses- og "
            "Integrationsudvalget (BR 115/2006). En del af midlerne skal bruges til oprettelse af "
            "en task force til rådgivning og vejledning på integrationsområdet.\n\n"
            "På baggrund af udvalgets drøftelse den 8. juni 2006 (BIU 104/2006) har forvaltningen "
            "udarbejdet et konkret forslag til en task force, der skal bestå af fire rådgivere og "
            "en koordinator."
        ),
        case_description=(
            "Task forcen har tre hovedformål:\n"
            "1. Task forcen skal identificere barrierer for gennemførelse af "
            "integrationspolitikken.\n"
            "2. Task forcen skal efter rekvirering fra fagforvaltningerne facilitere løsninger "
            "på praktiske problemstillinger.\n"
            '3. Task forcen skal udbrede "best practice" på integrationsområdet.\n\n'
            "Task forcen skal både være opsøgende og stille sin service til rådighed for "
            "aktører, der selv henvender sig. I hver forvaltning udpeges kontaktpersoner. "
            "Beskæftigelses- og Integrationsudvalget orienteres en gang årligt om indsatser og "
            "prioritering af indsatsområder i det kommende år."
        ),
    )
    _council_hearing(item)
    _committee_hearing(item)
    services.transition_meeting(actor=None, meeting=meeting, to=Meeting.State.HELD)
    services.transition_meeting(actor=None, meeting=meeting, to=Meeting.State.MINUTES_APPROVED)


def _council_hearing(item: AgendaItem) -> None:
    _council_heard(
        item,
        title="Høring af Integrationsrådet om konkret model for task force",
        case_number=TASK_FORCE_ITEM,
        proposal="Forslag til konkret model for udmøntning af task force på integrationsområdet.",
        introduction=(
            "Indstillingen om en konkret model for udmøntning af task force har været i høring i "
            "Integrationsrådet. Dette notat sammenfatter rådets høringssvar med "
            "Beskæftigelses- og Integrationsforvaltningens bemærkninger."
        ),
        documents_sent="Udkast til indstilling: Konkret model for udmøntning af task force",
        sent_on=date(2006, 10, 13),
        deadline=date(2006, 10, 27),
        received_on=date(2006, 10, 26),
        text=(
            "Integrationsrådet er positivt indstillet over for oprettelse af den beskrevne task "
            "force.\n\n"
            "Integrationsrådet finder, at der bør sikres ligelig kønsmæssig fordeling af task "
            "forcens ansatte, ligesom der bør sikres en bred blanding af etniske tilhørsforhold "
            "blandt de ansatte.\n\n"
            "Integrationsrådet efterlyser en klarere definering af task forcens arbejde, herunder "
            "i hvor høj grad task forcen skal være opsøgende.\n\n"
            "Endelig tilkendegiver Integrationsrådet et ønske om at fungere som sparringspartner "
            "og arbejde tæt sammen med Beskæftigelses- og Integrationsforvaltningen og task "
            "forcen i fremtiden."
        ),
        summary=(
            "Rådet er positivt indstillet. Det ønsker ligelig kønsmæssig fordeling og en bred "
            "blanding af etniske tilhørsforhold blandt de ansatte, en klarere definering af "
            "task forcens arbejde, herunder hvor opsøgende den skal være, og at rådet kan være "
            "sparringspartner for forvaltningen og task forcen."
        ),
        comment=(
            "Kønsmæssig fordeling og etnisk mangfoldighed: Københavns Kommune ser generelt "
            "mangfoldighed som en ressource ved ansættelse af nye medarbejdere. Det er imidlertid "
            "ikke lovligt at målrette stillingsopslag mod specifikke køn eller etniske grupper.\n"
            "Klarere definering af det opsøgende arbejde: Det vil afhænge af den efterspørgsel, "
            "der vil vise sig at være på task forcen, og Beskæftigelses- og "
            "Integrationsudvalgets løbende beslutninger omkring task forcens virke.\n"
            "Sparring: Forvaltningen er meget indstillet på at have en løbende sparring med "
            "Integrationsrådet."
        ),
    )


def _council_heard(
    item: AgendaItem,
    *,
    title: str,
    case_number: str,
    proposal: str,
    introduction: str,
    documents_sent: str,
    sent_on: date,
    deadline: date,
    received_on: date,
    text: str,
    summary: str,
    comment: str,
) -> None:
    """The Integration Council heard on an agenda item: sent, answered, assessed, noted."""
    hearing = services.create_hearing(
        actor=None,
        title=title,
        asked_by=_body("BIU"),
        item=item,
        case_number=case_number,
        proposal=proposal,
        introduction=introduction,
        deadline=deadline,
        bodies=[_body("IR")],
        documents_sent=documents_sent,
    )
    hearing = services.transition_hearing(
        actor=None, hearing=hearing, to=Hearing.Phase.SENT, on=sent_on
    )
    response = services.receive_response(
        actor=None, hearing=hearing, party=hearing.parties.get(), received_on=received_on, text=text
    )
    services.assess_response(
        actor=None,
        response=response,
        summary=summary,
        administration_comment=comment,
        leads_to_change=False,
    )
    hearing = services.transition_hearing(actor=None, hearing=hearing, to=Hearing.Phase.CLOSED)
    services.transition_hearing(actor=None, hearing=hearing, to=Hearing.Phase.NOTE_DONE)


def _committee_hearing(item: AgendaItem) -> None:
    hearing = services.create_hearing(
        actor=None,
        title="Høring om task force på integrationsområdet",
        asked_by=_body("BIU"),
        item=item,
        proposal=(
            "Beskæftigelses- og Integrationsudvalget har den 17. november 2006 anmodet "
            "fagudvalgene om at udtale sig om etableringen af en task force på "
            "integrationsområdet."
        ),
        deadline=date(2006, 12, 8),
        bodies=[_body(s) for s in ("TMU", "BUU", "KFU", "SOU", "SUU", "ØU")],
        documents_sent=(
            "Indstilling BIU 201/2006: Konkret model for udmøntning af task force\n"
            "Oversigt over budget for de 10 mio. kr."
        ),
    )
    hearing = services.transition_hearing(
        actor=None, hearing=hearing, to=Hearing.Phase.SENT, on=date(2006, 11, 17)
    )
    upload = SimpleUploadedFile(
        "hoeringssvar-teknik-og-miljoeudvalget.txt",
        SCANNED_TMU_RESPONSE.encode("utf-8"),
        content_type="text/plain",
    )
    response = services.receive_response(
        actor=None,
        hearing=hearing,
        party=hearing.parties.get(body__short_name="TMU"),
        received_on=date(2006, 12, 6),
        upload=upload,
        signed_by="Klaus Bondam",
    )
    services.assess_response(
        actor=None,
        response=response,
        corrected_text=corrected_scan(SCANNED_TMU_RESPONSE),
        summary=(
            "Udvalget finder, at en task force kan inspirere forvaltningens integrationsarbejde "
            "ved at udbrede best practice og løse konkrete opgaver i forvaltningens enheder. "
            "Teknik- og Miljøforvaltningens tværgående integrationsprojekt (HR og borgerdialog) "
            "og Miljøkontrollens miljøformidlerprojekt ser frem til samarbejde med og støtte fra "
            "task forcen, bl.a. som “bølgebryder” over for beboere i udsatte boligområder."
        ),
        administration_comment=(
            "Forvaltningen noterer sig den positive modtagelse. Samarbejdet med Teknik- og "
            "Miljøforvaltningen sker gennem forvaltningens kontaktperson til task forcen, og "
            "miljøformidlerprojektet kan indgå i task forcens vidensbank."
        ),
        leads_to_change=False,
    )


# --- Seed 001 ---------------------------------------------------------------------------------


def _meeting_2022() -> int:
    biu = _body("BIU")
    policy = Policy.objects.get(slug="vision-pejlemaerker-2022")
    vision = policy.texts.get(kind=VersionedText.Kind.VISION)
    language = Guidepost.objects.get(policy=policy, title="Integration og sprog").wording
    meeting = services.create_meeting(
        actor=None,
        body=biu,
        starts_at=_at(2022, 6, 20, 17, 0),
        location="Bernstorffsgade 17, 1. sal, vær. 124",
        state=Meeting.State.AGENDA_PUBLISHED,
    )
    item = services.add_agenda_item(
        actor=None,
        meeting=meeting,
        number=4,
        title=VISION_ITEM_TITLE,
        recommended_by="Beskæftigelses- og Integrationsforvaltningen",
        recommendation_points=[
            "at Beskæftigelses- og Integrationsudvalget godkender Beskæftigelses- og "
            "Integrationsforvaltningens opsamling på udvalgets drøftelser og forslag til, hvordan "
            "vi fremover arbejder med de enkelte pejlemærker og særlige fokusområder.",
        ],
        summary=(
            "Beskæftigelses- og Integrationsudvalget har i 1. halvår 2022 haft en række "
            "drøftelser, hvor udvalget har udviklet deres vision, pejlemærker og særlige "
            "fokusområder for den nye udvalgsperiode. På udvalgsmøde d. 20. juni 2022 får "
            "udvalget forvaltningens endelige opsamling af udvalgets drøftelser til godkendelse."
        ),
        case_description=(
            "Drøftelserne har resulteret i en ny vision med seks pejlemærker og to særlige "
            "fokusområder. Under hvert af de seks pejlemærker og to særlige fokusområder "
            "beskrives, hvordan udvalget og forvaltningen kan arbejde videre med områderne."
        ),
    )
    amendments = [
        services.propose_amendment(
            actor=None,
            item=item,
            party=_body("B"),
            proposed_by="Radikale Venstre",
            kind=Amendment.Kind.ADD_PARAGRAPH,
            target_section="indstillingens løsningsafsnit",
            text_to=(
                "Forvaltningen skal være engageret i, hvilke kompetencer private og offentlige "
                "arbejdspladser efterspørger både nu og i den nære fremtid med henblik på at "
                "ledige borgere opkvalificeres med de efterspurgte kompetencer."
            ),
        ),
        services.propose_amendment(
            actor=None,
            item=item,
            party=_body("Ø"),
            proposed_by="Enhedslisten",
            kind=Amendment.Kind.REPLACE,
            target_version=vision.current,
            text_from=policy_demo.VISION_2022_PROPOSAL,
            text_to=policy_demo.VISION_2022_AMENDED,
        ),
        services.propose_amendment(
            actor=None,
            item=item,
            proposed_by="Beskæftigelses- og Integrationsudvalget",
            kind=Amendment.Kind.REPLACE,
            target_version=language.current,
            text_from=policy_demo.INTEGRATION_AND_LANGUAGE,
            text_to=policy_demo.INTEGRATION_AND_LANGUAGE_AMENDED,
        ),
    ]
    services.transition_meeting(actor=None, meeting=meeting, to=Meeting.State.HELD)
    for amendment in amendments:
        services.adopt_amendment(actor=None, amendment=amendment)
    services.record_decision(
        actor=None,
        item=item,
        outcome=AgendaItem.Outcome.ADOPTED_AMENDED,
        text="Indstillingen blev herefter godkendt uden afstemning.",
    )
    services.transition_meeting(actor=None, meeting=meeting, to=Meeting.State.MINUTES_APPROVED)
    return len(amendments)


# --- Seed 000's yearly orientation, as the committee met it in 2025 ----------------------------

ORIENTATION_2024_TITLE = "Orientering om task forcens arbejde i 2024"


def _meeting_2025() -> None:
    """The committee is told about the task force's 2024 and hears the Integration Council on
    the focus areas proposed for 2025, as seed 000 says it is once a year."""
    meeting = services.create_meeting(
        actor=None,
        body=_body("BIU"),
        starts_at=_at(2025, 3, 24, 15, 0),
        name="Ordinært møde",
        state=Meeting.State.AGENDA_PUBLISHED,
    )
    item = services.add_agenda_item(
        actor=None,
        meeting=meeting,
        number=4,
        title=ORIENTATION_2024_TITLE,
        case_reference="2025-0031207",
        recommended_by="Beskæftigelses- og Integrationsforvaltningen",
        recommendation_points=[
            "at udvalget tager orienteringen om task forcens arbejde i 2024 til efterretning",
            "at udvalget godkender task forcens indsatsområder for 2025",
        ],
        summary=(
            "Udvalget orienteres en gang om året om task forcens indsatser og om prioriteringen "
            "af indsatsområderne i det kommende år. Task forcen modtog i 2024 henvendelser fra "
            "skoler, dagtilbud, boligorganisationer og foreninger og arbejdede opsøgende i de "
            "udsatte boligområder."
        ),
        case_description=(
            "Task forcen foreslår for 2025 at fortsætte arbejdet med forældres repræsentation "
            "i bestyrelserne, mangfoldighedsledelse og rekruttering og konflikthåndtering i "
            "boligområderne. Integrationsrådet har været hørt om indsatsområderne."
        ),
    )
    _council_heard(
        item,
        title="Høring af Integrationsrådet om task forcens indsatsområder for 2025",
        case_number="2025-0031207",
        proposal="Task forcens forslag til indsatsområder for 2025.",
        introduction=(
            "Integrationsrådet er hørt om task forcens forslag til indsatsområder for 2025. Dette "
            "notat sammenfatter rådets høringssvar med forvaltningens bemærkninger."
        ),
        documents_sent="Udkast til orientering om task forcens arbejde i 2024",
        sent_on=date(2025, 2, 14),
        deadline=date(2025, 3, 7),
        received_on=date(2025, 3, 5),
        text=(
            "Integrationsrådet støtter indsatsområderne og ønsker, at task forcen i 2025 også "
            "inddrager de frivillige foreninger i arbejdet med forældre i bestyrelserne."
        ),
        summary="Rådet støtter indsatsområderne og ønsker de frivillige foreninger inddraget.",
        comment=(
            "Task forcen inviterer de frivillige foreninger med i netværket “Forældre i "
            "bestyrelser”."
        ),
    )
    services.transition_meeting(actor=None, meeting=meeting, to=Meeting.State.HELD)
    services.record_decision(
        actor=None,
        item=item,
        outcome=AgendaItem.Outcome.ADOPTED,
        text="Indstillingen blev godkendt uden afstemning.",
    )
    services.transition_meeting(actor=None, meeting=meeting, to=Meeting.State.MINUTES_APPROVED)
