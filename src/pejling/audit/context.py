"""Where the current work comes from: the page or API call, the command, or the task.

Set once at the edge (middleware, command, task) and read by the audit services, so that
services need not be handed a request object to say where a change came from.
"""

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from pejling.audit.models import Channel


@dataclass(frozen=True)
class Origin:
    channel: str = Channel.SYSTEM
    path: str = ""
    remote_addr: str | None = None


# Origin is a frozen dataclass, so sharing one default instance is safe.
_origin: ContextVar[Origin] = ContextVar("pejling_origin", default=Origin())  # noqa: B039


def current_origin() -> Origin:
    return _origin.get()


@contextlib.contextmanager
def origin(channel: str, path: str = "", remote_addr: str | None = None) -> Iterator[Origin]:
    value = Origin(channel=channel, path=path[:500], remote_addr=remote_addr)
    token = _origin.set(value)
    try:
        yield value
    finally:
        _origin.reset(token)
