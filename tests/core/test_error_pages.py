from django.test import Client


def template_names(response) -> list[str]:
    return [t.name for t in response.templates]


def test_unknown_url_gives_the_danish_404_page(client, cast):
    client.force_login(cast.advisor)

    response = client.get("/findes-ikke/")

    assert response.status_code == 404
    assert "404.html" in template_names(response)
    content = response.content.decode()
    assert '<html lang="da">' in content
    assert "Siden findes ikke" in content


def test_unknown_url_gives_404_to_anonymous_too(client, db):
    assert client.get("/findes-ikke/").status_code == 404


def test_forbidden_page_gives_the_danish_403_page(client, cast):
    client.force_login(cast.advisor)

    response = client.get("/log/revisionsspor/")

    assert response.status_code == 403
    assert "403.html" in template_names(response)
    assert "Ingen adgang" in response.content.decode()


def test_csrf_failure_gives_the_expired_form_page(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.advisor)

    response = client.post("/konto/profil/", {"first_name": "Ændret"})

    assert response.status_code == 403
    assert "403_csrf.html" in template_names(response)
    assert "Formularen er udløbet" in response.content.decode()
    cast.advisor.refresh_from_db()
    assert cast.advisor.first_name == "Advisor"


def test_csrf_failure_page_works_for_anonymous(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/konto/log-ind/", {"username": "x", "password": "y"})

    assert response.status_code == 403
    assert "Formularen er udløbet" in response.content.decode()
