"""Wall time and peak memory of the barometer engine against hand-written SQL and pandas.

Generates (once, cached under ``var/bench/``) the synthetic city register panel (660,000
persons x 24 half-years, about 16 million rows) and a national-size one (6 million persons,
about 144 million rows, generated in chunks), then computes every computed demo indicator for
all half-years and disaggregations three ways, each in a fresh worker process so interpreter
start and imports are not timed and peak memory (ru_maxrss) is the worker's own:

- ``engine``: ``pejling.barometer.engine.compute`` on DuckDB (panel validation, one Ibis
  expression per indicator, disclosure control);
- ``sql``: one hand-written DuckDB query per indicator (GROUPING SETS, bound parameters),
  the way an analyst would write it, without disclosure control;
- ``pandas``: the same with pandas (city panel only).

Targets on a 2-core machine: the engine within 1.5x the hand SQL on both panels, at least 3x
faster than pandas on the city panel, the national panel under 30 s and 4 GB.
Usage: ``make bench`` or
``python bench/barometer.py [--only city|national] [--kinds engine,sql,pandas]``.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "var" / "bench"
PANELS = {"city": 660_000, "national": 6_000_000}
SEED = 2013
ENGINE_VS_SQL = 1.5
PANDAS_VS_ENGINE = 3.0
NATIONAL_SECONDS = 30.0
NATIONAL_MB = 4096.0

NON_WESTERN = ("indvandrer_ikke_vestlig", "efterkommer_ikke_vestlig")

# The computed demo indicators as one hand-written query each: (code, SQL).
HAND_SQL = [
    (
        "besk_25_64",
        "SELECT period, CASE WHEN origin = 'dansk' THEN 'dansk' ELSE 'ikke_vestlig' END AS grp, "
        " district, sum(employed::INTEGER), count(*) "
        "FROM read_parquet($panel) "
        "WHERE (CAST(left(period, 4) AS INTEGER) - birth_year) BETWEEN 25 AND 64 "
        "AND origin IN ('dansk', $nw1, $nw2) "
        "GROUP BY GROUPING SETS ((period, grp), (period, grp, district))",
    ),
    (
        "besk_gab_25_64",
        "SELECT period, CASE WHEN origin = 'dansk' THEN 'dansk' ELSE 'ikke_vestlig' END AS grp, "
        " district, sum(employed::INTEGER), count(*) "
        "FROM read_parquet($panel) "
        "WHERE (CAST(left(period, 4) AS INTEGER) - birth_year) BETWEEN 25 AND 64 "
        "AND origin IN ('dansk', $nw1, $nw2) "
        "GROUP BY GROUPING SETS ((period, grp), (period, grp, district))",
    ),
    (
        "ungdomsudd_20_24",
        "SELECT period, origin, sum(completed_youth_education::INTEGER), count(*) "
        "FROM read_parquet($panel) "
        "WHERE (CAST(left(period, 4) AS INTEGER) - birth_year) BETWEEN 20 AND 24 "
        "GROUP BY GROUPING SETS ((period), (period, origin))",
    ),
    (
        "karakter_9",
        "SELECT period, origin, sum(grade_9th::DECIMAL(18, 4)), count(*) "
        "FROM read_parquet($panel) WHERE grade_9th IS NOT NULL "
        "GROUP BY GROUPING SETS ((period), (period, origin))",
    ),
    (
        "karakter_gab_9",
        "SELECT period, CASE WHEN origin = 'dansk' THEN 'dansk' ELSE 'ikke_vestlig' END AS grp, "
        " sum(grade_9th::DECIMAL(18, 4)), count(*) "
        "FROM read_parquet($panel) WHERE grade_9th IS NOT NULL "
        "AND origin IN ('dansk', $nw1, $nw2) GROUP BY period, grp",
    ),
    (
        "udsat_bolig",
        "SELECT period, origin, district, sum(lives_in_vulnerable_area::INTEGER), count(*) "
        "FROM read_parquet($panel) GROUP BY GROUPING SETS "
        "((period), (period, origin), (period, district), (period, origin, district))",
    ),
]


def panel_path(name: str) -> Path:
    return CACHE / f"barometer-{name}-{PANELS[name]}-{SEED}.parquet"


# --- workers (run in a fresh process each) -------------------------------------------------


def work_engine(panel: str) -> int:
    from pejling.barometer.engine import compute
    from pejling.barometer.engine.catalogue import DEMO_SPECS

    return len(compute(DEMO_SPECS, panel))


def work_sql(panel: str) -> int:
    import duckdb

    connection = duckdb.connect()
    rows = 0
    for _code, sql in HAND_SQL:
        parameters = {"panel": panel}
        if "$nw1" in sql:
            parameters |= {"nw1": NON_WESTERN[0], "nw2": NON_WESTERN[1]}
        rows += len(connection.execute(sql, parameters).fetchall())
    return rows


def work_pandas(panel: str) -> int:
    import pandas as pd

    frame = pd.read_parquet(panel)
    for name in ("period", "origin", "district", "sex"):
        frame[name] = frame[name].astype("category")
    years = frame["period"].cat.categories.str.slice(0, 4).astype(int)
    age = years.to_numpy()[frame["period"].cat.codes.to_numpy()] - frame["birth_year"].to_numpy()
    non_western = frame["origin"].isin(NON_WESTERN)
    rows = 0

    def rolled(data, measure, origins, by):
        total = 0
        for keys in (["period"], *(["period", d] for d in by)):
            for subset in origins:
                result = data[subset].groupby(keys, observed=True)[measure].agg(["sum", "count"])
                total += len(result)
        return total

    working = frame[(age >= 25) & (age <= 64) & (non_western | (frame["origin"] == "dansk"))]
    split = [working["origin"] == "dansk", working["origin"] != "dansk"]
    rows += 2 * rolled(working, "employed", split, ["district"])  # the rate and the gap
    young = frame[(age >= 20) & (age <= 24)]
    groups = [young["origin"] == o for o in young["origin"].cat.categories] + [
        pd.Series(True, index=young.index)
    ]
    rows += rolled(young, "completed_youth_education", groups, [])
    graded = frame[frame["grade_9th"].notna()]
    groups = [graded["origin"] == o for o in graded["origin"].cat.categories] + [
        pd.Series(True, index=graded.index)
    ]
    rows += rolled(graded, "grade_9th", groups, [])
    rows += rolled(
        graded, "grade_9th", [graded["origin"] == "dansk", graded["origin"].isin(NON_WESTERN)], []
    )
    groups = [frame["origin"] == o for o in frame["origin"].cat.categories] + [
        pd.Series(True, index=frame.index)
    ]
    rows += rolled(frame, "lives_in_vulnerable_area", groups, ["district"])
    return rows


WORKERS = {"engine": work_engine, "sql": work_sql, "pandas": work_pandas}


# Imported before the clock starts: interpreter start and imports are not timed.
IMPORTS = {
    "engine": ("pejling.barometer.engine", "pejling.barometer.engine.catalogue"),
    "sql": ("duckdb",),
    "pandas": ("pandas", "pyarrow.parquet"),
}


def worker(kind: str, panel: str) -> None:
    import importlib

    for module in IMPORTS[kind]:
        importlib.import_module(module)
    started = time.perf_counter()
    rows = WORKERS[kind](panel)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "rows": rows}))


# --- driver --------------------------------------------------------------------------------


def run_worker(kind: str, panel: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, __file__, "--worker", kind, "--panel", str(panel)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def ensure_panel(name: str) -> Path:
    path = panel_path(name)
    if path.exists():
        print(f"{name}: using the cached panel {path.relative_to(ROOT)}")
        return path
    sys.path.insert(0, str(ROOT / "src"))
    from pejling.barometer.engine.panel import generate_panel

    print(f"{name}: generating {PANELS[name]:,} persons (synthetic) ...", flush=True)
    started = time.perf_counter()
    rows = generate_panel(path, persons=PANELS[name], seed=SEED)
    print(f"{name}: {rows:,} rows in {time.perf_counter() - started:.1f} s")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(PANELS))
    parser.add_argument("--kinds", default="engine,sql,pandas", help="which of engine,sql,pandas")
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--panel", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.worker:
        worker(arguments.worker, arguments.panel)
        return 0
    CACHE.mkdir(parents=True, exist_ok=True)
    names = [arguments.only] if arguments.only else list(PANELS)
    misses = []
    for name in names:
        path = ensure_panel(name)
        kinds = [k for k in arguments.kinds.split(",") if k in WORKERS]
        if name != "city":
            kinds = [k for k in kinds if k != "pandas"]
        results = {}
        for kind in kinds:
            results[kind] = run_worker(kind, path)
            print(
                f"{name:8} {kind:7} {results[kind]['seconds']:7.2f} s "
                f"{results[kind]['peak_mb']:8.0f} MB peak  ({results[kind]['rows']:,} rows)",
                flush=True,
            )
        if "engine" not in results:
            continue
        engine = results["engine"]["seconds"]
        if "sql" in results:
            ratio = engine / results["sql"]["seconds"]
            print(f"{name:8} engine / hand SQL = {ratio:.2f} (target <= {ENGINE_VS_SQL})")
            if ratio > ENGINE_VS_SQL:
                misses.append(f"{name}: engine {ratio:.2f}x the hand SQL")
        if "pandas" in results:
            speedup = results["pandas"]["seconds"] / engine
            print(f"{name:8} pandas / engine = {speedup:.2f} (target >= {PANDAS_VS_ENGINE})")
            if speedup < PANDAS_VS_ENGINE:
                misses.append(f"{name}: engine only {speedup:.2f}x faster than pandas")
        if name == "national":
            peak = results["engine"]["peak_mb"]
            if engine > NATIONAL_SECONDS or peak > NATIONAL_MB:
                misses.append(f"national: {engine:.1f} s, {peak:.0f} MB")
    load = os.getloadavg()[0]
    print(f"Load average (1 min) at the end: {load:.1f} on {os.cpu_count()} cores.")
    print("All targets met." if not misses else "Targets missed: " + "; ".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
