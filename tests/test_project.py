"""Promises the project makes about itself: settings documented, translations complete."""

import re
from pathlib import Path

import pejling

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(pejling.__file__).resolve().parent


def test_every_environment_variable_is_documented_in_the_readme():
    sources = "".join(p.read_text() for p in (PACKAGE / "config").glob("*.py"))
    names = set(re.findall(r"env_(?:str|bool|int|list)\(\s*\"([A-Z_]+)\"", sources))
    names |= set(re.findall(r"secret_key\(\s*\"([A-Z_]+)\"", sources))
    readme = (ROOT / "README.md").read_text()
    assert names, "no settings found: the pattern no longer matches settings.py"
    missing = sorted(name for name in names if f"`{name}`" not in readme)
    assert missing == []


def test_readme_quick_start_has_exactly_two_commands():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```[a-z]*\n(.*?)```", section, re.S)
    commands = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert [c.split()[:2] for c in commands] == [["make", "start"], ["make", "test"]]


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_the_english_catalogue_is_complete():
    import polib

    catalogue = polib.pofile(str(PACKAGE / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_the_english_catalogue_is_compiled_and_used():
    from django.utils import translation

    with translation.override("en"):
        assert translation.gettext("Forside") == "Front page"
    with translation.override("da"):
        assert translation.gettext("Forside") == "Forside"
