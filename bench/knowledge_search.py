"""Server time of the knowledge bank's Danish search with 20,000 entries on PostgreSQL.

Like ``bench/taskforce.py`` (production settings, DEBUG off, in-process), it creates a fresh
database (dropping one of the same name), loads the demo users, and adds 20,000 published
entries of 6 + 25 + 150 words drawn Zipf-like from the seeds' vocabulary and the demo entries.
The rows are written with one INSERT per 2,000 entries and their search vectors by PostgreSQL
itself (the same folding and weights as ``services.reindex_article``); the vocabulary for
"did you mean" is then built once as ``pejling reindex_knowledge`` does. It times the search
page (``/viden/?q=``) for the demo coordinator and the same search through the API, for common
words, rare words, several words and misspellings that find nothing and get a suggestion,
prints median, p95 and max per kind with PASS or FAIL against the 50 ms target, the load
average before and after (timings on a busy machine run high) and, for a kind over the
target, the slowest query's plan (EXPLAIN ANALYZE). The database is dropped at the end.
Needs a PostgreSQL server.
Usage: ``python bench/knowledge_search.py [--database-url URL] [--requests N] [--keep]``.
"""

import argparse
import collections
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ENTRIES = 20_000
TARGET_MS = 50.0
SEEDS = Path(os.environ.get("PEJLING_SEEDS_DIR", "/work/shared/seeds"))

# The search index as services.reindex_article() writes it on PostgreSQL: text folded like
# text.fold(), title A, summary B, body C in search_vector, title and summary in search_head.
FOLD = "replace(replace(replace(lower({}), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa')"
TITLE = f"setweight(to_tsvector('danish', {FOLD.format('title')}), 'A')"
SUMMARY = f"setweight(to_tsvector('danish', {FOLD.format('summary')}), 'B')"
BODY = f"setweight(to_tsvector('danish', {FOLD.format('body')}), 'C')"
VECTOR_SQL = (
    f"UPDATE knowledge_article SET search_vector = {TITLE} || {SUMMARY} || {BODY}, "  # noqa: S608
    f"search_head = {TITLE} || {SUMMARY} WHERE search_vector IS NULL"
)

