"""Who reaches which policy page: every route in pejling.policy.urls, for every kind of visitor.

Public pages are readable without logging in when their policy is adopted and public; the
draft 'Bland dig i byen' is invisible (404) to anyone without READ_INTERNAL. Edit pages answer
404 for a record the user cannot see and 403 for one they can see but not change.
"""

import pytest
from django.urls import reverse

from pejling.policy import urls as policy_urls
from tests.policy.support import add_extras, get_demo, logged_in, row_counts

# Pages anyone may read when the policy is public (GET only).
PUBLIC_READS = [
    "policy_detail",
    "policy_completeness",
    "policy_docx",
    "text_history",
    "theme_detail",
    "guidepost_detail",
    "focus_area_detail",
    "goal_detail",
    "initiative_detail",
    "action_plan_detail",
    "action_plan_docx",
]
# Lists anyone may read; they show only what the reader may see (GET only).
LISTS = ["policy_list", "goal_list", "initiative_list", "action_plan_list"]
# Edit pages for one record, reached through get_visible(write=True) (GET and POST).
RECORD_EDITS = [
    "policy_edit",
    "theme_create",
    "theme_edit",
    "goal_edit",
    "initiative_edit",
    "text_version_create",
    "target_progress_create",
    "guidepost_create",
    "part_create",
    "part_edit",
]
# Pages that create a record from nothing: editors only (GET and POST).
CREATES = ["policy_create", "goal_create", "initiative_create"]
# The money: internal readers only.
BUDGET_READS = ["budget", "appropriation_detail"]
BUDGET_EDITS = ["budget_line_create", "spending_create"]

ALL = PUBLIC_READS + LISTS + RECORD_EDITS + CREATES + BUDGET_READS + BUDGET_EDITS
EDITS = RECORD_EDITS + CREATES + BUDGET_EDITS
READ_ONLY_ROLES = [
    "administrator",
    "coordinator",
    "advisor",
    "contact_person",
    "analyst",
    "committee_member",
]


@pytest.fixture(scope="module")
def _pages(_cast_and_demo, django_db_blocker) -> dict[str, dict[str, str]]:
    """Each route's address for a record of the draft policy and of the public one."""
    with django_db_blocker.unblock():
        # Inside the module's transaction: rolled back with the demo when the module ends.
        demo = get_demo()
        extras = add_extras(demo)

    def url(name, *args):
        return reverse(f"policy:{name}", args=args)

    by_policy = {
        "draft": {
            "policy_detail": url("policy_detail", demo.draft.slug),
            "policy_completeness": url("policy_completeness", demo.draft.slug),
            "policy_docx": url("policy_docx", demo.draft.slug),
            "policy_edit": url("policy_edit", demo.draft.slug),
            "theme_create": url("theme_create", demo.draft.slug),
            "text_history": url("text_history", demo.draft_vision.pk),
            "text_version_create": url("text_version_create", demo.draft_vision.pk),
            "theme_detail": url("theme_detail", demo.draft.themes.get(number=1).pk),
            "theme_edit": url("theme_edit", demo.draft.themes.get(number=1).pk),
            "guidepost_detail": url("guidepost_detail", extras.draft_guidepost.pk),
            "focus_area_detail": url("focus_area_detail", extras.draft_focus_area.pk),
            "goal_detail": url("goal_detail", extras.draft_goal.pk),
            "goal_edit": url("goal_edit", extras.draft_goal.pk),
            "initiative_detail": url("initiative_detail", extras.draft_initiative.pk),
            "initiative_edit": url("initiative_edit", extras.draft_initiative.pk),
            "action_plan_detail": url("action_plan_detail", demo.plan.pk),
            "action_plan_docx": url("action_plan_docx", demo.plan.pk),
            "target_progress_create": url("target_progress_create", demo.range_target.pk),
            "guidepost_create": url("guidepost_create", demo.draft.slug),
            "part_create": url("part_create", "princip", demo.draft.pk),
            "part_edit": url("part_edit", "princip", demo.draft.principles.first().pk),
        },
        "public": {
            "policy_detail": url("policy_detail", demo.public.slug),
            "policy_completeness": url("policy_completeness", demo.public.slug),
            "policy_docx": url("policy_docx", demo.public.slug),
            "policy_edit": url("policy_edit", demo.public.slug),
            "theme_create": url("theme_create", demo.public.slug),
            "text_history": url("text_history", demo.vision.pk),
            "text_version_create": url("text_version_create", demo.vision.pk),
            "theme_detail": url("theme_detail", extras.public_theme.pk),
            "theme_edit": url("theme_edit", extras.public_theme.pk),
            "guidepost_detail": url("guidepost_detail", demo.guidepost.pk),
            "focus_area_detail": url("focus_area_detail", demo.focus_area.pk),
            "goal_detail": url("goal_detail", extras.public_goal.pk),
            "goal_edit": url("goal_edit", extras.public_goal.pk),
            "initiative_detail": url("initiative_detail", extras.public_initiative.pk),
            "initiative_edit": url("initiative_edit", extras.public_initiative.pk),
            "action_plan_detail": url("action_plan_detail", extras.public_plan.pk),
            "action_plan_docx": url("action_plan_docx", extras.public_plan.pk),
            "target_progress_create": url("target_progress_create", extras.public_target.pk),
            "guidepost_create": url("guidepost_create", demo.public.slug),
            "part_create": url("part_create", "emne", demo.public.pk),
            "part_edit": url("part_edit", "emne", demo.public.scheduled_topics.first().pk),
        },
    }
    elsewhere = {
        "policy_list": url("policy_list"),
        "goal_list": url("goal_list"),
        "initiative_list": url("initiative_list"),
        "action_plan_list": url("action_plan_list"),
        "policy_create": url("policy_create"),
        "goal_create": url("goal_create"),
        "initiative_create": url("initiative_create"),
        "budget": url("budget"),
        "appropriation_detail": url("appropriation_detail", demo.appropriation.pk),
        "budget_line_create": url("budget_line_create", demo.appropriation.pk),
        "spending_create": url("spending_create", demo.budget_line.pk),
    }
    return {"draft": by_policy["draft"] | elsewhere, "public": by_policy["public"] | elsewhere}


