"""The demo barometer: the indicators of issue 6 measuring the goals of 'Bland dig i byen'
(seed 003's examples: a workforce reflecting the population, a smaller grade gap, fewer living
in vulnerable housing areas, less excess unemployment among ethnic minorities), their targets,
the hand-entered share of the municipality's own employees of non-Danish origin, and published
editions computed by the engine from a generated, plainly synthetic register panel.

The panel's size is the setting ``PEJLING_DEMO_PANEL_PERSONS`` (Copenhagen's ~660,000 by
default; the tests use a few thousand). The generated file is kept in the var directory and
reused.
"""

import hashlib
from pathlib import Path

from django.conf import settings

from pejling.barometer import services
from pejling.barometer.imports import parse_rows, read_table
from pejling.barometer.models import Edition, Indicator, Kind, Source, Target, Unit
from pejling.core import crud
from pejling.policy.models import Direction, Goal, Policy

POLICY_SLUG = "bland-dig-i-byen"
SEED = 2013
EDITIONS = ("2023H2", "2024H1", "2024H2")  # published, each holding every half-year up to it
SYNTHETIC = "Syntetisk registerudtræk (demo)"

# Theme number → goal title, description, target value and unit (seed 003's examples).
GOALS = {
    1: (
        "Kommunens medarbejdere afspejler befolkningen",
        "Andelen af kommunens medarbejdere med anden herkomst end dansk skal nærme sig "
        "andelen i befolkningen.",
    ),
    2: (
        "Karaktergabet i folkeskolen bliver mindre",
        "Forskellen i karaktergennemsnit ved 9. klasses afgangsprøve mellem elever af dansk "
        "oprindelse og ikke-vestlige elever skal mindskes.",
    ),
    3: (
        "Færre bor i udsatte boligområder",
        "Andelen af københavnere, der bor i et udsat boligområde, skal falde.",
    ),
    4: (
        "Overledigheden blandt etniske minoriteter falder",
        "Beskæftigelsen blandt ikke-vestlige indvandrere og efterkommere skal nærme sig "
        "beskæftigelsen blandt personer af dansk oprindelse.",
    ),
}

REGISTER_SOURCE = (
    "Registerudtræk pr. person og halvår (beskæftigelse, uddannelse, bopæl og karakterer). "
    "I demoen et syntetisk udtræk uden virkelige personer."
)

