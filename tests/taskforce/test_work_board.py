"""The coordinator's triage board: the waiting requests and what can be done with each."""

import pytest
from django.core import mail
from django.urls import reverse

from pejling.audit.models import AccessEvent, AuditEvent
from pejling.taskforce.models import Case, CaseEvent, Field, Priority, Status
from tests.conftest import make_user
from tests.taskforce.test_work_support import (
    csv_rows,
    error_at,
    html,
    logged_in,
    new_case,
    open_case,
    page_text,
    text_of,
    xlsx_rows,
)

BOARD = reverse("taskforce:board")


def action(case: Case, name: str) -> str:
    return reverse("taskforce:board_action", args=[case.reference, name])


def listed(response) -> list[str]:
    return [case.reference for case in response.context["page"].object_list]


def fresh(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def waiting(cast):
    """Three requests: the oldest over its response deadline, one pending, one new today."""
    oldest = new_case(title="Skole-hjem-samarbejde", days_ago=10, field=Field.EDUCATION)
    pending = new_case(title="Konflikt i gården", days_ago=4, field=Field.SAFETY)
    pending = fresh(pending)
    from pejling.taskforce import services

    services.ask_for_information(actor=cast.coordinator, case=pending, question="Hvor mange?")
    newest = new_case(title="Rekruttering", field=Field.EMPLOYMENT)
    mail.outbox.clear()
    return oldest, fresh(pending), newest


# --- The list -----------------------------------------------------------------------------------


def test_board_lists_new_and_pending_requests_oldest_first(client, cast, waiting):
    oldest, pending, newest = waiting
    taken = open_case(coordinator=cast.coordinator, advisor=cast.advisor, title="Allerede i gang")

    response = logged_in(client, cast.coordinator).get(BOARD)

    assert response.status_code == 200
    assert listed(response) == [oldest.reference, pending.reference, newest.reference]
    assert taken.reference not in html(response)
    card = text_of(response, f"case-{oldest.pk}")
    assert "Skole-hjem-samarbejde" in card
    assert "Valby Skole, Skole" in card  # organisation and kind of actor
    assert "Uddannelse og dagtilbud" in card
    assert "Over fristen" in card
    assert f"{oldest.response_due_on.day}." in card  # the working-day deadline
    assert "Inden for fristen" in text_of(response, f"case-{newest.pk}")
    assert "Afventer oplysninger" in text_of(response, f"case-{pending.pk}")


def test_board_filters_by_field_status_and_overdue(client, cast, waiting):
    oldest, pending, newest = waiting
    client = logged_in(client, cast.coordinator)

    assert listed(client.get(BOARD, {"field": Field.SAFETY})) == [pending.reference]
    assert listed(client.get(BOARD, {"status": Status.NEW})) == [
        oldest.reference,
        newest.reference,
    ]
    assert listed(client.get(BOARD, {"overdue": "on"})) == [oldest.reference]


def test_board_filter_over_htmx_returns_only_the_results(client, cast, waiting):
    response = logged_in(client, cast.coordinator).get(
        BOARD, {"field": Field.SAFETY}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert 'id="results"' in html(response)
    assert "<html" not in html(response)


def test_board_exports_csv_and_xlsx(client, cast, waiting):
    oldest, pending, newest = waiting
    client = logged_in(client, cast.coordinator)

    rows = csv_rows(client.get(BOARD, {"format": "csv", "status": Status.NEW}))
    assert rows[0][:3] == ["Nummer", "Overskrift", "Status"]
    assert [row[0] for row in rows[1:]] == [oldest.reference, newest.reference]
    assert "Over fristen" in rows[1]

    sheet = xlsx_rows(client.get(BOARD, {"format": "xlsx"}))
    assert [row[0] for row in sheet[1:]] == [oldest.reference, pending.reference, newest.reference]


@pytest.mark.parametrize("n", [3, 30])
def test_board_query_count_does_not_grow_with_the_cases(
    client, cast, django_assert_max_num_queries, n
):
    for _ in range(n):
        case = new_case()
    from pejling.taskforce import services

    services.set_triage(
        actor=cast.coordinator, case=case, priority=Priority.HIGH, field=Field.HEALTH
    )
    client = logged_in(client, cast.coordinator)
    client.get(BOARD)  # the session and the user are loaded once, as on any page

    with django_assert_max_num_queries(7):
        response = client.get(BOARD)

    assert len(listed(response)) == n


def case_page(case: Case) -> str:
    return reverse("taskforce:board_case", args=[case.reference])


def test_the_board_shows_one_form_per_card_and_links_to_the_rest(client, cast, waiting):
    oldest = waiting[0]

    body = html(logged_in(client, cast.coordinator).get(BOARD + "?status=new"))

    assert action(oldest, "accept") in body
    assert action(oldest, "decline") not in body
    assert f'href="{case_page(oldest)}?status=new"' in body
    assert f'hx-get="{case_page(oldest)}?status=new"' in body


def test_the_case_triage_page_shows_every_form(client, cast, waiting):
    oldest, pending, _newest = waiting
    client = logged_in(client, cast.coordinator)

    response = client.get(case_page(oldest))
    body = html(response)

    assert response.status_code == 200
    assert "<html" in body
    for name in ("accept", "assign", "triage", "ask", "merge", "decline"):
        assert action(oldest, name) in body
    assert action(pending, "resume") in html(client.get(case_page(pending)))


def test_the_case_triage_card_over_htmx_replaces_only_the_card(client, cast, waiting):
    oldest = waiting[0]

    response = logged_in(client, cast.coordinator).get(
        case_page(oldest) + "?field=education", headers={"HX-Request": "true"}
    )
    body = html(response)

    assert response.status_code == 200
    assert "<html" not in body
    assert f'id="case-{oldest.pk}"' in body
    assert f"{action(oldest, 'decline')}?field=education" in body


def test_the_case_triage_page_of_a_case_no_longer_waiting_says_so(client, cast, waiting):
    taken = open_case(coordinator=cast.coordinator, advisor=cast.advisor, title="Allerede i gang")

    response = logged_in(client, cast.coordinator).get(case_page(taken))

    assert response.status_code == 200
    assert "ikke længere til visitering" in page_text(response)
    assert action(taken, "decline") not in html(response)


def test_the_case_triage_page_is_for_the_coordinator_only(client, cast, waiting):
    oldest = waiting[0]

    response = client.get(case_page(oldest))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    for member in ("advisor", "contact_person", "committee_member", "outsider"):
        assert logged_in(client, getattr(cast, member)).get(case_page(oldest)).status_code == 403
    client = logged_in(client, cast.coordinator)
    assert client.post(case_page(oldest)).status_code == 405
    assert client.get(case_page(Case(reference="TF-1999-00001"))).status_code == 404


def test_anonymous_is_sent_to_log_in(client, waiting):
    response = client.get(BOARD)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("member", ["advisor", "contact_person", "committee_member", "outsider"])
def test_only_the_coordinator_sees_the_board(client, cast, waiting, member):
    oldest = waiting[0]
    client = logged_in(client, getattr(cast, member))

    assert client.get(BOARD).status_code == 403
    assert client.post(action(oldest, "accept")).status_code == 403
    assert fresh(oldest).status == Status.NEW


def test_board_and_its_actions_refuse_other_methods(client, cast, waiting):
    client = logged_in(client, cast.coordinator)

    assert client.post(BOARD).status_code == 405
    assert client.get(action(waiting[0], "accept")).status_code == 405


def test_an_unknown_action_or_case_is_not_found(client, cast, waiting):
    client = logged_in(client, cast.coordinator)

    assert client.post(action(waiting[0], "delete")).status_code == 404
    url = reverse("taskforce:board_action", args=["TF-1999-00001", "accept"])
    assert client.post(url).status_code == 404


# --- Accept, ask, resume, decline -----------------------------------------------------------------


def test_accept_opens_the_case_tells_the_requester_and_writes_the_timeline(
    client, cast, waiting, django_capture_on_commit_callbacks
):
    oldest = waiting[0]

    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(client, cast.coordinator).post(action(oldest, "accept"))

    assert response.status_code == 302
    assert response.url == BOARD
    case = fresh(oldest)
    assert case.status == Status.OPEN
    assert case.first_responded_at is not None
    event = case.events.get(kind=CaseEvent.Kind.STATUS)
    assert (event.from_status, event.to_status, event.public) == ("new", "open", True)
    assert event.actor == cast.coordinator
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    assert "taget op" in page_text(client.get(BOARD))  # the message after the redirect


def test_accept_keeps_the_filter_when_going_back(client, cast, waiting):
    oldest = waiting[0]

    response = logged_in(client, cast.coordinator).post(
        action(oldest, "accept") + "?field=education"
    )

    assert response.url == f"{BOARD}?field=education#case-{oldest.pk}"


def test_accept_over_htmx_returns_only_the_cases_card(client, cast, waiting):
    oldest = waiting[0]

    response = logged_in(client, cast.coordinator).post(
        action(oldest, "accept"), headers={"HX-Request": "true"}
    )

    body = html(response)
    assert response.status_code == 200
    assert body.lstrip().startswith("<article") or f'id="case-{oldest.pk}"' in body
    assert "<html" not in body
    assert "er taget op og er nu i gang" in page_text(response)
    assert "ikke længere til visitering" in page_text(response)
    assert fresh(oldest).status == Status.OPEN


def test_ask_for_information_makes_the_request_wait(
    client, cast, waiting, django_capture_on_commit_callbacks
):
    newest = waiting[2]

    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(client, cast.coordinator).post(
            action(newest, "ask"), {"question": "Hvilke klasser drejer det sig om?"}
        )

    assert response.status_code == 302
    case = fresh(newest)
    assert case.status == Status.PENDING
    assert case.events.filter(text="Hvilke klasser drejer det sig om?", public=True).exists()
    assert "Hvilke klasser" in mail.outbox[0].body


def test_asking_needs_a_question(client, cast, waiting):
    newest = waiting[2]

    response = logged_in(client, cast.coordinator).post(action(newest, "ask"), {"question": " "})

    assert response.status_code == 400
    assert error_at(response, f"c{newest.pk}-question") == "Skriv, hvilke oplysninger der mangler."
    assert fresh(newest).status == Status.NEW


def test_resume_puts_a_pending_request_back_on_the_board(client, cast, waiting):
    pending = waiting[1]

    response = logged_in(client, cast.coordinator).post(action(pending, "resume"))

    assert response.status_code == 302
    assert fresh(pending).status == Status.NEW


def test_decline_with_a_reason(client, cast, waiting, django_capture_on_commit_callbacks):
    oldest = waiting[0]

    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(client, cast.coordinator).post(
            action(oldest, "decline"), {"reason": "Det hører under skolens egen ledelse."}
        )

    assert response.status_code == 302
    case = fresh(oldest)
    assert case.status == Status.DECLINED
    assert case.decline_reason == "Det hører under skolens egen ledelse."
    assert "egen ledelse" in mail.outbox[0].body


def test_decline_without_a_reason_is_refused_at_the_field(
    client, cast, waiting, django_capture_on_commit_callbacks
):
    oldest = waiting[0]
    audits = AuditEvent.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(client, cast.coordinator).post(
            action(oldest, "decline"), {"reason": ""}
        )

    assert response.status_code == 400
    assert error_at(response, f"c{oldest.pk}-reason") == "Skriv en begrundelse for afvisningen."
    assert f"Sag {oldest.reference} er ikke ændret" in page_text(response)
    assert fresh(oldest).status == Status.NEW
    assert AuditEvent.objects.count() == audits
    assert mail.outbox == []


def test_decline_without_a_reason_over_htmx_shows_the_error_in_the_card(client, cast, waiting):
    oldest = waiting[0]

    response = logged_in(client, cast.coordinator).post(
        action(oldest, "decline"), {"reason": ""}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200  # htmx swaps no error responses
    assert "<html" not in html(response)
    assert error_at(response, f"c{oldest.pk}-reason") == "Skriv en begrundelse for afvisningen."
    assert f'id="c{oldest.pk}-reason"' in html(response)
    assert fresh(oldest).status == Status.NEW


def test_an_illegal_transition_shows_the_services_message_and_changes_nothing(
    client, cast, waiting, django_capture_on_commit_callbacks
):
    oldest = waiting[0]
    client = logged_in(client, cast.coordinator)
    client.post(action(oldest, "decline"), {"reason": "Uden for task forcens område."})
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action(oldest, "accept"))

    assert response.status_code == 400
    assert "En sag med status “Afvist” kan ikke få status “I gang”." in page_text(response)
    assert fresh(oldest).status == Status.DECLINED
    assert mail.outbox == []

    response = client.post(action(oldest, "accept"), headers={"HX-Request": "true"})
    assert "kan ikke få status “I gang”" in page_text(response)


# --- Merge, triage, assign --------------------------------------------------------------------


def test_merge_into_another_case_by_its_reference(client, cast, waiting):
    oldest, _pending, newest = waiting

    response = logged_in(client, cast.coordinator).post(
        action(newest, "merge"), {"into": oldest.reference.lower()}
    )

    assert response.status_code == 302
    case = fresh(newest)
    assert case.status == Status.MERGED
    assert case.merged_into == oldest
    assert oldest.events.filter(kind=CaseEvent.Kind.MERGED).exists()


@pytest.mark.parametrize(
    ("into", "message"),
    [
        ("", "Skriv nummeret på den sag, henvendelsen skal lægges sammen med."),
        ("TF-1999-00001", "Der er ingen sag med nummeret TF-1999-00001."),
        ("self", "En sag kan ikke lægges sammen med sig selv."),
    ],
)
def test_merge_needs_another_existing_case(client, cast, waiting, into, message):
    newest = waiting[2]
    into = newest.reference if into == "self" else into

    response = logged_in(client, cast.coordinator).post(action(newest, "merge"), {"into": into})

    assert response.status_code == 400
    assert error_at(response, f"c{newest.pk}-into") == message
    assert fresh(newest).status == Status.NEW


def test_set_priority_and_field(client, cast, waiting):
    newest = waiting[2]

    response = logged_in(client, cast.coordinator).post(
        action(newest, "triage"), {"priority": Priority.HIGH, "field": Field.HOUSING}
    )

    assert response.status_code == 302
    case = fresh(newest)
    assert (case.priority, case.field) == (Priority.HIGH, Field.HOUSING)
    assert case.events.filter(kind=CaseEvent.Kind.PRIORITY, text="Høj, Bolig").exists()
    assert case.status == Status.NEW


def test_set_triage_refuses_an_unknown_priority(client, cast, waiting):
    newest = waiting[2]

    response = logged_in(client, cast.coordinator).post(
        action(newest, "triage"), {"priority": "urgent", "field": Field.HOUSING}
    )

    assert response.status_code == 400
    assert "Marker en gyldig valgmulighed" in error_at(response, f"c{newest.pk}-priority")
    assert fresh(newest).field == Field.EMPLOYMENT


def test_assign_to_advisors_opens_the_case_and_mails_each_of_them(
    client, cast, waiting, django_capture_on_commit_callbacks
):
    oldest = waiting[0]
    second = make_user("advisor2", "advisor")

    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(client, cast.coordinator).post(
            action(oldest, "assign"), {"advisors": [cast.advisor.pk, second.pk]}
        )

    assert response.status_code == 302
    case = fresh(oldest)
    assert case.status == Status.OPEN
    assert set(case.advisors.all()) == {cast.advisor, second}
    assert case.events.filter(kind=CaseEvent.Kind.ASSIGNED).exists()
    advisor_mail = [m for m in mail.outbox if m.to != ["anna@example.org"]]
    assert sorted(m.to[0] for m in advisor_mail) == ["advisor2@example.org", "advisor@example.org"]
    assert all(case.reference in m.body for m in advisor_mail)


def test_the_board_offers_only_active_advisors(client, cast, waiting):
    make_user("retired", "advisor").__class__.objects.filter(username="retired").update(
        is_active=False
    )

    response = logged_in(client, cast.coordinator).get(BOARD)

    choices = response.context["board"].forms_for(waiting[0])["assign"].fields["advisors"].choices
    assert [label for _pk, label in choices] == ["Advisor"]


def test_assign_to_someone_who_is_not_an_advisor_is_refused_by_the_service(
    client, cast, waiting, django_capture_on_commit_callbacks
):
    oldest = waiting[0]

    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(client, cast.coordinator).post(
            action(oldest, "assign"), {"advisors": [cast.contact_person.pk]}
        )

    assert response.status_code == 400
    assert error_at(response, f"c{oldest.pk}-advisors") == (
        "Contact er ikke rådgiver i task forcen."
    )
    case = fresh(oldest)
    assert case.status == Status.NEW
    assert not case.assignments.exists()
    assert mail.outbox == []


def test_assign_needs_at_least_one_advisor(client, cast, waiting):
    oldest = waiting[0]

    response = logged_in(client, cast.coordinator).post(action(oldest, "assign"), {})

    assert response.status_code == 400
    assert error_at(response, f"c{oldest.pk}-advisors") == "Vælg mindst én rådgiver."


def test_acting_on_a_case_logs_the_read(client, cast, waiting):
    oldest = waiting[0]

    logged_in(client, cast.coordinator).post(
        action(oldest, "triage"), {"priority": "high", "field": "health"}
    )

    assert AccessEvent.objects.filter(object_pk=str(oldest.pk), actor=cast.coordinator).exists()
