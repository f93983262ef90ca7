"""The JSON API at /api/v1/: one NinjaAPI, each app adding its router."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as SchemaValidationError

from pejling.accounts.api import router as accounts_router
from pejling.accounts.auth import API_AUTH

api = NinjaAPI(
    title="Pejling API",
    version="1",
    description=(
        "The JSON API of Pejling. Authenticate with a personal API token "
        "(`Authorization: Bearer pjl_…`, created on your profile page) or a browser session."
    ),
    auth=API_AUTH,
    urls_namespace="api-v1",
    docs_url="/docs",
)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    response = api.create_response(
        request,
        {"detail": _("Log ind, eller send en gyldig API-nøgle som 'Authorization: Bearer …'.")},
        status=401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="pejling"'
    return response


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request, {"detail": str(exc) or _("Du har ikke adgang til dette.")}, status=403
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": _("Ikke fundet.")}, status=404)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(
        request, {"detail": _("Data blev ikke gemt: ret fejlene."), "errors": errors}, status=400
    )


@api.exception_handler(SchemaValidationError)
def schema_invalid(request: HttpRequest, exc: SchemaValidationError) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": _("Data blev ikke gemt: ret fejlene."), "errors": exc.errors},
        status=422,
    )


api.add_router("/", accounts_router)
api.add_router("/", "pejling.policy.api.router")
api.add_router("/", "pejling.taskforce.api.router")
api.add_router("/", "pejling.barometer.api.router")
api.add_router("/", "pejling.knowledge.api.router")
api.add_router("/", "pejling.network.api.router")
api.add_router("/", "pejling.governance.api.router")
api.add_router("/", "pejling.annualwheel.api.router")
api.add_router("/", "pejling.reports.api.router")
