"""The API over the demo data set built from the source documents."""

import datetime

import pytest
import time_machine

from pejling.demo import POLICY_PARTS, load_all
from pejling.demo import policy as demo
from pejling.policy.models import ActionPlan, Appropriation


@pytest.fixture
def demo_data(cast):
    load_all(POLICY_PARTS)


def test_anonymous_callers_see_the_adopted_vision_and_not_the_draft_synopsis(api, demo_data):
    body = api.get("/policies").json()

    assert [p["slug"] for p in body["items"]] == ["vision-pejlemaerker-2022"]
    assert api.get("/policies/bland-dig-i-byen").status_code == 404


def test_the_vision_as_amended_on_20_june_2022(api, demo_data):
    body = api.get("/policies/vision-pejlemaerker-2022").json()

    assert body["adopted_on"] == "2022-06-20"
    vision = body["vision"]
    assert vision["version_count"] == 3
    assert vision["current"]["number"] == 3
    assert vision["current"]["body"] == demo.VISION_2022_AMENDED
    assert vision["current"]["reason"] == "amendment"
    assert vision["current"]["proposed_by"] == "Enhedslisten"
    assert [g["title"] for g in body["guideposts"]] == [title for title, _, _ in demo.GUIDEPOSTS]
    language = next(g for g in body["guideposts"] if g["title"] == "Integration og sprog")
    assert language["wording"]["current"]["number"] == 2
    assert language["wording"]["current"]["body"] == demo.INTEGRATION_AND_LANGUAGE_AMENDED
    assert len(language["work_items"]) == 2
    assert [a["title"] for a in body["focus_areas"]] == [title for title, _, _ in demo.FOCUS_AREAS]


def test_staff_see_the_synopsis_with_its_placeholders(api, cast, demo_data):
    body = api.get("/policies/bland-dig-i-byen", cast.committee_member).json()

    assert body["status"] == "draft"
    assert body["overall_goal"] == ""
    assert body["overall_goal_placeholder"].startswith("[her indsættes en overordnet målsætning")
    assert [p["number"] for p in body["principles"]] == [1, 2, 3, 4, 5]
    assert [r["holder"] for r in body["responsibilities"]] == [
        "citizens",
        "business",
        "municipality",
    ]
    assert len(body["responsibilities"][2]["items"]) == len(demo.MUNICIPALITY_ITEMS)
    first, *others = body["themes"]
    assert first["title"] == "Mangfoldig arbejdsplads"
    assert first["placeholders"]["lighthouse"] == demo.THEMES[0][3]
    # The equal-treatment plan's strands are initiatives of the first theme.
    assert len(first["initiative_ids"]) == len(demo.STRANDS)
    assert all(theme["goal_ids"] == [] for theme in body["themes"])
    assert all(
        theme["placeholders"]["initiatives"] == demo.INITIATIVES_PLACEHOLDER for theme in others
    )
    assert body["action_plan_ids"] == [ActionPlan.objects.get(case_number="2011-116007").pk]


@time_machine.travel(datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC), tick=False)
def test_the_equal_treatment_plan_is_overdue_without_reports(api, cast, demo_data):
    plan = ActionPlan.objects.get(case_number="2011-116007")

    body = api.get(f"/action-plans/{plan.pk}", cast.policy_officer).json()

    assert [s["title"] for s in body["strands"]] == [s[0] for s in demo.STRANDS]
    equality_lab = body["strands"][2]
    assert [(t["kind"], t["minimum"], t["maximum"]) for t in equality_lab["targets"]] == [
        ("range", "8.00", "10.00"),
        ("count", "3.00", "4.00"),
    ]
    assert body["statuses"] == {"overdue": 8}
    assert body["budget_total"] == "1500000.00"


def test_the_budget_of_the_demo(api, cast, demo_data):
    body = api.get("/budget/appropriations", cast.policy_officer).json()

    by_reference = {a["reference"]: a for a in body["items"]}
    assert by_reference["BR 115/2006"]["amount_per_year"] == "10000000.00"
    assert by_reference["BR 115/2006"]["last_year"] is None
    assert by_reference["Inklusionsaftalen 2012"]["years"] == [
        {
            "year": 2012,
            "allocated": "1500000.00",
            "spent": "0.00",
            "left": "0.00",
            "over": False,
        }
    ]
    appropriation = Appropriation.objects.get(reference="Inklusionsaftalen 2012")
    detail = api.get(f"/budget/appropriations/{appropriation.pk}", cast.analyst).json()
    assert [line["amount"] for line in detail["years"][0]["lines"]] == [
        "600000.00",
        "450000.00",
        "450000.00",
    ]
