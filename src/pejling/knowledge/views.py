"""The knowledge bank's pages: search and list, the entry and its revisions, writing, the review
step, attachments, the public pages and turning a closed case into best practice."""

from contextlib import nullcontext

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pejling.core.forms import add_errors
from pejling.lib.export import FORMATS, Column, export_response
from pejling.lib.textdiff import word_diff
from pejling.taskforce.models import Case, Status
from pejling.taskforce.permissions import get_case_for_user

from . import services
from .forms import ArticleForm, AttachmentForm, PublicForm, SearchForm
from .models import SEARCH_INDEX_FIELDS, Article, ArticleQuerySet, State
from .permissions import (
    can_edit_article,
    can_move,
    can_publish,
    can_read_internal,
    can_write,
    get_article_for_user,
    require_writer,
    visible_cases,
)
from .search import SearchResult, index_scans, search_articles
from .text import render_markdown

PAGE_SIZE = 20

EXPORT_COLUMNS = [
    Column(gettext_lazy("Nummer"), lambda a: a.pk),
    Column(gettext_lazy("Titel"), lambda a: a.title),
    Column(gettext_lazy("Slags"), lambda a: a.get_kind_display()),
    Column(gettext_lazy("Status"), lambda a: a.get_state_display()),
    Column(gettext_lazy("Offentlig"), lambda a: _("ja") if a.is_public else _("nej")),
    Column(gettext_lazy("Indsatsområder"), lambda a: ", ".join(a.field_labels())),
    Column(gettext_lazy("Slags aktører"), lambda a: ", ".join(a.actor_kind_labels())),
    Column(gettext_lazy("Forfatter"), lambda a: str(a.author)),
    Column(gettext_lazy("Udgivet"), lambda a: a.published_at),
    Column(gettext_lazy("Resumé"), lambda a: a.summary),
]

# The review step's buttons: target state → label.
MOVE_LABELS = {
    State.IN_REVIEW: gettext_lazy("Send til godkendelse"),
    State.PUBLISHED: gettext_lazy("Godkend og udgiv"),
    State.DRAFT: gettext_lazy("Send tilbage som kladde"),
    State.ARCHIVED: gettext_lazy("Arkivér"),
}


def _search(form: SearchForm, queryset: ArticleQuerySet, data: dict) -> SearchResult:
    if form.is_bound and not form.is_valid():
        return search_articles(queryset.none())
    if data.get("year"):
        queryset = queryset.filter(published_at__year=data["year"])
    return search_articles(
        queryset,
        data.get("q", ""),
        kind=data.get("kind", ""),
        field=data.get("field", ""),
        actor_kind=data.get("actor_kind", ""),
    )


def _search_page(
    request: HttpRequest, queryset: ArticleQuerySet, *, template: str, partial: str, extra: dict
) -> HttpResponse:
    form = SearchForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    fmt = request.GET.get("format")
    if fmt in FORMATS and extra.get("can_export"):
        result = _search(form, queryset, data)
        return export_response(result.rows, EXPORT_COLUMNS, filename="vidensbank", fmt=fmt)
    # A search reads its count, page and snippets in one transaction (see search.index_scans);
    # the plain list keeps the planner's own choices.
    with index_scans() if data.get("q") else nullcontext():
        result = _search(form, queryset, data)
        rows = result.rows
        if isinstance(rows, QuerySet):
            rows = rows.select_related("author")
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("side"))
        articles = list(page.object_list)
        snippets = result.snippets(articles)
    titles = result.titles(articles)
    query = request.GET.copy()
    query.pop("side", None)
    query.pop("format", None)
    context = {
        "form": form,
        "page": page,
        "result": result,
        "hits": [(a, titles[a.pk], snippets.get(a.pk, "")) for a in articles],
        "query": query.urlencode(),
        **extra,
    }
    if request.headers.get("HX-Request"):
        return render(request, partial, context)
    return render(request, template, context)


# --- internal pages ------------------------------------------------------------------------


