"""The newsletter as the coordinator composes, previews and sends it, and its public pages."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pejling.core.listing import list_page
from pejling.core.ratelimit import over_the_limit, seconds_left_in_the_hour
from pejling.lib.export import Column
from pejling.network import mail, services
from pejling.network.forms import (
    IssueForm,
    SubscribeForm,
    SubscriberFilterForm,
)
from pejling.network.models import (
    IssueState,
    NewsletterIssue,
    Subscriber,
)
from pejling.network.permissions import (
    can_manage,
    require_manage,
    require_read,
)
from pejling.network.views.common import (
    edit,
    log_list_reads,
    posted,
)

# --- Newsletter: the coordinator's pages -------------------------------------------------------


@require_GET
def issue_list(request: HttpRequest) -> HttpResponse:
    require_read(request)
    return render(
        request,
        "network/issue_list.html",
        {
            "issues": NewsletterIssue.objects.all(),
            "can_manage": can_manage(request.user),
            "subscribers": Subscriber.objects.filter(
                confirmed_at__isnull=False, unsubscribed_at__isnull=True
            ).count(),
        },
    )


@require_GET
def issue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The preview: the issue as the mail shows it, with its recipients and the send button."""
    require_read(request)
    issue = get_object_or_404(NewsletterIssue, pk=pk)
    manage = can_manage(request.user)
    return render(
        request,
        "network/issue_detail.html",
        {
            "issue": issue,
            **mail.issue_context(issue),
            "recipient_count": len(services.recipients(issue)),
            "delivered": issue.deliveries.filter(sent_at__isnull=False).count(),
            "can_manage": manage,
        },
    )


def _issue_form_page(request: HttpRequest, issue: NewsletterIssue | None) -> HttpResponse:
    form = IssueForm(
        posted(request),
        instance=NewsletterIssue.objects.get(pk=issue.pk) if issue else None,
        initial={"to_subscribers": True},
    )

    def save(data):
        fields = {name: data[name] for name in ("title", "news", "events", "to_subscribers")}
        extra = {"articles": data["articles"]} if "articles" in data else {}
        if issue is None:
            return services.create_issue(
                actor=request.user, networks=data["networks"], **extra, **fields
            )
        return services.update_issue(
            actor=request.user, issue=issue, networks=data["networks"], **extra, **fields
        )

    return edit(
        request,
        form,
        save,
        title=_("Nyt nyhedsbrev") if issue is None else _("Ret %(name)s") % {"name": issue},
        parent_url=reverse("network:issue_list"),
        parent_label=_("Nyhedsbrev"),
        done=_("“%(name)s” er gemt. Se det igennem, før du sender det."),
    )


@require_http_methods(["GET", "POST"])
def issue_create(request: HttpRequest) -> HttpResponse:
    require_manage(request)
    return _issue_form_page(request, None)


@require_http_methods(["GET", "POST"])
def issue_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_manage(request)
    issue = get_object_or_404(NewsletterIssue, pk=pk)
    if issue.state != IssueState.DRAFT:
        messages.error(request, _("Et nyhedsbrev, der er sendt, kan ikke rettes."))
        return redirect(issue.get_absolute_url())
    return _issue_form_page(request, issue)


@require_POST
def issue_send(request: HttpRequest, pk: int) -> HttpResponse:
    require_manage(request)
    issue = get_object_or_404(NewsletterIssue, pk=pk)
    try:
        services.start_sending(actor=request.user, issue=issue)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Nyhedsbrevet sendes nu. Følg udsendelsen under Baggrundsopgaver.")
        )
    return redirect(issue.get_absolute_url())


@require_POST
def issue_resume(request: HttpRequest, pk: int) -> HttpResponse:
    require_manage(request)
    issue = get_object_or_404(NewsletterIssue, pk=pk)
    try:
        services.resume_sending(actor=request.user, issue=issue)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Udsendelsen er startet igen for de modtagere, der mangler."))
    return redirect(issue.get_absolute_url())


SUBSCRIBER_COLUMNS = [
    Column(gettext_lazy("E-mail"), lambda s: s.email),
    Column(gettext_lazy("Navn"), lambda s: s.name),
    Column(gettext_lazy("Tilmeldt"), lambda s: s.subscribed_at),
    Column(gettext_lazy("Bekræftet"), lambda s: s.confirmed_at),
    Column(gettext_lazy("Afmeldt"), lambda s: s.unsubscribed_at),
]


@require_GET
def subscriber_list(request: HttpRequest) -> HttpResponse:
    require_manage(request)

    def logged(queryset):
        log_list_reads(request, queryset)
        return queryset

    return list_page(
        request,
        queryset=Subscriber.objects.all(),
        form=SubscriberFilterForm(request.GET or None),
        columns=SUBSCRIBER_COLUMNS,
        template="network/subscriber_list.html",
        partial="network/partials/subscriber_results.html",
        filename="abonnenter",
        apply=logged,
    )


# --- Newsletter: the public pages --------------------------------------------------------------


def _over_the_limit(request: HttpRequest) -> bool:
    """Count one subscription from this address in the current hour; True past the limit."""
    return over_the_limit(
        request, scope="network:subscribe", per_hour=settings.PEJLING_SUBSCRIPTIONS_PER_HOUR
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    form = SubscribeForm(posted(request))
    status = 200
    too_many = False
    if request.method == "POST":
        if form.is_spam() or form.is_valid():
            if _over_the_limit(request):
                too_many = True
                status = 429
            elif form.is_spam():
                # A robot is answered like everyone else and nothing is sent.
                return redirect("network:subscribe_thanks")
            else:
                services.subscribe(email=form.cleaned_data["email"], name=form.cleaned_data["name"])
                return redirect("network:subscribe_thanks")
        else:
            status = 400
    response = render(
        request,
        "network/public/subscribe.html",
        {"form": form, "too_many": too_many},
        status=status,
    )
    if too_many:
        response["Retry-After"] = str(seconds_left_in_the_hour())
    return response


@login_not_required
@require_GET
def subscribe_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "network/public/subscribe_thanks.html")


@login_not_required
@never_cache
@require_GET
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = services.confirm_subscription(token=token)
    except ValidationError as error:
        return render(
            request,
            "network/public/link_problem.html",
            {"message": " ".join(error.messages)},
            status=400,
        )
    return render(request, "network/public/confirmed.html", {"subscriber": subscriber})


@login_not_required
@csrf_exempt  # One-click unsubscribe (RFC 8058) posts from the mail program, without a token.
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks to confirm (link scanners must not unsubscribe anyone); POST unsubscribes."""
    try:
        email = mail.read_unsubscribe_token(token)
    except ValidationError as error:
        return render(
            request,
            "network/public/link_problem.html",
            {"message": " ".join(error.messages)},
            status=400,
        )
    if request.method == "POST":
        services.unsubscribe(token=token)
        return render(request, "network/public/unsubscribed.html", {"email": email})
    return render(request, "network/public/unsubscribe.html", {"email": email})


@login_not_required
@require_GET
def archive_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "network/public/archive_list.html",
        {"issues": NewsletterIssue.objects.filter(state=IssueState.SENT).order_by("-sent_at")},
    )


@login_not_required
@require_GET
def archive_detail(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(NewsletterIssue, pk=pk, state=IssueState.SENT)
    return render(
        request,
        "network/public/archive_detail.html",
        {"issue": issue, **mail.issue_context(issue)},
    )
