"""The policy structure of the source documents, as records.

- Seed 003: the synopsis of 'Bland dig i byen', Copenhagen's integration policy 2011-2014, with
  its vision, five principles, responsibilities and four themes whose goals, initiatives and
  lighthouse projects are still bracketed placeholders (kept as placeholders, not invented).
- Seed 001: the committee's vision, six guideposts and two special focus areas of 20 June 2022,
  with the wording proposed before that meeting (its amendments are adopted by the governance
  demo, which makes the amended versions), and the topics planned for briefings and theme
  discussions.
- Seed 004: the action plan for equal treatment 2012 with its strands, targets and budget.
- Seed 000: the city council's appropriation of 10 mio. kr. a year from 2006 (BR 115/2006).
"""

from datetime import date
from decimal import Decimal

from pejling.accounts.models import Administration
from pejling.core import crud
from pejling.governance.models import Body
from pejling.policy import services
from pejling.policy.models import (
    ActionPlan,
    Appropriation,
    BudgetLine,
    FocusArea,
    Guidepost,
    Initiative,
    PlanTarget,
    Policy,
    Principle,
    Responsibility,
    ScheduledTopic,
    Strand,
    TextVersion,
    Theme,
    VersionedText,
    WorkItem,
)

BODIES = [
    ("Beskæftigelses- og Integrationsudvalget", "BIU", Body.Kind.COMMITTEE),
    ("Borgerrepræsentationen", "BR", Body.Kind.CITY_COUNCIL),
    ("Integrationsrådet", "IR", Body.Kind.COUNCIL),
    ("Teknik- og Miljøudvalget", "TMU", Body.Kind.COMMITTEE),
]


def _body(short_name: str) -> Body:
    return Body.objects.get(short_name=short_name)


def load() -> dict[str, int]:
    created = {"bodies": 0, "policies": 0, "action_plans": 0, "appropriations": 0}
    for name, short_name, kind in BODIES:
        _, was_created = Body.objects.get_or_create(
            short_name=short_name, defaults={"name": name, "kind": kind}
        )
        created["bodies"] += was_created
    if not Policy.objects.filter(slug="bland-dig-i-byen").exists():
        _bland_dig_i_byen()
        created["policies"] += 1
    if not Policy.objects.filter(slug="vision-pejlemaerker-2022").exists():
        _vision_2022()
        created["policies"] += 1
    if not ActionPlan.objects.filter(case_number="2011-116007").exists():
        _equal_treatment_2012()
        created["action_plans"] += 1
    if not Appropriation.objects.filter(reference="BR 115/2006").exists():
        crud.create(
            actor=None,
            instance=Appropriation(
                title="Ny styrket tværgående integrationsindsats",
                granted_by=_body("BR"),
                reference="BR 115/2006",
                amount_per_year=Decimal("10000000"),
                first_year=2006,
            ),
        )
        created["appropriations"] += 1
    return created


# --- Seed 003: Bland dig i byen, 2011-2014 -------------------------------------------------

BLAND_VISION = (
    "Bland dig i byen er en opfordring til alle københavnere om et aktivt medborgerskab ved at "
    "deltage gennem uddannelse, arbejde og fællesskaber på tværs af byen. Det skal være nemt at "
    "være københavnere, og der skal være plads til, at København er mangfoldig og lyder på mange "
    "måder. Visionen består af fem københavnereprinsipper for god integration."
)

PRINCIPLES = [
    "Vi behandler alle lige med respekt for deres forskellighed",
    "Vi har tillid til hinanden og byens institutioner",
    "Vi støtter op om vores børns udvikling og uddannelse",
    "Vi indgår i fællesskaber med andre københavnere, der ikke ligner os selv",
    "Vi bidrager til byens vækst og sammenhængskraft",
]

MUNICIPALITY_ITEMS = [
    "Vi prioriterer de politiske beslutninger og gennemfører vores mål",
    "Vi sikrer lige muligheder for dem, der er i kontakt med kommunen",
    "Vi bekæmper diskrimination i byen",
    "Vi fremmer mangfoldighed på Københavns største arbejdsplads",
    "Vi fremmer dialog med og mellem københavnere, virksomhederne og organisationerne, så hele "
    "byen tager ansvar for integrationen.",
]

