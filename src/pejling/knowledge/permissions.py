"""Who reads and changes the knowledge bank.

Every internal user reads published and archived entries; writers (advisors and the
coordinator) also see drafts and entries in review, and write; the coordinator approves and
publishes. The public reads published entries marked public. Case links are shown only to
users who may see the case, since cases hold personal data.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest

from pejling.accounts.roles import Capability

from .models import PUBLISHER_MOVES, Article, State


def can_read_internal(user) -> bool:
    return user.is_authenticated and user.can(Capability.READ_INTERNAL)


def can_write(user) -> bool:
    return user.is_authenticated and user.can(Capability.WRITE_KNOWLEDGE)


def can_publish(user) -> bool:
    return user.is_authenticated and user.can(Capability.PUBLISH_KNOWLEDGE)


def article_visibility(queryset, user):
    if can_write(user):
        return queryset
    if can_read_internal(user):
        return queryset.filter(state__in=[State.PUBLISHED, State.ARCHIVED])
    return queryset.filter(state=State.PUBLISHED, is_public=True)


def can_edit_article(user, article: Article) -> bool:
    """Writers edit drafts and entries in review; published ones only the publisher edits."""
    if not can_write(user):
        return False
    if article.state in (State.PUBLISHED, State.ARCHIVED):
        return can_publish(user)
    return True


def can_move(user, article: Article, state: str) -> bool:
    if state not in article.allowed_transitions():
        return False
    if (article.state, state) in PUBLISHER_MOVES:
        return can_publish(user)
    return can_write(user)


def require_writer(request: HttpRequest) -> None:
    if not can_write(request.user):
        raise PermissionDenied


def get_article_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Article:
    """An article the user may see (404 otherwise); 403 when ``write`` is refused."""
    article = Article.objects.visible_to(request.user).filter(pk=pk).first()
    if article is None:
        raise Http404
    if write and not can_edit_article(request.user, article):
        raise PermissionDenied
    return article


def visible_cases(user, article: Article):
    """The article's linked cases that this user may see."""
    from pejling.taskforce.models import Case

    if not user.is_authenticated:
        return Case.objects.none()
    return Case.objects.visible_to(user).filter(Q(articles=article)).distinct()
