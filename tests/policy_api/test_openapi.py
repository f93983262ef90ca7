"""The OpenAPI document still builds and describes the policy endpoints."""

import pytest

PATHS = {
    "/api/v1/policies": {"get", "post"},
    "/api/v1/policies/{slug}": {"get", "patch"},
    "/api/v1/goals": {"get", "post"},
    "/api/v1/goals/{goal_id}": {"get", "patch"},
    "/api/v1/initiatives": {"get", "post"},
    "/api/v1/initiatives/{initiative_id}": {"get", "patch"},
    "/api/v1/action-plans": {"get"},
    "/api/v1/action-plans/{plan_id}": {"get"},
    "/api/v1/action-plans/{plan_id}/targets/{target_id}/progress": {"post"},
    "/api/v1/budget/appropriations": {"get"},
    "/api/v1/budget/appropriations/{appropriation_id}": {"get"},
    "/api/v1/budget/appropriations/{appropriation_id}/lines": {"post"},
    "/api/v1/budget/lines/{line_id}/spending": {"post"},
}


@pytest.fixture
def document(client, db) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_document_describes_the_policy_endpoints(document):
    for path, methods in PATHS.items():
        assert set(document["paths"][path]) == methods, path
    assert "/api/v1/me" in document["paths"]


def test_policy_endpoints_are_tagged(document):
    tags = {
        operation["tags"][0] for path in PATHS for operation in document["paths"][path].values()
    }
    assert tags == {"policies", "goals", "initiatives", "action plans", "budget"}


def test_amounts_are_strings_in_the_document(document):
    schemas = document["components"]["schemas"]
    amount = schemas["BudgetLineOut"]["properties"]["amount"]
    assert amount["type"] == "string"


def test_list_endpoints_are_paged(document):
    parameters = {p["name"] for p in document["paths"]["/api/v1/goals"]["get"]["parameters"]}
    assert {"page", "page_size", "policy", "theme"} <= parameters