@require_GET
def article_list(request: HttpRequest) -> HttpResponse:
    if not can_read_internal(request.user):
        raise PermissionDenied
    return _search_page(
        request,
        Article.objects.visible_to(request.user),
        template="knowledge/article_list.html",
        partial="knowledge/partials/article_results.html",
        extra={"can_write": can_write(request.user), "can_export": True, "public": False},
    )


def _detail_context(request: HttpRequest, article: Article) -> dict:
    user = request.user
    moves = [
        (state, MOVE_LABELS[state])
        for state in sorted(article.allowed_transitions())
        if can_move(user, article, state)
    ]
    return {
        "article": article,
        "body_html": render_markdown(article.body),
        "goals": article.goals.all(),
        "guideposts": article.guideposts.all(),
        "cases": visible_cases(user, article),
        "attachments": article.attachments.defer("text"),
        "revisions": article.revisions.select_related("author")[:5],
        "moves": moves,
        "can_edit": can_edit_article(user, article),
        "can_publish": can_publish(user),
        "attachment_form": AttachmentForm(),
        "public_form": PublicForm(initial={"is_public": article.is_public}),
    }


@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not can_read_internal(request.user):
        raise PermissionDenied
    article = get_article_for_user(request, pk)
    return render(request, "knowledge/article_detail.html", _detail_context(request, article))


def _article_form_data(article: Article) -> dict:
    return {
        "kind": article.kind,
        "title": article.title,
        "summary": article.summary,
        "body": article.body,
        "fields": article.field_list,
        "actor_kinds": article.actor_kind_list,
        "goals": list(article.goals.all()),
        "guideposts": list(article.guideposts.all()),
        "cases": list(article.cases.all()),
    }


