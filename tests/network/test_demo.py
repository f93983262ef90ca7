"""The network's demo: every administration has its contact person, the theme networks share the
knowledge bank's entries, the newsletter brings recent ones, and loading twice adds nothing."""

import datetime

import time_machine
from django.urls import reverse

from pejling.accounts.models import Administration, User
from pejling.demo import load_all
from pejling.demo import network as network_demo
from pejling.network.models import Network, NewsletterIssue

PARTS = ("accounts", "policy", "governance", "taskforce", "knowledge", "network")
WITHOUT_KNOWLEDGE = ("accounts", "policy", "governance", "taskforce", "network")


def shared_titles(slug: str) -> set[str]:
    return set(Network.objects.get(slug=slug).shared_articles.values_list("title", flat=True))


def test_theme_networks_share_relevant_entries_and_the_newsletter_brings_some(db):
    load_all(PARTS)
    assert "Forældre til tosprogede børn i forældrebestyrelserne" in shared_titles(
        "foraeldrebestyrelser"
    )
    assert "Værktøj: arbejdspladskampagne om mangfoldighed" in shared_titles(
        "mangfoldighed-paa-arbejdspladsen"
    )
    for network in Network.objects.all():
        assert network.shared_articles.exists()
        assert not network.shared_articles.exclude(state="published").exists()
    issue = NewsletterIssue.objects.get()
    titles = list(issue.articles.values_list("title", flat=True))
    assert "Forældre til tosprogede børn i forældrebestyrelserne" in titles
    assert not issue.articles.exclude(is_public=True).exists()


def test_loading_twice_creates_nothing_twice(db):
    load_all(PARTS)
    report = load_all(PARTS)
    assert all(n == 0 for n in report["network"].values()), report["network"]
    assert all(n == 0 for n in report["knowledge"].values())
    assert len(shared_titles("foraeldrebestyrelser")) == len(
        network_demo.SHARED_ENTRIES["foraeldrebestyrelser"]
    )


def test_networks_loaded_before_the_knowledge_bank_get_their_shares_later(db):
    load_all(WITHOUT_KNOWLEDGE)
    assert not shared_titles("foraeldrebestyrelser")
    report = load_all(PARTS)
    assert report["network"]["networks"] == 0
    assert report["network"]["shared_entries"] == sum(
        len(titles) for titles in network_demo.SHARED_ENTRIES.values()
    )
    assert "Kulturmødet på skolen, der tager imod tosprogede elever" in shared_titles(
        "foraeldrebestyrelser"
    )


def test_the_contact_overview_shows_all_seven_with_a_contact_person(client, db):
    load_all(PARTS)
    client.force_login(User.objects.get(username="koordinator"))
    # The demo's planned meetings lie after this day.
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC), tick=False):
        response = client.get(reverse("network:contact_overview"))
    rows = response.context["rows"]
    assert len(rows) == Administration.objects.filter(is_active=True).count() == 7
    assert all(row["contacts"] for row in rows)
    body = response.content.decode()
    assert "Ingen kontaktperson" not in body
    assert "Nadia Fiktivsen" in body and "Rasmus Modelsen" in body
    # The demo user 'kontakt' is also the network's Lars Petersen: shown once.
    tmf = next(row for row in rows if row["administration"].short_name == "TMF")
    assert [contact.name for contact in tmf["contacts"]] == ["Lars Petersen"]
    assert tmf["contacts"][0].has_account and tmf["contacts"][0].person_url
    assert tmf["next_meeting"] is not None


def test_the_theme_network_page_lists_its_shared_entries(client, db):
    load_all(PARTS)
    client.force_login(User.objects.get(username="raadgiver"))
    network = Network.objects.get(slug="mangfoldighed-paa-arbejdspladsen")
    body = client.get(network.get_absolute_url()).content.decode()
    assert "Værktøj: arbejdspladskampagne om mangfoldighed" in body
    assert "Netværket deler ingen indlæg endnu." not in body
