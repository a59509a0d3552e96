"""Every "Bad" example in CONTRIBUTING.md, applied to the fixture repository, produces the rule id
of its section: the guide cannot promise a message the validator does not give.

An example is a YAML fragment. Its top-level keys replace (or join) the fixture entry's keys; a
key that the fixture holds only nested (`grade`, `page`, `- case`) replaces the first nested line
with that key. A one-line example ending in a file extension names the file itself.
"""

from __future__ import annotations

import re
import shutil

import pytest

from casebook.kinds import KINDS, TAXONOMY
from support import ROOT, problem_lines

FILES = {kind.name: kind.fixture for kind in KINDS} | {"taxonomy": TAXONOMY}  # one fixture file per kind
# The guide's examples use real-looking ids; the fixture's own ids stand in for them.
IDS = {
    "leeds-gritting": "gmp-tweets",
    "two-advisers-run-twitter": "tweeting-a-day-of-calls",
    "guides/frame-it-as-a-pilot.md": "guides/pilot.md",
}
TARGET = {
    "evidence-kind": "benefit",
    "evidence-unknown-case": "benefit",
    "evidence-self": "benefit",
    "too-long": "case",
    "kit-reference-unknown": "kit",
    "route-page-unknown": "route",
    "bad-page-ref": "route",
    "taxonomy-unused": "taxonomy",
    "file-empty": "benefit",
    "route-kit-section-unknown": "route",
    "route-page-section-unknown": "route",
    "route-too-long": "route",
    "kit-figure-uncited": "kit",
    "kit-citation-unknown": "kit",
}
# Examples that describe a situation rather than show a fragment, and the test that covers each.
DESCRIBED = {
    "kit-figure-source-predates": "needs the kit's sources with their dates; "
    "tests/test_kit_prose.py::test_a_figure_held_only_by_an_older_source_is_a_problem",
    "kit-briefing-dated-choice": "needs a newer case of the same sector; "
    "tests/test_relevance.py::test_a_named_choice_over_ten_years_old_is_warned_when_newer_evidence_exists",
    "file-too-large": "a 100 kB file; tests/test_load.py::test_file_too_large",
    "file-not-utf8": "bytes no editor shows; tests/test_load.py::test_not_utf8",
    "file-missing": "a deleted file; tests/test_rules.py::test_taxonomy_missing",
    "missing-key": "an absent line; tests/test_rules.py::test_rule[missing-key]",
    "schema-other": "the catch-all for schema keywords no field uses today; no fragment can reach it",
    "case-probable-duplicate": "two files; tests/test_rules.py::test_case_probable_duplicate",
    "kit-order-repeat": "two kits; tests/test_rules.py::test_kit_order_repeat",
    "pilot-view-missing": "a pilot and a kit; tests/test_pilot.py::test_pilot_view_missing",
    "kit-briefing-audience": "two audiences; tests/test_briefing.py::test_briefing_choice_must_be_tagged_for_the_audience",
    "file-not-regular": "a symbolic link; tests/test_refusals.py::test_symlinks_are_refused_and_never_followed",
    "folder-not-plain": "a linked folder; tests/test_refusals.py::test_a_linked_content_folder_is_refused_and_never_read",
    "file-hidden": "a renamed file; tests/test_refusals.py::test_a_hidden_file_is_reported_not_dropped",
    "number-too-long": "5,000 digits; tests/test_refusals.py::test_refused[number-too-long0]",
    "markdown-too-complex": "101 '[' in a field; tests/test_refusals.py::test_refused[markdown-too-complex0]",
    "too-many-problems": "201 broken outcomes; tests/test_refusals.py::test_too_many_problems_are_cut_short",
    "source-link-dead": "the weekly link check, not the validator; tests/test_linkcheck.py",
    "source-link-moved": "the weekly link check, not the validator; tests/test_linkcheck.py",
    "source-link-unreachable": "the weekly link check, not the validator; tests/test_linkcheck.py",
}
TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*):")
ANY_KEY = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(.*)$")


def sections() -> list[tuple[str, str]]:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    found = []
    for section in text.split("\n### `")[1:]:
        rule = section.split("`", 1)[0]
        bad = re.search(r"```yaml\n# Bad[^\n]*\n(.*?)```", section, re.DOTALL)
        found.append((rule, bad.group(1) if bad else ""))
    return found


