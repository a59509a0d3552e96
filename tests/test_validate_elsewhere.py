"""`validate.py PATH` on a file outside the content folders (issue 25): checked as the kind its
schema line names (or --kind), as if added to the repository, and told where to move it; a path
it cannot check is an error, never "No problems found."."""

from __future__ import annotations

import validate
from support import FIXTURE

CASE = (FIXTURE / "case_studies/gmp-tweets.yml").read_text(encoding="utf-8")
OTHER = (
    CASE.replace(
        "Greater Manchester Police tweets every incident for 24 hours",
        "Leeds council answers gritting questions on Twitter",
    )
    .replace("organisation: Greater Manchester Police", "organisation: Leeds City Council")
    .replace("http://www.bbc.com/news/uk-england-manchester-11549069", "https://example.org/leeds")
)


def _run(repo, capsys, *args) -> tuple[int, list[str]]:
    code = validate.main(["--root", str(repo), *map(str, args)])
    return code, capsys.readouterr().err.splitlines()


def test_a_clean_file_elsewhere_passes_and_is_told_where_to_go(repo, tmp_path, capsys):
    draft = tmp_path / "Downloads" / "My Leeds case.yml"
    draft.parent.mkdir()
    draft.write_text(OTHER, encoding="utf-8")
    code, lines = _run(repo, capsys, draft)
    assert code == 0
    assert lines == [
        "No problems found.",
        f"{draft} is checked as a case added to the repository: move it to case_studies/my-leeds-case.yml",
    ]


def test_a_broken_file_elsewhere_fails_with_its_own_name(repo, tmp_path, capsys):
    draft = tmp_path / "my-case.yml"
    draft.write_text(OTHER.replace("year: 2010", "year: 20x0").replace("country: GB", "country: gb"), encoding="utf-8")
    code, lines = _run(repo, capsys, draft)
    assert code == 1
    assert [line.split(": ", 1)[0] for line in lines[:2]] == [f"{draft}:5:1", f"{draft}:6:1"]
    assert lines[2] == "2 errors and 0 warnings in 1 file"
    assert lines[3].endswith("once the problems above are fixed, move it to case_studies/my-case.yml")


def test_a_copy_of_an_existing_case_elsewhere_is_a_duplicate(repo, tmp_path, capsys):
    draft = tmp_path / "gmp-tweets.yml"  # the same name as the existing file, too
    draft.write_text(CASE, encoding="utf-8")
    code, lines = _run(repo, capsys, draft)
    assert code == 1
    assert lines[0].startswith(
        f"{draft}:2:1: title: probably the same case as case_studies/gmp-tweets.yml: same organisation and year"
    )
    assert lines[-1].endswith("move it to case_studies/gmp-tweets-2.yml")


def test_the_kind_comes_from_kind_when_the_schema_line_is_missing(repo, tmp_path, capsys):
    draft = tmp_path / "draft.yml"
    draft.write_text(OTHER.split("\n", 1)[1], encoding="utf-8")
    code, lines = _run(repo, capsys, draft)
    assert code == 2
    assert lines == [
        f"validate.py: cannot tell what kind of entry {draft} is: its first line is not a schema "
        "comment; add one, or give --kind case|benefit|kit|route|pilot"
    ]
    code, lines = _run(repo, capsys, "--kind", "case", draft)
    assert code == 1 and any(line.endswith("[schema-comment]") for line in lines)


def test_a_folder_elsewhere_is_an_error_not_a_pass(repo, tmp_path, capsys):
    (tmp_path / "drafts").mkdir()
    code, lines = _run(repo, capsys, tmp_path / "drafts")
    assert code == 2
    assert lines == [
        f"validate.py: {tmp_path / 'drafts'} is a folder outside the content folders; name its .yml files instead"
    ]
