"""Danish search: the same results and order on SQLite and PostgreSQL for the test corpus."""

import pytest

from pejling.knowledge import services
from pejling.knowledge.models import Article, State, Word
from pejling.knowledge.search import search_articles

pytestmark = pytest.mark.django_db


def keys(result, corpus) -> list[str]:
    names = {a.pk: key for key, a in corpus.items()}
    return [names[a.pk] for a in result.rows]


# Query → the entries found, best first. The same list holds on both databases.
EXPECTED = [
    ("integrationen", ["integration", "daycare", "school"]),
    ("integration", ["integration", "daycare", "school"]),
    ("Aarhus", ["housing", "school"]),
    ("Århus", ["housing", "school"]),
    ("foraeldrene", ["school", "daycare", "club"]),
    ("skolen", ["school", "club"]),
    ("skole forældre", ["school", "club"]),
    ("måltid", ["daycare"]),
    ("maaltider", ["daycare"]),
    ("mangfoldighed medarbejdere", ["integration"]),
    ("tosprogede elev", ["school"]),
    ("udlejning", ["housing"]),
    ("og i", []),
    ("ubåd", []),
]


@pytest.mark.parametrize(("query", "expected"), EXPECTED)
def test_danish_query_finds_expected_entries_in_order(corpus, query, expected):
    result = search_articles(Article.objects.all(), query)
    assert keys(result, corpus) == expected


def test_title_outranks_summary_outranks_body(corpus):
    result = search_articles(Article.objects.all(), "integration")
    ranks = [a.rank for a in result.rows]
    assert ranks == sorted(ranks, reverse=True)
    # the title hit first; the two body hits tie and fall back to the newest
    assert ranks[0] > ranks[1] == ranks[2]
    assert [a.pk for a in result.rows][1:] == [corpus["daycare"].pk, corpus["school"].pk]


def test_empty_query_lists_everything_without_ranking(corpus):
    result = search_articles(Article.objects.all(), "   ")
    assert not result.searching
    assert set(result.rows) == set(corpus.values())


def test_overlong_query_is_cut_and_answers(corpus):
    result = search_articles(Article.objects.all(), "skole " * 2000)
    assert keys(result, corpus) == ["school", "club"]
    assert len(result.query) <= 200


def test_filters_by_kind_field_and_actor_kind(corpus):
    assert keys(search_articles(Article.objects.all(), "", kind="method"), corpus) == ["daycare"]
    by_field = search_articles(Article.objects.all(), "forældre", field="education")
    assert keys(by_field, corpus) == ["school", "daycare"]
    by_actor = search_articles(Article.objects.all(), "", actor_kind="sports_club")
    assert keys(by_actor, corpus) == ["club"]


def test_snippets_highlight_matches_safely(corpus, cast):
    evil = services.create_article(
        actor=cast.advisor,
        title="Farlig tekst",
        summary="Integration <script>alert(1)</script> i praksis",
    )
    result = search_articles(Article.objects.all(), "integrationen")
    snippets = result.snippets(list(result.rows))
    assert "<mark>Integration</mark>" in snippets[corpus["daycare"].pk]
    assert "<mark>Integrationen</mark>" in snippets[corpus["school"].pk]
    # Markup in the text is either escaped or dropped, never passed on.
    assert "<script" not in snippets[evil.pk]
    assert "<mark>Integration</mark>" in snippets[evil.pk]


def test_snippet_highlights_folded_spelling(corpus):
    result = search_articles(Article.objects.all(), "Aarhus")
    snippets = result.snippets(list(result.rows))
    assert "<mark>Århus" in snippets[corpus["school"].pk]
    assert "<mark>Aarhus</mark>" in snippets[corpus["housing"].pk]


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [("integrasion", "integration"), ("udlejnig", "udlejning"), ("skolen mångfoldighed", "")],
)
def test_did_you_mean_suggests_closest_known_word(corpus, query, suggestion):
    result = search_articles(Article.objects.all(), query)
    if suggestion:
        assert list(result.rows) == []
        assert result.suggestion == suggestion
    else:
        assert result.suggestion in ("", "skolen mangfoldighed")


def test_suggestion_never_reveals_words_of_invisible_entries(corpus, cast):
    services.create_article(actor=cast.advisor, title="Hemmeligt projekt", summary="Kladde")
    visible = Article.objects.visible_to(cast.committee_member)
    assert search_articles(visible, "hemmelig").suggestion == ""
    assert search_articles(visible, "hemmeligtt").suggestion == ""


def test_index_follows_edits(corpus, cast):
    article = corpus["club"]
    services.update_article(actor=cast.coordinator, article=article, title="Svømmeklubben")
    assert keys(search_articles(Article.objects.all(), "svømmeklub"), corpus) == ["club"]
    assert keys(search_articles(Article.objects.all(), "idrætsklub"), corpus) == []


def test_archived_entries_still_searchable_by_staff(corpus, cast):
    services.move_article(actor=cast.coordinator, article=corpus["club"], state=State.ARCHIVED)
    visible = Article.objects.visible_to(cast.committee_member)
    assert keys(search_articles(visible, "fodboldklubben"), corpus) == ["club"]
    public = Article.objects.visible_to(cast.outsider)
    assert keys(search_articles(public, "fodboldklubben"), corpus) == []


def test_pages_of_a_one_word_search_follow_the_full_ranking(cast):
    # The word in titles, summaries and texts, once or several times, so ranks interleave.
    for n in range(14):
        services.create_article(
            actor=cast.advisor,
            title=f"Sprogcafé nummer {n}" if n % 3 == 0 else f"Opslag nummer {n}",
            summary=("Sprogcaféen samler naboer. " * (n % 4)) or "Et opslag om naboskab.",
            body="Tekst om sprogcafé og fællesskab. " * (n % 5 + 1),
        )
    result = search_articles(Article.objects.all(), "sprogcaféer")
    everything = [a.pk for a in result.rows]
    assert len(everything) == 14
    for size in (1, 3, 5):
        paged = [a.pk for start in range(0, 14, size) for a in result.rows[start : start + size]]
        assert paged == everything
    ranks = [a.rank for a in result.rows]
    assert ranks == sorted(ranks, reverse=True)


def test_vocabulary_follows_edits(corpus, cast):
    assert Word.objects.get(folded="idraetsklubben").entries == 1
    assert Word.objects.get(folded="skolen").entries == 2
    services.update_article(actor=cast.coordinator, article=corpus["club"], title="Svømmeklubben")
    assert not Word.objects.filter(folded="idraetsklubben").exists()
    assert Word.objects.get(folded="svoemmeklubben").written == "svømmeklubben"
    assert search_articles(Article.objects.all(), "svømmeklubbne").suggestion == "svømmeklubben"
    assert services.rebuild_vocabulary() == Word.objects.count()
    assert Word.objects.get(folded="skolen").entries == 2
