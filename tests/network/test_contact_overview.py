"""The contact overview: every administration, its contact person (an account, a person in the
network, or both), its latest and next meeting, open follow-ups and proposals."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pejling.audit.models import AccessEvent
from pejling.network import services
from pejling.network.models import CONTACT_PERSON_ROLE, OrganisationKind
from tests.network.factories import make_organisation, make_person
from tests.taskforce_api.factories import make_administration

OVERVIEW = reverse("network:contact_overview")
TODAY = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


def make_contact_person(administration, name: str, email: str, **membership):
    """A person in the network who is the contact person of ``administration``."""
    organisation = make_organisation(
        name=administration.name,
        kind=OrganisationKind.ADMINISTRATION,
        administration=administration,
    )
    person = make_person(name=name, email=email)
    services.add_membership(
        actor=None,
        person=person,
        organisation=organisation,
        role=CONTACT_PERSON_ROLE,
        **membership,
    )
    return person


def make_meeting(actor, administration, day: datetime.date):
    return services.create_meeting(
        actor=actor, administration=administration, held_on=day, agenda="1. Nyt"
    )


def test_every_administration_is_listed_with_its_contact_person(client, cast):
    tmf = make_administration("TMF")
    make_administration("KFF")
    make_contact_person(tmf, "Nadia Fiktivsen", "nadia@example.org")
    client.force_login(cast.advisor)
    body = client.get(OVERVIEW).content.decode()
    # The account with the contact-person role in BIF, the network's person in TMF.
    assert "Contact" in body and "contact@example.org" in body
    assert "Nadia Fiktivsen" in body and "nadia@example.org" in body
    assert "Uden brugerkonto i Pejling" in body
    # KFF has neither: said plainly.
    assert body.count("Ingen kontaktperson") == 1
    assert "Forvaltningen KFF" in body


def test_a_person_who_also_has_an_account_is_shown_once(client, cast):
    make_contact_person(cast.administration, "Contact", "contact@example.org")
    client.force_login(cast.coordinator)
    body = client.get(OVERVIEW).content.decode()
    assert body.count("contact@example.org") == 2  # the mailto link and its text
    assert "Uden brugerkonto i Pejling" not in body


def test_ended_roles_and_other_roles_do_not_make_a_contact_person(client, cast):
    tmf = make_administration("TMF")
    make_contact_person(
        tmf,
        "Tidligere Kontaktsen",
        "tidligere@example.org",
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
    )
    organisation = tmf.organisations.get()
    services.add_membership(
        actor=None, person=make_person(name="Leder Ledersen"), organisation=organisation,
        role="Direktør",
    )  # fmt: skip
    client.force_login(cast.coordinator)
    body = client.get(OVERVIEW).content.decode()
    assert "Tidligere Kontaktsen" not in body
    assert "Leder Ledersen" not in body
    assert body.count("Ingen kontaktperson") == 1


def test_latest_and_next_meeting_open_follow_ups_and_proposals(client, cast):
    administration = cast.administration
    make_meeting(cast.coordinator, administration, datetime.date(2025, 9, 15))
    latest = make_meeting(cast.coordinator, administration, datetime.date(2026, 3, 9))
    make_meeting(cast.coordinator, administration, datetime.date(2026, 12, 7))
    coming = make_meeting(cast.coordinator, administration, datetime.date(2026, 9, 14))
    services.add_meeting_follow_up(actor=None, meeting=latest, text="Send forslaget")
    done = services.add_meeting_follow_up(actor=None, meeting=latest, text="Book lokale")
    services.complete_meeting_follow_up(actor=None, follow_up=done)
    services.propose_focus_area(
        actor=cast.coordinator, administration=administration, title="Forslag", reasoning="Fordi"
    )
    client.force_login(cast.advisor)
    response = client.get(OVERVIEW)
    row = next(r for r in response.context["rows"] if r["administration"] == administration)
    assert row["last_meeting"]["url"] == latest.get_absolute_url()
    assert row["next_meeting"]["url"] == coming.get_absolute_url()
    assert row["open_follow_ups"] == 1
    assert row["proposals"] == 1
    body = response.content.decode()
    assert "9. marts 2026" in body and "14. september 2026" in body


def test_an_administration_without_meetings_says_so(client, cast):
    client.force_login(cast.advisor)
    body = client.get(OVERVIEW).content.decode()
    assert "Intet møde endnu" in body and "Ikke aftalt" in body


def test_persons_names_are_for_the_task_force_and_their_reads_are_logged(client, cast):
    tmf = make_administration("TMF")
    person = make_contact_person(tmf, "Nadia Fiktivsen", "nadia@example.org")
    client.force_login(cast.committee_member)
    body = client.get(OVERVIEW).content.decode()
    assert "Nadia Fiktivsen" not in body and "nadia@example.org" not in body
    assert "navnet kan kun ses af task forcen" in body
    assert not AccessEvent.objects.for_object(person).exists()
    client.force_login(cast.advisor)
    client.get(OVERVIEW)
    assert AccessEvent.objects.for_object(person).filter(actor=cast.advisor).count() == 1


def test_contact_person_sees_own_administration_only(client, cast):
    tmf = make_administration("TMF")
    make_contact_person(tmf, "Nadia Fiktivsen", "nadia@example.org")
    make_meeting(cast.coordinator, tmf, datetime.date(2026, 3, 9))
    client.force_login(cast.contact_person)
    response = client.get(OVERVIEW)
    assert [r["administration"] for r in response.context["rows"]] == [cast.administration]
    body = response.content.decode()
    assert "Forvaltningen TMF" not in body and "Nadia Fiktivsen" not in body


def test_overview_exports_as_csv_and_xlsx(client, cast):
    tmf = make_administration("TMF")
    make_contact_person(tmf, "Nadia Fiktivsen", "nadia@example.org")
    make_meeting(cast.coordinator, tmf, datetime.date(2026, 3, 9))
    client.force_login(cast.coordinator)
    csv = client.get(OVERVIEW, {"format": "csv"}).content.decode("utf-8-sig")
    lines = csv.splitlines()
    assert lines[0] == (
        "Forvaltning;Kontaktperson;Stilling eller rolle;E-mail;Seneste møde;Næste møde;"
        "Åben opfølgning;Forslag"
    )
    assert "Forvaltningen TMF;Nadia Fiktivsen;;nadia@example.org;2026-03-09;;0;0" in lines
    xlsx = client.get(OVERVIEW, {"format": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_export_hides_persons_names_from_other_readers(client, cast):
    make_contact_person(make_administration("TMF"), "Nadia Fiktivsen", "nadia@example.org")
    client.force_login(cast.committee_member)
    csv = client.get(OVERVIEW, {"format": "csv"}).content.decode("utf-8-sig")
    assert "Nadia Fiktivsen" not in csv
    assert "Forvaltningen TMF;Navnet kan kun ses af task forcen" in csv


def test_overview_reads_do_not_grow_with_administrations(client, cast):
    client.force_login(cast.coordinator)

    def reads() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(OVERVIEW).status_code == 200
        return sum(1 for q in queries if not q["sql"].lstrip().upper().startswith("INSERT"))

    few = reads()
    for short in ("BUF", "KFF", "SOF", "SUF", "TMF", "OKF"):
        administration = make_administration(short)
        make_contact_person(administration, f"Kontakt {short}", f"{short.lower()}@example.org")
        meeting = make_meeting(cast.coordinator, administration, datetime.date(2026, 3, 9))
        services.add_meeting_follow_up(actor=None, meeting=meeting, text="Opfølgning")
    assert reads() == few


def test_overview_is_for_internal_roles(client, cast):
    client.force_login(cast.outsider)
    assert client.get(OVERVIEW).status_code == 403
    assert client.get(OVERVIEW, {"format": "csv"}).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client, db):
    response = client.get(OVERVIEW)
    assert response.status_code == 302
    assert "?next=" in response["Location"]


def test_overview_answers_get_only(client, cast):
    client.force_login(cast.coordinator)
    assert client.post(OVERVIEW).status_code == 405
