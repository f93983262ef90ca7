"""The demo barometer's computed indicators as specs (their codes are the CSV's and the API's).

``ansatte_ikke_dansk`` (the share of the municipality's own employees of non-Danish origin
against that share in the population) comes from HR data and is entered by hand, so it has no
spec here; it is listed in ``MANUAL_CODES``.
"""

from pejling.barometer.engine.spec import ORIGINS, IndicatorSpec

DEMO_SPECS: tuple[IndicatorSpec, ...] = (
    # National barometer 1.2: employment rate of 25-64-year-olds, non-western and Danish origin,
    # each in total and by district.
    IndicatorSpec(
        code="besk_25_64",
        kind="rate",
        measure="employed",
        age_min=25,
        age_max=64,
        origins=("ikke_vestlig", "dansk"),
        by=("district",),
    ),
    # National 1.1: the employment gap in percentage points, Danish minus non-western origin.
    IndicatorSpec(
        code="besk_gab_25_64",
        kind="gap",
        measure="employed",
        age_min=25,
        age_max=64,
        group="ikke_vestlig",
        reference="dansk",
        by=("district",),
    ),
    # National 2.2: 20-24-year-olds with a completed youth education, total and each origin.
    IndicatorSpec(
        code="ungdomsudd_20_24",
        kind="rate",
        measure="completed_youth_education",
        age_min=20,
        age_max=24,
        origins=ORIGINS,
        include_all_origins=True,
    ),
    # Mean 9th-grade grade of those with a grade, total and each origin.
    IndicatorSpec(
        code="karakter_9",
        kind="mean",
        measure="grade_9th",
        origins=ORIGINS,
        include_all_origins=True,
    ),
    # The grade gap, Danish minus non-western origin.
    IndicatorSpec(
        code="karakter_gab_9",
        kind="gap",
        measure="grade_9th",
        group="ikke_vestlig",
        reference="dansk",
    ),
    # Share living in a vulnerable housing area, total and each origin, each also by district.
    IndicatorSpec(
        code="udsat_bolig",
        kind="rate",
        measure="lives_in_vulnerable_area",
        origins=ORIGINS,
        include_all_origins=True,
        by=("district",),
    ),
)

MANUAL_CODES: tuple[str, ...] = ("ansatte_ikke_dansk",)
