"""The knowledge bank API: the same Danish search as the pages, paging, visibility."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pejling.accounts import services as account_services
from tests.knowledge.support import draft, published

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles"


def bearer(user) -> dict:
    _token, raw = account_services.create_api_token(actor=user, user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_search_with_q_uses_the_danish_search(client, cast):
    school = published(cast, title="Integration i skolen", summary="Nye elever i Århus.")
    published(cast, title="Boliger", summary="Udlejning.")
    response = client.get(URL, {"q": "integrationen aarhus"}, **bearer(cast.advisor))
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    item = data["items"][0]
    assert item["id"] == school.pk
    assert item["rank"] > 0
    assert "<mark>Århus.</mark>" in item["snippet"] or "<mark>Århus</mark>" in item["snippet"]
    assert item["url"] == school.get_absolute_url()


def test_misspelling_gives_a_suggestion(client, cast):
    published(cast, title="Integration i skolen")
    data = client.get(URL, {"q": "integrasion"}, **bearer(cast.advisor)).json()
    assert data["count"] == 0
    assert data["suggestion"] == "integration"


def test_filters_and_paging(client, cast):
    for number in range(3):
        published(cast, title=f"Metode {number}", kind="method", fields=["housing"])
    published(cast, title="Værktøj", kind="tool")
    headers = bearer(cast.advisor)
    data = client.get(URL, {"kind": "method", "page_size": 2}, **headers).json()
    assert (data["count"], data["pages"], len(data["items"])) == (3, 2, 2)
    data = client.get(URL, {"kind": "method", "page_size": 2, "page": 2}, **headers).json()
    assert len(data["items"]) == 1
    assert client.get(URL, {"page": 9}, **headers).status_code == 404
    assert client.get(URL, {"kind": "poem"}, **headers).status_code == 422
    assert client.get(URL, {"field": "housing"}, **headers).json()["count"] == 3


def test_anonymous_callers_see_public_entries_only(client, cast):
    public = published(cast, public=True, title="Åben")
    internal = published(cast, title="Intern")
    data = client.get(URL).json()
    assert [item["id"] for item in data["items"]] == [public.pk]
    assert data["items"][0]["url"] == public.get_public_url()
    assert client.get(f"{URL}/{public.pk}").status_code == 200
    assert client.get(f"{URL}/{internal.pk}").status_code == 404
    assert client.get(URL, HTTP_AUTHORIZATION="Bearer pjl_x").status_code == 401


def test_drafts_are_for_writers(client, cast):
    article = draft(cast.advisor)
    assert client.get(f"{URL}/{article.pk}", **bearer(cast.advisor)).status_code == 200
    assert client.get(f"{URL}/{article.pk}", **bearer(cast.policy_officer)).status_code == 404


def test_detail_has_safe_html_and_hides_invisible_cases(client, cast):
    from tests.taskforce.test_work_support import open_case

    case = open_case(coordinator=cast.coordinator, advisor=cast.advisor)
    article = published(cast, body="<script>x</script> **fed**", cases=[case])
    data = client.get(f"{URL}/{article.pk}", **bearer(cast.advisor)).json()
    assert "<strong>fed</strong>" in data["body_html"]
    assert "<script>" not in data["body_html"]
    assert data["case_references"] == [case.reference]
    data = client.get(f"{URL}/{article.pk}", **bearer(cast.policy_officer)).json()
    assert data["case_references"] == []


def test_overlong_query_is_refused(client, cast):
    response = client.get(URL, {"q": "x" * 10_000}, **bearer(cast.advisor))
    assert response.status_code == 422


def test_list_query_count_does_not_grow_with_rows(client, cast):
    headers = bearer(cast.advisor)
    published(cast, title="Første")
    client.get(URL, {"q": "skolen"}, **headers)  # the token's first use is recorded once
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"q": "skolen"}, **headers)
    for number in range(5):
        published(cast, title=f"Flere {number}")
    with CaptureQueriesContext(connection) as many:
        client.get(URL, {"q": "skolen"}, **headers)
    assert len(many) == len(few)
