from django.http import Http404, HttpRequest

from pejling.accounts.models import ApiToken


def get_token_for_user(request: HttpRequest, pk: int) -> ApiToken:
    """One of the user's own tokens; anyone else's is invisible (404)."""
    token = ApiToken.objects.filter(pk=pk, user=request.user).first()
    if token is None:
        raise Http404
    return token
