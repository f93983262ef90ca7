"""The JSON shapes of the knowledge bank API."""

from datetime import datetime

from ninja import Schema


class ArticleOut(Schema):
    id: int
    kind: str
    state: str
    is_public: bool
    title: str
    summary: str
    fields: list[str]
    actor_kinds: list[str]
    published_at: datetime | None
    updated_at: datetime
    url: str
    rank: float | None = None
    snippet: str = ""


class ArticleDetailOut(ArticleOut):
    body: str
    body_html: str
    goal_ids: list[int]
    guidepost_ids: list[int]
    case_references: list[str]
    attachments: list[str]


class ArticlePage(Schema):
    count: int
    page: int
    pages: int
    query: str
    suggestion: str
    items: list[ArticleOut]
