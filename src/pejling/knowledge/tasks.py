"""The knowledge bank's background work."""

from django_tasks import task

from pejling.audit.context import origin
from pejling.audit.models import Channel
from pejling.knowledge.services import reindex_all


@task()
def reindex_all_articles() -> dict:
    """Rebuild every entry's search index (after an upgrade of the search rules)."""
    with origin(Channel.TASK, path="reindex_all_articles"):
        count = reindex_all()
    return {"reindexed": count}
