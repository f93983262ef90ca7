"""The OpenAPI document describes the task force endpoints."""

import pytest

PATHS = {
    "/api/v1/requests": {"get", "post"},
    "/api/v1/requests/{reference}": {"get"},
    "/api/v1/cases/{reference}/activities": {"get", "post"},
    "/api/v1/barriers": {"get", "post"},
}
ACTIONS = ["accept", "decline", "ask-for-information", "resume", "merge", "close", "reopen"]
ACTIONS += ["assign", "triage"]


@pytest.fixture
def document(client, db) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_document_describes_the_task_force_endpoints(document):
    for path, methods in PATHS.items():
        assert set(document["paths"][path]) == methods, path
    for action in ACTIONS:
        assert set(document["paths"][f"/api/v1/requests/{{reference}}/actions/{action}"]) == {
            "post"
        }


def test_task_force_endpoints_are_tagged(document):
    tags = {
        path: {operation["tags"][0] for operation in operations.values()}
        for path, operations in document["paths"].items()
        if path.startswith(("/api/v1/requests", "/api/v1/cases", "/api/v1/barriers"))
    }
    assert set().union(*tags.values()) == {"requests", "cases", "barriers"}
    assert tags["/api/v1/barriers"] == {"barriers"}
    assert tags["/api/v1/cases/{reference}/activities"] == {"cases"}


def test_list_filters_are_spelled_out(document):
    parameters = {p["name"]: p for p in document["paths"]["/api/v1/requests"]["get"]["parameters"]}
    assert {"status", "field", "door", "page", "page_size"} <= set(parameters)
    [choices] = [s for s in parameters["status"]["schema"]["anyOf"] if "enum" in s]
    assert choices["enum"] == ["new", "pending", "open", "declined", "merged", "closed"]
