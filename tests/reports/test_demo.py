"""The demo's 2025 status report has something to say in every part."""

from pejling.demo import load_all
from pejling.reports import figures
from pejling.reports.models import Kind


def test_the_demos_2025_report_has_figures_in_every_part(cast):
    load_all()

    content = figures.build(Kind.STATUS_REPORT, 2025, "da")

    numbers = {f["label"]: f["value"] for f in content["summary"]}
    for label in (
        "Henvendelser modtaget",
        "Sager afsluttet",
        "Timer med aktiviteter",
        "Første svar inden fristen",
        "Gode praksisser offentliggjort",
        "Nyhedsbreve sendt",
        "Høringer sendt",
        "Beslutninger truffet",
        "Bevilget i året",
        "Forbrugt i året",
    ):
        assert numbers[label] > 0, label
    sections = {s["key"]: s for s in content["sections"]}
    assert len(sections["priorities"]["priorities"]) == 4
    assert sections["barometer"]["charts"]


def test_loading_the_demo_again_writes_no_budget_or_priorities_twice(cast):
    load_all()
    assert load_all()["reports"] == {"budget_lines": 0, "priorities": 0}
