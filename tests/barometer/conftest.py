"""The cast and the demo barometer (on a small synthetic panel), built once per test module.

As in the policy tests, each module builds them inside a transaction that is rolled back when
the module ends; each test runs in a savepoint within it and gets fresh instances.
"""

import pytest
from django.db import transaction
from django.test import override_settings

from pejling.barometer import services
from pejling.barometer.models import Indicator
from pejling.demo import POLICY_PARTS, load_all
from tests.conftest import Cast
from tests.policy.support import build_cast, get_cast

PANEL_PERSONS = 3000
PARTS = (*POLICY_PARTS, "barometer")


@pytest.fixture(scope="module")
def _cast_and_demo(django_db_setup, django_db_blocker):
    with (
        override_settings(PEJLING_DEMO_PANEL_PERSONS=PANEL_PERSONS),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        build_cast()
        load_all(PARTS)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def cast(_cast_and_demo, db) -> Cast:
    return get_cast()


@pytest.fixture(autouse=True)
def _small_demo_panel(settings):
    settings.PEJLING_DEMO_PANEL_PERSONS = PANEL_PERSONS


@pytest.fixture
def draft(cast):
    """A draft edition for the first half of 2025 with one value entered by hand."""
    edition = services.create_edition(actor=cast.analyst, period="2025H1")
    services.enter_value(
        actor=cast.analyst,
        edition=edition,
        indicator=Indicator.objects.get(code="ansatte_ikke_dansk"),
        period="2025H1",
        value=18.6,
    )
    return edition
