"""Server time and SQL queries of the goal and initiative lists with 10,000 rows each.

Like ``bench/pages.py``: the production settings (DEBUG off, manifest static files) against a
fresh SQLite database with the demo data in a temporary directory, each request timed through
the whole Django stack in-process. On top of the demo it adds 10,000 goals and 10,000
initiatives spread over a few policies and their themes, then times the first page, a filtered
page and page 100 of each list for a logged-in policy officer, and counts the SQL queries of
one request of each. Usage: ``make bench`` or ``python bench/policy_lists.py [--requests N]``.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

ROWS = 10_000
POLICIES = 4  # besides the demo's two
THEMES_PER_POLICY = 5


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def add_rows() -> dict[str, int]:
    """The bulk of goals and initiatives; returns ids the filtered pages use."""
    from datetime import date, timedelta
    from decimal import Decimal

    from pejling.accounts.models import Administration
    from pejling.core import crud
    from pejling.governance.models import Body
    from pejling.policy.models import Goal, Initiative, Policy, Theme

    committee = Body.objects.get(short_name="BIU")
    # The few policies and themes go through the audited services, as the product makes them;
    # the 20,000 rows are a benchmark fixture and are inserted in bulk.
    policies = list(Policy.objects.all())
    for n in range(1, POLICIES + 1):
        policies.append(
            crud.create(
                actor=None,
                instance=Policy(
                    title=f"Benchmarkpolitik {n}",
                    slug=f"benchmark-{n}",
                    period_start=2020 + n,
                    status=Policy.Status.ADOPTED,
                    is_public=n % 2 == 0,
                    owner_committee=committee,
                ),
            )
        )
    themes = {policy.pk: list(policy.themes.all()) for policy in policies}
    for policy in policies:
        for number in range(len(themes[policy.pk]) + 1, THEMES_PER_POLICY + 1):
            themes[policy.pk].append(
                crud.create(
                    actor=None,
                    instance=Theme(policy=policy, number=number, title=f"Tema {number}"),
                )
            )
    owners = list(Administration.objects.all())
    statuses = list(Initiative.Status)
    goals, initiatives = [], []
    for i in range(ROWS):
        policy = policies[i % len(policies)]
        theme = themes[policy.pk][i // len(policies) % THEMES_PER_POLICY]
        goals.append(
            Goal(
                policy=policy,
                theme=theme,
                title=f"Mål {i:05}: flere i uddannelse og job",
                target_value=Decimal(i % 100),
                unit="procent",
                target_year=2025 + i % 5,
                owner=owners[i % len(owners)],
            )
        )
        start = date(2020, 1, 1) + timedelta(days=i % 1000)
        initiatives.append(
            Initiative(
                policy=policy,
                theme=theme,
                title=f"Initiativ {i:05}: mentorordning",
                is_lighthouse=i % 50 == 0,
                status=statuses[i % len(statuses)],
                responsible=owners[i % len(owners)],
                starts_on=start,
                ends_on=start + timedelta(days=365),
            )
        )
    Goal.objects.bulk_create(goals, batch_size=1000)
    Initiative.objects.bulk_create(initiatives, batch_size=1000)
    return {"policy": policies[-1].pk, "owner": owners[0].pk}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    var = tempfile.mkdtemp(prefix="pejling-bench-")
    os.environ["PEJLING_VAR_DIR"] = var
    os.environ.pop("DATABASE_URL", None)
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pejling.config.settings")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("demo", stdout=quiet)
    started = time.perf_counter()
    ids = add_rows()
    print(f"Added {ROWS:,} goals and {ROWS:,} initiatives in {time.perf_counter() - started:.1f} s")

    from pejling.demo import DEMO_PASSWORD

    officer = Client()
    # Log in through the real login page, as a person would (and as axes requires).
    response = officer.post("/konto/log-ind/", {"username": "politik", "password": DEMO_PASSWORD})
    if response.status_code != 302:
        sys.exit("Could not log the demo policy officer in.")

    policy, owner = ids["policy"], ids["owner"]
    cases = [
        ("goals, first page", "/politik/maal/"),
        ("goals, filtered", f"/politik/maal/?policy={policy}&owner={owner}&q=uddannelse"),
        ("goals, page 100", "/politik/maal/?side=100"),
        ("initiatives, first page", "/politik/initiativer/"),
        ("initiatives, filtered", f"/politik/initiativer/?policy={policy}&status=ongoing&q=mentor"),
        ("initiatives, page 100", "/politik/initiativer/?side=100"),
    ]
    print(f"Server time over {args.requests} requests, SQLite, DEBUG off, policy officer")
    print(f"{'page':<26}{'median ms':>12}{'p95 ms':>10}{'max ms':>10}{'queries':>10}")
    for label, path in cases:
        for _ in range(10):  # warm the template and URL caches
            officer.get(path)
        with CaptureQueriesContext(connection) as captured:
            officer.get(path)
        # Counted now: the next request empties the connection's query log.
        queries = len(captured)
        samples = []
        for _ in range(args.requests):
            started = time.perf_counter()
            response = officer.get(path)
            samples.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                sys.exit(f"{path} answered {response.status_code}")
        print(
            f"{label:<26}{statistics.median(samples):>12.2f}"
            f"{percentile(samples, 0.95):>10.2f}{max(samples):>10.2f}{queries:>10}"
        )


if __name__ == "__main__":
    main()