QUERIES = {
    "common word": ["integrationen", "forældrene", "kommunen"],
    "rare word": ["udlejning", "mangfoldighed", "tosprogede", "kulturmødet"],
    "several words": ["skolen tolk", "madpolitik børn", "beboerne dialogmøder"],
    "no hits, suggestion": ["integrasion", "mangfoldihed", "udlejnig boligområder"],
}


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, where the system tells them."""
    try:
        return " ".join(f"{load:.2f}" for load in os.getloadavg()) + f" on {os.cpu_count()} CPUs"
    except OSError:
        return "unknown"


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


def word_list() -> tuple[list[str], list[float]]:
    """The seeds' and demo entries' words, most frequent first, with Zipf-like weights."""
    from pejling.demo.knowledge import ENTRIES as DEMO_ENTRIES

    text = " ".join(
        path.read_text(encoding="utf-8", errors="replace") for path in sorted(SEEDS.glob("*.txt"))
    )
    text += " ".join(f"{e.title} {e.summary} {e.body}" for e in DEMO_ENTRIES)
    counts = collections.Counter(re.findall(r"[A-Za-zÆØÅæøå]{3,}", text))
    words = [w for w, _ in counts.most_common()]
    return words, [1 / (i + 1) ** 0.9 for i in range(len(words))]


def add_entries() -> None:
    """The generated entries, published (every third public), and their search index."""
    from django.db import connection, transaction
    from django.utils import timezone

    from pejling.accounts.models import User
    from pejling.knowledge import services
    from pejling.knowledge import text as textlib
    from pejling.knowledge.models import Article, Kind, State

    words, weights = word_list()
    rng = random.Random(1)
    author = User.objects.get(username="raadgiver")
    now = timezone.now()
    kinds = Kind.values
    batch: list[Article] = []
    with transaction.atomic():
        for i in range(ENTRIES):
            title = " ".join(rng.choices(words, weights, k=6)).capitalize()
            summary = " ".join(rng.choices(words, weights, k=25))
            body = " ".join(rng.choices(words, weights, k=150))
            batch.append(
                Article(
                    kind=kinds[i % len(kinds)],
                    title=title,
                    summary=summary,
                    body=body,
                    author=author,
                    state=State.PUBLISHED,
                    is_public=i % 3 == 0,
                    published_at=now,
                    search_text=f"{summary}\n{body}",
                    search_words=" ".join(
                        sorted(textlib.vocabulary_words(f"{title} {summary} {body}"))
                    ),
                )
            )
            if len(batch) == 2000:
                Article.objects.bulk_create(batch)
                batch = []
        Article.objects.bulk_create(batch)

        with connection.cursor() as cursor:
            cursor.execute(VECTOR_SQL)
        services.rebuild_vocabulary()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE knowledge_article")


def explain(sql: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        for (line,) in cursor.fetchall():
            print("    " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/pejling_bench_knowledge"
    )
    parser.add_argument("--requests", type=int, default=30, help="requests per query")
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
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    if settings.DEBUG:
        sys.exit("Run with DEBUG off.")
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from pejling.accounts.models import User
    from pejling.demo import accounts

    accounts.load()
    started = time.perf_counter()
    add_entries()
    from pejling.knowledge.models import Article

    print(
        f"Added {ENTRIES:,} entries in {time.perf_counter() - started:.1f} s "
        f"(PostgreSQL {connection.pg_version // 10000}); "
        f"{Article.objects.count():,} entries in all"
    )

    client = Client()
    client.force_login(User.objects.get(username="koordinator"))
    targets = [("page", "/viden/?q={q}"), ("API", "/api/v1/articles?q={q}")]
    print(f"Server time over {args.requests} requests per query, PostgreSQL, DEBUG off")
    print(f"Load average before: {load_average()}")
    print(
        f"{'query kind':<22}{'via':<6}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}{'queries':>9}"
        f"  p95 vs {TARGET_MS:.0f} ms"
    )
    over = []
    for kind, queries in QUERIES.items():
        for via, template in targets:
            samples: list[float] = []
            slowest: tuple[float, str] = (0.0, "")
            counts = []
            for q in queries:
                path = template.format(q=q)
                for _ in range(3):  # warm the template and URL caches
                    client.get(path)
                with CaptureQueriesContext(connection) as captured:
                    response = client.get(path)
                if response.status_code != 200:
                    sys.exit(f"{path} answered {response.status_code}")
                counts.append(len(captured.captured_queries))
                for query in captured.captured_queries:
                    if float(query["time"]) * 1000 > slowest[0]:
                        slowest = (float(query["time"]) * 1000, query["sql"])
                if via == "API":
                    data = response.json()
                    print(f"  {q!r}: {data['count']:,} hits, suggestion {data['suggestion']!r}")
                for _ in range(args.requests):
                    started = time.perf_counter()
                    client.get(path)
                    samples.append((time.perf_counter() - started) * 1000)
            p95 = percentile(samples, 0.95)
            print(
                f"{kind:<22}{via:<6}{statistics.median(samples):>11.2f}"
                f"{p95:>9.2f}{max(samples):>9.2f}{max(counts):>9}"
                f"  {'PASS' if p95 <= TARGET_MS else 'FAIL'}"
            )
            if p95 > TARGET_MS:
                over.append((kind, via, slowest))
    print(f"Load average after: {load_average()} (timings on a busy machine run high)")
    for kind, via, (ms, sql) in over:
        print(f"{kind} ({via}): p95 over the {TARGET_MS:.0f} ms target")
        print(f"  slowest query ({ms:.1f} ms): {sql[:600]}")
        explain(sql)


if __name__ == "__main__":
    main()
