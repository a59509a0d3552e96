"""The staleness report on fixtures with known dates: who is due, oldest first, in three formats."""

from __future__ import annotations

import json
from datetime import date

from casebook.repository import load_casebook
from casebook.scheduled.staleness import as_markdown, stale_entries
from support import edit
from test_scripts import load_script

TODAY = date(2028, 6, 1)


def age(repo, *, case: str, statement: str) -> None:
    edit(repo, "case_studies/gmp-tweets.yml", "last_verified: 2026-11-20", f"last_verified: {case}")
    edit(repo, "benefits/tweeting-a-day-of-calls.yml", "last_verified: 2026-11-20", f"last_verified: {statement}")
    edit(repo, "case_studies/gmp-tweets.yml", "added: 2026-11-20", "added: 2020-01-01")
    edit(repo, "benefits/tweeting-a-day-of-calls.yml", "added: 2026-11-20", "added: 2020-01-01")


def test_entries_older_than_the_window_are_listed_oldest_first(repo):
    age(repo, case="2027-01-01", statement="2025-03-01")
    book = load_casebook(repo, today=TODAY).casebook
    due = stale_entries(book, today=TODAY, days=365)
    assert [(e.path, e.age_days) for e in due] == [
        ("benefits/tweeting-a-day-of-calls.yml", (TODAY - date(2025, 3, 1)).days),
        ("case_studies/gmp-tweets.yml", (TODAY - date(2027, 1, 1)).days),
    ]
    assert [e.path for e in stale_entries(book, today=TODAY)] == ["benefits/tweeting-a-day-of-calls.yml"]


def test_an_entry_exactly_at_the_limit_is_not_yet_due(repo):
    age(repo, case="2027-01-01", statement="2027-01-01")
    book = load_casebook(repo, today=date(2028, 1, 1)).casebook
    assert stale_entries(book, today=date(2028, 1, 1), days=365) == []
    assert len(stale_entries(book, today=date(2028, 1, 2), days=365)) == 2


def test_markdown_links_each_entry_and_survives_a_pipe_in_a_title(repo):
    age(repo, case="2020-01-01", statement="2026-11-20")
    edit(repo, "case_studies/gmp-tweets.yml", "tweets every incident for 24 hours", "tweets | every incident")
    book = load_casebook(repo, today=TODAY).casebook
    text = as_markdown(stale_entries(book, today=TODAY), days=730, site_url="https://casebook.example/")
    assert "[Greater Manchester Police tweets \\| every incident](https://casebook.example/cases/gmp-tweets/)" in text
    assert "| `case_studies/gmp-tweets.yml` | 2020-01-01 |" in text


def test_the_script_prints_json_and_exits_1_when_something_is_due(repo, capsys):
    age(repo, case="2020-01-01", statement="2026-11-20")
    stale = load_script("stale")
    assert stale.main(["--root", str(repo), "--today", TODAY.isoformat(), "--format", "json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert [(r["path"], r["last_verified"]) for r in records] == [("case_studies/gmp-tweets.yml", "2020-01-01")]
    assert stale.main(["--root", str(repo), "--today", TODAY.isoformat(), "--days", "4000"]) == 0
    assert "0 entries last verified over 4000 days ago." in capsys.readouterr().out
