"""File-level refusals: each is caught before any rule runs, with file, line and column."""

from __future__ import annotations

from casebook.content.load import parse_text

from support import FIXTURE, edit, problem_lines


def test_fixture_repository_is_valid(repo):
    assert problem_lines(repo) == []


def test_positions_point_at_the_key(repo):
    from casebook.content.load import load_file

    doc, problems = load_file(repo / "case_studies/gmp-tweets.yml", root=repo)
    assert problems == []
    assert doc.where(("outcomes", 0, "value")) == (19, 5)
    assert doc.where(("sources", 0, "grade")) == (32, 5)
    assert doc.where(("no", "such", "key")) == (2, 1)  # the mapping that holds every key


def test_values_stay_plain_data():
    doc, problems = parse_text("country: NO\nadded: 2026-01-02\nyear: 2010\nok: yes\n", "x.yml")
    assert problems == []
    assert doc.data == {"country": "NO", "added": "2026-01-02", "year": 2010, "ok": "yes"}


def test_duplicate_key(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "year: 2010\n", "year: 2010\nyear: 2011\n")
    assert (
        "case_studies/gmp-tweets.yml:7:1: year: duplicate key 'year' (first set on line 6) "
        "(expected each key once; fix: delete one of the two) [yaml-duplicate-key]"
    ) in problem_lines(repo)


def test_anchor_and_alias(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "sector: policing", "sector: &s policing\nx: *s")
    lines = problem_lines(repo)
    assert any(
        line.startswith(
            "case_studies/gmp-tweets.yml:4:9: sector: anchor '&s' used, and 1 more anchor or alias in this file"
        )
        for line in lines
    )
    assert not any("alias '*s'" in line for line in lines)  # one problem per file


def test_tab_indentation(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "  - measure:", "\t- measure:")
    assert (
        "case_studies/gmp-tweets.yml:18:1: tab used for indentation (expected spaces; "
        "fix: indent with two spaces per level) [yaml-tab-indent]"
    ) in problem_lines(repo)


def test_file_too_large(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "League tables", "League tables " + "x" * 100_001)
    size = (repo / "case_studies/gmp-tweets.yml").stat().st_size
    assert (
        f"case_studies/gmp-tweets.yml:1:1: file is {size:,} bytes (expected at most 100,000 bytes; "
        "fix: split the entry or shorten long text) [file-too-large]"
    ) in problem_lines(repo)


def test_not_utf8(repo):
    path = repo / "case_studies/gmp-tweets.yml"
    path.write_bytes(path.read_bytes().replace(b"League", b"L\xe9ague"))
    assert any(
        line.startswith("case_studies/gmp-tweets.yml:14:4: byte 0xe9 is not UTF-8") for line in problem_lines(repo)
    )


def test_yaml_syntax_error(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "audiences: [executives]", "audiences: [executives")
    assert any(
        line.startswith("case_studies/gmp-tweets.yml:") and "[yaml-syntax]" in line for line in problem_lines(repo)
    )


def test_explicit_tag(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "year: 2010", "year: !!python/object 2010")
    assert any(
        line.startswith("case_studies/gmp-tweets.yml:6:7: year: explicit tag") and "[yaml-tag]" in line
        for line in problem_lines(repo)
    )


def test_several_documents(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "added:", "---\nadded:")
    assert any("[yaml-multiple-documents]" in line or "[yaml-syntax]" in line for line in problem_lines(repo))


def test_empty_file(repo):
    (repo / "benefits/empty.yml").write_text("# yaml-language-server: $schema=../schema/benefit.schema.json\n")
    assert (
        "benefits/empty.yml:1:1: file has no content (expected a mapping of keys; "
        "fix: start from the template in CONTRIBUTING.md) [file-empty]"
    ) in problem_lines(repo)


def test_wrong_extension(repo):
    (repo / "case_studies/gmp-tweets.yml").rename(repo / "case_studies/gmp-tweets.yaml")
    assert any(
        line.startswith("case_studies/gmp-tweets.yaml:1:1: 'gmp-tweets.yaml' is not a .yml file")
        for line in problem_lines(repo)
    )


def test_every_error_is_reported_at_once(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "country: GB", "country: UK")
    edit(repo, "benefits/tweeting-a-day-of-calls.yml", "topics: [public-safety]", "topics: [safety]")
    edit(repo, "kits/executives.yml", "order: 1", "order: first")
    lines = [line for line in problem_lines(repo) if "warning:" not in line]
    assert [line.split(":")[0] for line in lines] == [
        "benefits/tweeting-a-day-of-calls.yml",
        "case_studies/gmp-tweets.yml",
        "kits/executives.yml",
    ]


def test_fixture_is_untouched_by_tests():
    assert "year: 2010\n" in (FIXTURE / "case_studies/gmp-tweets.yml").read_text()