INITIATIVES_PLACEHOLDER = (
    "[Her indsættes de konkrete initiativer, der sættes i gang for at nå målene]"
)

THEMES = [
    (
        "Mangfoldig arbejdsplads",
        "For at sikre den bedste service til vores borgere, skal kommunens "
        "medarbejdersammensætning afspejle borgergruppen i København. En mere mangfoldig "
        "arbejdsplads kan således bidrage til en bedre opgaveløsning i kraft af muligheden for "
        "en mere varieret service, ligesom der ofte er en sammenhæng mellem arbejdspladsens "
        "innovationskraft og variationen i medarbejdergruppen.",
        "[Her indsættes konkrete mål ud fra udvalgenes handleplaner, fx at kommunens "
        "medarbejdersammensætning afspejler Københavns befolkningssammensætning med hensyn til "
        "etnicitet og uddannelsesmønster]",
        "[Her indsættes evt. et fyrtårnsprojekt for kommunens indsats, fx indføring af "
        "ligebehandlingsprincipper i udvalgte institutioner]",
    ),
    (
        "Bedre præstationer i folkeskolen",
        "Når de unge forlader folkeskolen, klarer de tosprogede sig fortsat dårligere end de "
        "et-sprogede. Folkeskolen er en afgørende integrationsmotor, men trods mange gode takter "
        "på flere københavnske skoler er der fortsat langt til, at etniske minoriteter opnår "
        "lige så gode faglige resultater som majoriteten. I den kommende periode skal den "
        "enkelte folkeskole i højere grad end tidligere udfordres og understøttes, og der skal "
        "sikres en indsats, som når hele vejen rundt om svage familier.",
        "[Her indsættes konkrete mål ud fra udvalgenes handleplaner, fx at mindske karaktergabet]",
        "[Her indsættes et fyrtårnsprojekt, fx en særlig indsats for de seks mest udsatte "
        "folkeskoler udover heldagsskolerne]",
    ),
    (
        "En blandet by",
        "Trods en positiv udvikling i beboersammensætningen i den almene sektor, er der fortsat "
        "store byområder i København, som er præget af sociale og integrationsmæssige problemer. "
        "Vi skal aktivt modvirke de utilpassede unges oplevelse af modløshed og manglende "
        "anerkendelse, fordi den kan give grobund for frustrationer og gryende kriminalitet.",
        "[Her indsættes konkrete mål fra udvalgenes handleplaner, fx at reducere antallet af "
        "udsatte boligområder]",
        "[Her indsættes et fyrtårnsprojekt, fx en særindsats i ét af de udsatte boligområder]",
    ),
    (
        "Flere bidrager til byens vækst",
        "Der er fortsat en forskel på op mod 20 procent mellem danskere og etniske minoriteters "
        "deltagelse på arbejdsmarkedet. Trods en markant fremgang i de senere år, er der et "
        "uudnyttet potentiale blandt unge minoriteter og nytilkomne, og der er enorme "
        "samfundsøkonomiske tab forbundet med overledigheden. Vi skal fokusere på de unge – og "
        "på en sammenhængende indsats fra ungdomsuddannelse til arbejdsmarked, ligesom "
        "kommunens muligheder for at fremme beskæftigelse og praktikpladser som storindkøber "
        "skal udnyttes.",
        "[Her indsættes konkrete mål fra udvalgenes handleplaner, fx at reducere overledigheden "
        "blandt etniske minoriteter]",
        "[Her indsættes et fyrtårnsprojekt, fx samarbejde med virksomheder om de unge]",
    ),
]


