"""A case's page: who may see it, what it shows, and the forms that work the case."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from pejling.audit.models import AccessEvent, AuditEvent
from pejling.core import crud
from pejling.governance.models import Body
from pejling.policy.models import Goal, Guidepost, Policy, Theme, VersionedText
from pejling.taskforce import services
from pejling.taskforce.models import (
    Activity,
    ActivityKind,
    Barrier,
    BarrierKind,
    Case,
    CaseEvent,
    Door,
    Field,
    FollowUp,
    OutcomeKind,
    Status,
)
from tests.conftest import make_user
from tests.taskforce.test_work_support import (
    error_at,
    html,
    logged_in,
    new_case,
    open_case,
    page_text,
    text_of,
)

MONDAY = date(2025, 3, 3)
SATURDAY = date(2025, 3, 8)


def url(case: Case, name: str, *args) -> str:
    return reverse(f"taskforce:{name}", args=[case.reference, *args])


def fresh(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def case(cast):
    """A contact person's request from BIF, taken up and assigned to the advisor."""
    request = new_case(
        actor=cast.contact_person,
        door=Door.CONTACT_PERSON,
        administration=cast.administration,
        title="Madordning i daginstitution",
    )
    return services.assign(actor=cast.coordinator, case=request, advisors=[cast.advisor])


def activity_data(**changes) -> dict:
    return {
        "kind": ActivityKind.TALK,
        "advisor": "",
        "date": MONDAY.isoformat(),
        "starts_at": "16:00",
        "ends_at": "20:00",
        "place": "Valby Kulturhus",
        "participants": "45",
        "notes": "Oplæg for forældre.",
    } | changes


# --- Who sees the case --------------------------------------------------------------------------


@pytest.mark.parametrize("member", ["coordinator", "advisor"])
def test_the_task_force_sees_the_case_with_its_forms(client, cast, case, member):
    response = logged_in(client, getattr(cast, member)).get(case.get_absolute_url())

    assert response.status_code == 200
    text = page_text(response)
    assert "Madordning i daginstitution" in text
    assert "I gang" in text
    assert "Advisor" in text_of(response, "main-content")
    assert "anna@example.org" in text  # the requester's contact details
    assert response.context["can_work"] is True
    assert set(response.context["forms"]) >= {"activity", "follow_up", "note", "barrier"}


def test_an_advisor_not_on_the_case_reads_it_but_cannot_change_it(client, cast, case):
    other = make_user("advisor2", "advisor")
    client = logged_in(client, other)

    response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    assert response.context["forms"] == {}
    assert "Du kan se sagen, men ikke ændre den." in page_text(response)

    response = client.post(url(case, "activity_create"), activity_data(advisor=other.pk))
    assert response.status_code == 403
    assert not Activity.objects.exists()


def test_the_contact_person_of_the_administration_reads_it_without_forms(client, cast, case):
    services.add_note(actor=cast.advisor, case=case, text="Intern vurdering af skolen.")
    services.add_note(
        actor=cast.advisor, case=case, text="Vi holder møde i næste uge.", public=True
    )
    barrier = services.record_barrier(
        actor=cast.advisor,
        text="Menuen tager ikke hensyn til alle børn",
        field=Field.EDUCATION,
        kind=BarrierKind.objects.first(),
        cases=[case],
    )
    colleague = make_user("colleague", "contact_person", administration=cast.administration)

    response = logged_in(client, colleague).get(case.get_absolute_url())

    assert response.status_code == 200
    assert response.context["forms"] == {}
    assert '<form method="post" action="/taskforce' not in html(response)
    text = page_text(response)
    assert "Vi holder møde i næste uge." in text
    assert "Intern vurdering" not in text
    assert "anna@example.org" not in text  # not their own request
    assert barrier.text in text
    assert barrier.get_absolute_url() not in html(response)  # the list is the task force's
    assert client.post(url(case, "note_create"), {"text": "Hej"}).status_code == 403


@pytest.mark.parametrize("member", ["outsider", "committee_member", "analyst"])
def test_others_are_told_the_case_does_not_exist(client, cast, case, member):
    client = logged_in(client, getattr(cast, member))

    assert client.get(case.get_absolute_url()).status_code == 404
    assert client.post(url(case, "note_create"), {"text": "Hej"}).status_code == 404


