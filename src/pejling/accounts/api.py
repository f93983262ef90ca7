from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Router

from pejling.accounts.roles import Role
from pejling.accounts.schemas import MeOut

router = Router(tags=["accounts"])


@router.get("/me", response=MeOut, summary="The calling user, their roles and capabilities")
def me(request: HttpRequest) -> dict:
    user = request.user
    return {
        "id": user.pk,
        "username": user.username,
        "full_name": user.get_full_name(),
        "email": user.email,
        "administration": user.administration,
        "roles": [{"code": r.value, "label": str(r.label)} for r in Role if r in user.roles],
        "capabilities": sorted(user.capabilities),
        "language": get_language(),
    }
