"""Hand-kept copies of the contract stay true to it: the data page's field tables and the
scaffolds' keys, "Required"/"Optional" notes, length limits and year floor (casebook/content/contract.py)."""

from __future__ import annotations

import re

import pytest

from casebook.content.contract import YEAR_FLOOR, Vocabulary, schemas

from support import ROOT

SCHEMAS = schemas(Vocabulary(("t",), ("s",), ("c",), ("a",)))
# Each export's extra keys: every record has `id` and `url`, plus what the export computes.
EXPORTS = {
    "cases": ("case", {"id", "url", "best_grade", "strength"}),
    "benefits": ("benefit", {"id", "url", "strength"}),
    "kits": ("kit", {"id", "url"}),
}
SCAFFOLDS = {"new-case.yml": "case", "new-benefit.yml": "benefit"}


def data_table(export: str) -> set[str]:
    """The field names in the first column of `docs/data.md`'s table for `api/<export>.json`."""
    text = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    section = text.split(f"## `api/{export}.json`", 1)[1].split("\n## ", 1)[0]
    names = set()
    for row in re.findall(r"^\| (`[^|]+) \|", section, re.MULTILINE):
        names |= set(re.findall(r"`([a-z_]+)`", row))
    return names


@pytest.mark.parametrize("export", EXPORTS)
def test_the_data_page_lists_every_field_of_the_contract_and_no_other(export):
    kind, extra = EXPORTS[export]
    assert data_table(export) == set(SCHEMAS[kind]["properties"]) | extra


def scaffold_keys(name: str) -> dict[str, str]:
    """Top-level key -> the comment block above it, or the previous key's when it has none ('# key:'
    lines count: they are optional keys the contributor uncomments)."""
    keys, comment, last = {}, [], ""
    for line in (ROOT / "templates" / name).read_text(encoding="utf-8").splitlines():
        key = re.match(r"^(?:# )?([a-z_]+):", line)
        if key and not line.startswith("# yaml-language-server"):
            last = " ".join(comment) or last  # added: and last_verified: share one comment
            keys.setdefault(key.group(1), last)
            comment = []
        elif line.startswith("# "):
            comment.append(line[2:])
    return keys


@pytest.mark.parametrize("name", SCAFFOLDS)
def test_a_scaffold_has_every_key_marked_required_as_the_contract_says(name):
    schema = SCHEMAS[SCAFFOLDS[name]]
    keys = scaffold_keys(name)
    assert set(keys) == set(schema["properties"])
    for key, comment in keys.items():
        said = "Required" if "Required." in comment else "Optional" if "Optional." in comment else None
        assert said == ("Required" if key in schema["required"] else "Optional"), (name, key, comment)


@pytest.mark.parametrize("name", SCAFFOLDS)
def test_a_scaffolds_length_limits_are_the_contracts(name):
    schema = SCHEMAS[SCAFFOLDS[name]]
    checked = 0
    for key, comment in scaffold_keys(name).items():
        limits = re.search(r"(\d+)-(\d+) characters", comment)
        if limits:
            checked += 1
            node = schema["properties"][key]
            assert (int(limits[1]), int(limits[2])) == (node["minLength"], node["maxLength"]), (name, key)
    assert checked


def test_the_case_scaffold_gives_the_contracts_year_floor():
    comment = scaffold_keys("new-case.yml")["year"]
    assert f"{YEAR_FLOOR} to this year" in comment
    assert SCHEMAS["case"]["properties"]["year"]["minimum"] == YEAR_FLOOR