def apply_example(text: str, example: str) -> str:
    lines = text.splitlines()
    keys = {m.group(1) for line in example.splitlines() if (m := TOP_KEY.match(line))} - NESTED_ONLY
    if not keys and any(ANY_KEY.match(line) for line in example.splitlines()):
        # a nested fragment: `grade: first-hand`, `  - case: x`
        for line in example.splitlines():
            if match := ANY_KEY.match(line):
                index = next(
                    i for i, old in enumerate(lines) if (m := ANY_KEY.match(old)) and m.group(2) == match.group(2)
                )
                lines[index] = ANY_KEY.match(lines[index]).group(1) + f"{match.group(2)}:{match.group(3)}"
        return "\n".join(lines) + "\n"
    kept, skipping = [], False
    for line in lines:
        match = TOP_KEY.match(line)
        if match or not line.startswith((" ", "\t", "-")):
            skipping = bool(match) and match.group(1) in keys
        if not skipping:
            kept.append(line)
    return "\n".join(kept) + "\n" + example


# Keys that a fixture entry holds only inside another key.
NESTED_ONLY = {"grade", "url", "published", "page", "benefits", "case"}


@pytest.mark.parametrize("rule, example", sections(), ids=[rule for rule, _ in sections()])
def test_bad_example_gives_its_rule(repo, rule, example):
    if rule in DESCRIBED:
        pytest.skip(DESCRIBED[rule])
    for old, new in IDS.items():
        example = example.replace(old, new)
    path = repo / FILES[TARGET.get(rule, "case")]
    name = example.strip()
    if "\n" not in name and re.fullmatch(r"[\w./ -]+\.\w+", name):
        shutil.move(path, repo / name)
    elif rule in ("file-empty", "file-not-mapping", "schema-comment"):
        rest = "" if rule != "schema-comment" else path.read_text(encoding="utf-8").split("\n", 1)[1]
        path.write_text(example if rule != "schema-comment" else apply_example(rest, example), encoding="utf-8")
    else:
        path.write_text(apply_example(path.read_text(encoding="utf-8"), example), encoding="utf-8")
    lines = problem_lines(repo)
    assert any(line.endswith(f"[{rule}]") for line in lines), "\n".join([example, *lines])
    for line in lines:  # every message the rules give here reads whole: no doubled or open bracket or quote
        assert balanced(line), line


PAIRS = {")": "(", "]": "[", "}": "{"}


def balanced(line: str) -> bool:
    """Brackets nest and quotes close in a problem line. Text inside quotes (the contributor's own
    value) is not counted; an apostrophe inside a word or after a plural s is not a quote."""
    stack: list[str] = []
    quote = ""
    for i, char in enumerate(line):
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        if quote:
            if char == quote and not after.isalnum():
                quote = ""
        elif char in "'\"" and not (before.isalnum() and (after.isalnum() or char == "'")):
            quote = char
        elif char in "([{":
            stack.append(char)
        elif char in PAIRS and (not stack or stack.pop() != PAIRS[char]):
            return False
    return not stack and not quote


@pytest.mark.parametrize(
    "line, expected",
    [
        ("a.yml:1:1: x: 'v' is bad (expected y; fix: z) [rule]", True),
        ("a.yml:1:1: x: add it to kits/)) [unknown-id]", False),
        ("a.yml:1:1: x: 'ftp://example.org/abc... is not an address (expected y) [url-scheme]", False),
        ("a.yml:1:1: the template's TODO, the sources' dates ('a (b') [placeholder-left]", True),
    ],
)
def test_balance_check(line, expected):
    assert balanced(line) is expected


def test_described_examples_are_still_in_the_guide():
    assert set(DESCRIBED) <= {rule for rule, _ in sections()}


def test_every_exact_message_in_the_rule_tables_is_balanced():
    """The exact lines test_rules.py and test_refusals.py expect, one or more per registered rule
    they cover, read whole too (with the guide's examples above, every rule with a message)."""
    from test_refusals import REFUSED
    from test_rules import RULES

    expected = [row[-1] for row in RULES + REFUSED]
    assert len(expected) > 40
    for line in expected:
        assert balanced(line), line
