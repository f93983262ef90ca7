"""The address a request came from, also behind reverse proxies that the operator trusts."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address, as the rate limits, the audit log and the login lockout see it.

    Without trusted proxies (``PEJLING_TRUSTED_PROXIES = 0``) this is the connection's own
    address. With ``n`` proxies in front, each appends the address it was reached from to
    ``X-Forwarded-For``, so the client is the n-th entry from the right; anything further left
    was written by the client itself and is not believed. A header shorter than the proxies
    promised, or an entry that is not an address, means a misconfiguration or forgery, and the
    connection's own address is used.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PEJLING_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [h for h in hops if h]
    if len(hops) < proxies:
        return remote
    candidate = hops[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
