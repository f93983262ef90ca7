"""The cast and the demo data, built once per test module rather than once per test.

Building them takes most of a second; the policy tests are many and only read them or change
them inside their own transaction. So each module builds them once inside a transaction that
is rolled back when the module ends, and every test runs in a savepoint within it (as Django's
``setUpTestData`` does for a class). The ``cast`` and ``demo`` fixtures hand each test fresh
instances from the database, so that no test sees another's changes held in memory.
"""

import pytest
from django.db import transaction

from pejling.demo import POLICY_PARTS, load_all
from tests.conftest import Cast
from tests.policy.support import Demo, build_cast, get_cast, get_demo


@pytest.fixture(scope="module")
def _cast_and_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        build_cast()
        load_all(POLICY_PARTS)  # after the cast: the demo reuses the cast's administration BIF
        yield
        transaction.set_rollback(True)


@pytest.fixture
def cast(_cast_and_demo, db) -> Cast:
    return get_cast()


@pytest.fixture
def demo(_cast_and_demo, db) -> Demo:
    return get_demo()
