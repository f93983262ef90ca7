"""A versioned text's history with the changes marked, and adding a version."""

import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from pejling.audit.models import AuditEvent
from pejling.policy.models import TextVersion
from tests.policy.support import CPR_TEXT, error_at, html, logged_in, row_counts


def history(text) -> str:
    return reverse("policy:text_history", args=[text.pk])


def new_version(text) -> str:
    return reverse("policy:text_version_create", args=[text.pk])


def history_headings(body: str) -> list[str]:
    return re.findall(r'<h3 class="h4">(.*?)</h3>', body)


# --- History --------------------------------------------------------------------------------


def test_vision_2022_shows_three_versions_newest_first(client, demo):
    body = html(client.get(history(demo.vision)))

    assert "Vision · 3 versioner" in body
    assert history_headings(body) == [
        "Version 3, gældende fra 20. juni 2022",
        "Version 2, gældende fra 23. maj 2022",
        "Version 1, gældende fra 1. januar 2018",
    ]
    assert "Ændringsforslag vedtaget · foreslået af Enhedslisten" in body
    assert "Vedtaget i 2018; dagen er ikke oplyst, så året er angivet." in body


def test_each_version_marks_what_it_changed(client, demo):
    body = html(client.get(history(demo.vision)))

    # Version 2, the administration's proposal, added trust and integration.
    assert "<ins>, tillid</ins>" in body
    assert (
        "<ins>, samt sikre integrationen af borgere med etnisk minoritetsbaggrund i det danske "
        "samfund</ins>"
    ) in body
    # Version 3, the amendment adopted on 20 June 2022.
    assert "<del>integrationen</del><ins>integration</ins>" in body
    assert "<ins> og andre minoriteter</ins>" in body
    # Version 1 is shown as it was, without marks.
    oldest = body.split("Version 1, gældende fra 1. januar 2018")[1]
    assert "<ins>" not in oldest and "<del>" not in oldest


def test_comparison_defaults_to_the_last_change(client, demo):
    response = client.get(history(demo.vision))

    assert (response.context["old"].number, response.context["new"].number) == (2, 3)
    assert "Fra version 2 til version 3:" in html(response)


def test_any_two_versions_can_be_compared(client, demo):
    response = client.get(history(demo.vision), {"fra": 1, "til": 3})

    assert "Fra version 1 til version 3:" in html(response)
    added = "".join(s.text for s in response.context["diff"] if s.op == "added")
    assert "tillid" in added
    assert "og andre minoriteter" in added
    assert [s.text for s in response.context["diff"] if s.op == "removed"] == []


def test_comparing_a_version_with_itself_shows_no_changes(client, demo):
    response = client.get(history(demo.vision), {"fra": 2, "til": 2})
    assert response.context["diff"] == []
    assert "Fra version 2 til version 2" not in html(response)


def test_an_unknown_version_number_shows_no_comparison(client, demo):
    response = client.get(history(demo.vision), {"fra": 1, "til": 9})
    assert response.status_code == 200
    assert response.context["diff"] == []


@pytest.mark.parametrize("query", [{"fra": "en"}, {"til": "3x"}])
def test_a_version_that_is_not_a_number_is_not_found(client, demo, query):
    assert client.get(history(demo.vision), query).status_code == 404


def test_guidepost_wording_links_back_to_its_guidepost(client, demo):
    body = html(client.get(history(demo.guidepost.wording)))

    assert "Pejlemærke · 2 versioner" in body
    assert demo.guidepost.get_absolute_url() in body
    assert "<ins> og kendskab til den danske model</ins>" in body


def test_only_editors_are_offered_a_new_version(client, cast, demo):
    link = new_version(demo.vision)
    assert link not in html(logged_in(client, cast.committee_member).get(history(demo.vision)))
    assert link in html(logged_in(client, cast.policy_officer).get(history(demo.vision)))


# --- A new version --------------------------------------------------------------------------


def version_data(**changes) -> dict:
    return {
        "body": "Beskæftigelses- og Integrationsforvaltningen skal skabe lige muligheder.",
        "valid_from": "2023-03-01",
        "reason": TextVersion.Reason.REVISION,
        "decision_reference": "BIU-møde 01.03.2023",
        **changes,
    }


@time_machine.travel(date(2023, 2, 1), tick=False)
def test_new_version_form_starts_from_the_current_text_and_today(client, cast, demo):
    response = logged_in(client, cast.policy_officer).get(new_version(demo.vision))

    form = response.context["form"]
    assert form["body"].value() == demo.vision.current.body
    assert form["valid_from"].value() == date(2023, 2, 1)


def test_editor_adds_version_four(client, cast, demo):
    response = logged_in(client, cast.policy_officer).post(new_version(demo.vision), version_data())

    assert response.status_code == 302
    assert response["Location"] == history(demo.vision)
    version = demo.vision.versions.get(number=4)
    assert version.valid_from == date(2023, 3, 1)
    assert AuditEvent.objects.for_object(version).get().actor == cast.policy_officer
    page = client.get(response["Location"])
    assert "Den nye version er gemt." in html(page)
    assert history_headings(html(page))[0] == "Version 4, gældende fra 1. marts 2023"


def test_version_dated_before_the_previous_one_is_refused(client, cast, demo):
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(
        new_version(demo.vision), version_data(valid_from="2022-06-19")
    )

    assert response.status_code == 400
    assert error_at(response, "valid_from") == (
        "En ny version kan ikke gælde fra før den forrige version (20-06-2022)."
    )
    assert row_counts() == before


def test_unchanged_text_is_refused(client, cast, demo):
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(
        new_version(demo.vision), version_data(body=demo.vision.current.body)
    )

    assert response.status_code == 400
    assert error_at(response, "body") == "Teksten er den samme som den gældende version."
    assert row_counts() == before


@pytest.mark.parametrize("field", ["body", "note"])
def test_cpr_number_in_a_version_is_refused(client, cast, demo, field):
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(
        new_version(demo.vision), version_data(**{field: CPR_TEXT})
    )

    assert response.status_code == 400
    assert "CPR-nummer" in error_at(response, field)
    assert row_counts() == before


@pytest.mark.parametrize("valid_from", ["", "2023-02-30", "1. marts"])
def test_version_needs_a_real_date(client, cast, demo, valid_from):
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(
        new_version(demo.vision), version_data(valid_from=valid_from)
    )

    assert response.status_code == 400
    assert error_at(response, "valid_from")
    assert row_counts() == before
