import json

URL = "/api/v1/openapi.json"


def test_openapi_document_describes_the_me_endpoint(client, db):
    response = client.get(URL)

    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["info"]["title"] == "Pejling API"
    assert "get" in document["paths"]["/api/v1/me"]
    assert "post" not in document["paths"]["/api/v1/me"]


def test_openapi_document_names_both_ways_to_authenticate(client, db):
    document = client.get(URL).json()
    schemes = document["components"]["securitySchemes"]
    assert {"BearerToken", "BrowserSession"} <= set(schemes)
    assert schemes["BearerToken"]["scheme"] == "bearer"


def test_openapi_document_is_public(client, db):
    assert client.get(URL).status_code == 200