def _bland_dig_i_byen() -> Policy:
    policy = crud.create(
        actor=None,
        instance=Policy(
            title="Bland dig i byen",
            subtitle="Københavns Integrationspolitik 2011-2014 (synopsis)",
            slug="bland-dig-i-byen",
            summary=(
                "København beboersammensætning er i stigende grad mangfoldig. I 2010 tilhører "
                "hvert tredje barn i skolealderen en etnisk minoritet, og i 2019 tilhører hver "
                "fjerde i arbejdsstyrken en etnisk minoritet. Den vellykkede integration er "
                "særligt knyttet til uddannelse, beskæftigelse og bosætning."
            ),
            overall_goal_placeholder=(
                "[her indsættes en overordnet målsætning ud fra udvalgenes handleplaner og den "
                "samlede prioritering]"
            ),
            period_start=2011,
            period_end=2014,
            status=Policy.Status.DRAFT,
            owner_committee=_body("BIU"),
            administration=Administration.objects.filter(short_name="BIF").first(),
        ),
    )
    vision = crud.create(
        actor=None,
        instance=VersionedText(
            policy=policy, kind=VersionedText.Kind.VISION, title="Bland dig i byen"
        ),
    )
    services.add_text_version(
        actor=None,
        text=vision,
        body=BLAND_VISION,
        valid_from=date(2011, 1, 1),
        reason=TextVersion.Reason.ORIGINAL,
        note="Synopsis, bilag 1. Gyldighedsdatoen er periodens første dag.",
    )
    for number, text in enumerate(PRINCIPLES, start=1):
        crud.create(actor=None, instance=Principle(policy=policy, number=number, text=text))
    for holder, statement, items in [
        (
            Responsibility.Holder.CITIZENS,
            "Københavnernes ansvar er at blande sig i byen",
            "",
        ),
        (
            Responsibility.Holder.BUSINESS,
            "Erhvervslivets og organisationernes ansvar er at udnytte københavnernes potentiale",
            "",
        ),
        (
            Responsibility.Holder.MUNICIPALITY,
            "Kommunens ansvar er at sikre, at alle har lige muligheder",
            "\n".join(MUNICIPALITY_ITEMS),
        ),
    ]:
        crud.create(
            actor=None,
            instance=Responsibility(policy=policy, holder=holder, statement=statement, items=items),
        )
    for number, (title, description, goals, lighthouse) in enumerate(THEMES, start=1):
        crud.create(
            actor=None,
            instance=Theme(
                policy=policy,
                number=number,
                title=title,
                description=description,
                goals_placeholder=goals,
                initiatives_placeholder=INITIATIVES_PLACEHOLDER,
                lighthouse_placeholder=lighthouse,
            ),
        )
    return policy


# --- Seed 001: vision, guideposts and special focus areas, 20 June 2022 ---------------------

VISION_2018 = (
    "Beskæftigelses- og Integrationsforvaltningen skal med omsorg, inddragelse og høj faglighed "
    "skabe gode brugeroplevelser og hjælpe ledige københavnere i ordinære job og uddannelse for "
    "at sikre et værdigt forsørgelsesgrundlag og være en stærk samarbejdspartner for "
    "virksomhederne"
)
VISION_2022_PROPOSAL = (
    "Beskæftigelses- og Integrationsforvaltningen skal med omsorg, inddragelse, tillid og høj "
    "faglighed skabe gode brugeroplevelser og hjælpe ledige københavnere i ordinære job og "
    "uddannelse for at sikre et værdigt forsørgelsesgrundlag, samt sikre integrationen af "
    "borgere med etnisk minoritetsbaggrund i det danske samfund og være en stærk "
    "samarbejdspartner for virksomhederne"
)
VISION_2022_AMENDED = (
    "Beskæftigelses- og Integrationsforvaltningen skal med omsorg, inddragelse, tillid og høj "
    "faglighed skabe gode brugeroplevelser og hjælpe ledige københavnere i ordinære job og "
    "uddannelse for at sikre et værdigt forsørgelsesgrundlag, samt sikre integration af borgere "
    "med etnisk minoritetsbaggrund og andre minoriteter i det danske samfund og være en stærk "
    "samarbejdspartner for virksomhederne"
)
MEETING_2022 = "BIU-møde 20.06.2022"

INTEGRATION_AND_LANGUAGE = (
    "BIF skal styrke integrationen af og sprogkundskaber hos de borgere, der har behov for det. "
    "Det gælder både vestlige og ikke-vestlige borgere. Det handler om relevant sprogundervisning, "
    "gerne kombineret med beskæftigelsesrettede tilbud, men også om udbredelse af demokratiske "
    "værdier."
)
INTEGRATION_AND_LANGUAGE_AMENDED = INTEGRATION_AND_LANGUAGE[:-1] + (
    " og kendskab til den danske model."
)

