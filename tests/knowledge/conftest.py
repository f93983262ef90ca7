"""A small Danish corpus for the knowledge bank's tests."""

import pytest

from pejling.knowledge import services
from pejling.knowledge.models import Kind, State

CORPUS = [
    # (key, kind, fields, actor kinds, title, summary, body)
    (
        "school",
        Kind.BEST_PRACTICE,
        ["education"],
        ["school"],
        "Kulturmøde på skolen",
        "Lærere og forældre mødes, når skolen tager imod tosprogede elever.",
        "Integrationen af nye elever lykkes bedst, når forældrene inddrages tidligt. "
        "Skolen i Århus holdt et dialogmøde med tolk.",
    ),
    (
        "daycare",
        Kind.METHOD,
        ["education", "health"],
        ["daycare"],
        "Måltider i daginstitutionen",
        "Personale og forældre aftaler en madordning, som alle børn kan spise med.",
        "Børnehaven lavede en fælles kogebog. Integration handler også om mad.",
    ),
    (
        "housing",
        Kind.GUIDANCE,
        ["housing"],
        ["housing_association"],
        "Udlejningsregler i boligområder",
        "Fleksibel udlejning kan give en blandet beboersammensætning.",
        "Boligforeningen i Aarhus brugte kombineret udlejning og gik i dialog med beboerne.",
    ),
    (
        "integration",
        Kind.TOOL,
        ["employment"],
        ["company"],
        "Integration på arbejdspladsen",
        "En kampagne for mangfoldighed blandt medarbejdere.",
        "Virksomheden rekrutterede bredt og fik en mere mangfoldig medarbejderstab.",
    ),
    (
        "club",
        Kind.CASE_STORY,
        ["culture_leisure"],
        ["sports_club"],
        "Idrætsklubben åbner dørene",
        "Fodboldklubben fik flere piger med indvandrerbaggrund med i træningen.",
        "Trænerne besøgte skolen og fortalte om klubben. Forældrene blev inviteret til kamp.",
    ),
]


@pytest.fixture
def corpus(cast):
    """The corpus as published entries, keyed by name."""
    articles = {}
    for key, kind, fields, actor_kinds, title, summary, body in CORPUS:
        article = services.create_article(
            actor=cast.advisor,
            kind=kind,
            title=title,
            summary=summary,
            body=body,
            fields=fields,
            actor_kinds=actor_kinds,
        )
        services.move_article(actor=cast.advisor, article=article, state=State.IN_REVIEW)
        articles[key] = services.move_article(
            actor=cast.coordinator, article=article, state=State.PUBLISHED
        )
    return articles
