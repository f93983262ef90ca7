"""Rebuild the knowledge bank's search index, e.g. after moving the data to another database."""

from django.core.management.base import BaseCommand

from pejling.audit.context import origin
from pejling.audit.models import Channel
from pejling.knowledge.services import reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index of every knowledge-bank entry."

    def handle(self, *args, **options) -> None:
        with origin(Channel.COMMAND, path="reindex_knowledge"):
            count = reindex_all()
        self.stdout.write(f"Reindexed {count} knowledge-bank entries.")
