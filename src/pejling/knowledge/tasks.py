"""The knowledge bank's background work."""

from django_tasks import task

from pejling.audit.context import origin
from pejling.audit.models import Channel
from pejling.knowledge.models import Article
from pejling.knowledge.services import rebuild_vocabulary, reindex_article


@task()
def reindex_all_articles() -> dict:
    """Rebuild every entry's search index (after an upgrade of the search rules)."""
    count = 0
    with origin(Channel.TASK, path="reindex_all_articles"):
        for article in Article.objects.order_by("pk").iterator(chunk_size=500):
            reindex_article(article=article)
            count += 1
        rebuild_vocabulary()
    return {"reindexed": count}