# code: fields, theme numbers of the goals it measures, target (value, year, tolerance).
INDICATORS: dict[str, tuple[dict, list[int], tuple[float, int, float]]] = {
    "besk_25_64": (
        {
            "name": "Beskæftigelse blandt 25-64-årige",
            "name_en": "Employment rate, age 25-64",
            "description": "Andel i beskæftigelse blandt 25-64-årige, for personer af ikke-vestlig "
            "og af dansk oprindelse, i alt og pr. bydel (som det nationale barometers 1.2).",
            "unit": Unit.PERCENT,
            "direction": Direction.HIGHER,
            "kind": Kind.RATE,
            "measure": "employed",
            "age_min": 25,
            "age_max": 64,
            "origins": ["ikke_vestlig", "dansk"],
            "by": ["district"],
            "headline_origin": "ikke_vestlig",
            "definition": "Personer i beskæftigelse i procent af alle 25-64-årige i gruppen.",
            "computation": "Tæller: beskæftigede 25-64-årige. Nævner: alle 25-64-årige. Alder "
            "er halvårets år minus fødselsåret.",
        },
        [4],
        (70.0, 2026, 0.5),
    ),
    "besk_gab_25_64": (
        {
            "name": "Beskæftigelsesgab, 25-64-årige",
            "name_en": "Employment gap, age 25-64",
            "description": "Forskellen i procentpoint mellem beskæftigelsen blandt personer af "
            "dansk oprindelse og blandt ikke-vestlige indvandrere og efterkommere "
            "(som det nationale barometers 1.1).",
            "unit": Unit.POINTS,
            "direction": Direction.LOWER,
            "kind": Kind.GAP,
            "measure": "employed",
            "age_min": 25,
            "age_max": 64,
            "by": ["district"],
            "group": "ikke_vestlig",
            "reference": "dansk",
            "headline_origin": "ikke_vestlig",
            "definition": "Beskæftigelsesfrekvens for dansk oprindelse minus beskæftigelses"
            "frekvens for ikke-vestlig oprindelse.",
            "computation": "Forskellen regnes celle for celle (samme halvår og bydel). Er en af "
            "de to sider diskretioneret, er forskellen det også.",
            "caveats": "Målet er 0 procentpoint. Status regnes derfor på den årlige ændring i "
            "procentpoint, ikke på vækstrater.",
        },
        [4],
        (0.0, 2030, 0.5),
    ),
    "ungdomsudd_20_24": (
        {
            "name": "20-24-årige med en ungdomsuddannelse",
            "name_en": "Age 20-24 with a completed youth education",
            "description": "Andel af 20-24-årige, der har gennemført en ungdomsuddannelse, i alt "
            "og for hver herkomstgruppe (som det nationale barometers 2.2).",
            "unit": Unit.PERCENT,
            "direction": Direction.HIGHER,
            "kind": Kind.RATE,
            "measure": "completed_youth_education",
            "age_min": 20,
            "age_max": 24,
            "origins": [
                "dansk",
                "indvandrer_vestlig",
                "indvandrer_ikke_vestlig",
                "efterkommer_vestlig",
                "efterkommer_ikke_vestlig",
            ],
            "include_all_origins": True,
            "headline_origin": "",
            "definition": "Personer med gennemført ungdomsuddannelse i procent af alle "
            "20-24-årige.",
        },
        [2],
        (90.0, 2026, 0.3),
    ),
    "karakter_9": (
        {
            "name": "Karaktergennemsnit ved 9. klasses prøve",
            "name_en": "Mean grade, 9th-grade exam",
            "description": "Gennemsnitlig karakter blandt elever med en karakter fra 9. klasses "
            "afgangsprøve, i alt og for hver herkomstgruppe.",
            "unit": Unit.GRADE,
            "direction": Direction.HIGHER,
            "kind": Kind.MEAN,
            "measure": "grade_9th",
            "origins": [
                "dansk",
                "indvandrer_vestlig",
                "indvandrer_ikke_vestlig",
                "efterkommer_vestlig",
                "efterkommer_ikke_vestlig",
            ],
            "include_all_origins": True,
            "headline_origin": "",
            "definition": "Gennemsnit af karakteren fra 9. klasses afgangsprøve for dem, der "
            "har en karakter i halvåret.",
        },
        [2],
        (7.5, 2026, 0.05),
    ),
    "karakter_gab_9": (
        {
            "name": "Karaktergab ved 9. klasses prøve",
            "name_en": "Grade gap, 9th-grade exam",
            "description": "Forskellen i karaktergennemsnit mellem elever af dansk oprindelse og "
            "ikke-vestlige elever.",
            "unit": Unit.GRADE,
            "direction": Direction.LOWER,
            "kind": Kind.GAP,
            "measure": "grade_9th",
            "group": "ikke_vestlig",
            "reference": "dansk",
            "headline_origin": "ikke_vestlig",
            "definition": "Karaktergennemsnit for dansk oprindelse minus karaktergennemsnit for "
            "ikke-vestlig oprindelse.",
            "caveats": "Målet er 0 karakterpoint. Status regnes derfor på den årlige ændring, "
            "ikke på vækstrater.",
        },
        [2],
        (0.0, 2030, 0.05),
    ),
    "udsat_bolig": (
        {
            "name": "Bor i et udsat boligområde",
            "name_en": "Living in a vulnerable housing area",
            "description": "Andel, der bor i et udsat boligområde, i alt og for hver "
            "herkomstgruppe, hver i alt og pr. bydel.",
            "unit": Unit.PERCENT,
            "direction": Direction.LOWER,
            "kind": Kind.RATE,
            "measure": "lives_in_vulnerable_area",
            "origins": [
                "dansk",
                "indvandrer_vestlig",
                "indvandrer_ikke_vestlig",
                "efterkommer_vestlig",
                "efterkommer_ikke_vestlig",
            ],
            "include_all_origins": True,
            "by": ["district"],
            "headline_origin": "",
            "definition": "Personer med bopæl i et udsat boligområde i procent af alle.",
        },
        [3],
        (3.0, 2026, 0.1),
    ),
    "ansatte_ikke_dansk": (
        {
            "name": "Kommunens ansatte med anden herkomst end dansk",
            "name_en": "Municipal employees of non-Danish origin",
            "description": "Andelen af kommunens egne ansatte med anden herkomst end dansk, målt "
            "mod den andel i befolkningen (målet), fra HR-data.",
            "unit": Unit.PERCENT,
            "direction": Direction.HIGHER,
            "kind": Kind.RATE,
            "source": Source.MANUAL,
            "headline_origin": "",
            "definition": "Ansatte med anden herkomst end dansk i procent af alle ansatte.",
            "source_text": "Kommunens HR-data, indtastet af en analytiker en gang om året.",
            "caveats": "Målet er andelen i befolkningen (27 %).",
        },
        [1],
        (27.0, 2026, 0.2),
    ),
}

