from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from pejling.audit.context import origin
from pejling.audit.models import Channel
from pejling.core.clientip import client_ip


class RequestContextMiddleware:
    """Tells the audit services which page or API call the current work comes from."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        channel = Channel.API if request.path.startswith("/api/") else Channel.WEB
        path = request.get_full_path()
        with origin(channel, path=path, remote_addr=client_ip(request) or None):
            return self.get_response(request)
