"""The client's address behind a chain of trusted reverse proxies, and what is not believed."""

import pytest
from django.test import RequestFactory

from pejling.core.clientip import client_ip


def request(forwarded: str | None = None, remote: str = "10.0.0.2"):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.PEJLING_TRUSTED_PROXIES = 0

    assert client_ip(request("203.0.113.7")) == "10.0.0.2"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        # The client wrote the leftmost entry itself; only the proxy's own entry counts.
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
        (1, "2001:db8::1", "2001:db8::1"),
        # Fewer entries than proxies, or an entry that is no address: the connection's own.
        (2, "203.0.113.7", "10.0.0.2"),
        (1, "not-an-address", "10.0.0.2"),
        (1, "", "10.0.0.2"),
        (1, None, "10.0.0.2"),
    ],
)
def test_behind_proxies_the_right_entry_is_believed(settings, proxies, forwarded, expected):
    settings.PEJLING_TRUSTED_PROXIES = proxies

    assert client_ip(request(forwarded)) == expected
