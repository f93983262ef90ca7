import pytest

from tests.annualwheel.support import make_event


@pytest.fixture
def barometer(cast):
    """The barometer event with its two 2026 occurrences, the analyst responsible."""
    from pejling.annualwheel import services

    event = make_event(responsible=cast.analyst)
    services.generate_occurrences(actor=None, year=2026)
    return event
