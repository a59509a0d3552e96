"""Duplicates block (issue 25): a new case repeating an existing one is an error on the new file
naming the existing one, by a shared source address or a near-identical title, with
`distinct_from` for genuine siblings; `validate.py FILE` reports duplicates involving that file."""

from __future__ import annotations

from casebook.repository import load_casebook
import validate
from support import TODAY, edit, problem_lines

C = "case_studies/gmp-tweets.yml"
NEW = "case_studies/gmp-tweets-again.yml"
SOURCE = "url: http://www.bbc.com/news/uk-england-manchester-11549069"


def _copy(repo, *, title: str | None = None, url: str | None = None, added: str = "2026-11-21") -> None:
    text = (repo / C).read_text(encoding="utf-8").replace("added: 2026-11-20", f"added: {added}")
    text = text.replace("last_verified: 2026-11-20", f"last_verified: {added}")
    if title:
        text = text.replace("title: Greater Manchester Police tweets every incident for 24 hours", f"title: {title}")
    if url:
        text = text.replace(SOURCE, f"url: {url}")
    (repo / NEW).write_text(text, encoding="utf-8")


def _duplicates(repo) -> list[str]:
    return [line for line in problem_lines(repo) if line.endswith("[case-probable-duplicate]")]


def test_a_reworded_copy_sharing_a_source_is_an_error_on_the_new_file(repo):
    _copy(repo, title="Manchester police put a whole day of incidents on Twitter")
    assert _duplicates(repo) == [
        f"{NEW}:2:1: title: probably the same case as {C}: same organisation and year, and the same source "
        "address (http://www.bbc.com/news/uk-england-manchester-11549069) (expected one file per case; fix: "
        f"merge this file into {C}; if they are different cases, add 'distinct_from: [gmp-tweets]' to this "
        "file) [case-probable-duplicate]"
    ]
    assert load_casebook(repo, today=TODAY).casebook is None  # it blocks


def test_a_near_identical_title_with_another_source_is_an_error(repo):
    _copy(
        repo,
        title="Greater Manchester Police tweet every incident for 24 hours",
        url="https://example.org/another-report",
    )
    [line] = _duplicates(repo)
    assert line.startswith(
        f"{NEW}:2:1: title: probably the same case as {C}: same organisation and year, and a near-identical title ("
    )


def test_the_same_address_written_differently_still_matches(repo):
    _copy(
        repo,
        title="Manchester police put a whole day of incidents on Twitter",
        url="https://bbc.com/news/uk-england-manchester-11549069/",
    )
    assert len(_duplicates(repo)) == 1


def test_the_earlier_added_file_is_the_existing_one_whatever_the_names(repo):
    _copy(repo, added="2026-11-01")  # the copy was added first: the fixture's own file is the newer
    [line] = _duplicates(repo)
    assert line.startswith(f"{C}:2:1: title: probably the same case as {NEW}:")


def test_distinct_from_in_either_file_says_they_are_different_cases(repo):
    _copy(repo, title="Manchester police put a whole day of incidents on Twitter")
    edit(repo, NEW, "added:", "distinct_from: [gmp-tweets]\nadded:")
    assert _duplicates(repo) == []
    assert load_casebook(repo, today=TODAY).casebook is not None


def test_another_year_or_organisation_is_not_a_duplicate(repo):
    _copy(repo)
    edit(repo, NEW, "year: 2010", "year: 2011")
    assert _duplicates(repo) == []


def test_file_runs_report_duplicates_involving_that_file(repo, capsys):
    _copy(repo)
    for named in (NEW, C):  # the new copy, and the existing file the error names
        assert validate.main(["--root", str(repo), str(repo / named)]) == 1
        err = capsys.readouterr().err
        assert f"{NEW}:2:1: title: probably the same case as {C}" in err
        assert "1 error and 0 warnings in 1 file" in err
    assert validate.main(["--root", str(repo), str(repo / "kits")]) == 0
    assert "probably the same case" not in capsys.readouterr().err
