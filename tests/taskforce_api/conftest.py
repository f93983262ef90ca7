"""Fixtures for the task force API's tests."""

import pytest

from tests.taskforce_api.support import Api


@pytest.fixture
def api(client) -> Api:
    return Api(client)
