"""The contributor guide documents every problem id the code can report, and no other."""

from __future__ import annotations

import re

from support import ROOT

RULE_LITERAL = re.compile(r'"([a-z]+(?:-[a-z0-9]+)+)"')
NOT_RULES = {"utf-8"}
NOT_RULE_MODULES = {"csp.py",  # its kebab-case strings are Content-Security-Policy directives
                    "field_docs.py"}  # example ids for the schemas' `examples`, not rule ids


def rule_ids_in_code() -> set[str]:
    found = set()
    for path in (ROOT / "casebook").rglob("*.py"):
        if path.name in NOT_RULE_MODULES:
            continue
        found |= set(RULE_LITERAL.findall(path.read_text(encoding="utf-8")))
    return found - NOT_RULES


def rule_ids_in_guide() -> list[str]:
    return re.findall(r"^### `([a-z0-9-]+)`$", (ROOT / "CONTRIBUTING.md").read_text(), re.MULTILINE)


def test_every_rule_id_has_one_section_with_examples():
    guide = rule_ids_in_guide()
    assert len(guide) == len(set(guide)), "a rule id has two sections"
    assert set(guide) == rule_ids_in_code()


def test_each_section_has_a_bad_and_a_good_example():
    text = (ROOT / "CONTRIBUTING.md").read_text()
    for section in text.split("\n### `")[1:]:
        assert "# Bad" in section and "# Good" in section, section.splitlines()[0]


def test_readme_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make serve" in readme and "make test" in readme


def test_every_schema_property_has_a_title_description_and_examples(repo):
    from casebook.contract import schemas
    from casebook.field_docs import properties
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

    from casebook.contract import GRADES_EXPLAINED
    guide = (ROOT / "CONTRIBUTING.md").read_text()
    schema = json.loads((ROOT / "schema" / "case-study.schema.json").read_text())
    grade = schema["properties"]["sources"]["items"]["properties"]["grade"]["description"]
    page = (ROOT / "docs" / "how-we-grade-evidence.md").read_text()
    assert "{{ evidence_grades() }}" in page
    for name, text in GRADES_EXPLAINED.items():
        assert f"| `{name}` | {text} |" in guide
        assert f"{name}: {text}" in grade
