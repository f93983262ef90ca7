from django.conf import settings

DANISH_PAGE = '<html lang="da">'
ENGLISH_PAGE = '<html lang="en">'


def test_pages_are_danish_even_for_an_english_browser(client, cast):
    client.force_login(cast.advisor)

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    content = response.content.decode()
    assert DANISH_PAGE in content
    assert "Forside" in content
    assert "Front page" not in content


def test_language_switch_sets_the_cookie_and_the_next_page_is_english(client, cast):
    client.force_login(cast.advisor)

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/konto/profil/"})

    assert response.status_code == 302
    assert response["Location"] == "/konto/profil/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    content = client.get("/konto/profil/").content.decode()
    assert ENGLISH_PAGE in content
    assert "Front page" in content


def test_language_switch_works_before_login(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/konto/log-ind/"})
    assert ENGLISH_PAGE in client.get("/konto/log-ind/").content.decode()


def test_switching_back_gives_danish(client, cast):
    client.force_login(cast.advisor)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    client.post("/i18n/setlang/", {"language": "da", "next": "/"})

    assert DANISH_PAGE in client.get("/").content.decode()


def test_unknown_language_in_the_cookie_falls_back_to_danish(client, cast):
    client.force_login(cast.advisor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"

    assert DANISH_PAGE in client.get("/").content.decode()
