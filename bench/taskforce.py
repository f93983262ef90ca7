"""Server time and SQL queries of the task force's pages with 100,000 cases on PostgreSQL.

Like ``bench/policy_lists.py`` (the production settings, DEBUG off, manifest static files, each
request timed through the whole Django stack in-process), but against PostgreSQL: it creates a
fresh database (dropping one of the same name), loads the demo, and adds 100,000 cases over
2019–2026 (most closed, about 3,000 open, 500 new or waiting for information) with 1,000,000
activities, written by PostgreSQL itself (INSERT … SELECT FROM generate_series), not the ORM.
It then times the triage board, "my cases" and the overview for the demo coordinator and
advisor, prints median, p95 and max and the queries of one request, and for a page over the
target the slowest query's plan (EXPLAIN ANALYZE). The database is dropped at the end.
Needs a PostgreSQL server. Usage: ``make bench`` or
``python bench/taskforce.py [--database-url URL] [--requests N] [--keep]``.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from urllib.parse import urlsplit, urlunsplit

CASES = 100_000
ACTIVITIES = 1_000_000
TRIAGE = 500  # new or pending: the newest cases
OPEN_EVERY = 30  # every 30th older case is open: about 3,000
TARGET_MS = 150.0


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def admin_connection(url: str):
    """An autocommit connection to the server's 'postgres' database (CREATE/DROP DATABASE)."""
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


def database_name(url: str) -> str:
    name = urlsplit(url).path.lstrip("/")
    if not name or not name.replace("_", "").isalnum():
        sys.exit(f"Refusing the database name {name!r}.")
    return name


