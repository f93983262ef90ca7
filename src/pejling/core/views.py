from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from pejling.accounts.roles import ROLE_DESCRIPTIONS, Role
from pejling.core import progress as progress_service
from pejling.core.models import TaskProgress, WorkerHeartbeat
from pejling.core.navigation import items_for
from pejling.core.permissions import get_progress_for_user, require_task_runner
from pejling.core.tasks import demo_progress


@login_not_required
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return _public_front_page(request)
    roles = [(role.label, ROLE_DESCRIPTIONS[role]) for role in Role if role in user.roles]
    sections = [item for item in items_for(user) if item.url_name != "core:start"]
    return render(request, "core/start.html", {"roles": roles, "sections": sections})


def _public_front_page(request: HttpRequest) -> HttpResponse:
    """What the public sees: the policies the municipality has published, and the way in."""
    from pejling.policy.models import Policy

    policies = Policy.objects.public().select_related("owner_committee")
    return render(request, "core/public_start.html", {"policies": policies})


@require_http_methods(["GET", "POST"])
def tasks(request: HttpRequest) -> HttpResponse:
    require_task_runner(request)
    if request.method == "POST":
        # The pause is a setting so that the browser test can run the demonstration quickly.
        pause = getattr(settings, "PEJLING_DEMO_TASK_PAUSE", 0.5)
        result = demo_progress.enqueue(steps=10, pause=pause)
        progress_service.start(
            task_id=result.id, owner=request.user, label=_("Demonstrationsopgave"), total=10
        )
        return redirect("core:tasks")
    recent = TaskProgress.objects.filter(owner=request.user)[:10]
    rows = [(item, progress_service.task_status(item)) for item in recent]
    return render(request, "core/tasks.html", {"rows": rows})


@require_GET
def task_progress(request: HttpRequest, task_id: str) -> HttpResponse:
    require_task_runner(request)
    item = get_progress_for_user(request, task_id)
    return render(
        request,
        "core/partials/task_progress.html",
        {"item": item, "status": progress_service.task_status(item)},
    )


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Database and worker health for load balancers and monitoring; no personal data."""
    body: dict = {"status": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        body["database"] = {"status": "ok", "vendor": connection.vendor}
    except Exception:
        body["database"] = {"status": "error"}
        body["status"] = "error"
        return JsonResponse(body, status=503)

    beat = WorkerHeartbeat.objects.order_by("-last_seen_at").first()
    if beat is None:
        body["worker"] = {"status": "absent"}
        body["status"] = "degraded"
    else:
        age = (timezone.now() - beat.last_seen_at).total_seconds()
        fresh = age <= settings.PEJLING_WORKER_STALE_SECONDS
        body["worker"] = {
            "status": "ok" if fresh else "stale",
            "last_seen_seconds_ago": round(age),
        }
        if not fresh:
            body["status"] = "degraded"
    return JsonResponse(body)


def _error_page(template: str, status: int):
    @login_not_required
    def view(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
        return HttpResponse(loader.render_to_string(template, {}, request), status=status)

    return view


bad_request = _error_page("400.html", 400)
permission_denied = _error_page("403.html", 403)
page_not_found = _error_page("404.html", 404)


@login_not_required
def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors: the failure may lie in what they would call. And should even the
    # plain template fail (static files not collected), answer with text rather than nothing.
    try:
        body = loader.get_template("500.html").render({})
    except Exception:
        body = "<!DOCTYPE html><title>Fejl</title><h1>Der opstod en fejl</h1>"
    return HttpResponse(body, status=500)


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return HttpResponse(loader.render_to_string("403_csrf.html", {}, request), status=403)