def test_a_contact_person_of_another_administration_does_not_see_it(client, cast, case):
    from pejling.accounts.models import Administration

    tmf = Administration.objects.create(
        name="Teknik- og Miljøforvaltningen", short_name="TMF", slug="tmf"
    )
    stranger = make_user("tmf", "contact_person", administration=tmf)

    assert logged_in(client, stranger).get(case.get_absolute_url()).status_code == 404


def test_anonymous_is_sent_to_log_in(client, case):
    response = client.get(case.get_absolute_url())

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert client.post(url(case, "note_create"), {"text": "Hej"}).status_code == 302


def test_every_read_of_the_case_is_access_logged(client, cast, case):
    client = logged_in(client, cast.advisor)

    client.get(case.get_absolute_url())
    client.get(case.get_absolute_url())

    reads = AccessEvent.objects.filter(object_pk=str(case.pk), actor=cast.advisor)
    assert reads.count() == 2
    assert reads.first().path == case.get_absolute_url()


def test_the_case_page_refuses_post(client, cast, case):
    assert logged_in(client, cast.advisor).post(case.get_absolute_url()).status_code == 405


# --- The timeline -------------------------------------------------------------------------------


def test_the_timeline_shows_each_event_and_marks_the_public_ones(client, cast, case):
    services.add_note(actor=cast.advisor, case=case, text="Intern note om skolen.")

    response = logged_in(client, cast.advisor).get(case.get_absolute_url())

    timeline = text_of(response, "main-content")
    events = list(case.events.all())
    assert [e.kind for e in events] == ["received", "assigned", "status", "note"]
    for event in events:
        line = text_of(response, f"event-{event.pk}")
        assert event.get_kind_display() in line
        assert ("vist for den, der har henvendt sig" in line) == event.public
    assert "Ny → I gang" in text_of(response, f"event-{events[2].pk}")
    assert "Intern note om skolen." in timeline


def test_a_note_is_added_internal_or_public(client, cast, case):
    client = logged_in(client, cast.advisor)

    response = client.post(url(case, "note_create"), {"text": "Ringede til lederen."})
    assert response.status_code == 302
    assert response.url == case.get_absolute_url() + "#forloeb"
    client.post(url(case, "note_create"), {"text": "Vi har holdt møde.", "public": "on"})

    notes = case.events.filter(kind=CaseEvent.Kind.NOTE).order_by("id")
    assert [(n.text, n.public, n.actor) for n in notes] == [
        ("Ringede til lederen.", False, cast.advisor),
        ("Vi har holdt møde.", True, cast.advisor),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [("  ", "Skriv noten."), ("Borgeren har cpr 010190-1234.", "CPR")],
)
def test_a_note_must_have_text_and_no_cpr_number(client, cast, case, text, message):
    events = case.events.count()

    response = logged_in(client, cast.advisor).post(url(case, "note_create"), {"text": text})

    assert response.status_code == 400
    assert message.lower() in page_text(response).lower()
    assert case.events.count() == events


# --- Activities ---------------------------------------------------------------------------------


def test_an_activity_is_registered_with_its_off_hours(client, cast, case):
    client = logged_in(client, cast.advisor)

    response = client.post(url(case, "activity_create"), activity_data(advisor=cast.advisor.pk))

    assert response.status_code == 302
    assert response.url == case.get_absolute_url() + "#aktiviteter"
    activity = Activity.objects.get()
    # 16:00-20:00 on a Monday: 17:00-20:00 is evening work.
    assert (activity.minutes, activity.minutes_off_hours) == (240, 180)
    assert case.events.filter(
        kind=CaseEvent.Kind.ACTIVITY, text="Oplæg og foredrag, 03-03-2025"
    ).exists()
    assert AuditEvent.objects.filter(object_pk=str(activity.pk), action="create").exists()

    page = client.get(case.get_absolute_url())
    assert (
        "I alt 4 timer, heraf 3 timer om aftenen, om natten eller i weekenden (75 %)."
        in page_text(page)
    )
    row = text_of(page, f"activity-{activity.pk}")
    for part in (
        "Oplæg og foredrag",
        "16:00–20:00",
        "Valby Kulturhus",
        "45",
        "Oplæg for forældre.",
    ):
        assert part in row