def recreate_database(url: str) -> None:
    name = database_name(url)
    with admin_connection(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    from django.db import connections

    connections.close_all()
    with admin_connection(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)')


def add_rows() -> None:
    """The 100,000 cases, their assignments, follow-ups and 1,000,000 activities, in SQL."""
    from django.db import connection, transaction

    from pejling.accounts.models import Administration, User
    from pejling.accounts.roles import Role
    from pejling.taskforce.models import ActivityKind, ActorKind, Door, Field, OutcomeKind

    coordinator = User.objects.get(username="koordinator").pk
    advisor = User.objects.get(username="raadgiver").pk
    workers = sorted(
        {coordinator, advisor}
        | set(
            User.objects.filter(
                role_assignments__role__in=[Role.ADVISOR, Role.COORDINATOR]
            ).values_list("pk", flat=True)
        )
    )
    administrations = list(Administration.objects.values_list("pk", flat=True))
    outcomes = list(OutcomeKind.objects.values_list("pk", flat=True)) or [None]
    from pejling.taskforce.models import Case

    after = Case.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    params = {
        "after": after,  # the demo's own cases are left as they are
        "cases": CASES,
        "activities": ACTIVITIES,
        "triage": TRIAGE,
        "open_every": OPEN_EVERY,
        "doors": [d.value for d in Door],
        "fields": [f.value for f in Field],
        "actors": [a.value for a in ActorKind],
        "levels": ["low", "normal", "normal", "high"],
        "admins": administrations,
        "outcomes": outcomes,
        "kinds": [k.value for k in ActivityKind],
        "workers": workers,
        "coordinator": coordinator,
        "advisor": advisor,
    }
    statements = [
        # The cases, received evenly from 1 January 2019 to 15 November 2026; the newest 500
        # wait for triage, every 30th older one is open, a few are declined, the rest closed.
        """
        INSERT INTO taskforce_case (
            reference, status_token, door, status, title, description, field, actor_kind,
            organisation, urgency, priority, contact_name, contact_email, contact_phone,
            administration_id, submitted_by_id, received_at, response_due_on,
            first_responded_at, pending_since, merged_into_id, decline_reason, outcome_id,
            outcome_text, closed_at, best_practice_draft, anonymised_at)
        SELECT
            'TF-' || extract(year FROM s.received_at)::int || '-' || s.g,
            md5('token' || s.g) || md5('salt' || s.g),
            (%(doors)s::text[])[1 + s.g %% 3],
            s.status,
            'Benchmarksag ' || s.g || ': samarbejde om ' || (%(fields)s::text[])[1 + s.g %% 6],
            'En henvendelse til taskforcen, genereret til ydelsesmåling.',
            (%(fields)s::text[])[1 + s.g %% 6],
            (%(actors)s::text[])[1 + (s.g / 7) %% 12],
            'Organisation ' || (s.g %% 400),
            (%(levels)s::text[])[1 + (s.g / 3) %% 4],
            (%(levels)s::text[])[1 + (s.g / 5) %% 4],
            '', '', '',
            CASE WHEN s.g %% 10 = 0 THEN NULL
                 ELSE (%(admins)s::bigint[])[1 + s.g %% cardinality(%(admins)s::bigint[])] END,
            NULL,
            s.received_at,
            (s.received_at + interval '10 days')::date,
            CASE WHEN s.status IN ('new', 'pending') AND s.g %% 4 <> 0 THEN NULL
                 WHEN s.status IN ('new', 'pending') THEN s.received_at + interval '1 day'
                 ELSE s.received_at + (s.g %% 14) * interval '1 day' + interval '3 hours' END,
            CASE WHEN s.status = 'pending' THEN s.received_at + interval '2 days' END,
            NULL,
            CASE WHEN s.status = 'declined' THEN 'Uden for taskforcens område.' ELSE '' END,
            CASE WHEN s.status = 'closed'
                 THEN (%(outcomes)s::bigint[])[1 + s.g %% cardinality(%(outcomes)s::bigint[])]
            END,
            '',
            CASE WHEN s.status = 'closed'
                 THEN least(s.received_at + (20 + s.g %% 150) * interval '1 day', now()) END,
            '',
            NULL
        FROM (
            SELECT g,
                   timestamptz '2019-01-01 07:00+01'
                     + (g - 1) * ((timestamptz '2026-11-15' - timestamptz '2019-01-01')
                                  / %(cases)s)
                     + (g %% 11) * interval '1 hour' AS received_at,
                   CASE WHEN g > %(cases)s - %(triage)s
                            THEN CASE WHEN g %% 3 = 0 THEN 'pending' ELSE 'new' END
                        WHEN g %% %(open_every)s = 0 THEN 'open'
                        WHEN g %% 25 = 1 THEN 'declined'
                        ELSE 'closed' END AS status
            FROM generate_series(1, %(cases)s) AS g
        ) AS s
        """,
        # Open cases go to the demo advisor and the coordinator (most to both); every closed
        # case keeps the advisor who worked it, in turn among the task force.
        """
        INSERT INTO taskforce_assignment (case_id, advisor_id, assigned_at)
        SELECT c.id, %(advisor)s, c.received_at + interval '1 day'
        FROM taskforce_case c WHERE c.id > %(after)s AND c.status = 'open' AND c.id %% 3 <> 0
        UNION ALL
        SELECT c.id, %(coordinator)s, c.received_at + interval '1 day'
        FROM taskforce_case c WHERE c.id > %(after)s AND c.status = 'open' AND c.id %% 3 <> 1
        UNION ALL
        SELECT c.id,
               (%(workers)s::bigint[])[1 + c.id %% cardinality(%(workers)s::bigint[])],
               c.received_at + interval '1 day'
        FROM taskforce_case c WHERE c.id > %(after)s AND c.status = 'closed'
        """,
        # A follow-up on most open cases, some of them done.
        """
        INSERT INTO taskforce_followup (case_id, due_on, note, advisor_id, done_at, reminded_at)
        SELECT c.id, current_date + (c.id %% 60 - 20)::int, 'Følg op på aftalen.',
               CASE WHEN c.id %% 2 = 0 THEN %(advisor)s ELSE %(coordinator)s END,
               CASE WHEN c.id %% 4 = 0 THEN now() END, NULL
        FROM taskforce_case c WHERE c.id > %(after)s AND c.status = 'open' AND c.id %% 5 <> 0
        """,
        # The activities, spread over the cases past triage, in the weeks after each arrived,
        # 30 minutes to 4 hours between 06:00 and 23:30; the minutes follow split_minutes().
        """
        WITH worked AS (
            SELECT id, received_at::date AS day, row_number() OVER (ORDER BY id) AS n
            FROM taskforce_case WHERE id > %(after)s AND status NOT IN ('new', 'pending')
        ), total AS (SELECT count(*) AS n FROM worked),
        a AS (
            SELECT w.id AS case_id, s.a,
                   least(w.day + ((s.a * 7) %% 60)::int, current_date) AS day,
                   time '06:00' + ((s.a * 37) %% 28) * interval '30 minutes' AS starts,
                   ((s.a * 13) %% 8 + 1) * 30 AS length
            FROM generate_series(1, %(activities)s) AS s(a)
            CROSS JOIN total
            JOIN worked w ON w.n = 1 + (s.a - 1) %% total.n
        )
        INSERT INTO taskforce_activity (
            case_id, kind, advisor_id, date, starts_at, ends_at, place, participants, notes,
            minutes, minutes_off_hours)
        SELECT a.case_id,
               (%(kinds)s::text[])[1 + a.a %% 7],
               (%(workers)s::bigint[])[1 + (a.a / 3) %% cardinality(%(workers)s::bigint[])],
               a.day, a.starts, a.starts + a.length * interval '1 minute',
               '', a.a %% 40, '',
               a.length,
               CASE WHEN extract(isodow FROM a.day) >= 6 THEN a.length
                    ELSE a.length - greatest(0, extract(epoch FROM
                        least(a.starts + a.length * interval '1 minute', time '17:00')
                        - greatest(a.starts, time '08:00')) / 60)::int END
        FROM a
        """,
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql, params)
    with connection.cursor() as cursor:
        # As autovacuum would in production: statistics, and the visibility map that lets
        # PostgreSQL answer from an index alone.
        cursor.execute("VACUUM ANALYZE")


def check_rows() -> None:
    """The generated minutes agree with the model's own split_minutes() (a sample)."""
    from django.db.models import Count

    from pejling.taskforce.models import Activity, Case, Status, split_minutes

    for activity in Activity.objects.order_by("?")[:500]:
        expected = split_minutes(activity.date, activity.starts_at, activity.ends_at)
        if expected != (activity.minutes, activity.minutes_off_hours):
            sys.exit(f"Activity {activity.pk}: minutes {expected} expected.")
    counts = dict(Case.objects.values_list("status").annotate(n=Count("id")))
    print(
        "Cases by status: "
        + ", ".join(f"{status} {counts.get(status, 0):,}" for status in Status.values)
    )


def explain_slowest(queries: list[dict]) -> None:
    from django.db import connection

    slowest = max(queries, key=lambda q: float(q["time"]))
    print(f"  slowest query ({float(slowest['time']) * 1000:.1f} ms): {slowest['sql'][:600]}")
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest["sql"])
        for (line,) in cursor.fetchall():
            print("    " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/pejling_bench"
    )
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()

    var = tempfile.mkdtemp(prefix="pejling-bench-")
    os.environ["PEJLING_VAR_DIR"] = var
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pejling.config.settings")

    recreate_database(args.database_url)
    try:
        run(args)
    finally:
        if not args.keep:
            drop_database(args.database_url)


