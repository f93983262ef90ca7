from pejling.audit.models import AuditEvent, Channel

URL = "/konto/profil/"


def profile_data(**overrides) -> dict:
    return {
        "first_name": "Sofie",
        "last_name": "Nielsen",
        "email": "sofie@example.org",
        "title": "Rådgiver",
        **overrides,
    }


def updates_of(user):
    return AuditEvent.objects.for_object(user).filter(action=AuditEvent.Action.UPDATE)


def test_profile_shows_the_users_details(client, cast):
    client.force_login(cast.contact_person)

    response = client.get(URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert "contact" in content
    assert cast.administration.name in content
    assert response.context["form"].initial["email"] == "contact@example.org"


def test_post_saves_and_audits(client, cast):
    client.force_login(cast.advisor)

    response = client.post(URL, profile_data())

    assert response.status_code == 302
    assert response["Location"] == URL
    cast.advisor.refresh_from_db()
    assert (cast.advisor.first_name, cast.advisor.last_name) == ("Sofie", "Nielsen")
    assert cast.advisor.email == "sofie@example.org"
    assert cast.advisor.title == "Rådgiver"
    [event] = updates_of(cast.advisor)
    assert event.actor == cast.advisor
    assert event.channel == Channel.WEB
    assert event.changes == {
        "email": {"before": "advisor@example.org", "after": "sofie@example.org"},
        "first_name": {"before": "Advisor", "after": "Sofie"},
        "last_name": {"before": "", "after": "Nielsen"},
        "title": {"before": "", "after": "Rådgiver"},
    }


def test_saved_message_is_shown(client, cast):
    client.force_login(cast.advisor)
    response = client.post(URL, profile_data(), follow=True)
    assert "Dine oplysninger er gemt." in response.content.decode()


def test_saving_unchanged_details_records_nothing(client, cast):
    client.force_login(cast.advisor)

    client.post(
        URL, profile_data(first_name="Advisor", last_name="", email="advisor@example.org", title="")
    )

    assert not updates_of(cast.advisor).exists()


def test_bad_email_is_an_error_and_nothing_is_saved(client, cast):
    client.force_login(cast.advisor)

    response = client.post(URL, profile_data(email="ikke-en-adresse"))

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["Indtast en gyldig e-mail-adresse."]
    content = response.content.decode()
    assert 'id="id_email-error"' in content  # shown at the field
    assert "Der er fejl i formularen" in content  # and in the summary at the top
    cast.advisor.refresh_from_db()
    assert cast.advisor.email == "advisor@example.org"
    assert cast.advisor.first_name == "Advisor"
    assert not updates_of(cast.advisor).exists()


def test_outsider_has_a_profile_too(client, cast):
    client.force_login(cast.outsider)
    assert client.get(URL).status_code == 200


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/konto/log-ind/?next={URL}"


def test_other_methods_are_not_allowed(client, cast):
    client.force_login(cast.advisor)
    assert client.put(URL).status_code == 405
    assert client.delete(URL).status_code == 405
