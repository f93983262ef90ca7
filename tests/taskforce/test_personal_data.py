"""A requester's personal data: extracted and anonymised on request, and after retention."""

import json
from datetime import timedelta
from io import StringIO

import time_machine
from django.core.management import call_command
from django.utils import timezone

from pejling.audit.models import AccessEvent, AuditEvent
from pejling.taskforce import personal_data, services
from pejling.taskforce.models import ActorKind, Case, Door, Field, OutcomeKind
from pejling.taskforce.tasks import anonymise_expired_cases


def receive(**fields):
    values = {
        "title": "Madordning",
        "description": "Spørgsmål om madordningen.",
        "field": Field.EDUCATION,
        "actor_kind": ActorKind.DAYCARE,
        "contact_name": "Per Eksempelsen",
        "contact_email": "per@example.org",
        "contact_phone": "12345678",
    }
    return services.receive_case(actor=None, door=Door.PUBLIC, **(values | fields))


def test_everything_about_a_person_is_extracted_and_each_read_logged(cast):
    case = receive()
    receive(contact_email="other@example.org", contact_name="Anden")
    records = personal_data.extract(
        personal_data.cases_about(email="PER@example.org"), actor=cast.administrator
    )
    assert [r["reference"] for r in records] == [case.reference]
    assert records[0]["contact_phone"] == "12345678"
    assert AccessEvent.objects.for_object(case).get().actor == cast.administrator


def test_no_details_find_no_one(cast):
    receive()
    assert not personal_data.cases_about().exists()


def test_anonymising_removes_the_contact_details_and_records_it(cast):
    case = personal_data.anonymise(receive(), actor=cast.administrator)
    case.refresh_from_db()
    assert (case.contact_name, case.contact_email, case.contact_phone) == ("", "", "")
    assert case.anonymised_at is not None
    change = AuditEvent.objects.for_object(case).get(action="update").changes
    assert change["contact_email"] == {"before": "per@example.org", "after": ""}
    assert not personal_data.cases_about(email="per@example.org").exists()


def test_closed_cases_are_anonymised_after_the_retention_period(cast, settings):
    settings.PEJLING_CASE_RETENTION_DAYS = 365
    old = services.assign(actor=cast.coordinator, case=receive(), advisors=[cast.advisor])
    with time_machine.travel(timezone.now() - timedelta(days=400)):
        services.close(actor=cast.advisor, case=old, outcome=OutcomeKind.objects.first())
    recent = services.assign(actor=cast.coordinator, case=receive(), advisors=[cast.advisor])
    services.close(actor=cast.advisor, case=recent, outcome=OutcomeKind.objects.first())
    still_open = receive()

    assert anonymise_expired_cases.call() == {"anonymised": 1}
    assert Case.objects.get(pk=old.pk).anonymised_at is not None
    assert Case.objects.get(pk=recent.pk).anonymised_at is None
    assert Case.objects.get(pk=still_open.pk).contact_email == "per@example.org"


def test_the_persondata_command_extracts_and_anonymises(cast):
    case = receive()
    out = StringIO()
    call_command("persondata", "--email", "per@example.org", stdout=out)
    assert json.loads(out.getvalue())[0]["reference"] == case.reference
    call_command("persondata", "--email", "per@example.org", "--anonymise", stdout=StringIO())
    assert Case.objects.get(pk=case.pk).contact_email == ""
