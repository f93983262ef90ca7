"""Helpers for the policy API's tests: a JSON client that speaks as one of the cast, and checks."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pejling.accounts import services
from pejling.audit.models import AuditEvent

UNAUTHENTICATED = "Log ind, eller send en gyldig API-nøgle som 'Authorization: Bearer …'."
NOT_SAVED = "Data blev ikke gemt: ret fejlene."
CPR_MESSAGE = "Teksten ser ud til at indeholde et CPR-nummer."
A_CPR_NUMBER = "Borgeren 010190-1234 skal kontaktes."


class Api:
    """JSON requests to /api/v1 as a user (with a personal token) or as nobody."""

    def __init__(self, client) -> None:
        self.client = client
        self._tokens: dict[int, str] = {}

    def headers(self, user) -> dict[str, str]:
        if user is None:
            return {}
        if user.pk not in self._tokens:
            _token, raw = services.create_api_token(actor=user, user=user, name="test")
            self._tokens[user.pk] = raw
        return {"HTTP_AUTHORIZATION": f"Bearer {self._tokens[user.pk]}"}

    def get(self, path: str, user=None, **params):
        return self.client.get(f"/api/v1{path}", params, **self.headers(user))

    def post(self, path: str, data: dict, user=None):
        return self.client.post(
            f"/api/v1{path}", data, content_type="application/json", **self.headers(user)
        )

    def patch(self, path: str, data: dict, user=None):
        return self.client.patch(
            f"/api/v1{path}", data, content_type="application/json", **self.headers(user)
        )


def assert_unauthenticated(response) -> None:
    assert response.status_code == 401, response.content
    assert response.json() == {"detail": UNAUTHENTICATED}


def assert_forbidden(response) -> None:
    assert response.status_code == 403, response.content
    assert response.json() == {"detail": "Du har ikke adgang til dette."}


def assert_not_found(response) -> None:
    assert response.status_code == 404, response.content
    assert response.json() == {"detail": "Ikke fundet."}


def assert_invalid(response, field: str, message: str) -> None:
    """400 with the translated message for ``field`` (a part of it is enough)."""
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"] == NOT_SAVED
    assert any(message in text for text in body["errors"][field]), body["errors"]


def assert_cpr_refused(response, field: str) -> None:
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["detail"] == NOT_SAVED
    [error] = [e for e in body["errors"] if e["loc"][-1] == field]
    assert CPR_MESSAGE in error["msg"]


def audit_events(instance, action: str | None = None):
    events = AuditEvent.objects.for_object(instance)
    return events.filter(action=action) if action else events


def count_queries(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        call()
    return len(queries)
