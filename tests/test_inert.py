"""Output is inert (issue #14): printed lines carry no control character or workflow command,
CSV cells are never formulas, and duplicate warnings stay one per group."""

from __future__ import annotations

import csv
import difflib
import io
import random
import re

import pytest

from casebook.exports.data import cases_csv
from casebook.security.inert import defuse_cell, inert
from casebook.content.load import Document
from casebook.problems import Problem
from casebook.repository import load_casebook
from casebook.rules.cases import check_probable_duplicates
import validate
from support import ROOT, TODAY, edit

C = "case_studies/gmp-tweets.yml"
COMMAND = re.compile(r"^\s*(::|##\[)")  # how the Actions runner recognises a workflow command

HOSTILE_KEYS = [
    "x\n::warning file=a.yml::owned",
    "::add-mask::secret",
    "::stop-commands::tok",
    "a\r::error::b",
    "##[set-output name=x;]y",
    "\x1b]0;title\x07",
    "x\u2028::warning::y",
    "x\x85::notice::y",
]


@pytest.mark.parametrize("key", HOSTILE_KEYS)
def test_a_hostile_key_prints_one_inert_line(repo, capsys, key):
    quoted = key.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    edit(repo, C, "year: 2010", f'year: 2010\n"{quoted}": 1')
    assert validate.main(["--root", str(repo), "--format", "github"]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == len(err.split("\n")) - 1  # no stray carriage return or separator split a line
    for line in lines:
        assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", line), line
        assert not COMMAND.match(line) or re.match(
            r"::(error|warning) file=[^:,]*,line=\d+,col=\d+,title=[a-z-]+::", line
        ), line
        assert "::" not in line.split("::", 2)[-1] if line.startswith("::") else "::" not in line, line
    assert any("unknown key" in line for line in lines)


def test_inert_shows_what_it_escaped():
    assert inert("a\nb\x1bc::d##[e\u202e") == "a\\nb\\u001bc:\\:d#\\#[e\\u202e"
    assert inert("Leeds City Council: 3,205 calls") == "Leeds City Council: 3,205 calls"


def test_annotation_properties_are_escaped():
    problem = Problem("case_studies/a,b:c.yml", 1, 1, field="", message="message", rule="id-format")
    assert problem.github().startswith("::error file=case_studies/a%2Cb%3Ac.yml,line=1,col=1,title=id-format::")


@pytest.mark.parametrize(
    "value", ["=1+1", "+1", "-1+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r=1", '   =HYPERLINK("x")', "  -2"]
)
def test_formula_cells_are_defused(value):
    assert defuse_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Leeds", "3,205 calls", "", 2010, -5, "a=b"])
def test_ordinary_cells_are_kept(value):
    assert defuse_cell(value) == value


def test_csv_export_defuses_a_leading_minus(repo):
    edit(repo, C, 'value: "3,205 calls"', "value: \"-2+3+cmd|' /C calc'!A0\"")
    book = load_casebook(repo, today=TODAY).casebook
    row = next(csv.DictReader(io.StringIO(cases_csv(book))))
    assert row["headline_value"].startswith("'-2+3")


def _case(number: int, title: str, organisation: str = "Leeds City Council") -> Document:
    data = {"organisation": organisation, "year": 2020, "title": title}
    return Document(f"case_studies/c{number:05}.yml", data, {(): (2, 1), ("title",): (2, 1)})


def test_many_copies_give_one_error_per_copy():
    docs = [_case(i, "Leeds answers every call on Twitter") for i in range(1000)]
    docs += [_case(5000 + i, f"Completely different title number {i} about gritting") for i in range(300)]
    problems = check_probable_duplicates(docs)
    assert len(problems) == 999 and {p.rule for p in problems} == {"case-probable-duplicate"}
    assert [p.path for p in problems] == [f"case_studies/c{i:05}.yml" for i in range(1, 1000)]
    assert all(
        p.message.startswith(
            "probably the same case as case_studies/c00000.yml: same organisation and year, and the same title"
        )
        for p in problems
    )
    assert all(p.also == ("case_studies/c00000.yml",) for p in problems)


def test_near_identical_titles_are_grouped():
    docs = [
        _case(1, "Leeds answers every call on Twitter"),
        _case(2, "Leeds answers every call on Twitter!"),
        _case(3, "Gritting routes shared on Facebook"),
        _case(4, "Leeds answers every call on  twitter"),
        _case(5, "Leeds answers every call on Twitter", organisation="Bristol City Council"),
    ]
    problems = check_probable_duplicates(docs)
    assert [(p.path, p.also) for p in problems] == [
        ("case_studies/c00002.yml", ("case_studies/c00001.yml",)),
        ("case_studies/c00004.yml", ("case_studies/c00001.yml",)),
    ]
    assert problems[0].message.endswith("and a near-identical title")


def _anagrams(title: str, count: int, seed: int) -> list[str]:
    chars, found, rnd = list(title), set(), random.Random(seed)
    while len(found) < count:
        rnd.shuffle(chars)
        found.add("".join(chars))
    return sorted(found)


def _counting_ratio(monkeypatch) -> list:
    calls = []
    original = difflib.SequenceMatcher.ratio
    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", lambda self: calls.append(1) or original(self))
    return calls


def test_anagram_families_never_reach_the_slow_comparison(monkeypatch):
    """Anagrams share every character, so difflib's quick filters pass them all: 200 under one
    organisation and year once took 6.1 s. The bigram bound stops them before any ratio()."""
    calls = _counting_ratio(monkeypatch)
    docs = [_case(i, title) for i, title in enumerate(_anagrams("Leeds answers every call on Twitter in 2020", 100, 1))]
    docs += [
        _case(500 + i, title, organisation=f"Council {i % 5}")
        for i, title in enumerate(_anagrams("Gritting routes shared on Facebook all winter", 500, 2))
    ]
    assert check_probable_duplicates(docs) == []
    assert calls == []


def test_titles_sharing_a_long_prefix_are_compared_once_per_group(monkeypatch):
    calls = _counting_ratio(monkeypatch)
    prefix = "Leeds City Council answers every call about gritting on Twitter through the winter, part "
    problems = check_probable_duplicates([_case(i, f"{prefix}{i:03}") for i in range(100)])
    assert len(problems) == 99
    assert len(calls) < 200  # pairs already joined through others are not compared (of 4,950 pairs)


def test_the_data_page_names_every_defused_start():
    """docs/data.md says which starts are defused: the same ones as `defuse_cell` (issue 20)."""
    from casebook.security.inert import _FORMULA_START

    text = " ".join((ROOT / "docs/data.md").read_text(encoding="utf-8").split())
    names = {"\t": "a tab", "\r": "a carriage return"}
    sentence = text.split("A cell that would start, after any spaces, with ", 1)[1].split(" is prefixed")[0]
    assert sentence == ", ".join(names.get(c, f"`{c}`") for c in _FORMULA_START[:-1]) + " or " + names["\r"]
