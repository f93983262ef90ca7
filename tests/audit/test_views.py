import csv
import datetime
import io

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from openpyxl import load_workbook

from pejling.audit import services as audit
from pejling.audit.models import AccessEvent, AuditEvent
from tests.testapp.models import Note
from tests.testapp.services import create_note, delete_note, update_note

CHANGES = "/log/revisionsspor/"
ACCESS = "/log/adgangslog/"
URLS = [CHANGES, ACCESS]
NOT_LOG_READERS = [
    "policy_officer",
    "coordinator",
    "advisor",
    "contact_person",
    "analyst",
    "committee_member",
    "outsider",
]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def note_type_id() -> int:
    return ContentType.objects.get_for_model(Note).pk


def listed(response) -> list[int]:
    return [event.pk for event in response.context["page"].object_list]


def logged_in(client, user):
    client.force_login(user)
    return client


def test_administrator_sees_changes(client, cast):
    note = create_note(actor=cast.advisor, title="Referat fra mødet")
    update_note(actor=cast.advisor, note=note, title="Referat, rettet")

    response = logged_in(client, cast.administrator).get(CHANGES)

    assert response.status_code == 200
    assert response.context["page"].paginator.count == AuditEvent.objects.count()
    content = response.content.decode()
    assert "<html" in content
    assert "Referat fra mødet" in content  # the title before the change
    assert "Referat, rettet" in content


def test_administrator_sees_access_log(client, cast):
    note = create_note(actor=cast.advisor, title="Borgerens sag")
    event = audit.record_access(note, actor=cast.coordinator)

    response = logged_in(client, cast.administrator).get(ACCESS)

    assert response.status_code == 200
    assert listed(response) == [event.pk]
    assert "Borgerens sag" in response.content.decode()


@pytest.mark.parametrize("url", URLS)
def test_anonymous_is_sent_to_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/konto/log-ind/?next={url}"


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("who", NOT_LOG_READERS)
def test_other_roles_are_forbidden(client, cast, url, who):
    response = logged_in(client, getattr(cast, who)).get(url)
    assert response.status_code == 403


@pytest.mark.parametrize("url", URLS)
def test_post_is_not_allowed(client, cast, url):
    response = logged_in(client, cast.administrator).post(url)
    assert response.status_code == 405


def test_filter_by_actor_is_case_insensitive(client, cast):
    mine = create_note(actor=cast.advisor, title="Rådgiverens")
    create_note(actor=cast.coordinator, title="Koordinatorens")

    response = logged_in(client, cast.administrator).get(CHANGES, {"actor": " ADVISOR "})

    assert listed(response) == list(
        AuditEvent.objects.for_object(mine).values_list("pk", flat=True)
    )


def test_filter_by_content_type(client, cast):
    note = create_note(actor=cast.advisor, title="Note")

    response = logged_in(client, cast.administrator).get(CHANGES, {"content_type": note_type_id()})

    assert listed(response) == list(
        AuditEvent.objects.for_object(note).values_list("pk", flat=True)
    )


def test_content_type_choices_are_the_types_in_the_log(client, cast):
    create_note(actor=cast.advisor, title="Note")

    response = logged_in(client, cast.administrator).get(ACCESS)

    # The access log is still empty, so it offers no types at all.
    assert list(response.context["form"].fields["content_type"].queryset) == []


def test_filter_by_object_id(client, cast):
    first = create_note(actor=cast.advisor, title="Første")
    create_note(actor=cast.advisor, title="Anden")
    update_note(actor=cast.advisor, note=first, title="Første, rettet")

    response = logged_in(client, cast.administrator).get(
        CHANGES, {"content_type": note_type_id(), "object_pk": str(first.pk)}
    )

    assert listed(response) == list(
        AuditEvent.objects.for_object(first)
        .order_by("-occurred_at", "-id")
        .values_list("pk", flat=True)
    )


def test_filter_by_action(client, cast):
    note = create_note(actor=cast.advisor, title="Slettes")
    delete_note(actor=cast.advisor, note=note)

    response = logged_in(client, cast.administrator).get(CHANGES, {"action": "delete"})

    assert listed(response) == list(
        AuditEvent.objects.filter(action=AuditEvent.Action.DELETE).values_list("pk", flat=True)
    )
    assert len(listed(response)) == 1


def test_unknown_action_is_a_form_error_and_lists_nothing(client, cast):
    response = logged_in(client, cast.administrator).get(CHANGES, {"action": "read"})
    assert response.status_code == 200
    assert "action" in response.context["form"].errors
    assert listed(response) == []