def run(args) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from pejling.demo import DEMO_PASSWORD, load_all

    load_all()
    started = time.perf_counter()
    add_rows()
    print(
        f"Added {CASES:,} cases and {ACTIVITIES:,} activities in "
        f"{time.perf_counter() - started:.1f} s (PostgreSQL {connection.pg_version // 10000})"
    )
    check_rows()

    clients = {}
    for username in ("koordinator", "raadgiver"):
        client = Client()
        # Log in through the real login page, as a person would (and as axes requires).
        response = client.post("/konto/log-ind/", {"username": username, "password": DEMO_PASSWORD})
        if response.status_code != 302:
            sys.exit(f"Could not log the demo user {username} in.")
        clients[username] = client

    cases = [
        ("triage board (coordinator)", "koordinator", "/taskforce/visitering/"),
        ("my cases (advisor)", "raadgiver", "/taskforce/mine-sager/"),
        ("my cases (coordinator)", "koordinator", "/taskforce/mine-sager/"),
        ("all open (coordinator)", "koordinator", "/taskforce/mine-sager/?everyone=on"),
        ("triage card (coordinator)", "koordinator", "/taskforce/visitering/{triage}/"),
        ("overview, this year", "koordinator", "/taskforce/overblik/"),
        ("overview, 2025", "koordinator", "/taskforce/overblik/?aar=2025"),
        ("overview, all years", "koordinator", "/taskforce/overblik/?aar=alle"),
    ]
    print(f"Server time over {args.requests} requests, PostgreSQL, DEBUG off")
    print(f"{'page':<28}{'median ms':>12}{'p95 ms':>10}{'max ms':>10}{'queries':>10}")
    from pejling.taskforce.models import Case

    triage = Case.objects.in_triage().order_by("received_at").values_list("reference", flat=True)[0]
    over = []
    for label, username, path in cases:
        path = path.format(triage=triage)
        client = clients[username]
        for _ in range(10):  # warm the template and URL caches
            client.get(path)
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        # Kept now: the next request empties the connection's query log.
        queries = list(captured.captured_queries)
        samples = []
        for _ in range(args.requests):
            started = time.perf_counter()
            response = client.get(path)
            samples.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                sys.exit(f"{path} answered {response.status_code}")
        p95 = percentile(samples, 0.95)
        print(
            f"{label:<28}{statistics.median(samples):>12.2f}"
            f"{p95:>10.2f}{max(samples):>10.2f}{len(queries):>10}"
        )
        if p95 > TARGET_MS:
            over.append((label, queries))
    for label, queries in over:
        print(f"{label}: p95 over the {TARGET_MS:.0f} ms target")
        explain_slowest(queries)


if __name__ == "__main__":
    main()
