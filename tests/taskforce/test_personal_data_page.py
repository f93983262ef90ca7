"""The coordinator's page for a data subject's request: find, hand out, anonymise."""

import json

import pytest
from django.urls import reverse

from pejling.audit.models import AccessEvent, AuditEvent
from pejling.taskforce import services
from pejling.taskforce.models import ActorKind, Case, Door, Field
from tests.taskforce.test_work_support import error_at, html, logged_in, page_text

SEARCH = reverse("taskforce:person_search")
ANONYMISE = reverse("taskforce:person_anonymise")


def request_from(name: str, email: str, title: str = "Skole") -> Case:
    return services.receive_case(
        actor=None,
        door=Door.PUBLIC,
        title=title,
        description="Hjælp til forældremøder",
        field=Field.EDUCATION,
        actor_kind=ActorKind.SCHOOL,
        contact_name=name,
        contact_email=email,
    )


@pytest.fixture
def requests(db):
    first = request_from("Amira Hansen", "amira@example.dk", "Forældremøder")
    second = request_from("Amira Hansen", "AMIRA@example.dk", "Lektiecafé")
    other = request_from("Jens Olsen", "jens@example.dk")
    return first, second, other


def test_the_coordinator_finds_the_cases_naming_a_person_and_each_read_is_logged(
    client, cast, requests
):
    first, second, other = requests
    reads = AccessEvent.objects.count()

    response = logged_in(client, cast.coordinator).get(SEARCH, {"email": "amira@example.dk"})

    assert response.status_code == 200
    assert [c.reference for c in response.context["cases"]] == [
        first.reference,
        second.reference,
    ]
    assert other.reference not in page_text(response)
    assert AccessEvent.objects.count() == reads + 2


def test_the_extract_downloads_as_json(client, cast, requests):
    first, second, _other = requests

    response = logged_in(client, cast.coordinator).get(
        SEARCH, {"name": "amira hansen", "format": "json"}
    )

    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    records = json.loads(response.content)
    assert [r["reference"] for r in records] == [first.reference, second.reference]
    assert records[0]["contact_email"] == "amira@example.dk"


def test_anonymising_removes_the_details_and_keeps_the_cases(client, cast, requests):
    first, second, other = requests

    response = logged_in(client, cast.coordinator).post(
        ANONYMISE, {"email": "amira@example.dk", "confirm": "on"}, follow=True
    )

    assert "Personens oplysninger er fjernet fra 2 sager." in page_text(response)
    for case in (first, second):
        case.refresh_from_db()
        assert (case.contact_name, case.contact_email, case.anonymised_at is not None) == (
            "",
            "",
            True,
        )
    other.refresh_from_db()
    assert other.contact_email == "jens@example.dk"
    assert Case.objects.count() == 3


def test_anonymising_needs_a_confirmation_and_changes_nothing_without_it(client, cast, requests):
    first = requests[0]
    changes = AuditEvent.objects.count()

    response = logged_in(client, cast.coordinator).post(ANONYMISE, {"email": "amira@example.dk"})

    assert response.status_code == 400
    assert error_at(response, "anon-confirm") == "Bekræft, at oplysningerne skal fjernes."
    first.refresh_from_db()
    assert first.contact_email == "amira@example.dk"
    assert AuditEvent.objects.count() == changes


def test_a_search_without_any_detail_is_refused_with_a_message(client, cast, requests):
    client = logged_in(client, cast.coordinator)

    response = client.get(SEARCH, {"email": "", "name": " "})

    assert response.status_code == 400
    assert "Angiv e-mail, navn eller telefon" in page_text(response)
    assert response.context["cases"] is None
    bad = client.post(ANONYMISE, {"confirm": "on"})
    assert bad.status_code == 400
    assert Case.objects.filter(anonymised_at__isnull=False).count() == 0


def test_an_already_anonymised_person_is_no_longer_found(client, cast, requests):
    client = logged_in(client, cast.coordinator)
    client.post(ANONYMISE, {"email": "amira@example.dk", "confirm": "on"})

    response = client.get(SEARCH, {"email": "amira@example.dk"})

    assert response.context["cases"] == []
    assert "Ingen sager nævner en person" in page_text(response)


def test_the_administrator_may_answer_a_request_too(client, cast, requests):
    client = logged_in(client, cast.administrator)

    assert len(client.get(SEARCH, {"email": "amira@example.dk"}).context["cases"]) == 2
    client.post(ANONYMISE, {"email": "amira@example.dk", "confirm": "on"})
    assert Case.objects.filter(anonymised_at__isnull=False).count() == 2


def test_the_page_is_the_coordinators_and_administrators_only(client, cast, requests):
    response = client.get(SEARCH)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert client.post(ANONYMISE, {"email": "amira@example.dk", "confirm": "on"}).status_code == 302
    for member in ("advisor", "contact_person", "committee_member", "analyst", "outsider"):
        client = logged_in(client, getattr(cast, member))
        assert client.get(SEARCH, {"email": "amira@example.dk"}).status_code == 403
        assert (
            client.post(ANONYMISE, {"email": "amira@example.dk", "confirm": "on"}).status_code
            == 403
        )
    assert Case.objects.filter(anonymised_at__isnull=False).count() == 0
    client = logged_in(client, cast.coordinator)
    assert client.post(SEARCH).status_code == 405
    assert client.get(ANONYMISE).status_code == 405
    assert "Fjern oplysningerne" not in html(client.get(SEARCH))