GUIDEPOSTS = [
    (
        "Understøttelse af erhvervslivet",
        "BIF skal have fokus på at understøtte erhvervslivet med rekruttering af arbejdskraft. "
        "Det kan også handle om tiltrækning og rekruttering af international arbejdskraft til "
        "København, iværksætteri og samarbejdet i Øresundsregionen mv.",
        [
            "Udvalget har bestilt en temadrøftelse om erhvervsfremme. Forvaltningen lægger op "
            "til, at udvalget har to temadrøftelser i 2. halvår 2022 om erhverv og beskæftigelse. "
            "Udgangspunktet for drøftelserne vil være virksomhedernes efterspørgsel efter "
            "arbejdskraft, og hvordan forvaltningen kan imødekomme den efterspørgsel.",
            "På første temadrøftelse kan udvalget bl.a. drøfte, om den nuværende handleplan for "
            "'Arbejdskraft til virksomhederne' (2019) skal forlænges.",
        ],
    ),
    (
        "Opkvalificering og uddannelse",
        "BIF skal have fokus på opkvalificering og uddannelse som en vej til beskæftigelse. "
        "Ledige kan få de kompetencer, som er efterspurgte på arbejdsmarkedet, og dermed skabes "
        "et match mellem virksomhedernes behov og de lediges kompetencer.",
        [
            "Udvalget har mulighed for at drøfte området under temadrøftelserne om erhverv og "
            "beskæftigelse i 2. halvår 2022, hvor der lægges op til, at handleplanen drøftes.",
            "Udvalget skal i juni og august 2022 drøfte en ny aktiveringsstrategi for "
            "uddannelseshjælpsmodtagere (ungestrategi). Aktiveringsstrategien skal understøtte, at "
            "flere unge københavnere starter på og gennemfører en erhvervskompetencegivende "
            "uddannelse.",
        ],
    ),
    (
        "Borgere i kanten af arbejdsmarkedet",
        "BIF skal bruge den nuværende højkonjunktur til at hjælpe flere udsatte borgere til at "
        "være en del af arbejdsmarkedet. Når arbejdsgivere oplever mangel på arbejdskraft, kan "
        "det skabe et potentiale for andre og mere udsatte borgere kan komme ind på "
        "arbejdsmarkedet. Alternativt skal de pågældende borgere afklares til fleksjob eller "
        "førtidspension.",
        [
            "Forvaltningen arbejder videre med implementeringen af kerneelementerne i 'Flere skal "
            "med', hvor et lavt sagsantal sikrer, at jobrådgiverne har fleksible rammer for det "
            "beskæftigelsesfaglige arbejde og bedre tid til det virksomhedsrettede arbejde og til "
            "at arbejde aktivt med de komplekse borgersager, som kræver flere ressourcer.",
            "Forvaltningen arbejder også på at styrke det tværfaglige samarbejde med "
            "Socialforvaltningen, så borgere med komplekse sociale og beskæftigelsesmæssige "
            "problemstillinger får en sammenhængende og overskuelig indsats med højere kvalitet.",
        ],
    ),
    (
        "Integration og sprog",
        INTEGRATION_AND_LANGUAGE,
        [
            "Udvalget skal behandle en række handleplaner på området. Handleplan for forebyggelse "
            "af ekstremisme er behandlet i april 2022. Derudover behandles handleplan mod racisme "
            "og diskrimination første gang i juni 2022, og igen i efteråret 2022 og i 1. kvartal "
            "2023. Der skal behandles en ny integrationshandleplan i efteråret 2022. Procesplan "
            "for handleplan for forebyggelse af social kontrol blev behandlet i maj 2022.",
            "Udvalget skal også behandle kommunens nye integrations- og medborgerskabspolitik, som "
            "forvaltningen er tovholder på. Politikken behandles i efteråret 2022 og igen i "
            "starten af 2023.",
        ],
    ),
    (
        "Fremtidens arbejdsmarked",
        "BIF skal have blik for, hvilke kompetencer private og offentlige arbejdspladser "
        "efterspørger både nu og i den nære fremtid med henblik på at ledige borgere "
        "opkvalificeres med de efterspurgte kompetencer. Fx gør den stigende digitalisering i "
        "samfundet det stadig sværere at klare sig på arbejdsmarkedet uden digitale "
        "kompetencer. Også den grønne omstilling giver anledning til nye behov for kompetencer.",
        [
            "Forvaltningen vil fortsat arbejde med området ud fra strategierne 'Løft af lediges "
            "digitale kompetencer' (2020) og 'Grønne jobs – grønne kompetencer' (2021). Der er i "
            "2021-2024 afsat midler til pilotprojekter i samarbejde med virksomheder o.l., som "
            "skal give ledige jobspecifikke digitale kompetencer, og der er i 2022-2023 afsat "
            "midler til en opkvalificeringsindsats til ledige målrettet grøn omstilling.",
            "Udvalget har bestilt en temadrøftelse om grøn omstilling, der er planlagt til at "
            "ligge i 2. kvartal 2023.",
            "Forvaltningen skal være engageret i, hvilke kompetencer private og offentlige "
            "arbejdspladser efterspørger både nu og i den nære fremtid med henblik på at ledige "
            "borgere opkvalificeres med de efterspurgte kompetencer. (Tilføjet ved Radikale "
            "Venstres ændringsforslag, vedtaget uden afstemning 20.06.2022.)",
        ],
    ),
    (
        "Medarbejdertrivsel",
        "BIF skal have et stærkt fokus på at styrke medarbejdertrivslen i Beskæftigelses- og "
        "Integrationsforvaltningen. Det er ambitionen at sikre høj medarbejdertrivsel og at "
        "medarbejderne er stolte over deres arbejdsplads, og dermed kan yde den bedst mulige "
        "indsats og service til borgere og virksomheder. Der skal derfor arbejdes på at styrke "
        "trivsel og motivation blandt medarbejderne i BIF.",
        [
            "Beskæftigelses- og Integrationsudvalget får en mundtlig orientering om status på "
            "arbejdsmiljøet i forvaltningen på udvalgsmøderne.",
            "Der er udarbejdet en handleplan på baggrund af Arbejdsmiljø Københavns (AMK) "
            "undersøgelse af arbejdsmiljøet i Centralforvaltningen. Forvaltningen er bl.a. sammen "
            "med en ekstern konsulent ved at tilrettelægge et forløb med kompetenceudvikling i "
            "konflikthåndtering til ledere, tillidsvalgte og medarbejdere.",
            "BIU har drøftet resultatet af undersøgelsen af sexistisk kultur og adfærd på "
            "udvalgsmøde d. 23. maj 2022. Hoved-MED vil d. 15. juni 2022 drøfte BIF-handleplanen "
            "til opfølgning på undersøgelsen.",
        ],
    ),
]

