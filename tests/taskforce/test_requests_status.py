"""The requester's status page: what it shows, what it hides, and answering the task force."""

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from pejling.audit.models import AccessEvent
from pejling.lib.workdays import add_working_days
from pejling.taskforce import services
from pejling.taskforce.models import ActorKind, Case, CaseEvent, Door, Field, Status
from tests.policy.support import CPR_TEXT, error_at, html, page_text

QUESTION = "Hvilke klassetrin drejer det sig om?"


@pytest.fixture(autouse=True)
def _empty_cache(db):
    cache.clear()
    yield
    cache.clear()


def receive(title="Konflikter ved afhentning", **fields) -> Case:
    values = {
        "title": title,
        "description": "Forældre fra to grupper kommer i konflikt ved afhentningen.",
        "field": Field.EDUCATION,
        "actor_kind": ActorKind.SCHOOL,
        "organisation": "Valby Skole",
        "contact_name": "Hanne Holm",
        "contact_email": "hanne@example.org",
    }
    return services.receive_case(actor=None, door=Door.PUBLIC, **(values | fields))


def status_url(case: Case) -> str:
    return reverse("requests:status", args=[case.status_token])


def lines(response) -> list[tuple[str, str]]:
    return [(str(line["heading"]), line["text"]) for line in response.context["lines"]]


def test_anyone_with_the_link_sees_reference_title_status_and_the_public_lines(client, cast):
    case = receive()
    services.accept(actor=cast.coordinator, case=case)

    response = client.get(status_url(case))

    assert response.status_code == 200
    text = page_text(response)
    assert case.reference in text
    assert "Konflikter ved afhentning" in text
    assert "Status I gang" in text
    assert "Henvendelsen er modtaget" in text
    assert "Ny status: I gang" in text
    assert "task forcen tager den op" in text
    assert '<meta name="robots" content="noindex">' in html(response)


def test_internal_notes_and_staff_names_stay_internal(client, cast):
    case = receive()
    services.add_note(actor=cast.advisor, case=case, text="Intern: ring til skolelederen")
    services.assign(actor=cast.coordinator, case=case, advisors=[cast.advisor])
    services.add_note(actor=cast.advisor, case=case, text="Vi kommer forbi torsdag.", public=True)

    response = client.get(status_url(case))

    text = page_text(response)
    assert "Intern: ring til skolelederen" not in text
    assert str(cast.advisor) not in text and str(cast.coordinator) not in text
    assert lines(response)[-1] == ("Besked fra task forcen", "Vi kommer forbi torsdag.")


def test_the_page_shows_no_personal_data_of_the_requester(client, cast):
    case = receive()

    text = page_text(client.get(status_url(case)))

    assert "Hanne Holm" not in text and "hanne@example.org" not in text


def test_a_status_page_shows_its_own_case_only(client, cast):
    mine, other = receive(), receive(title="Uro i boligområdet", field=Field.HOUSING)
    services.add_note(actor=cast.advisor, case=other, text="Svar til den anden", public=True)

    text = page_text(client.get(status_url(mine)))

    assert other.reference not in text
    assert "Uro i boligområdet" not in text and "Svar til den anden" not in text


def test_an_unknown_link_is_not_found(client, db):
    response = client.get(reverse("requests:status", args=["gaet-et-token-her"]))

    assert response.status_code == 404


def test_reading_the_status_page_is_access_logged(client, cast):
    case = receive()

    client.get(status_url(case))

    assert AccessEvent.objects.for_object(case).count() == 1


def test_a_declined_request_shows_the_reason(client, cast):
    case = receive()
    services.decline(actor=cast.coordinator, case=case, reason="Det ligger uden for vores opgaver.")

    text = page_text(client.get(status_url(case)))

    assert "Ny status: Afvist" in text
    assert "Det ligger uden for vores opgaver." in text


# --- Answering a question ---------------------------------------------------------------------


def test_a_waiting_request_shows_the_question_and_an_answer_form(client, cast):
    case = receive()
    services.ask_for_information(actor=cast.coordinator, case=case, question=QUESTION)

    response = client.get(status_url(case))

    assert "Task forcen har brug for flere oplysninger" in page_text(response)
    assert QUESTION in page_text(response)
    assert 'name="text"' in html(response)


