from django.conf import settings
from django.http import HttpRequest

from pejling.core.navigation import items_for


def site(request: HttpRequest) -> dict:
    nav = items_for(request.user) if hasattr(request, "user") else []
    path = request.path
    current = None
    for item in nav:
        url = item.url
        if path == url or (url != "/" and path.startswith(url)):
            current = item.url_name
    return {
        "municipality_name": settings.PEJLING_MUNICIPALITY_NAME,
        "accessibility_statement_url": settings.PEJLING_ACCESSIBILITY_STATEMENT_URL,
        "main_nav": nav,
        "main_nav_current": current,
    }
