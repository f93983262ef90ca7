"""Wall time of the annual status report for one year with the large data set on PostgreSQL.

Issue 8: with 100,000 cases, 1,000,000 activities and a full barometer the report for one year
is generated in under 30 s. This creates a fresh database (dropping one of the same name),
loads the demo with the full barometer (the 660,000-person synthetic panel: the city panel
``bench/barometer.py`` caches under ``var/bench/`` is the same file and is reused, generated
there first when missing; the engine's cells are cached beside it), adds the task force's
100,000 cases and 1,000,000 activities with ``bench/taskforce.py``'s SQL, and then builds the
status report and the committee's orientation for the year through the service the
background task runs (``reports.services.build_report``, synchronously in-process), each a
few times. The service's progress reports split each run into the report's parts, the Word
document, the PDF and saving; the figures step's slowest SQL queries are printed. The database
is dropped at the end. Needs a PostgreSQL server. Usage: ``make bench`` or
``python bench/reports.py [--database-url URL] [--year 2025] [--repeat 3] [--keep]``.
"""

import argparse
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import taskforce as taskforce_bench  # bench/taskforce.py, beside this file

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "var" / "bench"
PERSONS = 660_000
TARGET_S = 30.0
SLOWEST = 8


def prepare_panel(var: Path) -> None:
    """Point the demo's panel at the benchmark's cached city panel (the same persons and seed),
    generating it first when missing, and keep the demo's cell cache under ``var/bench/``."""
    import barometer as barometer_bench  # bench/barometer.py, beside this file

    started = time.perf_counter()
    panel = barometer_bench.ensure_panel("city")
    print(f"Panel ready in {time.perf_counter() - started:.1f} s")
    cells = CACHE / "demo-barometer"
    cells.mkdir(parents=True, exist_ok=True)
    # The demo's file name (pejling.demo.barometer.panel_path) for the same persons and seed.
    demo_panel = cells / f"demo-panel-{PERSONS}-{barometer_bench.SEED}.parquet"
    if not demo_panel.exists():
        demo_panel.symlink_to(panel)
    (var / "barometer").symlink_to(cells, target_is_directory=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/pejling_bench_reports"
    )
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()

    var = Path(tempfile.mkdtemp(prefix="pejling-bench-reports-"))
    os.environ["PEJLING_VAR_DIR"] = str(var)
    os.environ["PEJLING_DEMO_PANEL_PERSONS"] = str(PERSONS)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pejling.config.settings")
    prepare_panel(var)

    taskforce_bench.recreate_database(args.database_url)
    try:
        run(args)
    finally:
        if not args.keep:
            taskforce_bench.drop_database(args.database_url)
        shutil.rmtree(var, ignore_errors=True)


def load(year: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    from pejling.demo import load_all
    from pejling.demo.barometer import panel_path

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    cached = any(panel_path().parent.glob(f"{panel_path().stem}-cells-*.csv"))
    started = time.perf_counter()
    load_all()
    print(
        f"Demo with the full barometer ({PERSONS:,}-person panel, engine cells "
        f"{'cached' if cached else 'computed'}) loaded in {time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    taskforce_bench.add_rows()
    print(
        f"Added {taskforce_bench.CASES:,} cases and {taskforce_bench.ACTIVITIES:,} activities in "
        f"{time.perf_counter() - started:.1f} s (PostgreSQL {connection.pg_version // 10000})"
    )
    taskforce_bench.check_rows()
    from pejling.barometer.models import Measurement
    from pejling.taskforce.models import Activity, Case

    print(
        f"{year}: {Case.objects.filter(received_at__year=year).count():,} cases received, "
        f"{Activity.objects.filter(date__year=year).count():,} activities; "
        f"{Measurement.objects.count():,} barometer measurements"
    )


def build_once(kind: str, year: int) -> tuple[dict[str, float], list[dict]]:
    """One report built as the background task builds it; its steps' seconds and the figures'
    queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pejling.accounts.models import User
    from pejling.audit.context import origin
    from pejling.audit.models import Channel
    from pejling.core import crud
    from pejling.reports import figures, services
    from pejling.reports.models import Report

    requester = User.objects.get(username="koordinator")
    latest = Report.objects.filter(kind=kind, year=year).order_by("-version").first()
    report = crud.create(
        actor=requester,
        instance=Report(
            kind=kind,
            year=year,
            language="da",
            version=(latest.version if latest else 0) + 1,
            state=Report.State.QUEUED,
            requested_by=requester,
        ),
    )
    parts = len(figures.PARTS) + 1  # the parts and the priorities
    marks: list[tuple[str, float, int]] = []

    def progress(step: int, total: int, message: str) -> None:
        marks.append((str(message), time.perf_counter(), len(connection.queries)))

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        base = len(connection.queries)
        with origin(Channel.TASK, path="generate_report"):
            services.build_report(report, progress=progress)
        ended = time.perf_counter()
    report.refresh_from_db()
    if report.state != Report.State.DONE:
        sys.exit(f"The report ended as {report.state}.")
    steps = {}
    before = started
    for message, at, _count in marks[:parts]:
        steps[message] = at - before
        before = at
    # figures.build finishes its dict after the last part; DOCX and PDF report when done.
    figures_end = marks[parts - 1][1]
    steps["figures"] = figures_end - started
    steps["docx"] = marks[parts][1] - figures_end
    steps["pdf"] = marks[parts + 1][1] - marks[parts][1]
    steps["save"] = ended - marks[parts + 1][1]
    steps["total"] = ended - started
    queries = list(captured.captured_queries)[: marks[parts - 1][2] - base]
    return steps, queries


def run(args) -> None:
    import django

    django.setup()
    # WeasyPrint tells every step and page at INFO level.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    from pejling.reports.models import Kind

    load(args.year)
    over = False
    for kind, label in ((Kind.STATUS_REPORT, "status report"), (Kind.ORIENTATION, "orientation")):
        runs, queries = [], []
        for _ in range(args.repeat):
            steps, queries = build_once(kind, args.year)
            runs.append(steps)
        print(
            f"\n{label} {args.year}, {args.repeat} runs, seconds (target: the whole report "
            f"under {TARGET_S:.0f} s)"
        )
        print(f"{'step':<44}{'median':>10}{'max':>10}   each run")
        for step in runs[0]:
            samples = [r[step] for r in runs]
            each = " ".join(f"{sample:.2f}" for sample in samples)
            print(
                f"{step[:43]:<44}{statistics.median(samples):>10.2f}{max(samples):>10.2f}   {each}"
            )
        worst = max(r["total"] for r in runs)
        over = over or worst > TARGET_S
        print(
            f"{'within the target' if worst <= TARGET_S else 'OVER the target'} "
            f"({worst:.1f} s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
        )
        print(f"slowest of the figures step's {len(queries)} queries:")
        for query in sorted(queries, key=lambda q: float(q["time"]), reverse=True)[:SLOWEST]:
            sql = " ".join(query["sql"].split())
            print(f"  {float(query['time']) * 1000:9.1f} ms  {sql[:300]}")
    if over:
        sys.exit(1)


if __name__ == "__main__":
    main()
