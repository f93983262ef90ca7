"""A per-address limit on public forms, counted in the shared cache so a flood never reaches the
database."""

import time

from django.core.cache import cache
from django.http import HttpRequest

from pejling.core.clientip import client_ip


def over_the_limit(request: HttpRequest, *, scope: str, per_hour: int) -> bool:
    """Count one use of ``scope`` from this address in the current clock hour; True past the limit.

    A fixed window per clock hour: simple, and enough to stop a flood; the address is the
    client's as ``client_ip`` sees it (behind trusted proxies, the forwarded one).
    """
    address = client_ip(request) or "unknown"
    key = f"pejling:{scope}:{address}:{int(time.time() // 3600)}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > per_hour


def seconds_left_in_the_hour() -> int:
    return 3600 - int(time.time()) % 3600