def test_a_saturday_activity_counts_all_of_it_as_off_hours(client, cast, case):
    client = logged_in(client, cast.advisor)
    client.post(url(case, "activity_create"), activity_data(advisor=cast.advisor.pk))
    client.post(
        url(case, "activity_create"),
        activity_data(
            advisor=cast.advisor.pk, date=SATURDAY.isoformat(), starts_at="10:00", ends_at="12:30"
        ),
    )

    saturday = Activity.objects.get(date=SATURDAY)
    assert (saturday.minutes, saturday.minutes_off_hours) == (150, 150)
    page = client.get(case.get_absolute_url())
    assert response_share(page) == (6.5, 5.5, 85)


def response_share(page) -> tuple[float, float, int]:
    context = page.context
    return round(context["hours"], 1), round(context["off_hours"], 1), context["off_share"]


def test_an_activity_that_ends_before_it_starts_is_refused(client, cast, case):
    audits = AuditEvent.objects.count()

    response = logged_in(client, cast.advisor).post(
        url(case, "activity_create"),
        activity_data(advisor=cast.advisor.pk, starts_at="14:00", ends_at="13:00"),
    )

    assert response.status_code == 400
    assert error_at(response, "activity-ends_at") == "Aktiviteten skal slutte, efter den begynder."
    assert "open" in html(response).split('id="activity-ends_at"')[0].rsplit("<details", 1)[1]
    assert not Activity.objects.exists()
    assert AuditEvent.objects.count() == audits


def test_an_activity_needs_its_fields(client, cast, case):
    response = logged_in(client, cast.advisor).post(url(case, "activity_create"), {})

    assert response.status_code == 400
    for name in ("kind", "advisor", "date", "starts_at", "ends_at"):
        assert error_at(response, f"activity-{name}"), name
    assert not Activity.objects.exists()


def test_activities_are_refused_on_a_closed_case(client, cast, case):
    services.close(actor=cast.advisor, case=case, outcome=OutcomeKind.objects.first())

    response = logged_in(client, cast.advisor).post(
        url(case, "activity_create"), activity_data(advisor=cast.advisor.pk)
    )

    assert response.status_code == 400
    assert "Aktiviteter registreres på sager, der er i gang." in page_text(response)
    assert not Activity.objects.exists()


def test_the_activity_advisor_defaults_to_the_user(client, cast, case):
    response = logged_in(client, cast.advisor).get(case.get_absolute_url())

    assert response.context["forms"]["activity"]["advisor"].value() == cast.advisor.pk


# --- Follow-ups ---------------------------------------------------------------------------------


