"""Every page of the network renders for the coordinator, who may see all of it."""

from django.urls import reverse

from tests.network.factories import make_network, make_organisation, make_person


def test_every_page_renders_for_the_coordinator(client, cast):
    org = make_organisation(cast.coordinator)
    person = make_person(cast.coordinator)
    net = make_network(cast.coordinator)
    client.force_login(cast.coordinator)
    for name, args in [
        ("network:index", []),
        ("network:organisation_list", []),
        ("network:organisation_detail", [org.pk]),
        ("network:organisation_create", []),
        ("network:person_list", []),
        ("network:person_detail", [person.pk]),
        ("network:meeting_list", []),
        ("network:meeting_create", []),
        ("network:proposal_list", []),
        ("network:proposal_create", []),
        ("network:network_list", []),
        ("network:network_detail", [net.slug]),
        ("network:issue_list", []),
        ("network:issue_create", []),
        ("network:subscriber_list", []),
        ("network:subscribe", []),
        ("network:archive_list", []),
    ]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, (name, response.content[:3000])


def test_internal_pages_send_anonymous_visitors_to_login(client, db):
    for name in (
        "network:index",
        "network:organisation_list",
        "network:person_list",
        "network:meeting_list",
        "network:proposal_list",
        "network:network_list",
        "network:issue_list",
    ):
        response = client.get(reverse(name))
        assert response.status_code == 302, name
        assert "?next=" in response["Location"]


def test_public_pages_need_no_login(client, db):
    for name in ("network:subscribe", "network:subscribe_thanks", "network:archive_list"):
        assert client.get(reverse(name)).status_code == 200, name


def test_list_answers_htmx_with_the_results_only(client, cast):
    make_organisation(cast.coordinator)
    client.force_login(cast.advisor)
    response = client.get(reverse("network:organisation_list"), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="results"')
    assert "Valby Skole" in body


def test_organisation_list_query_count_does_not_grow(client, cast, django_assert_max_num_queries):
    client.force_login(cast.advisor)
    make_organisation(cast.coordinator)
    url = reverse("network:organisation_list")
    client.get(url)
    for n in range(10):
        make_organisation(cast.coordinator, name=f"Skole {n}", administration=cast.administration)
    with django_assert_max_num_queries(12):
        client.get(url)


def test_person_list_reads_do_not_grow_with_the_rows(client, cast):
    """One access-log row is written per person shown; the reads stay the same."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pejling.network import services

    organisation = make_organisation(cast.coordinator)
    client.force_login(cast.coordinator)
    url = reverse("network:person_list")

    def reads() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return sum(1 for q in queries if not q["sql"].lstrip().upper().startswith("INSERT"))

    make_person(cast.coordinator, name="Person")
    few = reads()
    for n in range(10):
        person = make_person(cast.coordinator, name=f"Person {n}")
        services.add_membership(actor=None, person=person, organisation=organisation, role="Medlem")
    assert reads() == few