FOCUS_AREAS = [
    (
        "Ukrainske flygtninge i København",
        "Den russiske invasion af Ukraine begyndte den 24. februar 2022 og har startet en større "
        "flygtningestrøm. Kommunerne har en stor opgave med at hjælpe de ukrainske flygtninge, "
        "som har behov for et sted at bo og formidling til jobs mv. Udvalget har samtidig fokus "
        "på indsatsen for flygtninge fra andre dele af verden.",
        [
            "Der pågår et tværfagligt arbejde, hvor BIF udfører en koordinerende indsats med at "
            "sikre, at der udvikles og leveres en god og helhedsorienteret modtagelse af de "
            "ukrainske flygtninge, der visiteres til Københavns Kommune, med fokus på at få så "
            "mange i job så hurtigt som muligt efter deres ankomst og generelt sikre en "
            "integration i lokalsamfundet via skole, foreningsliv mv.",
            "Udvalget vil bl.a. skulle have en drøftelse af den nuværende 'Københavnermodel for "
            "modtagelse af flygtninge', og hvorvidt der skal laves en særlig model for de "
            "ukrainske flygtninge under særloven med et andet serviceniveau.",
        ],
    ),
    (
        "Borgere med handicap/funktionsnedsættelse",
        "Der er generelt på landsplan større ledighed blandt borgere med handicap, dvs. med varig "
        "fysisk og/eller psykisk funktionsnedsættelse, end blandt borgere uden handicap, og gabet "
        "i beskæftigelse mellem de to grupper er vokset (kilde: VIVE, Handicap og beskæftigelse "
        "2020). Der er en stor opgave med at mindske barriererne for, at borgere med handicap "
        "kommer i job.",
        [
            "Der er planlagt en temadrøftelse om handicap i efteråret 2022, hvor BIU bliver "
            "orienteret om beskæftigelsesindsatsen for borgere med funktionsnedsættelser og om "
            "resultater og anbefalinger fra afdækningen af Jobcenter Københavns håndtering af "
            "borgere med funktionsnedsættelser.",
            "BIU skal drøfte udkast til ny handicappolitik for Københavns Kommune og give input "
            "til indsatsplanen for beskæftigelses- og integrationsområdet, som endeligt skal "
            "godkendes i BIU i foråret 2023.",
        ],
    ),
]

