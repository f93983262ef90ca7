"""The task force's pages in the main navigation."""

from pejling.core.navigation import items_for


def labels(user) -> list[str]:
    return [str(item.label) for item in items_for(user)]


def test_the_coordinator_finds_triage_cases_and_barriers_before_background_tasks(cast):
    found = labels(cast.coordinator)

    start = found.index("Visitering")
    assert found[start : start + 3] == ["Visitering", "Mine sager", "Barrierer"]
    assert start + 3 <= found.index("Baggrundsopgaver")


def test_an_advisor_finds_cases_and_barriers_but_not_triage(cast):
    found = labels(cast.advisor)

    assert "Visitering" not in found
    assert {"Mine sager", "Barrierer"} <= set(found)


def test_others_do_not_see_the_task_forces_pages(cast):
    for user in (cast.contact_person, cast.committee_member, cast.policy_officer):
        assert not {"Visitering", "Mine sager", "Barrierer"} & set(labels(user))


def test_the_start_page_describes_the_task_forces_pages(client, cast):
    client.force_login(cast.coordinator)

    body = client.get("/").content.decode()

    assert "Nye henvendelser: modtag, afvis, bed om oplysninger, læg sammen og fordel." in body
    assert "Dine sager, aktiviteter og opfølgninger." in body
    assert "Barrierer for politikkens gennemførelse, mødt i marken." in body
