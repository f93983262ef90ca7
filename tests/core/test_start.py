import pytest

from pejling.accounts.roles import ROLE_DESCRIPTIONS, Role
from pejling.core.navigation import ITEMS, items_for

URL = "/"
NO_ROLES = "Du har endnu ingen roller. Bed en administrator om at tildele dig en rolle."


def section_descriptions(user) -> set[str]:
    return {str(item.description) for item in items_for(user) if item.url_name != "core:start"}


@pytest.mark.parametrize("role", list(Role))
def test_start_page_lists_exactly_the_sections_of_the_role(client, cast, role):
    user = cast.by_role()[role]
    client.force_login(user)

    response = client.get(URL)

    assert response.status_code == 200
    assert [item.url_name for item in response.context["sections"]] == [
        item.url_name for item in items_for(user) if item.url_name != "core:start"
    ]
    content = response.content.decode()
    wanted = section_descriptions(user)
    for item in ITEMS:
        if item.description:
            assert (str(item.description) in content) == (str(item.description) in wanted)


@pytest.mark.parametrize("role", list(Role))
def test_start_page_describes_the_users_role(client, cast, role):
    client.force_login(cast.by_role()[role])

    content = client.get(URL).content.decode()

    assert str(ROLE_DESCRIPTIONS[role]) in content
    assert NO_ROLES not in content


def test_administrator_is_offered_the_logs(client, cast):
    client.force_login(cast.administrator)
    content = client.get(URL).content.decode()
    assert 'href="/log/revisionsspor/"' in content
    assert 'href="/log/adgangslog/"' in content


def test_outsider_sees_a_no_roles_notice_and_only_the_profile(client, cast):
    client.force_login(cast.outsider)

    response = client.get(URL)

    assert response.status_code == 200
    assert NO_ROLES in response.content.decode()
    assert [item.url_name for item in response.context["sections"]] == ["accounts:profile"]


def test_anonymous_sees_the_public_front_page_with_published_policies(client, db):
    from pejling.demo import load_all

    load_all()
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vision, pejlemærker og særlige fokusområder" in html
    assert "Bland dig i byen" not in html  # a draft is not published
    assert 'href="/konto/log-ind/"' in html
    for public in ("/barometer/", "/viden/offentlig/", "/netvaerk/nyhedsbrev/tilmeld/"):
        assert f'href="{public}"' in html
        assert client.get(public).status_code == 200


def test_start_page_is_get_only(client, cast):
    client.force_login(cast.advisor)
    assert client.post(URL).status_code == 405
