"""Tiny factories for network records, made through the network's services."""

from pejling.network import services
from pejling.network.models import Network, Organisation, OrganisationKind, Person


def make_organisation(actor=None, name: str = "Valby Skole", **fields) -> Organisation:
    return services.create_organisation(
        actor=actor, name=name, kind=fields.pop("kind", OrganisationKind.SCHOOL), **fields
    )


def make_person(actor=None, name: str = "Hanne Fiktivsen", **fields) -> Person:
    values = {"email": "hanne@example.org", "phone": "12 34 56 78"} | fields
    return services.create_person(actor=actor, name=name, **values)


def make_network(actor=None, name: str = "Forældrebestyrelser", **fields) -> Network:
    values = {"slug": "foraeldrebestyrelser", "theme": "Forældre i bestyrelser"} | fields
    return services.create_network(actor=actor, name=name, **values)


def make_public_article(coordinator, title: str = "Forældre i skolebestyrelsen"):
    """A published entry in the knowledge bank that the public may read."""
    from pejling.knowledge import services as knowledge
    from pejling.knowledge.models import State

    article = knowledge.create_article(
        actor=coordinator, title=title, summary="Sådan fik en skole forældrene med."
    )
    knowledge.move_article(actor=coordinator, article=article, state=State.IN_REVIEW)
    article = knowledge.move_article(actor=coordinator, article=article, state=State.PUBLISHED)
    return knowledge.set_public(actor=coordinator, article=article, is_public=True)
