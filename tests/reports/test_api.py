"""GET /api/v1/reports, GET /api/v1/reports/{id} and POST /api/v1/reports."""

from pejling.reports.models import Report
from tests.policy_api.support import Api


def test_a_policy_officer_starts_a_report_and_polls_it(client, cast):
    api = Api(client)

    started = api.post("/reports", {"kind": "status_report", "year": 2025}, cast.policy_officer)

    assert started.status_code == 202, started.content
    body = started.json()
    assert (body["state"], body["version"], body["language"]) == ("queued", 1, "da")
    assert body["docx_url"] is None
    polled = api.get(f"/reports/{body['id']}", cast.committee_member).json()
    assert polled["progress_percent"] == 0
    listed = api.get("/reports", cast.committee_member).json()
    assert [r["id"] for r in listed["items"]] == [body["id"]]


def test_bad_input_and_a_busy_year_are_refused(client, cast):
    api = Api(client)

    future = api.post("/reports", {"kind": "status_report", "year": 2090}, cast.policy_officer)
    assert future.status_code == 400
    assert "2090 er ikke begyndt endnu" in future.json()["errors"]["year"][0]
    assert (
        api.post("/reports", {"kind": "novel", "year": 2025}, cast.policy_officer).status_code
        == 422
    )
    api.post("/reports", {"kind": "status_report", "year": 2025}, cast.policy_officer)
    busy = api.post("/reports", {"kind": "status_report", "year": 2025}, cast.coordinator)
    assert busy.status_code == 400
    assert Report.objects.count() == 1


def test_who_may_use_the_reports_api(client, cast):
    api = Api(client)

    assert api.get("/reports").status_code == 401
    assert api.get("/reports", cast.outsider).status_code == 403
    refused = api.post("/reports", {"kind": "status_report", "year": 2025}, cast.analyst)
    assert refused.status_code == 403
    assert api.get("/reports/999", cast.policy_officer).status_code == 404
    assert Report.objects.count() == 0
