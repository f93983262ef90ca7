"""Rebuild the knowledge bank's search index, e.g. after moving the data to another database."""

from django.core.management.base import BaseCommand

from pejling.audit.context import origin
from pejling.audit.models import Channel
from pejling.knowledge.models import Article
from pejling.knowledge.services import rebuild_vocabulary, reindex_article


class Command(BaseCommand):
    help = "Rebuild the search index of every knowledge-bank entry."

    def handle(self, *args, **options) -> None:
        count = 0
        with origin(Channel.COMMAND, path="reindex_knowledge"):
            for article in Article.objects.order_by("pk").iterator(chunk_size=500):
                reindex_article(article=article)
                count += 1
            rebuild_vocabulary()
        self.stdout.write(f"Reindexed {count} knowledge-bank entries.")