def note_on(day: datetime.date, actor, title: str) -> Note:
    moment = datetime.datetime.combine(day, datetime.time(12, 0), tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        note = create_note(actor=actor, title=title)
        audit.record_access(note, actor=actor)
    return note


@pytest.mark.parametrize(("url", "model"), [(CHANGES, AuditEvent), (ACCESS, AccessEvent)])
def test_filter_by_date_range_includes_both_ends(client, cast, url, model):
    note_on(datetime.date(2025, 1, 9), cast.advisor, "Før")
    first = note_on(datetime.date(2025, 1, 10), cast.advisor, "Første dag")
    last = note_on(datetime.date(2025, 1, 12), cast.advisor, "Sidste dag")
    note_on(datetime.date(2025, 1, 13), cast.advisor, "Efter")

    response = logged_in(client, cast.administrator).get(
        url, {"date_from": "2025-01-10", "date_to": "2025-01-12"}
    )

    wanted = [model.objects.for_object(n).get().pk for n in (last, first)]
    assert listed(response) == wanted


@pytest.mark.parametrize("url", URLS)
def test_date_to_before_date_from_is_an_error_and_lists_nothing(client, cast, url):
    note_on(datetime.date(2025, 1, 10), cast.advisor, "Midt i")

    response = logged_in(client, cast.administrator).get(
        url, {"date_from": "2025-01-12", "date_to": "2025-01-01"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["date_to"] == [
        "Til-datoen må ikke ligge før fra-datoen."
    ]
    assert listed(response) == []
    assert "Til-datoen må ikke ligge før fra-datoen." in response.content.decode()


@pytest.mark.parametrize("url", URLS)
def test_htmx_request_gets_only_the_results(client, cast, url):
    note = create_note(actor=cast.advisor, title="Note")
    audit.record_access(note, actor=cast.advisor)

    response = logged_in(client, cast.administrator).get(url, HTTP_HX_REQUEST="true")

    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert 'id="results"' in content
    assert "Note" in content


def test_csv_export_has_a_header_and_one_row_per_event(client, cast):
    note = create_note(actor=cast.advisor, title="=SUM(A1)")
    update_note(actor=cast.advisor, note=note, body="Ny tekst")

    response = logged_in(client, cast.administrator).get(
        CHANGES, {"content_type": note_type_id(), "format": "csv"}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="revisionsspor.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0][:4] == ["Tidspunkt", "Bruger", "Handling", "Type"]
    assert [row[2] for row in rows[1:]] == ["Ændret", "Oprettet"]
    assert {row[1] for row in rows[1:]} == {"advisor"}
    # A value that looks like a formula is defused.
    assert {row[5] for row in rows[1:]} == {"'=SUM(A1)"}


def test_xlsx_export_opens_with_the_filtered_rows(client, cast):
    note = create_note(actor=cast.advisor, title="Borgerens sag")
    audit.record_access(note, actor=cast.coordinator)
    audit.record_access(note, actor=cast.advisor)

    response = logged_in(client, cast.administrator).get(
        ACCESS, {"actor": "coordinator", "format": "xlsx"}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="adgangslog.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Tidspunkt",
        "Bruger",
        "Type",
        "Id",
        "Objekt",
        "Kanal",
        "Side eller API-kald",
        "IP-adresse",
    )
    assert len(rows) == 2
    assert rows[1][1:5] == ("coordinator", "note", str(note.pk), "Borgerens sag")
    assert isinstance(rows[1][0], datetime.datetime)


def test_export_of_an_invalid_filter_has_only_the_header(client, cast):
    create_note(actor=cast.advisor, title="Note")

    response = logged_in(client, cast.administrator).get(
        CHANGES, {"date_from": "2025-01-12", "date_to": "2025-01-01", "format": "csv"}
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8")[1:]), delimiter=";"))
    assert len(rows) == 1


def test_export_is_forbidden_to_other_roles(client, cast):
    response = logged_in(client, cast.coordinator).get(CHANGES, {"format": "csv"})
    assert response.status_code == 403


def test_list_pages_are_paginated(client, cast):
    for n in range(55):
        create_note(actor=cast.advisor, title=f"Note {n}")

    client = logged_in(client, cast.administrator)
    first = client.get(CHANGES, {"content_type": note_type_id()})
    second = client.get(CHANGES, {"content_type": note_type_id(), "side": 2})

    assert len(listed(first)) == 50
    assert len(listed(second)) == 5
    assert set(listed(first)).isdisjoint(listed(second))


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("events", [1, 60])
def test_list_query_count_does_not_grow_with_events(
    client, cast, django_assert_max_num_queries, url, events
):
    for n in range(events):
        note = create_note(actor=cast.advisor, title=f"Note {n}")
        update_note(actor=cast.coordinator, note=note, secret="x")
        audit.record_access(note, actor=cast.coordinator)
    client = logged_in(client, cast.administrator)

    with django_assert_max_num_queries(6):
        response = client.get(url)

    assert response.status_code == 200


def test_changes_are_shown_with_field_labels_and_readable_values(client, cast):
    from pejling.accounts import services

    services.set_roles(
        actor=cast.administrator,
        user=cast.advisor,
        roles=["advisor", "analyst"],
        administration=cast.administration,
    )
    client.force_login(cast.administrator)
    html = client.get("/log/revisionsspor/").content.decode()
    assert "<dt>Forvaltning</dt>" in html
    assert "advisor → advisor, analyst" in html
