"""The contributor guide documents every problem id the code can report, and no other."""

from __future__ import annotations

import re

import pytest
from support import ROOT

from casebook.problems import Problem
from casebook.rule_registry import RULES, WARNING, UnknownRule


def rule_ids_in_guide() -> list[str]:
    return re.findall(r"^### `([a-z0-9-]+)`$", (ROOT / "CONTRIBUTING.md").read_text(), re.MULTILINE)


def test_every_rule_id_has_one_section_with_examples():
    guide = rule_ids_in_guide()
    assert len(guide) == len(set(guide)), "a rule id has two sections"
    assert set(guide) == set(RULES)


def test_warnings_say_so_in_the_guide():
    text = (ROOT / "CONTRIBUTING.md").read_text()
    for section in text.split("\n### `")[1:]:
        rule_id, body = section.split("`", 1)
        first_words = body.strip().split("\n\n")[0]
        if RULES[rule_id].severity == WARNING:
            assert "Warning" in first_words or "weekly source check" in first_words, rule_id
        else:
            assert "Warning" not in first_words, rule_id


def test_a_problem_under_an_unregistered_rule_id_is_a_bug():
    with pytest.raises(UnknownRule, match="casebook/rule_registry.py"):
        Problem("case_studies/a.yml", 1, 1, field="", message="m", rule="no-such-rule")


def test_a_problem_takes_its_severity_from_the_registry():
    assert Problem("a.yml", 1, 1, field="", message="m", rule="stale-entry").severity == WARNING
    assert Problem("a.yml", 1, 1, field="", message="m", rule="date-order").is_error
    with pytest.raises(ValueError, match="registered as warning"):
        Problem("a.yml", 1, 1, field="", message="m", rule="stale-entry", severity="error")


def test_each_section_has_a_bad_and_a_good_example():
    text = (ROOT / "CONTRIBUTING.md").read_text()
    for section in text.split("\n### `")[1:]:
        assert "# Bad" in section and "# Good" in section, section.splitlines()[0]


def test_readme_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make serve" in readme and "make test" in readme


def test_every_schema_property_has_a_title_description_and_examples(repo):
    from casebook.content.contract import schemas
    from casebook.content.field_docs import properties
    from casebook.repository import current_vocabulary

    seen = 0
    for kind, schema in schemas(current_vocabulary(repo)).items():
        for path, node in properties(schema):
            seen += 1
            assert node.get("title") and node.get("description") and node.get("examples"), (kind, path)
    assert seen > 60  # every kind's fields, nested ones included


def test_grade_definitions_say_the_same_thing_everywhere():
    """The contributor guide, the schema and the "How we grade evidence" page (which renders
    GRADES_EXPLAINED) use one wording of each grade."""
    import json

    from casebook.content.contract import GRADES_EXPLAINED

    guide = (ROOT / "CONTRIBUTING.md").read_text()
    schema = json.loads((ROOT / "schema" / "case-study.schema.json").read_text())
    grade = schema["properties"]["sources"]["items"]["properties"]["grade"]["description"]
    page = (ROOT / "docs" / "how-we-grade-evidence.md").read_text()
    assert "{{ evidence_grades() }}" in page
    for name, text in GRADES_EXPLAINED.items():
        assert f"| `{name}` | {text} |" in guide
        assert f"{name}: {text}" in grade