@require_http_methods(["GET", "POST"])
def article_create(request: HttpRequest) -> HttpResponse:
    require_writer(request)
    form = ArticleForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            article = services.create_article(
                actor=request.user,
                kind=data["kind"],
                title=data["title"],
                summary=data["summary"],
                body=data["body"],
                fields=data["fields"],
                actor_kinds=data["actor_kinds"],
                goals=data["goals"],
                guideposts=data["guideposts"],
                cases=data["cases"],
                note=data["note"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Opslaget er gemt som kladde."))
            return redirect(article)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "knowledge/article_form.html",
        {"form": form, "title": _("Nyt opslag"), "article": None},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_article_for_user(request, pk, write=True)
    if request.method == "POST":
        form = ArticleForm(request.POST, user=request.user)
        if form.is_valid():
            data = dict(form.cleaned_data)
            note = data.pop("note")
            # Links to cases the user cannot see are kept as they are.
            hidden = article.cases.exclude(pk__in=Case.objects.visible_to(request.user))
            data["cases"] = [*data["cases"], *hidden]
            try:
                services.update_article(actor=request.user, article=article, note=note, **data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Ændringerne er gemt."))
                return redirect(article)
    else:
        form = ArticleForm(initial=_article_form_data(article), user=request.user)
    return render(
        request,
        "knowledge/article_form.html",
        {"form": form, "title": _("Ret opslag"), "article": article},
        status=400 if form.is_bound else 200,
    )


@require_POST
def article_move(request: HttpRequest, pk: int, state: str) -> HttpResponse:
    article = get_article_for_user(request, pk)
    if state not in State.values:
        raise Http404
    if not can_move(request.user, article, state):
        if state not in article.allowed_transitions():
            messages.error(request, _("Opslaget kan ikke få den status nu."))
            return redirect(article)
        raise PermissionDenied
    services.move_article(actor=request.user, article=article, state=state)
    messages.success(
        request,
        _("Opslaget har nu status “%(state)s”.") % {"state": State(state).label},
    )
    return redirect(article)


@require_POST
def article_public(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_article_for_user(request, pk)
    if not can_publish(request.user):
        raise PermissionDenied
    form = PublicForm(request.POST)
    form.is_valid()
    try:
        services.set_public(
            actor=request.user, article=article, is_public=form.cleaned_data["is_public"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Synligheden er gemt."))
    return redirect(article)


# --- revisions -----------------------------------------------------------------------------


@require_GET
def revision_list(request: HttpRequest, pk: int) -> HttpResponse:
    if not can_read_internal(request.user):
        raise PermissionDenied
    article = get_article_for_user(request, pk)
    return render(
        request,
        "knowledge/revision_list.html",
        {"article": article, "revisions": article.revisions.select_related("author")},
    )


@require_GET
def revision_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    if not can_read_internal(request.user):
        raise PermissionDenied
    article = get_article_for_user(request, pk)
    revision = article.revisions.filter(number=number).select_related("author").first()
    if revision is None:
        raise Http404
    previous = article.revisions.filter(number__lt=number).order_by("-number").first()
    diffs = [
        (_("Titel"), word_diff(previous.title if previous else "", revision.title)),
        (_("Resumé"), word_diff(previous.summary if previous else "", revision.summary)),
        (_("Tekst"), word_diff(previous.body if previous else "", revision.body)),
    ]
    return render(
        request,
        "knowledge/revision_detail.html",
        {
            "article": article,
            "revision": revision,
            "previous": previous,
            "diffs": diffs,
            "is_current": revision.number == article.revisions.first().number,
            "can_edit": can_edit_article(request.user, article),
        },
    )


@require_POST
def revision_restore(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    article = get_article_for_user(request, pk, write=True)
    revision = article.revisions.filter(number=number).first()
    if revision is None:
        raise Http404
    services.restore_revision(actor=request.user, article=article, revision=revision)
    messages.success(
        request, _("Revision %(number)s er gendannet som en ny revision.") % {"number": number}
    )
    return redirect(article)


# --- attachments ---------------------------------------------------------------------------


@require_POST
def attachment_create(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_article_for_user(request, pk, write=True)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_attachment(
                actor=request.user, article=article, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Bilaget er gemt."))
            return redirect(article)
    context = _detail_context(request, article) | {"attachment_form": form}
    return render(request, "knowledge/article_detail.html", context, status=400)


@require_POST
def attachment_delete(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    article = get_article_for_user(request, pk, write=True)
    attachment = article.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    services.remove_attachment(actor=request.user, attachment=attachment)
    messages.success(request, _("Bilaget er slettet."))
    return redirect(article)


def _download(attachment) -> FileResponse:
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


@login_not_required
@require_GET
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    if not request.user.is_authenticated or not can_read_internal(request.user):
        article = Article.objects.public().filter(pk=pk).first()
        if article is None:
            raise Http404
    else:
        article = get_article_for_user(request, pk)
    attachment = article.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    return _download(attachment)


# --- from case to knowledge ----------------------------------------------------------------


@require_POST
def article_from_case(request: HttpRequest, case_pk: int) -> HttpResponse:
    require_writer(request)
    case = Case.objects.filter(pk=case_pk).only("reference").first()
    if case is None:
        raise Http404
    case = get_case_for_user(request, case.reference)
    if case.status != Status.CLOSED:
        messages.error(request, _("Kun afsluttede sager kan blive til god praksis."))
        return redirect(case)
    article = services.article_from_case(actor=request.user, case=case)
    messages.success(
        request,
        _(
            "Et udkast til god praksis er oprettet ud fra sagen. "
            "Ret det, og send det til godkendelse."
        ),
    )
    return redirect("knowledge:article_edit", pk=article.pk)


# --- public pages --------------------------------------------------------------------------


@login_not_required
@require_GET
def public_list(request: HttpRequest) -> HttpResponse:
    return _search_page(
        request,
        Article.objects.public(),
        template="knowledge/public_list.html",
        partial="knowledge/partials/article_results.html",
        extra={"can_write": False, "can_export": False, "public": True},
    )


@login_not_required
@require_GET
def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = Article.objects.public().filter(pk=pk).defer(*SEARCH_INDEX_FIELDS).first()
    if article is None:
        raise Http404
    return render(
        request,
        "knowledge/public_detail.html",
        {
            "article": article,
            "body_html": render_markdown(article.body),
            "attachments": article.attachments.defer("text"),
        },
    )
