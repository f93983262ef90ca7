from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequired
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


class LoginRequiredMiddleware(DjangoLoginRequired):
    """Django's login requirement, except for the API, which answers 401 itself."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Danish unless the user has chosen English with the language switch.

    Pages ignore the browser's Accept-Language: most staff run English-language browsers but
    work in Danish. The API honours Accept-Language, so programs can ask for English messages.
    """

    def process_request(self, request) -> None:
        if request.path_info.startswith("/api/"):
            return super().process_request(request)
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
