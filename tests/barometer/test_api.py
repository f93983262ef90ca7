"""The barometer API: indicators, editions and measurements; drafts for analysts only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.barometer.support import latest
from tests.policy_api.support import Api


@pytest.fixture
def api(client, cast) -> Api:
    return Api(client)


def queries(call) -> tuple[object, int]:
    with CaptureQueriesContext(connection) as captured:
        response = call()
    return response, len(captured)


def test_indicators_are_public_with_targets_and_goals(api):
    response, count = queries(lambda: api.get("/indicators"))

    assert response.status_code == 200
    items = {item["code"]: item for item in response.json()["items"]}
    assert len(items) == 7
    gap = items["besk_gab_25_64"]
    assert gap["kind"] == "gap"
    assert (gap["group"], gap["reference"]) == ("ikke_vestlig", "dansk")
    assert gap["target"]["target_value"] == 0
    assert gap["target"]["target_year"] == 2030
    assert len(gap["goal_ids"]) == 1
    assert gap["url"] == "/barometer/indikatorer/besk_gab_25_64/"
    assert gap["metadata"]["caveats"].startswith("Målet er 0 procentpoint")
    # Count, page (with targets), goals.
    assert count == 3


def test_indicator_detail_and_404(api):
    assert api.get("/indicators/karakter_9").json()["unit"] == "grade"
    assert api.get("/indicators/ukendt").status_code == 404


def test_editions_public_see_published_only(api, cast, draft):
    public = api.get("/editions").json()["items"]
    assert [e["period"] for e in public] == ["2024H2", "2024H1", "2023H2"]
    assert all(e["is_synthetic"] for e in public)
    committee = api.get("/editions", user=cast.committee_member).json()["items"]
    assert "2025H1" not in [e["period"] for e in committee]
    analyst = api.get("/editions", user=cast.analyst).json()["items"]
    assert analyst[0]["period"] == "2025H1"
    assert analyst[0]["state"] == "draft"
    assert api.get(f"/editions/{draft.pk}").status_code == 404
    assert api.get(f"/editions/{draft.pk}", user=cast.analyst).status_code == 200


def test_measurements_of_the_latest_published_edition(api):
    response, count = queries(
        lambda: api.get(
            "/measurements", indicator="besk_25_64", period="2024H2", district="", sex=""
        )
    )

    assert response.status_code == 200
    items = response.json()["items"]
    assert {item["origin"] for item in items} == {"ikke_vestlig", "dansk"}
    assert all(item["district"] == "" and item["sex"] == "" for item in items)
    assert all(item["edition_period"] == "2024H2" for item in items)
    # The edition, the count and the page (with indicator and edition joined).
    assert count == 3


def test_total_is_the_cell_of_all_persons(api):
    items = api.get(
        "/measurements", indicator="ungdomsudd_20_24", period="2024H2", group="total"
    ).json()["items"]
    assert [(i["origin"], i["district"], i["sex"]) for i in items] == [("", "", "")]


def test_measurements_by_group(api):
    items = api.get(
        "/measurements", indicator="besk_25_64", period="2024H2", group="Nørrebro"
    ).json()["items"]
    assert [(i["origin"], i["district"]) for i in items] == [
        ("dansk", "Nørrebro"),
        ("ikke_vestlig", "Nørrebro"),
    ]
    origin = api.get("/measurements", indicator="udsat_bolig", group="dansk", district="")
    assert {i["origin"] for i in origin.json()["items"]} == {"dansk"}


def test_suppressed_measurements_have_no_value(api):
    items = api.get("/measurements", indicator="udsat_bolig", period="2024H2").json()["items"]
    hidden = [i for i in items if i["suppressed"]]
    assert hidden
    assert all(i["value"] is None and i["numerator"] is None for i in hidden)


def test_draft_measurements_for_analysts_only(api, cast, draft):
    assert api.get("/measurements", edition=draft.pk).status_code == 404
    assert api.get("/measurements", edition=draft.pk, user=cast.committee_member).status_code == 404
    items = api.get("/measurements", edition=draft.pk, user=cast.analyst).json()["items"]
    assert [(i["indicator"], i["value"]) for i in items] == [("ansatte_ikke_dansk", 18.6)]


def test_an_older_published_edition_can_be_read(api):
    from pejling.barometer.models import Edition

    first = Edition.objects.get(period="2023H2")
    items = api.get("/measurements", edition=first.pk, indicator="karakter_gab_9").json()["items"]
    assert max(i["period"] for i in items) <= "2023H2"
    assert latest().period == "2024H2"


def test_bad_token_is_401(client, cast):
    response = client.get("/api/v1/indicators", HTTP_AUTHORIZATION="Bearer pjl_wrong")
    assert response.status_code == 401