# HR data, entered by hand each second half-year (synthetic, like the rest of the demo).
EMPLOYEE_SHARES = {
    "2013H2": 11.2,
    "2014H2": 11.9,
    "2015H2": 12.4,
    "2016H2": 13.1,
    "2017H2": 13.5,
    "2018H2": 14.2,
    "2019H2": 14.8,
    "2020H2": 15.1,
    "2021H2": 15.9,
    "2022H2": 16.6,
    "2023H2": 17.2,
    "2024H2": 17.9,
}


def panel_persons() -> int:
    return settings.PEJLING_DEMO_PANEL_PERSONS


def panel_path() -> Path:
    return Path(settings.VAR_DIR) / "barometer" / f"demo-panel-{panel_persons()}-{SEED}.parquet"


def load() -> dict[str, int]:
    created = {"goals": 0, "indicators": 0, "targets": 0, "editions": 0, "measurements": 0}
    policy = Policy.objects.filter(slug=POLICY_SLUG).first()
    goals = _goals(policy, created) if policy else {}
    indicators = {}
    for code, (fields, themes, _target) in INDICATORS.items():
        indicator = Indicator.objects.filter(code=code).first()
        if indicator is None:
            values = {
                "source": Source.REGISTER,
                "source_text": REGISTER_SOURCE,
                "lag_months": 6,
                **fields,
            }
            indicator = services.save_indicator(
                actor=None,
                indicator=Indicator(code=code),
                changes=values,
                goals=[goals[t] for t in themes if t in goals],
            )
            created["indicators"] += 1
        indicators[code] = indicator
    if Edition.objects.filter(is_synthetic=True).exists():
        return created
    cells = _compute(indicators)
    manual = [
        services.CellRow(indicator="ansatte_ikke_dansk", period=period, value=value)
        for period, value in EMPLOYEE_SHARES.items()
    ]
    _targets(indicators, cells, created)
    for period in EDITIONS:
        edition = services.store_engine_run(
            cells=cells, period=period, actor=None, source_name=SYNTHETIC, is_synthetic=True
        )
        services.store_upload(
            actor=None, rows=[r for r in manual if r.period <= period], edition=edition
        )
        services.publish_edition(actor=None, edition=edition)
        created["editions"] += 1
        created["measurements"] += edition.measurements.count()
    return created


def _goals(policy: Policy, created: dict[str, int]) -> dict[int, Goal]:
    goals = {}
    for number, (title, description) in GOALS.items():
        goal = Goal.objects.filter(policy=policy, title=title).first()
        if goal is None:
            goal = crud.create(
                actor=None,
                instance=Goal(
                    policy=policy,
                    theme=policy.themes.filter(number=number).first(),
                    title=title,
                    description=description,
                ),
            )
            created["goals"] += 1
        goals[number] = goal
    return goals


def _compute(indicators: dict[str, Indicator]) -> list:
    """The engine's cells for the demo panel; kept beside the panel as CSV, so that loading the
    demo again into an empty database does not compute them again."""
    from pejling.barometer.engine import compute, generate_panel, write_csv

    specs = [i.to_spec() for i in indicators.values() if i.source == Source.REGISTER]
    path = panel_path()
    fingerprint = hashlib.sha256(repr(specs).encode()).hexdigest()[:12]
    cached = path.with_name(f"{path.stem}-cells-{fingerprint}.csv")
    if cached.exists():
        with cached.open("rb") as handle:
            return parse_rows(read_table(handle, cached.name))
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        generate_panel(partial, persons=panel_persons(), seed=SEED)
        partial.replace(path)
    cells = compute(specs, path)
    partial = cached.with_suffix(".partial")
    write_csv(cells, partial)
    partial.replace(cached)
    return cells


def _targets(indicators: dict[str, Indicator], cells: list, created: dict[str, int]) -> None:
    """Targets with the first half-year as baseline, its value taken from the data."""
    first = {
        c.indicator: (c.period, c.value)
        for c in sorted(cells, key=lambda c: c.period, reverse=True)
        if c.value is not None
        and not c.district
        and not c.sex
        and c.origin == indicators[c.indicator].headline_origin
    }
    first["ansatte_ikke_dansk"] = next(iter(EMPLOYEE_SHARES.items()))
    for code, (_fields, _themes, (value, year, tolerance)) in INDICATORS.items():
        indicator = indicators[code]
        if code not in first or Target.objects.filter(indicator=indicator).exists():
            continue
        period, baseline = first[code]
        services.save_target(
            actor=None,
            indicator=indicator,
            baseline_period=period,
            baseline_value=round(baseline, 2),
            target_value=value,
            target_year=year,
            tolerance=tolerance,
        )
        created["targets"] += 1
