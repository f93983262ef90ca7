"""A contact person's requests on behalf of their administration, and the list of its cases."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pejling.accounts.models import Administration, User
from pejling.accounts.roles import Role
from pejling.taskforce import services
from pejling.taskforce.models import ActorKind, Case, Door, Field, Status, Urgency
from tests.conftest import make_user
from tests.policy.support import (
    CPR_TEXT,
    csv_rows,
    error_at,
    html,
    is_partial,
    logged_in,
    page_text,
    xlsx_rows,
)

CREATE = reverse("requests:contact_create")
LIST = reverse("requests:contact_list")


@pytest.fixture(autouse=True)
def _empty_cache(db):
    cache.clear()
    yield
    cache.clear()


def request_data(**changes) -> dict:
    data = {
        "organisation": "Jobcenter Amager",
        "title": "Mentorordning for nye medarbejdere",
        "description": "Vi vil gerne have hjælp til at sætte en mentorordning i gang.",
        "field": Field.EMPLOYMENT,
        "urgency": Urgency.NORMAL,
        "contact_name": "Karen Kontakt",
        "contact_email": "karen@example.org",
        "contact_phone": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def receive(*, title: str, door=Door.PUBLIC, administration=None, actor=None, **fields) -> Case:
    values = {
        "title": title,
        "description": "Beskrivelse.",
        "field": Field.EDUCATION,
        "actor_kind": ActorKind.ADMINISTRATION if administration else ActorKind.SCHOOL,
        "contact_email": "someone@example.org",
    }
    return services.receive_case(
        actor=actor, door=door, administration=administration, **(values | fields)
    )


# --- Who may ----------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [CREATE, LIST])
def test_anonymous_users_are_sent_to_log_in(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("member", ["committee_member", "coordinator", "advisor", "outsider"])
@pytest.mark.parametrize("url", [CREATE, LIST])
def test_only_contact_persons_may_send_and_list(client, cast, member, url):
    response = logged_in(client, getattr(cast, member)).get(url)

    assert response.status_code == 403


def test_a_committee_member_cannot_post_a_request(client, cast):
    response = logged_in(client, cast.committee_member).post(CREATE, request_data())

    assert response.status_code == 403
    assert Case.objects.count() == 0


def test_the_menu_offers_requests_to_contact_persons_only(client, cast):
    assert CREATE in html(logged_in(client, cast.contact_person).get("/"))
    assert CREATE not in html(logged_in(client, cast.committee_member).get("/"))


# --- Sending ----------------------------------------------------------------------------------


def test_the_form_is_filled_in_with_the_contact_persons_own_details(client, cast):
    response = logged_in(client, cast.contact_person).get(CREATE)

    assert response.status_code == 200
    form = response.context["form"]
    assert form["contact_name"].value() == cast.contact_person.get_full_name()
    assert form["contact_email"].value() == "contact@example.org"
    assert cast.administration.name in page_text(response)


def test_a_request_is_sent_on_behalf_of_the_administration(
    client, cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(client, cast.contact_person).post(CREATE, request_data())

    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("requests:receipt", args=[case.status_token])
    assert (case.door, case.actor_kind, case.administration) == (
        Door.CONTACT_PERSON,
        ActorKind.ADMINISTRATION,
        cast.administration,
    )
    assert (case.submitted_by, case.status, case.title) == (
        cast.contact_person,
        Status.NEW,
        "Mentorordning for nye medarbejdere",
    )
    [message] = mail.outbox
    assert message.to == ["karen@example.org"]
    assert case.reference in message.body
    receipt = client.get(response["Location"])
    assert case.reference in page_text(receipt)
    assert LIST in html(receipt)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Skriv en overskrift."),
        ({"description": "x" * 5001}, "description", "højst være på 5000 tegn"),
        ({"description": CPR_TEXT}, "description", "CPR-nummer"),
        ({"contact_email": "karen(at)example.org"}, "contact_email", "gyldig e-mailadresse"),
        ({"field": "weather"}, "field", "Vælg en af mulighederne"),
    ],
)
def test_bad_input_is_shown_at_the_field_and_nothing_is_saved(
    client, cast, changes, field, message
):
    response = logged_in(client, cast.contact_person).post(CREATE, request_data(**changes))

    assert response.status_code == 400
    assert message in error_at(response, field)
    assert Case.objects.count() == 0


def test_a_contact_person_without_an_administration_is_told_why(client, cast):
    # The accounts service refuses such a user; one may still be left over from before.
    loner = make_user("loner", Role.CONTACT_PERSON, administration=cast.administration)
    User.objects.filter(pk=loner.pk).update(administration=None)
    loner.refresh_from_db()

    response = logged_in(client, loner).get(CREATE)

    assert response.status_code == 403
    assert "ikke knyttet til en forvaltning" in page_text(response)
    assert logged_in(client, loner).post(CREATE, request_data()).status_code == 403
    assert Case.objects.count() == 0


# --- The list ---------------------------------------------------------------------------------


@pytest.fixture
def cases(cast):
    other = Administration.objects.create(
        name="Teknik- og Miljøforvaltningen", short_name="TMF", slug="tmf"
    )
    ours = receive(
        title="Vores rekvirering",
        door=Door.CONTACT_PERSON,
        administration=cast.administration,
        actor=cast.contact_person,
        field=Field.EMPLOYMENT,
    )
    about_us = receive(title="Borgerhenvendelse om os", field=Field.HOUSING)
    services.set_triage(
        actor=cast.coordinator, case=about_us, priority="normal", field=Field.HOUSING
    )
    Case.objects.filter(pk=about_us.pk).update(administration=cast.administration)
    services.accept(actor=cast.coordinator, case=about_us)
    theirs = receive(title="Andres rekvirering", door=Door.CONTACT_PERSON, administration=other)
    public = receive(title="Offentlig henvendelse")
    return {"ours": ours, "about_us": about_us, "theirs": theirs, "public": public}


def listed(response) -> list[str]:
    return [case.title for case in response.context["page"].object_list]


def test_the_list_shows_the_administrations_cases_only(client, cast, cases):
    response = logged_in(client, cast.contact_person).get(LIST)

    assert response.status_code == 200
    assert sorted(listed(response)) == ["Borgerhenvendelse om os", "Vores rekvirering"]
    body = html(response)
    assert "Andres rekvirering" not in body and "Offentlig henvendelse" not in body


def test_each_case_links_to_its_status_page(client, cast, cases):
    body = html(logged_in(client, cast.contact_person).get(LIST))

    assert f'href="{cases["ours"].get_status_url()}"' in body
    assert f'href="{cases["about_us"].get_status_url()}"' in body


def test_the_list_filters_by_status_and_field(client, cast, cases):
    client = logged_in(client, cast.contact_person)

    assert listed(client.get(LIST, {"status": Status.OPEN})) == ["Borgerhenvendelse om os"]
    assert listed(client.get(LIST, {"field": Field.EMPLOYMENT})) == ["Vores rekvirering"]
    assert listed(client.get(LIST, {"status": Status.CLOSED})) == []
    assert listed(client.get(LIST, {"status": "nonsense"})) == []


def test_htmx_gets_only_the_results(client, cast, cases):
    response = logged_in(client, cast.contact_person).get(
        LIST, {"status": Status.NEW}, HTTP_HX_REQUEST="true"
    )

    assert is_partial(response)
    assert listed(response) == ["Vores rekvirering"]


def test_the_list_exports_the_same_rows_as_csv_and_xlsx(client, cast, cases):
    client = logged_in(client, cast.contact_person)

    rows = csv_rows(client.get(LIST, {"field": Field.EMPLOYMENT, "format": "csv"}))
    assert rows[0][:4] == ["Referencenummer", "Overskrift", "Indsatsområde", "Status"]
    assert [row[1] for row in rows[1:]] == ["Vores rekvirering"]
    assert rows[1][0] == cases["ours"].reference

    sheet = xlsx_rows(client.get(LIST, {"format": "xlsx"}))
    assert sorted(row[1] for row in sheet[1:]) == ["Borgerhenvendelse om os", "Vores rekvirering"]


def test_the_list_needs_a_bounded_number_of_queries(client, cast):
    client = logged_in(client, cast.contact_person)

    def count() -> int:
        client.get(LIST)  # warm up the session and the user
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST).status_code == 200
        return len(queries)

    receive(title="Den første", door=Door.CONTACT_PERSON, administration=cast.administration)
    few = count()
    for i in range(15):
        receive(title=f"Sag {i}", door=Door.CONTACT_PERSON, administration=cast.administration)
    many = count()

    assert many == few
    assert many <= 6, many


def test_the_list_only_takes_get(client, cast):
    assert logged_in(client, cast.contact_person).post(LIST).status_code == 405
