"""The contract owns its explanations: every value a pattern or format can refuse is explained by
the property itself (`x-problem`), so a new field never borrows another field's message."""

from __future__ import annotations

import json

from casebook.content.contract import schemas
from casebook.repository import current_vocabulary
from casebook.rule_registry import RULES

from support import ROOT, edit, problem_lines

TITLE = "title: Greater Manchester Police tweets every incident for 24 hours"


def _nodes(schema: dict):
    """Every subschema, property names' and array items' included."""
    yield schema
    for value in schema.values():
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, dict):
                yield from _nodes(child)


def test_every_pattern_and_format_carries_its_explanation(repo):
    seen = 0
    for kind, schema in schemas(current_vocabulary(repo)).items():
        for node in _nodes(schema):
            if "pattern" in node or "format" in node:
                seen += 1
                explained = node.get("x-problem")
                assert explained, (kind, node)
                assert explained["rule"] in RULES and explained["message"] and explained["fix"], (kind, node)
    assert seen > 20


def test_the_published_schemas_keep_the_explanations():
    """Editors ignore unknown keywords, so schema/ carries the same explanations the validator gives."""
    published = json.loads((ROOT / "schema" / "case-study.schema.json").read_text(encoding="utf-8"))
    url = published["properties"]["sources"]["items"]["properties"]["url"]
    assert url["x-problem"]["rule"] == "url-scheme"


def test_text_of_spaces_only_is_called_blank_not_a_bad_id(repo):
    edit(repo, "case_studies/gmp-tweets.yml", TITLE, "title: '            '")
    assert [line for line in problem_lines(repo) if "title" in line] == [
        "case_studies/gmp-tweets.yml:2:1: title: '            ' is blank (expected some text, not only spaces; "
        "fix: write the text, or remove the key if it is optional) [too-short]"
    ]


def test_a_taxonomy_key_that_is_not_an_id_is_named(repo):
    edit(repo, "taxonomy.yml", "  public-safety:", "  Public_Safety:")
    lines = [line for line in problem_lines(repo) if "[bad-id]" in line]
    assert lines and "'Public_Safety' is not an id" in lines[0], lines


def test_a_stale_entrys_page_states_the_contracts_limit(repo):
    from datetime import timedelta

    from casebook.content.contract import STALE_AFTER_DAYS, STALE_AFTER_WORDS
    from casebook.pages.render import benefit_page, case_page
    from casebook.repository import load_casebook

    fresh = load_casebook(repo).casebook
    case, benefit = next(iter(fresh.cases.values())), next(iter(fresh.benefits.values()))
    later = max(case.last_verified, benefit.last_verified) + timedelta(days=STALE_AFTER_DAYS + 1)
    book = load_casebook(repo, today=later).casebook
    for page in (case_page(book, case.id), benefit_page(book, benefit.id)):
        assert f"more than {STALE_AFTER_WORDS} ago" in page.content, page.src_uri
    assert "Due for re-checking" not in case_page(fresh, case.id).content
