"""The demo data set, built from the source documents; loading it twice creates nothing twice.

Each part of the product adds a loader to ``LOADERS``; they run in order, in one transaction.
"""

from collections.abc import Callable

from django.db import transaction

from pejling.audit.context import origin
from pejling.audit.models import Channel
from pejling.demo import (
    accounts,
    annualwheel,
    barometer,
    governance,
    knowledge,
    network,
    policy,
    reports,
    taskforce,
)

DEMO_PASSWORD = accounts.DEMO_PASSWORD

LOADERS: list[tuple[str, Callable[[], dict[str, int]]]] = [
    ("accounts", accounts.load),
    ("policy", policy.load),
    ("governance", governance.load),
    ("taskforce", taskforce.load),
    # The knowledge bank before the network: the theme networks and the newsletter share entries.
    ("knowledge", knowledge.load),
    ("network", network.load),
    ("barometer", barometer.load),
    ("annualwheel", annualwheel.load),
    ("reports", reports.load),
]


POLICY_PARTS = ("accounts", "policy", "governance")


def load_all(parts: tuple[str, ...] | None = None) -> dict[str, dict[str, int]]:
    """Load every part, or only ``parts`` (in their usual order; each needs those before it).

    Returns, per part, how many records each step created.
    """
    unknown = set(parts or ()) - {name for name, _loader in LOADERS}
    if unknown:
        raise ValueError(f"Unknown demo parts: {', '.join(sorted(unknown))}")
    report = {}
    with origin(Channel.COMMAND, path="demo"), transaction.atomic():
        for name, loader in LOADERS:
            if parts is None or name in parts:
                report[name] = loader()
    return report