TOPICS = [
    (ScheduledTopic.Kind.THEME_DISCUSSION, "Iværksætteri", 2022, 2, date(2022, 5, 23)),
    (ScheduledTopic.Kind.THEME_DISCUSSION, "Erhvervsfremme", 2022, 3, None),
    (
        ScheduledTopic.Kind.THEME_DISCUSSION,
        "Samarbejde med socialøkonomiske virksomheder (SØV) og foreningslivet i København",
        2022,
        4,
        None,
    ),
    (
        ScheduledTopic.Kind.THEME_DISCUSSION,
        "Kooperativer og demokratiske virksomheder (evt. BIF's rolle i forhold til "
        "Økonomiforvaltningen)",
        2023,
        1,
        None,
    ),
    (ScheduledTopic.Kind.THEME_DISCUSSION, "Grøn omstilling", 2023, 2, None),
    (ScheduledTopic.Kind.WRITTEN_BRIEFING, "Fastholdelse af seniorer i job", 2022, 3, None),
    (
        ScheduledTopic.Kind.WRITTEN_BRIEFING,
        "Tilfredshed med Jobcenter København, særligt aktivitetsparate borgere",
        2022,
        3,
        None,
    ),
    (
        ScheduledTopic.Kind.WRITTEN_BRIEFING,
        "Tilfredshed med Jobcenter København, særligt aktivitetsparate borgere",
        2023,
        1,
        None,
    ),
    (
        ScheduledTopic.Kind.WRITTEN_BRIEFING,
        "IPS (Individual Placement and Support), og om metoden kan udbredes til flere målgrupper",
        2023,
        1,
        None,
    ),
]


def _vision_2022() -> Policy:
    policy = crud.create(
        actor=None,
        instance=Policy(
            title="Vision, pejlemærker og særlige fokusområder",
            subtitle="Beskæftigelses- og Integrationsudvalget, udvalgsperioden 2022-2025",
            slug="vision-pejlemaerker-2022",
            summary=(
                "Beskæftigelses- og Integrationsudvalget har i 1. halvår 2022 udviklet sin vision, "
                "seks pejlemærker og to særlige fokusområder for den nye udvalgsperiode. "
                "Indstillingen blev godkendt uden afstemning den 20. juni 2022 med tre "
                "ændringsforslag."
            ),
            period_start=2022,
            period_end=2025,
            status=Policy.Status.ADOPTED,
            owner_committee=_body("BIU"),
            administration=Administration.objects.filter(short_name="BIF").first(),
            adopted_on=date(2022, 6, 20),
            adoption_reference=MEETING_2022 + ": indstillingen godkendt uden afstemning",
            is_public=True,
        ),
    )
    vision = crud.create(
        actor=None,
        instance=VersionedText(
            policy=policy,
            kind=VersionedText.Kind.VISION,
            title="Beskæftigelses- og Integrationsforvaltningens vision",
        ),
    )
    for body, valid_from, reason, by, reference, note in [
        (
            VISION_2018,
            date(2018, 1, 1),
            TextVersion.Reason.ORIGINAL,
            "det forrige Beskæftigelses- og Integrationsudvalg",
            "",
            "Vedtaget i 2018; dagen er ikke oplyst, så året er angivet.",
        ),
        (
            VISION_2022_PROPOSAL,
            date(2022, 5, 23),
            TextVersion.Reason.PROPOSAL,
            "Beskæftigelses- og Integrationsforvaltningen",
            "BIU-møde 23.05.2022",
            "Forvaltningens opsamling: udvalget ønskede fokus på tillid og integration i visionen.",
        ),
    ]:
        # The amended wording of 20 June 2022 is made by the governance demo, which adopts
        # Enhedslisten's amendment at that meeting (pejling.demo.governance).
        services.add_text_version(
            actor=None,
            text=vision,
            body=body,
            valid_from=valid_from,
            reason=reason,
            proposed_by=by,
            decision_reference=reference,
            note=note,
        )
    for number, (title, wording, items) in enumerate(GUIDEPOSTS, start=1):
        text = crud.create(
            actor=None,
            instance=VersionedText(policy=policy, kind=VersionedText.Kind.GUIDEPOST, title=title),
        )
        services.add_text_version(
            actor=None,
            text=text,
            body=wording,
            valid_from=date(2022, 5, 23),
            reason=TextVersion.Reason.PROPOSAL,
            proposed_by="Beskæftigelses- og Integrationsforvaltningen",
            decision_reference="BIU-møde 23.05.2022",
        )
        guidepost = crud.create(
            actor=None,
            instance=Guidepost(policy=policy, number=number, title=title, wording=text),
        )
        for order, item in enumerate(items, start=1):
            crud.create(actor=None, instance=WorkItem(guidepost=guidepost, order=order, text=item))
    for number, (title, description, items) in enumerate(FOCUS_AREAS, start=1):
        area = crud.create(
            actor=None,
            instance=FocusArea(
                policy=policy,
                number=number,
                title=title,
                description=description,
                valid_from=date(2022, 1, 1),
                valid_to=date(2022, 12, 31),
            ),
        )
        for order, item in enumerate(items, start=1):
            crud.create(actor=None, instance=WorkItem(focus_area=area, order=order, text=item))
    for kind, title, year, quarter, held_on in TOPICS:
        crud.create(
            actor=None,
            instance=ScheduledTopic(
                policy=policy,
                kind=kind,
                title=title,
                year=year,
                quarter=quarter,
                status=ScheduledTopic.Status.HELD if held_on else ScheduledTopic.Status.PLANNED,
                held_on=held_on,
            ),
        )
    return policy