def test_no_answer_form_when_nothing_is_asked(client, cast):
    case = receive()

    response = client.get(status_url(case))

    assert response.context["form"] is None
    assert 'name="text"' not in html(response)


def test_answering_moves_the_request_back_to_new_and_changes_nothing_else(client, cast):
    with time_machine.travel("2026-11-16 10:00 +01:00", tick=False):  # a Monday
        case = receive()
        services.ask_for_information(actor=cast.coordinator, case=case, question=QUESTION)
    before = Case.objects.get(pk=case.pk)
    events_before = case.events.count()

    with time_machine.travel("2026-11-18 10:00 +01:00", tick=False):  # two working days on
        response = client.post(status_url(case), {"text": "Det er 0.- og 1. klasse."})

    assert response.status_code == 302
    assert response["Location"] == status_url(case)
    after = Case.objects.get(pk=case.pk)
    assert after.status == Status.NEW
    # The clock stood still while the task force waited; nothing else moved.
    assert after.response_due_on == add_working_days(before.response_due_on, 2)
    for name in (
        "title",
        "description",
        "field",
        "urgency",
        "priority",
        "door",
        "contact_name",
        "contact_email",
        "organisation",
        "administration_id",
        "first_responded_at",
        "received_at",
        "status_token",
        "reference",
    ):
        assert getattr(after, name) == getattr(before, name), name
    new_events = list(case.events.order_by("id")[events_before:])
    assert [(e.kind, e.public) for e in new_events] == [
        (CaseEvent.Kind.NOTE, True),
        (CaseEvent.Kind.STATUS, True),
    ]
    assert new_events[0].text == "Det er 0.- og 1. klasse."
    assert (new_events[1].from_status, new_events[1].to_status) == (Status.PENDING, Status.NEW)


def test_after_answering_the_page_thanks_and_shows_the_answer(client, cast):
    case = receive()
    services.ask_for_information(actor=cast.coordinator, case=case, question=QUESTION)

    response = client.post(status_url(case), {"text": "Det er 1. klasse."}, follow=True)

    text = page_text(response)
    assert "Tak for dit svar" in text
    assert ("Svar til task forcen", "Det er 1. klasse.") in lines(response)
    assert "Status Ny" in text
    assert 'name="text"' not in html(response)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Skriv dit svar."),
        ("   ", "Skriv dit svar."),
        (CPR_TEXT, "CPR-nummer"),
        ("x" * 5001, "højst være på 5000 tegn"),
    ],
)
def test_a_bad_answer_is_refused_at_the_field_and_nothing_changes(client, cast, text, message):
    case = receive()
    services.ask_for_information(actor=cast.coordinator, case=case, question=QUESTION)
    events = case.events.count()

    response = client.post(status_url(case), {"text": text})

    assert response.status_code == 400
    assert message in error_at(response, "text")
    assert Case.objects.get(pk=case.pk).status == Status.PENDING
    assert case.events.count() == events


def test_an_answer_when_nothing_is_asked_changes_nothing(client, cast):
    case = receive()
    services.accept(actor=cast.coordinator, case=case)
    events = case.events.count()

    response = client.post(status_url(case), {"text": "Hej igen"}, follow=True)

    assert response.status_code == 200
    assert "venter ikke på svar" in page_text(response)
    assert Case.objects.get(pk=case.pk).status == Status.OPEN
    assert case.events.count() == events


def test_the_status_page_only_takes_get_and_post(client, cast):
    assert client.delete(status_url(receive())).status_code == 405


def test_an_answer_in_english_keeps_the_timeline_in_danish(client, cast, settings):
    case = receive()
    services.ask_for_information(actor=cast.coordinator, case=case, question=QUESTION)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.post(status_url(case), {"text": "Grades 0 and 1."}, follow=True)

    assert "Thank you for your answer" in page_text(response)
    line = case.events.filter(kind=CaseEvent.Kind.STATUS).latest("id")
    assert line.text == "Vi har fået dit svar, og task forcen ser på henvendelsen igen."
