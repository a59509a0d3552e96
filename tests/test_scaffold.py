"""Scaffolds (issue #10): flag and interactive modes write a template whose undecided values fail
validation, each leftover TODO is listed once, and the prompts refuse a bad answer as typed."""

from __future__ import annotations

import shutil
import threading

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from casebook.repository import load_casebook
from support import ROOT
from test_scripts import load_script

new_case = load_script("new_case")
new_benefit = load_script("new_benefit")
BACKSPACE, DOWN, ENTER, SPACE = "\x7f", "\x1b[B", "\r", " "


@pytest.fixture
def repo_with_templates(repo):
    shutil.copytree(ROOT / "templates", repo / "templates")
    return repo


def problems_in(repo, rel):
    return [p for p in load_casebook(repo).problems if p.path == rel]


def test_undecided_values_fail_validation_once_each(repo_with_templates, capsys):
    repo = repo_with_templates
    assert (
        new_case.main(
            [
                "--root",
                str(repo),
                "leeds-gritting",
                "--title",
                "Leeds answers gritting questions",
                "--sector",
                "policing",
                "--year",
                "2019",
            ]
        )
        == 0
    )
    problems = problems_in(repo, "case_studies/leeds-gritting.yml")
    fields = [p.field for p in problems]
    assert len(fields) == len(set(fields)), "a field is reported twice"
    for field in ("country", "sources[0].published", "sources[0].grade"):
        assert [p.rule for p in problems if p.field == field] == ["placeholder-left"], field
    assert "year" not in fields and "title" not in fields and "sector" not in fields
    out = capsys.readouterr().out
    assert f"Still to do ({len(problems)}):" in out
    assert out.count("country:") == 1
    text = (repo / "case_studies/leeds-gritting.yml").read_text()
    assert 'title: "Leeds answers gritting questions"\n' in text and "year: 2019\n" in text
    assert "# quote:\n#   text:" in text


def test_flags_are_checked_like_the_validator(repo_with_templates, capsys):
    assert new_case.main(["--root", str(repo_with_templates), "x-case", "--sector", "polic", "--year", "1980"]) == 2
    err = capsys.readouterr().err
    assert "--sector 'polic': expected choose one of the ids" in err and "--year '1980'" in err
    assert not (repo_with_templates / "case_studies/x-case.yml").exists()


def test_the_commented_quote_is_valid_once_uncommented(repo_with_templates, capsys):
    repo = repo_with_templates
    new_case.main(["--root", str(repo), "leeds-gritting"])
    path = repo / "case_studies/leeds-gritting.yml"
    path.write_text(path.read_text().replace("# quote:", "quote:").replace("#   ", "  "))
    fields = {p.field for p in problems_in(repo, "case_studies/leeds-gritting.yml")}
    assert {"quote.text", "quote.by"} <= fields and "quote" not in fields


def run_with_keys(main, argv, keys):
    with create_pipe_input() as pipe:
        result = {}
        thread = threading.Thread(
            target=lambda: result.setdefault("code", main(argv, input=pipe, output=DummyOutput()))
        )
        thread.start()
        for chunk in keys:
            pipe.send_text(chunk)
        thread.join(timeout=30)
        assert not thread.is_alive(), "the prompts are still waiting"
    return result["code"]


def test_interactive_case_refuses_bad_answers_and_writes_the_file(repo_with_templates, capsys):
    repo = repo_with_templates
    keys = [
        "Leeds_Gritting" + ENTER,
        BACKSPACE * 14 + "leeds-gritting" + ENTER,
        "Short" + ENTER,
        " enough now" + ENTER,
        "Leeds City Council" + ENTER,
        "polic" + ENTER,
        "ing" + ENTER,
        BACKSPACE * 2 + "IE" + ENTER,
        "2031" + ENTER,
        BACKSPACE * 4 + "2019" + ENTER,
        SPACE + ENTER,  # audiences: the first
        DOWN + SPACE + ENTER,  # topics: the second
        ENTER,
    ]  # channels: none
    assert run_with_keys(new_case.main, ["--root", str(repo), "--interactive"], keys) == 0
    text = (repo / "case_studies/leeds-gritting.yml").read_text()
    assert 'title: "Short enough now"\n' in text
    assert 'organisation: "Leeds City Council"\n' in text
    assert "sector: policing\n" in text and "country: IE\n" in text and "year: 2019\n" in text
    assert "audiences: [executives]\n" in text and "topics: [reach]\n" in text
    fields = {p.field for p in problems_in(repo, "case_studies/leeds-gritting.yml")}
    assert not fields & {"title", "organisation", "sector", "country", "year", "audiences[0]", "topics[0]"}


def test_interactive_benefit(repo_with_templates, capsys):
    repo = repo_with_templates
    keys = [
        "web-visits-cost-less" + ENTER,
        "Too short" + ENTER,
        " for a statement, now long enough" + ENTER,
        SPACE + ENTER,
        SPACE + ENTER,
    ]
    assert run_with_keys(new_benefit.main, ["--root", str(repo), "-i"], keys) == 0
    text = (repo / "benefits/web-visits-cost-less.yml").read_text()
    assert 'statement: "Too short for a statement, now long enough"\n' in text
    assert "audiences: [executives]\n" in text and "topics: [public-safety]\n" in text
    assert "evidence[0].case" in {p.field for p in problems_in(repo, "benefits/web-visits-cost-less.yml")}
