"""The case list ("Sager"): filters, counts, who sees what, bad filters, CSV and PDF."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pejling.accounts.models import Administration
from pejling.core import printing
from pejling.core.navigation import items_for
from pejling.taskforce.models import ActorKind, Case, Door, Field, Status
from tests.pdf import pdf_text
from tests.taskforce.test_work_support import logged_in, new_case, page_text, xlsx_rows

CASES = reverse("taskforce:case_list")


def at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def listed(response) -> list[str]:
    return [case.title for case in response.context["page"].object_list]


def count(response) -> int:
    return response.context["page"].paginator.count


def streamed_csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def make(title, *, received: date, **changes) -> Case:
    """A request received on ``received``; ``changes`` set afterwards as if it had been worked."""
    door = changes.pop("door", Door.PUBLIC)
    field = changes.pop("field", Field.EDUCATION)
    administration = changes.pop("administration", None)
    actor = changes.pop("actor", None)
    case = new_case(actor=actor, title=title, door=door, field=field, administration=administration)
    Case.objects.filter(pk=case.pk).update(received_at=at(received), **changes)
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def cases(cast):
    tmf = Administration.objects.create(
        name="Teknik- og Miljøforvaltningen", short_name="TMF", slug="tmf"
    )
    bif = cast.administration
    due = date(2025, 3, 10)
    return {
        "tmf": tmf,
        "in_time": make(
            "Svaret i tide",
            received=date(2025, 3, 3),
            response_due_on=due,
            first_responded_at=at(due, 20),  # late evening on the due day still counts
            administration=bif,
            field=Field.EMPLOYMENT,
            status=Status.OPEN,
        ),
        "late": make(
            "Svaret for sent",
            received=date(2025, 3, 3),
            response_due_on=due,
            first_responded_at=at(due + timedelta(days=1), 9),
            administration=tmf,
            door=Door.CONTACT_PERSON,
            actor_kind=ActorKind.HOUSING_ASSOCIATION,
            status=Status.CLOSED,
            closed_at=at(date(2026, 1, 5)),
        ),
        "waiting": make(
            "Ikke svaret endnu",
            received=date(2025, 6, 1),
            response_due_on=date(2025, 6, 8),
            first_responded_at=None,
            administration=bif,
        ),
        "outreach": make(
            "Opsøgende i Tingbjerg",
            received=date(2025, 9, 1),
            response_due_on=date(2025, 9, 1),
            first_responded_at=None,
            door=Door.OUTREACH,
            actor=cast.advisor,
            field=Field.HOUSING,
            status=Status.OPEN,
        ),
        "old": make(
            "Sidste års sag",
            received=date(2024, 11, 20),
            response_due_on=date(2024, 11, 27),
            first_responded_at=at(date(2024, 11, 21)),
            status=Status.CLOSED,
            closed_at=at(date(2025, 2, 1)),
        ),
        "merged": make(
            "Lagt sammen",
            received=date(2025, 3, 4),
            response_due_on=date(2025, 3, 11),
            status=Status.MERGED,
        ),
    }


# --- Who sees what ------------------------------------------------------------------------------


def test_the_task_force_sees_every_case_but_the_merged_ones_newest_first(client, cast, cases):
    response = logged_in(client, cast.advisor).get(CASES)

    assert response.status_code == 200
    assert listed(response) == [
        "Opsøgende i Tingbjerg",
        "Ikke svaret endnu",
        "Svaret for sent",
        "Svaret i tide",
        "Sidste års sag",
    ]
    assert "Lagt sammen" not in listed(response)
    assert "5 sager" in page_text(response)


def test_the_count_is_shown_prominently_and_links_lead_to_the_cases(client, cast, cases):
    response = logged_in(client, cast.coordinator).get(CASES, {"aar": 2025})

    body = response.content.decode()
    assert 'id="case-count">4 sager</p>' in body
    assert f'href="{cases["late"].get_absolute_url()}"' in body


def test_a_contact_person_sees_only_their_administrations_cases(client, cast, cases):
    response = logged_in(client, cast.contact_person).get(CASES)

    assert response.status_code == 200
    assert sorted(listed(response)) == ["Ikke svaret endnu", "Svaret i tide"]
    assert "2 sager" in page_text(response)


def test_a_contact_person_filtering_on_another_administration_finds_nothing(client, cast, cases):
    response = logged_in(client, cast.contact_person).get(CASES, {"forvaltning": cases["tmf"].pk})

    assert count(response) == 0
    assert "Ingen sager passer til filteret." in page_text(response)


def test_the_anonymous_visitor_is_sent_to_log_in(client, cases):
    response = client.get(CASES, {"aar": 2025})

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", ["outsider", "committee_member", "policy_officer", "analyst"])
def test_users_who_may_not_see_cases_are_refused(client, cast, cases, who):
    client.force_login(getattr(cast, who))

    assert client.get(CASES).status_code == 403
    assert client.get(CASES, {"format": "csv"}).status_code == 403
    assert client.get(CASES, {"format": "pdf"}).status_code == 403


def test_only_get_is_allowed(client, cast):
    assert logged_in(client, cast.coordinator).post(CASES).status_code == 405


def test_the_task_force_finds_the_list_in_the_navigation(cast):
    def labels(user):
        return [str(item.label) for item in items_for(user)]

    assert "Sager" in labels(cast.advisor)
    assert "Sager" in labels(cast.coordinator)
    assert "Sager" not in labels(cast.committee_member)


# --- Filters ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"aar": "2025"}, {"in_time", "late", "waiting", "outreach"}),
        ({"aar": "2024"}, {"old"}),
        ({"afsluttet": "2025"}, {"old"}),
        ({"afsluttet": "2026"}, {"late"}),
        ({"felt": Field.EMPLOYMENT}, {"in_time"}),
        ({"felt": Field.HOUSING}, {"outreach"}),
        ({"indgang": Door.CONTACT_PERSON}, {"late"}),
        ({"indgang": Door.OUTREACH}, {"outreach"}),
        ({"aktoer": ActorKind.HOUSING_ASSOCIATION}, {"late"}),
        ({"status": Status.OPEN}, {"in_time", "outreach"}),
        ({"status": Status.CLOSED}, {"late", "old"}),
        ({"svar": "inden"}, {"in_time", "old"}),
        ({"svar": "efter"}, {"late"}),
        # The outreach case has no first response, but no requester waits for one either.
        ({"svar": "ubesvaret"}, {"waiting"}),
        ({"q": "tingbjerg"}, {"outreach"}),
        ({"aar": "2025", "svar": "inden"}, {"in_time"}),
        ({"aar": "2025", "indgang": Door.PUBLIC, "status": Status.NEW}, {"waiting"}),
        ({"aar": "2024", "felt": Field.EMPLOYMENT}, set()),
    ],
)
def test_each_filter_and_their_combinations(client, cast, cases, params, expected):
    response = logged_in(client, cast.coordinator).get(CASES, params)

    assert response.status_code == 200
    assert set(listed(response)) == {cases[key].title for key in expected}
    assert count(response) == len(expected)


def test_the_administration_filter(client, cast, cases):
    response = logged_in(client, cast.coordinator).get(
        CASES, {"forvaltning": cast.administration.pk}
    )

    assert set(listed(response)) == {"Svaret i tide", "Ikke svaret endnu"}


def test_the_reference_is_searched(client, cast, cases):
    reference = cases["late"].reference

    response = logged_in(client, cast.coordinator).get(CASES, {"q": reference})

    assert listed(response) == ["Svaret for sent"]


def test_the_counts_agree_with_the_annual_reports_figures(client, cast, cases):
    from pejling.reports.figures.taskforce import requests_of

    client.force_login(cast.coordinator)
    answered = {
        svar: count(client.get(CASES, {"aar": 2025, "svar": svar}))
        for svar in ("inden", "efter", "ubesvaret")
    }

    assert count(client.get(CASES, {"aar": 2025})) == requests_of(2025).count()
    assert answered == {"inden": 1, "efter": 1, "ubesvaret": 1}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"aar": "tyve"}, "Skriv et årstal med fire cifre mellem 1990 og 2100, fx 2025."),
        ({"aar": "20255"}, "Skriv et årstal med fire cifre mellem 1990 og 2100, fx 2025."),
        ({"afsluttet": "-1"}, "Skriv et årstal med fire cifre mellem 1990 og 2100, fx 2025."),
        ({"felt": "sport"}, "Vælg et af indsatsområderne på listen."),
        ({"indgang": "telefon"}, "Vælg en af indgangene på listen."),
        ({"forvaltning": "999999"}, "Vælg en af forvaltningerne på listen."),
        ({"forvaltning": "BIF"}, "Vælg en af forvaltningerne på listen."),
        ({"aktoer": "alien"}, "Vælg en af slagsene af aktører på listen."),
        ({"status": Status.MERGED}, "Vælg en af statusserne på listen."),
        ({"svar": "måske"}, "Vælg inden fristen, efter fristen eller ikke besvaret."),
    ],
)
def test_a_bad_filter_is_reported_and_left_out(client, cast, cases, params, message):
    response = logged_in(client, cast.coordinator).get(CASES, params)

    assert response.status_code == 200
    text = page_text(response)
    assert "Et filter kunne ikke bruges" in text
    assert message in text
    assert count(response) == 5


def test_a_bad_filter_leaves_the_good_ones_in_force(client, cast, cases):
    response = logged_in(client, cast.coordinator).get(CASES, {"aar": "2025", "svar": "snart"})

    assert count(response) == 4
    assert "Første svar: Vælg inden fristen" in page_text(response)


def test_an_htmx_request_gets_only_the_results(client, cast, cases):
    response = logged_in(client, cast.coordinator).get(
        CASES, {"felt": Field.HOUSING}, headers={"HX-Request": "true"}
    )

    body = response.content.decode()
    assert body.lstrip().startswith('<div id="results"')
    assert "1 sag" in page_text(response)


def test_pages_are_cut_by_key_and_keep_the_filter(client, cast, cases):
    for n in range(55):
        make(f"Mange {n}", received=date(2023, 1, 1) + timedelta(days=n))
    client.force_login(cast.coordinator)

    first = client.get(CASES, {"aar": 2023})
    second = client.get(CASES, {"aar": 2023, "side": 2})

    assert count(first) == 55
    assert len(listed(first)) == 50 and listed(first)[0] == "Mange 54"
    assert listed(second) == [f"Mange {n}" for n in range(4, -1, -1)]
    assert "aar=2023&amp;side=2" in first.content.decode()


def test_the_list_takes_a_fixed_number_of_queries(
    client, cast, cases, django_assert_max_num_queries
):
    for n in range(30):
        make(f"Flere {n}", received=date(2023, 1, 1), administration=cases["tmf"])
    client.force_login(cast.coordinator)

    with django_assert_max_num_queries(12):
        response = client.get(CASES)

    assert count(response) == 35


# --- Exports ------------------------------------------------------------------------------------


def test_csv_holds_every_matching_row(client, cast, cases):
    response = logged_in(client, cast.coordinator).get(CASES, {"aar": 2025, "format": "csv"})

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="sager.csv"'
    rows = streamed_csv_rows(response)
    assert rows[0][:3] == ["Nummer", "Overskrift", "Modtaget"]
    assert {row[1] for row in rows[1:]} == {
        "Svaret i tide",
        "Svaret for sent",
        "Ikke svaret endnu",
        "Opsøgende i Tingbjerg",
    }
    late = next(row for row in rows if row[1] == "Svaret for sent")
    assert "Svaret efter fristen" in late and "TMF" in late


def test_csv_of_a_contact_person_holds_only_what_they_may_see(client, cast, cases):
    response = logged_in(client, cast.contact_person).get(CASES, {"format": "csv"})

    assert sorted(row[1] for row in streamed_csv_rows(response)[1:]) == [
        "Ikke svaret endnu",
        "Svaret i tide",
    ]


def test_xlsx_export(client, cast, cases):
    response = logged_in(client, cast.coordinator).get(CASES, {"svar": "efter", "format": "xlsx"})

    rows = xlsx_rows(response)
    assert len(rows) == 2 and rows[1][1] == "Svaret for sent"


def test_pdf_lists_the_filtered_cases_with_the_filter_and_count(client, cast, cases):
    response = logged_in(client, cast.coordinator).get(
        CASES, {"aar": 2025, "indgang": Door.PUBLIC, "format": "pdf"}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response)
    assert cases["waiting"].reference in text
    assert cases["in_time"].reference in text
    assert cases["old"].reference not in text
    assert "2 sager" in text
    assert "Modtaget i år: 2025" in text and "Indgang: Offentlig formular" in text
    assert "Københavns Kommune" in text
    assert "Side 1 af 1" in text


def test_the_pdf_link_keeps_the_filter(client, cast, cases):
    response = logged_in(client, cast.coordinator).get(CASES, {"felt": Field.EMPLOYMENT})

    assert "?felt=employment&amp;format=pdf" in response.content.decode()
    assert "Hent som PDF" in page_text(response)


def test_a_long_pdf_is_cut_and_says_so(client, cast, cases, monkeypatch):
    monkeypatch.setattr(printing, "PDF_ROW_LIMIT", 2)

    response = logged_in(client, cast.coordinator).get(CASES, {"format": "pdf"})

    text = pdf_text(response)
    assert "5 sager" in text
    assert "Listen er afkortet: den viser kun de første 2 rækker." in text
    assert "Hent listen som CSV" in text
    assert cases["old"].reference not in text
