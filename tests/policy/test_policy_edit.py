"""Creating and changing a policy and its themes."""

import pytest
from django.urls import reverse

from pejling.audit.models import AuditEvent
from pejling.governance.models import Body
from pejling.policy.models import Policy, Theme
from tests.policy.support import (
    CPR_TEXT,
    error_at,
    field_errors,
    form_values,
    html,
    logged_in,
    row_counts,
)

CREATE = reverse("policy:policy_create")
DRAFT_EDIT = reverse("policy:policy_edit", args=["bland-dig-i-byen"])
THEME_CREATE = reverse("policy:theme_create", args=["bland-dig-i-byen"])


def new_policy(**changes) -> dict:
    return {
        "title": "Integrations- og medborgerskabspolitik",
        "slug": "medborgerskab-2023",
        "period_start": "2023",
        "period_end": "2026",
        "status": Policy.Status.DRAFT,
        "owner_committee": str(Body.objects.get(short_name="BIU").pk),
        **changes,
    }


def assert_refused(response, field: str, message: str, before: dict) -> None:
    """Status 400, the message at the field on the page, and nothing saved."""
    assert response.status_code == 400
    assert error_at(response, field) == message
    assert row_counts() == before


# --- New policy -----------------------------------------------------------------------------


def test_editor_creates_a_policy(client, cast, demo):
    response = logged_in(client, cast.policy_officer).post(CREATE, new_policy())

    assert response.status_code == 302
    assert response["Location"] == "/politik/medborgerskab-2023/"
    policy = Policy.objects.get(slug="medborgerskab-2023")
    assert policy.period_label == "2023–2026"
    [event] = AuditEvent.objects.for_object(policy)
    assert (event.action, event.actor) == (AuditEvent.Action.CREATE, cast.policy_officer)
    assert event.channel == "web"
    assert event.path == CREATE
    page = client.get(response["Location"])
    assert "“Integrations- og medborgerskabspolitik” er gemt." in html(page)


def test_new_policy_form_is_empty(client, cast, demo):
    response = logged_in(client, cast.policy_officer).get(CREATE)
    assert response.status_code == 200
    assert "<h1>Ny politik</h1>" in html(response)


def test_reserved_slug_is_refused(client, cast, demo):
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(CREATE, new_policy(slug="budget"))

    assert_refused(response, "slug", "Dette kortnavn er reserveret. Vælg et andet.", before)


def test_slug_in_use_is_refused(client, cast, demo):
    before = row_counts()
    response = logged_in(client, cast.policy_officer).post(
        CREATE, new_policy(slug="bland-dig-i-byen")
    )
    assert_refused(
        response, "slug", "Politik med dette Kortnavn i adresser eksisterer allerede.", before
    )


def test_period_ending_before_it_starts_is_refused(client, cast, demo):
    before = row_counts()
    response = logged_in(client, cast.policy_officer).post(CREATE, new_policy(period_end="2022"))
    assert_refused(response, "period_end", "Perioden kan ikke slutte, før den begynder.", before)


def test_cpr_number_in_the_summary_is_refused(client, cast, demo):
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(CREATE, new_policy(summary=CPR_TEXT))

    assert_refused(
        response,
        "summary",
        "Teksten ser ud til at indeholde et CPR-nummer. Fjern det, og beskriv personen uden "
        "CPR-nummer.",
        before,
    )
    assert CPR_TEXT in html(response)  # the text is kept for the user to correct


def test_missing_title_is_shown_at_the_field(client, cast, demo):
    before = row_counts()
    response = logged_in(client, cast.policy_officer).post(CREATE, new_policy(title=""))
    assert_refused(response, "title", "Dette felt er påkrævet.", before)


# --- Changing a policy ----------------------------------------------------------------------


def test_edit_form_shows_the_policy(client, cast, demo):
    response = logged_in(client, cast.policy_officer).get(DRAFT_EDIT)

    assert response.status_code == 200
    values = form_values(response)
    assert values["title"] == "Bland dig i byen"
    assert values["status"] == Policy.Status.DRAFT