# --- Seed 004: the action plan for equal treatment 2012 -------------------------------------

DEADLINE_2012 = date(2012, 12, 31)

STRANDS = [
    (
        "Efteruddannelse",
        "Beskæftigelses- og Integrationsforvaltningen vil gennemføre en 1-årig "
        "uddannelsesstrategi med fokus på alle niveauer i kommunen omfattende medlemmer af "
        "Borgerrepræsentationen, kredsen af administrerende direktører, team-chefer, "
        "HR-medarbejdere, centrale kommunikationsmedarbejdere og nøglepersoner blandt "
        "frontmedarbejderne.",
        "Efteruddannelsesprogram",
        Decimal("600000"),
        [
            (
                "Oplæg/kort uddannelsesforløb for medlemmer af Borgerrepræsentationen og "
                "adm-dir-kredsen",
                PlanTarget.Kind.YES_NO,
                None,
                None,
                "",
            ),
            (
                "Uddannelsesforløb for udvalgte kontorchefer og teamchefer",
                PlanTarget.Kind.YES_NO,
                None,
                None,
                "",
            ),
            (
                "Uddannelsesforløb for nøglemedarbejdere med fokus på HR, kommunikation og "
                "medarbejdere med borgerkontakt",
                PlanTarget.Kind.YES_NO,
                None,
                None,
                "",
            ),
        ],
    ),
    (
        "Kommunikation",
        "Udbredelse, opdatering og vedligeholdelse af de elementer, der allerede er etableret, "
        "herunder den flersprogede hjemmeside www.kenddinkommune.dk, et forsøg med en ny "
        "standard-skabelon for borgerbrev og forsøg med videotolkning og rådighedstolkning.",
        "Supplerende initiativer i kommunikationsstrategien",
        Decimal("450000"),
        [
            (
                "Der gennemføres i 2012 et forsøg med omformulering af standardbreve fra kommunen",
                PlanTarget.Kind.YES_NO,
                None,
                None,
                "",
            ),
            (
                "Der etableres i 2012 forsøg med videoteletolkning og rådighedstolkning på "
                "udvalgte institutioner i Københavns Kommune",
                PlanTarget.Kind.YES_NO,
                None,
                None,
                "",
            ),
        ],
    ),
    (
        "Equality Lab 2.0",
        "Med udgangspunkt i de opnåede erfaringer udvides projektet, i samarbejde med de øvrige "
        "forvaltninger og Økonomiforvaltningen; de nuværende institutioner tilbydes fortsat "
        "deltagelse, evt. som mentorer for nye institutioner.",
        "Udvidelse af Equality Lab",
        Decimal("450000"),
        [
            (
                "Equality Lab 2.0 udvides til 8-10 nye institutioner i 2012",
                PlanTarget.Kind.RANGE,
                Decimal(8),
                Decimal(10),
                "nye institutioner",
            ),
            (
                "3-4 af de nuværende pilotinstitutioner tilknyttes projektet som "
                "mentor-institutioner i 2012",
                PlanTarget.Kind.COUNT,
                Decimal(3),
                Decimal(4),
                "mentor-institutioner",
            ),
        ],
    ),
    (
        "International erfaringsudveksling",
        "Forvaltningen indgår i efteråret 2012 i projektet 'ImpleMonitoring - City-to-city "
        "support for migrant integration' under Eurocities i et 'cluster' med Manchester, Oslo og "
        "Helsinki.",
        None,
        None,
        [
            (
                "Deltagelse i ImpleMonitoring under Eurocities i efteråret 2012",
                PlanTarget.Kind.YES_NO,
                None,
                None,
                "",
            ),
        ],
    ),
]