def test_a_follow_up_is_planned_and_marked_done(client, cast, case):
    client = logged_in(client, cast.advisor)

    response = client.post(
        url(case, "follow_up_create"),
        {"due_on": "2025-04-01", "note": "Ring til lederen.", "advisor": cast.advisor.pk},
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert follow_up.due_on == date(2025, 4, 1)
    assert "Markér som udført" in page_text(client.get(case.get_absolute_url()))

    response = client.post(url(case, "follow_up_done", follow_up.pk))

    assert response.status_code == 302
    assert response.url == case.get_absolute_url() + "#opfoelgning"
    follow_up.refresh_from_db()
    assert follow_up.done_at is not None
    assert "Markér som udført" not in page_text(client.get(case.get_absolute_url()))


def test_a_follow_up_needs_a_date_and_a_text(client, cast, case):
    response = logged_in(client, cast.advisor).post(
        url(case, "follow_up_create"), {"due_on": "", "note": "", "advisor": cast.advisor.pk}
    )

    assert response.status_code == 400
    assert error_at(response, "follow_up-note") == "Skriv, hvad der skal følges op på."
    assert error_at(response, "follow_up-due_on")
    assert not FollowUp.objects.exists()


def test_follow_up_done_checks_the_case_and_the_method(client, cast, case):
    follow_up = services.add_follow_up(
        actor=cast.advisor, case=case, due_on=MONDAY, note="Ring", advisor=cast.advisor
    )
    other = open_case(coordinator=cast.coordinator, advisor=cast.advisor)
    client = logged_in(client, cast.advisor)

    assert client.post(url(other, "follow_up_done", follow_up.pk)).status_code == 404
    assert client.get(url(case, "follow_up_done", follow_up.pk)).status_code == 405
    assert (
        logged_in(client, cast.contact_person)
        .post(url(case, "follow_up_done", follow_up.pk))
        .status_code
        == 403
    )
    follow_up.refresh_from_db()
    assert follow_up.done_at is None


# --- Barriers -----------------------------------------------------------------------------------


def test_a_barrier_is_recorded_and_linked_to_the_case(client, cast, case):
    kind = BarrierKind.objects.get(name="Sprog og kommunikation")
    client = logged_in(client, cast.advisor)

    response = client.post(
        url(case, "barrier_create"),
        {
            "text": "Forældremøder holdes kun på dansk",
            "details": "Ingen tolk ved møderne.",
            "kind": kind.pk,
            "field": Field.EDUCATION,
            "administration": cast.administration.pk,
        },
    )

    assert response.status_code == 302
    barrier = Barrier.objects.get()
    assert list(barrier.cases.all()) == [case]
    assert (barrier.kind, barrier.recorded_by, barrier.administration) == (
        kind,
        cast.advisor,
        cast.administration,
    )
    assert case.events.filter(kind=CaseEvent.Kind.BARRIER).exists()
    page = client.get(case.get_absolute_url())
    assert f'href="{barrier.get_absolute_url()}"' in html(page)


def test_an_inactive_kind_of_barrier_cannot_be_chosen(client, cast, case):
    kind = BarrierKind.objects.get(name="Sprog og kommunikation")
    crud.update(actor=None, instance=kind, changes={"is_active": False})

    response = logged_in(client, cast.advisor).post(
        url(case, "barrier_create"),
        {"text": "Forældremøder på dansk", "kind": kind.pk, "field": Field.EDUCATION},
    )

    assert response.status_code == 400
    assert error_at(response, "barrier-kind")
    assert not Barrier.objects.exists()


def test_the_barrier_form_defaults_to_the_cases_field_and_administration(client, cast, case):
    response = logged_in(client, cast.advisor).get(case.get_absolute_url())

    form = response.context["forms"]["barrier"]
    assert form["field"].value() == case.field
    assert form["administration"].value() == cast.administration.pk


# --- Close, reopen, best practice ---------------------------------------------------------------


def test_close_with_an_outcome_then_reopen_with_a_reason(
    client, cast, case, django_capture_on_commit_callbacks
):
    outcome = OutcomeKind.objects.get(name="Delvist løst")
    client = logged_in(client, cast.advisor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(case, "case_close"), {"outcome": outcome.pk, "text": "Maden er nu halal."}
        )

    assert response.status_code == 302
    closed = fresh(case)
    assert (closed.status, closed.outcome, closed.outcome_text) == (
        Status.CLOSED,
        outcome,
        "Maden er nu halal.",
    )
    assert closed.closed_at is not None
    assert "Sagen er afsluttet: Delvist løst" in mail.outbox[-1].body

    response = client.post(url(case, "case_reopen"), {"reason": ""})
    assert response.status_code == 400
    assert error_at(response, "reopen-reason") == "Skriv, hvorfor sagen genåbnes."
    assert fresh(case).status == Status.CLOSED

    response = client.post(url(case, "case_reopen"), {"reason": "Forældrene har klaget igen."})
    assert response.status_code == 302
    reopened = fresh(case)
    assert (reopened.status, reopened.outcome, reopened.closed_at) == (Status.OPEN, None, None)


def test_close_needs_an_outcome(client, cast, case):
    response = logged_in(client, cast.advisor).post(url(case, "case_close"), {"text": "Færdig"})

    assert response.status_code == 400
    assert error_at(response, "close-outcome") == "Vælg sagens resultat."
    assert fresh(case).status == Status.OPEN


def test_reopening_an_open_case_is_an_illegal_transition(client, cast, case):
    response = logged_in(client, cast.advisor).post(
        url(case, "case_reopen"), {"reason": "Ny henvendelse"}
    )

    assert response.status_code == 400
    assert "En sag med status “I gang” kan ikke få status “I gang”." in page_text(response)


# --- The policy chain ---------------------------------------------------------------------------


@pytest.fixture
def chain(db):
    committee = Body.objects.create(
        name="Beskæftigelses- og Integrationsudvalget", short_name="BIU", kind="committee"
    )
    policy = crud.create(
        actor=None,
        instance=Policy(
            title="Integrationspolitik",
            slug="integrationspolitik",
            period_start=2022,
            owner_committee=committee,
        ),
    )
    theme = crud.create(actor=None, instance=Theme(policy=policy, number=1, title="Sprog og job"))
    wording = crud.create(
        actor=None,
        instance=VersionedText(
            policy=policy, kind=VersionedText.Kind.GUIDEPOST, title="Integration og sprog"
        ),
    )
    guidepost = crud.create(
        actor=None,
        instance=Guidepost(policy=policy, number=1, title="Integration og sprog", wording=wording),
    )
    goal = crud.create(actor=None, instance=Goal(policy=policy, theme=theme, title="Flere i job"))
    return goal, theme, guidepost


def test_the_case_is_tied_to_goals_themes_and_guideposts(client, cast, case, chain):
    goal, theme, guidepost = chain
    client = logged_in(client, cast.advisor)

    response = client.post(
        url(case, "policy_links"),
        {"goals": [goal.pk], "themes": [theme.pk], "guideposts": [guidepost.pk]},
    )

    assert response.status_code == 302
    case = fresh(case)
    assert (list(case.goals.all()), list(case.themes.all()), list(case.guideposts.all())) == (
        [goal],
        [theme],
        [guidepost],
    )
    page = client.get(case.get_absolute_url())
    for obj in (goal, theme, guidepost):
        assert f'href="{obj.get_absolute_url()}"' in html(page)
    assert AuditEvent.objects.filter(object_pk=str(case.pk), changes__has_key="goals").exists()


def test_policy_links_refuse_an_unknown_record(client, cast, case, chain):
    response = logged_in(client, cast.advisor).post(url(case, "policy_links"), {"goals": [99999]})

    assert response.status_code == 400
    assert error_at(response, "links-goals")
    assert not fresh(case).goals.exists()


# --- Assignment from the case page --------------------------------------------------------------


def test_the_coordinator_changes_the_advisors_on_the_case_page(
    client, cast, case, django_capture_on_commit_callbacks
):
    second = make_user("advisor2", "advisor")

    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(client, cast.coordinator).post(
            url(case, "case_assign"), {"advisors": [second.pk]}
        )

    assert response.status_code == 302
    assert list(fresh(case).advisors.all()) == [second]
    assert [m.to for m in mail.outbox] == [["advisor2@example.org"]]


def test_an_advisor_cannot_change_the_advisors(client, cast, case):
    response = logged_in(client, cast.advisor).post(
        url(case, "case_assign"), {"advisors": [cast.advisor.pk]}
    )

    assert response.status_code == 403


# --- Best practice ------------------------------------------------------------------------------


def test_a_closed_case_offers_the_knowledge_bank_and_lists_its_entries(client, cast, case):
    client = logged_in(client, cast.advisor)
    assert "Opret opslag i vidensbanken" not in page_text(client.get(case.get_absolute_url()))

    services.close(
        actor=cast.advisor,
        case=fresh(case),
        outcome=OutcomeKind.objects.get(name="Løst"),
        text="Køkkenet laver nu et alternativ hver dag.",
    )
    page = client.get(case.get_absolute_url())
    assert "Opret opslag i vidensbanken" in page_text(page)

    response = client.post(reverse("knowledge:article_from_case", args=[case.pk]))
    assert response.status_code == 302
    article = fresh(case).articles.get()
    assert article.get_absolute_url() in client.get(case.get_absolute_url()).content.decode()
    # A contact person following the case does not see the advisors' draft.
    contact = logged_in(client, cast.contact_person).get(case.get_absolute_url())
    assert article.state == "draft"
    assert article.get_absolute_url() not in contact.content.decode()