def test_editor_adopts_the_policy(client, cast, demo):
    client = logged_in(client, cast.policy_officer)
    values = form_values(client.get(DRAFT_EDIT))

    response = client.post(
        DRAFT_EDIT,
        {
            **values,
            "status": Policy.Status.ADOPTED,
            "adopted_on": "2011-06-20",
            "overall_goal": "Flere københavnere i uddannelse og job.",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/politik/bland-dig-i-byen/"
    demo.draft.refresh_from_db()
    assert demo.draft.status == Policy.Status.ADOPTED
    [event] = AuditEvent.objects.for_object(demo.draft).filter(action=AuditEvent.Action.UPDATE)
    assert event.actor == cast.policy_officer
    assert event.changes["status"] == {"before": "draft", "after": "adopted"}
    assert set(event.changes) == {"status", "adopted_on", "overall_goal"}


def test_reserved_slug_is_refused_when_editing(client, cast, demo):
    client = logged_in(client, cast.policy_officer)
    values = form_values(client.get(DRAFT_EDIT))
    before = row_counts()

    response = client.post(DRAFT_EDIT, {**values, "slug": "maal"})

    assert_refused(response, "slug", "Dette kortnavn er reserveret. Vælg et andet.", before)
    assert Policy.objects.filter(slug="bland-dig-i-byen").exists()


# --- Themes ---------------------------------------------------------------------------------


def new_theme(**changes) -> dict:
    return {
        "number": "5",
        "title": "Sundhed og trivsel",
        "goals_placeholder": "[Her indsættes konkrete mål]",
        **changes,
    }


def test_editor_adds_a_theme(client, cast, demo):
    response = logged_in(client, cast.policy_officer).post(THEME_CREATE, new_theme())

    assert response.status_code == 302
    theme = demo.draft.themes.get(number=5)
    assert response["Location"] == theme.get_absolute_url()
    assert AuditEvent.objects.for_object(theme).get().actor == cast.policy_officer


def test_theme_number_in_use_is_refused(client, cast, demo):
    before = row_counts()

    response = logged_in(client, cast.policy_officer).post(THEME_CREATE, new_theme(number="1"))

    assert_refused(response, "number", "Politikken har allerede et tema nr. 1.", before)


def test_theme_keeps_its_own_number_when_edited(client, cast, demo):
    theme = demo.draft.themes.get(number=1)
    url = reverse("policy:theme_edit", args=[theme.pk])
    client = logged_in(client, cast.policy_officer)
    values = form_values(client.get(url))

    response = client.post(url, {**values, "title": "En mangfoldig arbejdsplads"})

    assert response.status_code == 302
    theme.refresh_from_db()
    assert (theme.number, theme.title) == (1, "En mangfoldig arbejdsplads")


def test_theme_with_a_cpr_number_is_refused(client, cast, demo):
    before = row_counts()
    response = logged_in(client, cast.policy_officer).post(
        THEME_CREATE, new_theme(description=CPR_TEXT)
    )
    assert response.status_code == 400
    assert field_errors(response, "description")
    assert "CPR-nummer" in error_at(response, "description")
    assert row_counts() == before


def test_editor_fills_in_a_theme_placeholder(client, cast, demo):
    theme = demo.draft.themes.get(number=3)
    url = reverse("policy:theme_edit", args=[theme.pk])
    client = logged_in(client, cast.policy_officer)
    values = form_values(client.get(url))

    response = client.post(url, {**values, "lighthouse_placeholder": ""})

    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.lighthouse_placeholder == ""
    assert theme.title == "En blandet by"


@pytest.mark.parametrize("number", ["", "-1", "tre"])
def test_theme_needs_a_number(client, cast, demo, number):
    theme = demo.draft.themes.get(number=3)
    url = reverse("policy:theme_edit", args=[theme.pk])
    client = logged_in(client, cast.policy_officer)
    values = form_values(client.get(url))
    before = row_counts()

    response = client.post(url, {**values, "number": number})

    assert response.status_code == 400
    assert error_at(response, "number")
    assert row_counts() == before
    assert Theme.objects.get(pk=theme.pk).number == 3
