"""The knowledge bank API: the list with the same Danish search as the pages, and one entry.

Open without credentials for published entries marked public (as the public pages); staff see
what ``Article.objects.visible_to`` gives them. Case links are listed only for cases the caller
may see.
"""

from typing import Literal

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from ninja import Field as SchemaField
from ninja import Query, Router, Schema

from pejling.policy.api import PUBLIC
from pejling.taskforce.models import ActorKind, Field

from .models import Article, Kind
from .permissions import can_read_internal, visible_cases
from .schemas import ArticleDetailOut, ArticleOut, ArticlePage
from .search import MAX_QUERY_LENGTH, search_articles
from .text import render_markdown

router = Router(tags=["knowledge"])

PAGE_SIZE = 20
PUBLIC_NOTE = (
    "Open without credentials: anonymous callers see published entries marked public; "
    "staff see the entries their role allows."
)


class ArticleFilters(Schema):
    q: str = SchemaField("", max_length=MAX_QUERY_LENGTH, description="Danish full-text search")
    kind: Literal[tuple(Kind.values)] | None = None  # type: ignore[valid-type]
    field: Literal[tuple(Field.values)] | None = None  # type: ignore[valid-type]
    actor_kind: Literal[tuple(ActorKind.values)] | None = None  # type: ignore[valid-type]
    page: int = SchemaField(1, ge=1)
    page_size: int = SchemaField(PAGE_SIZE, ge=1, le=100)


def _url(request: HttpRequest, article: Article) -> str:
    if can_read_internal(request.user):
        return article.get_absolute_url()
    return article.get_public_url()


def _out(request: HttpRequest, article: Article, snippet: str = "") -> dict:
    return {
        "id": article.pk,
        "kind": article.kind,
        "state": article.state,
        "is_public": article.is_public,
        "title": article.title,
        "summary": article.summary,
        "fields": article.field_list,
        "actor_kinds": article.actor_kind_list,
        "published_at": article.published_at,
        "updated_at": article.updated_at,
        "url": _url(request, article),
        "rank": getattr(article, "rank", None),
        "snippet": snippet,
    }


@router.get(
    "/articles",
    response=ArticlePage,
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    tags=["articles"],
    summary="Knowledge bank entries, searched in Danish with ?q= and filtered",
)
def article_list(request: HttpRequest, filters: Query[ArticleFilters]) -> dict:
    result = search_articles(
        Article.objects.visible_to(request.user),
        filters.q,
        kind=filters.kind or "",
        field=filters.field or "",
        actor_kind=filters.actor_kind or "",
    )
    paginator = Paginator(result.rows, filters.page_size)
    if filters.page > max(paginator.num_pages, 1):
        raise Http404
    page = paginator.page(filters.page) if paginator.count else None
    articles = list(page.object_list) if page else []
    snippets = result.snippets(articles) if result.searching else {}
    return {
        "count": paginator.count,
        "page": filters.page,
        "pages": paginator.num_pages if paginator.count else 0,
        "query": result.query,
        "suggestion": result.suggestion,
        "items": [_out(request, a, snippets.get(a.pk, "")) for a in articles],
    }


@router.get(
    "/articles/{article_id}",
    response=ArticleDetailOut,
    auth=PUBLIC,
    description=PUBLIC_NOTE,
    tags=["articles"],
    summary="One knowledge bank entry with its text as Markdown and as safe HTML",
)
def article_detail(request: HttpRequest, article_id: int) -> dict:
    article = Article.objects.visible_to(request.user).filter(pk=article_id).first()
    if article is None:
        raise Http404
    return _out(request, article) | {
        "body": article.body,
        "body_html": render_markdown(article.body),
        "goal_ids": list(article.goals.values_list("pk", flat=True)),
        "guidepost_ids": list(article.guideposts.values_list("pk", flat=True)),
        "case_references": list(
            visible_cases(request.user, article).values_list("reference", flat=True)
        ),
        "attachments": [a.original_name for a in article.attachments.all()],
    }


__all__ = ["ArticleOut", "router"]