@pytest.fixture
def pages(_pages, db) -> dict[str, dict[str, str]]:
    return _pages


def test_every_route_is_in_this_matrix():
    names = {pattern.name for pattern in policy_urls.urlpatterns}
    assert names == set(ALL)
    assert len(ALL) == len(set(ALL))


# --- Anonymous visitors ---------------------------------------------------------------------


@pytest.mark.parametrize("name", PUBLIC_READS)
def test_anonymous_reads_the_public_policys_pages(client, pages, name):
    assert client.get(pages["public"][name]).status_code == 200


@pytest.mark.parametrize("name", PUBLIC_READS)
def test_anonymous_gets_404_for_the_draft_policys_pages(client, pages, name):
    assert client.get(pages["draft"][name]).status_code == 404


@pytest.mark.parametrize("name", LISTS)
def test_anonymous_reads_the_lists(client, pages, name):
    assert client.get(pages["public"][name]).status_code == 200


@pytest.mark.parametrize("name", EDITS + BUDGET_READS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_is_sent_to_log_in(client, pages, name, method):
    before = row_counts()
    url = pages["public"][name]

    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"
    assert row_counts() == before


# --- Logged in without a role ---------------------------------------------------------------


@pytest.mark.parametrize("name", PUBLIC_READS)
def test_outsider_reads_the_public_policys_pages(client, cast, pages, name):
    assert logged_in(client, cast.outsider).get(pages["public"][name]).status_code == 200


@pytest.mark.parametrize("name", PUBLIC_READS + RECORD_EDITS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_outsider_gets_404_for_the_draft_policys_pages(client, cast, pages, name, method):
    before = row_counts()
    response = getattr(logged_in(client, cast.outsider), method)(pages["draft"][name])
    # The read-only pages refuse POST before looking anything up.
    assert response.status_code == (405 if method == "post" and name in PUBLIC_READS else 404)
    assert row_counts() == before


@pytest.mark.parametrize("name", RECORD_EDITS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_outsider_may_not_change_what_is_public(client, cast, pages, name, method):
    before = row_counts()
    response = getattr(logged_in(client, cast.outsider), method)(pages["public"][name])
    assert response.status_code == 403
    assert row_counts() == before


@pytest.mark.parametrize("name", [*CREATES, *BUDGET_READS, "spending_create"])
def test_outsider_is_forbidden_to_create_and_to_see_the_budget(client, cast, pages, name):
    assert logged_in(client, cast.outsider).get(pages["draft"][name]).status_code == 403


def test_outsider_cannot_see_the_appropriation_to_add_a_line_to(client, cast, pages):
    # Appropriations are invisible without READ_INTERNAL, so the edit page is not found.
    response = logged_in(client, cast.outsider).get(pages["draft"]["budget_line_create"])
    assert response.status_code == 404


# --- Roles that read but do not edit --------------------------------------------------------


@pytest.mark.parametrize("who", READ_ONLY_ROLES)
@pytest.mark.parametrize("name", PUBLIC_READS + LISTS + BUDGET_READS)
def test_staff_read_the_draft_policy_and_the_budget(client, cast, pages, who, name):
    assert logged_in(client, getattr(cast, who)).get(pages["draft"][name]).status_code == 200


@pytest.mark.parametrize("name", EDITS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_committee_member_may_not_edit(client, cast, pages, name, method):
    before = row_counts()
    response = getattr(logged_in(client, cast.committee_member), method)(pages["draft"][name])
    assert response.status_code == 403
    assert row_counts() == before


# --- The policy officer, and methods no page accepts ----------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_policy_officer_opens_every_page(client, cast, pages, name):
    assert logged_in(client, cast.policy_officer).get(pages["draft"][name]).status_code == 200


@pytest.mark.parametrize("name", PUBLIC_READS + LISTS + BUDGET_READS)
def test_read_only_pages_refuse_post(client, cast, pages, name):
    before = row_counts()
    response = logged_in(client, cast.policy_officer).post(pages["draft"][name])
    assert response.status_code == 405
    assert row_counts() == before


@pytest.mark.parametrize("name", EDITS)
@pytest.mark.parametrize("method", ["put", "delete"])
def test_edit_pages_take_only_get_and_post(client, cast, pages, name, method):
    before = row_counts()
    response = getattr(logged_in(client, cast.policy_officer), method)(pages["draft"][name])
    assert response.status_code == 405
    assert row_counts() == before