def _equal_treatment_2012() -> ActionPlan:
    policy = Policy.objects.get(slug="bland-dig-i-byen")
    theme = policy.themes.get(number=1)
    bif = Administration.objects.filter(short_name="BIF").first()
    plan = crud.create(
        actor=None,
        instance=ActionPlan(
            policy=policy,
            title="Videreførelse og styrkelse af handleplan for ligebehandling 2012",
            year=2012,
            dated=date(2011, 10, 19),
            case_number="2011-116007",
            document_number="2011-704991",
            case_handler="Anne L. Vestergaard",
            office="Kontor for Politik",
            office_address="Bernstorffsgade 17, 1., 1592 København V",
            office_phone="3317 3302",
            office_email="PG50@bif.kk.dk",
            background=(
                "Beskæftigelses- og Integrationsudvalget har med inklusionsaftalen 2012 besluttet "
                "at videreføre og styrke handleplanen for ligebehandling. Handleplanen indgår i "
                "mangfoldighedsprogrammet Bland dig i Byen og bygger på principperne for "
                "ligebehandling."
            ),
            status_of_past_work=(
                "Efteruddannelse: I 2009 gennemførte forvaltningen efteruddannelse af ca. 40 "
                "administrative medarbejdere i ligebehandling og anti-diskrimination.\n"
                "Kommunikation: Forvaltningen har udarbejdet en kommunikationsstrategi for "
                "etniske minoriteter, afholdt kursus i 'Klar kommunikation i det interkulturelle "
                "møde' og oprettet en flersproget hjemmeside.\n"
                "Equality Lab: I efteråret 2010 etablerede forvaltningen i partnerskab med "
                "Institut for Menneskerettigheder et pilotprojekt med 9 kommunale institutioner, "
                "som forventes afsluttet og evalueret primo 2012."
            ),
        ),
    )
    appropriation = crud.create(
        actor=None,
        instance=Appropriation(
            title="Handleplan for ligebehandling 2012 (inklusionsaftalen 2012)",
            granted_by=_body("BIU"),
            reference="Inklusionsaftalen 2012",
            amount_per_year=Decimal("1500000"),
            first_year=2012,
            last_year=2012,
            policy=policy,
        ),
    )
    for number, (title, description, budget_title, amount, targets) in enumerate(STRANDS, start=1):
        initiative = crud.create(
            actor=None,
            instance=Initiative(
                policy=policy,
                theme=theme,
                title=title,
                description=description,
                status=Initiative.Status.PLANNED,
                responsible=bif,
                starts_on=date(2012, 1, 1),
                ends_on=DEADLINE_2012,
            ),
        )
        strand = crud.create(
            actor=None,
            instance=Strand(
                action_plan=plan,
                number=number,
                title=title,
                description=description,
                initiative=initiative,
            ),
        )
        for text, kind, minimum, maximum, unit in targets:
            crud.create(
                actor=None,
                instance=PlanTarget(
                    strand=strand,
                    text=text,
                    kind=kind,
                    minimum=minimum,
                    maximum=maximum,
                    unit=unit,
                    deadline=DEADLINE_2012,
                ),
            )
        if amount is not None:
            services.save_budget_line(
                actor=None,
                line=BudgetLine(
                    appropriation=appropriation,
                    year=2012,
                    title=budget_title,
                    amount=amount,
                    initiative=initiative,
                    strand=strand,
                ),
            )
    return plan
