"""How API callers prove who they are: a personal token, or the browser's session."""

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from pejling.accounts.services import user_for_token


class BearerToken(HttpBearer):
    """``Authorization: Bearer pjl_…`` with a personal API token."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


class BrowserSession(SessionAuth):
    """The logged-in browser session; unsafe methods need the CSRF token as on the pages."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = request.user
        return user if user.is_authenticated and user.is_active else None


API_AUTH = [BearerToken(), BrowserSession()]
