"""Server time of the start page and the login page over many requests: median and p95.

Runs the production settings (DEBUG off, manifest static files) against a fresh SQLite
database with the demo data in a temporary directory, and times each request through the
whole Django stack (middleware, sessions, templates) in-process, so that the network and the
client are not counted. Usage: ``make bench`` or ``python bench/pages.py [--requests N]``.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


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
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("demo", stdout=quiet)

    from pejling.demo import DEMO_PASSWORD

    anonymous = Client()
    coordinator = Client()
    # Log in through the real login page, as a person would (and as axes requires).
    response = coordinator.post(
        "/konto/log-ind/", {"username": "koordinator", "password": DEMO_PASSWORD}
    )
    if response.status_code != 302:
        sys.exit("Could not log the demo coordinator in.")

    cases = [
        ("start page (coordinator)", coordinator, "/"),
        ("login page (anonymous)", anonymous, "/konto/log-ind/"),
    ]
    print(f"Server time over {args.requests} requests, SQLite, DEBUG off")
    print(f"{'page':<28}{'median ms':>12}{'p95 ms':>10}{'max ms':>10}")
    for label, client, path in cases:
        for _ in range(10):  # warm the template and URL caches
            client.get(path)
        samples = []
        for _ in range(args.requests):
            started = time.perf_counter()
            response = client.get(path)
            samples.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                sys.exit(f"{path} answered {response.status_code}")
        print(
            f"{label:<28}{statistics.median(samples):>12.2f}"
            f"{percentile(samples, 0.95):>10.2f}{max(samples):>10.2f}"
        )


if __name__ == "__main__":
    main()
