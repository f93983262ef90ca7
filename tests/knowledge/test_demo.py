"""The knowledge bank's demo entries."""

import pytest

from pejling.demo import load_all
from pejling.knowledge.models import Article, State
from pejling.knowledge.search import search_articles

pytestmark = pytest.mark.django_db

PARTS = ("accounts", "policy", "taskforce", "knowledge")


def test_demo_entries_are_loaded_once_and_searchable():
    report = load_all(PARTS)
    assert report["knowledge"] == {"articles": 13}
    states = set(Article.objects.values_list("state", flat=True))
    assert states == {State.DRAFT, State.IN_REVIEW, State.PUBLISHED}
    assert Article.objects.public().count() >= 5
    from_case = Article.objects.get(source_case__isnull=False, revisions__number=2)
    assert from_case.state == State.PUBLISHED
    assert from_case.cases.filter(pk=from_case.source_case_id).exists()
    assert Article.objects.filter(guideposts__isnull=False).exists()
    assert Article.objects.filter(cases__isnull=False).count() >= 4
    found = search_articles(Article.objects.public(), "madordningerne")
    assert [a.title for a in found.rows] == ["Madordninger i daginstitutioner uden særordninger"]
    assert load_all(PARTS)["knowledge"] == {"articles": 0}
    assert Article.objects.count() == 13
