import pytest
from django.urls import reverse

from pejling.policy.models import Policy
from tests.policy.support import (
    add_policies,
    csv_rows,
    html,
    is_partial,
    logged_in,
    xlsx_rows,
)

URL = reverse("policy:policy_list")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def listed(response) -> list[str]:
    return [policy.slug for policy in response.context["page"].object_list]


def test_staff_see_the_draft_and_the_public_policy(client, cast, demo):
    response = logged_in(client, cast.committee_member).get(URL)

    assert response.status_code == 200
    assert listed(response) == ["vision-pejlemaerker-2022", "bland-dig-i-byen"]
    body = html(response)
    assert "Bland dig i byen" in body
    assert "2011–2014 · Udkast · BIU" in body
    assert "2022–2025 · Vedtaget · BIU · offentlig" in body
    assert "Ny politik" not in body  # only editors are offered the button


def test_anonymous_sees_only_the_public_policy(client, demo):
    response = client.get(URL)

    assert listed(response) == ["vision-pejlemaerker-2022"]
    assert "Bland dig i byen" not in html(response)


def test_editor_is_offered_a_new_policy(client, cast, demo):
    response = logged_in(client, cast.policy_officer).get(URL)
    assert reverse("policy:policy_create") in html(response)


def test_filter_by_title(client, cast, demo):
    response = logged_in(client, cast.advisor).get(URL, {"q": "bland"})
    assert listed(response) == ["bland-dig-i-byen"]


def test_filter_by_status(client, cast, demo):
    response = logged_in(client, cast.advisor).get(URL, {"status": Policy.Status.ADOPTED})
    assert listed(response) == ["vision-pejlemaerker-2022"]


def test_an_unknown_status_lists_nothing_and_says_why(client, cast, demo):
    response = logged_in(client, cast.advisor).get(URL, {"status": "vedtaget"})

    assert response.status_code == 200
    assert listed(response) == []
    assert response.context["form"].errors["status"]
    assert "Ingen politikker passer til filteret." in html(response)


def test_anonymous_cannot_filter_their_way_to_a_draft(client, demo):
    response = client.get(URL, {"status": Policy.Status.DRAFT})
    assert listed(response) == []


def test_htmx_request_gets_only_the_results(client, cast, demo):
    response = logged_in(client, cast.advisor).get(URL, {"q": "vision"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert is_partial(response)
    assert "Vision, pejlemærker og særlige fokusområder" in html(response)
    assert "Bland dig i byen" not in html(response)


def test_csv_export_has_the_filtered_policies(client, cast, demo):
    response = logged_in(client, cast.advisor).get(URL, {"q": "bland", "format": "csv"})

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="politikker.csv"'
    rows = csv_rows(response)
    assert rows[0] == [
        "Titel",
        "Undertitel",
        "Periode",
        "Status",
        "Ansvarligt udvalg",
        "Vedtaget den",
        "Vedtaget ved",
        "Offentlig",
    ]
    assert rows[1][:5] == [
        "Bland dig i byen",
        "Københavns Integrationspolitik 2011-2014 (synopsis)",
        "2011–2014",
        "Udkast",
        "BIU",
    ]
    assert rows[1][-1] == "nej"
    assert len(rows) == 2


def test_xlsx_export_opens_with_a_header_and_a_row(client, demo):
    response = client.get(URL, {"format": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    header, *rows = xlsx_rows(response)
    assert header[:4] == ("Titel", "Undertitel", "Periode", "Status")
    [row] = rows  # anonymous: the public policy only
    assert row[0] == "Vision, pejlemærker og særlige fokusområder"
    assert row[3] == "Vedtaget"
    assert row[5].date().isoformat() == "2022-06-20"
    assert row[7] == "ja"


def test_pagination_shows_fifty_a_page(client, cast, demo):
    add_policies(53, committee=demo.draft.owner_committee)
    client = logged_in(client, cast.advisor)

    first = client.get(URL)
    second = client.get(URL, {"side": 2})

    assert len(listed(first)) == 50
    assert len(listed(second)) == 5
    assert not set(listed(first)) & set(listed(second))
    assert "55 politikker" in html(first)
    assert "side=2" in html(first)


def test_pagination_keeps_the_filter(client, cast, demo):
    add_policies(55, committee=demo.draft.owner_committee)

    response = logged_in(client, cast.advisor).get(URL, {"q": "testpolitik", "side": 2})

    assert len(listed(response)) == 5
    assert "q=testpolitik&amp;side=1" in html(response)


def test_a_page_beyond_the_last_shows_the_last(client, cast, demo):
    add_policies(55, committee=demo.draft.owner_committee)
    response = logged_in(client, cast.advisor).get(URL, {"side": 99})
    assert response.context["page"].number == 2


@pytest.mark.parametrize("extra", [3, 60])
def test_query_count_does_not_grow_with_the_policies(
    client, cast, demo, django_assert_max_num_queries, extra
):
    add_policies(extra, committee=demo.draft.owner_committee)
    client = logged_in(client, cast.advisor)

    # Session and user, count and page, the filter form's choices.
    with django_assert_max_num_queries(5):
        response = client.get(URL)

    assert response.status_code == 200
