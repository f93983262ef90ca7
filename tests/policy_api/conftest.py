"""Fixtures for the policy API's tests."""

import pytest

from tests.policy_api.support import Api


@pytest.fixture
def api(client) -> Api:
    return Api(client)
