"""Hostile content (issue #14): what the validator refuses, each with its own rule id and exact
line, and the inputs that once gave a traceback or were silently dropped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from casebook import problems as problems_module
from casebook.content.load import parse_text
from casebook.repository import load_casebook
from casebook.kinds import FOLDERS
from support import ROOT, TODAY, edit, problem_lines

C = "case_studies/gmp-tweets.yml"
K = "kits/executives.yml"
R = "training/exec-route.yml"
T = "taxonomy.yml"

REFUSED = [
    (
        "text-control-char",
        [(C, "organisation: Greater Manchester Police", 'organisation: "Greater\\u001b[31m Police"')],
        "case_studies/gmp-tweets.yml:3:15: organisation: text holds the invisible character U+001B (expected printable "
        "text; fix: delete the character (an escape such as \\u001b in quotes writes one)) [text-control-char]",
    ),
    (
        "text-control-char",
        [(C, "organisation: Greater Manchester Police", 'organisation: "Greater \\uFFFE Police"')],
        "case_studies/gmp-tweets.yml:3:15: organisation: text holds the invisible character U+FFFE (expected printable "
        "text; fix: delete the character (an escape such as \\u001b in quotes writes one)) [text-control-char]",
    ),
    (
        "text-control-char",
        [(C, "year: 2010", 'year: 2010\n"x\\u0001y": 1')],
        "case_studies/gmp-tweets.yml:7:1: x\\u0001y: key holds the invisible character U+0001 (expected printable "
        "text; fix: delete the character (an escape such as \\u001b in quotes writes one)) [text-control-char]",
    ),
    (
        "markdown-image",
        [(C, "League tables", "![chart](https://example.org/a.png) League tables")],
        "case_studies/gmp-tweets.yml:13:1: challenge: image in Markdown ('![...](...)'); the page would drop it "
        "(expected text and links only; fix: describe what the image shows, or link to it with "
        "[text](https://...)) [markdown-image]",
    ),
    (
        "markdown-heading",
        [(K, "  Lead with outcomes.", "  # Money\n  Lead with outcomes.")],
        "kits/executives.yml:7:1: framing: heading above level 3 ('#', '##' or an underlined line); the page would "
        "drop it (expected headings written '###' or deeper, or none; fix: start the heading with '###', or make "
        "it a bold line) [markdown-heading]",
    ),
    (
        "markdown-heading",
        [(K, "  Lead with outcomes.", "  Money\n  -----\n\n  Lead with outcomes.")],
        "kits/executives.yml:7:1: framing: heading above level 3 ('#', '##' or an underlined line); the page would "
        "drop it (expected headings written '###' or deeper, or none; fix: start the heading with '###', or make "
        "it a bold line) [markdown-heading]",
    ),
    (
        "markdown-too-complex",
        [(C, "  League tables", "  " + "[" * 101 + " League tables")],
        "case_studies/gmp-tweets.yml:13:1: challenge: Markdown too complex to show: 101 '[' characters (at most "
        "100) (expected at most 100 links or brackets and 200 lines; fix: shorten the text; link only the sources "
        "that matter) [markdown-too-complex]",
    ),
    (
        "markdown-too-complex",
        [(C, "  League tables", "  a\n\n" * 101 + "  League tables")],
        "case_studies/gmp-tweets.yml:13:1: challenge: Markdown too complex to show: 204 lines (at most 200) "
        "(expected at most 100 links or brackets and 200 lines; fix: shorten the text; link only the sources "
        "that matter) [markdown-too-complex]",
    ),
    (
        "too-long",
        [(C, "  League tables", "  " + "a" * 4000 + " League tables")],
        "case_studies/gmp-tweets.yml:13:1: challenge: text is 4054 characters (expected at most 4000; "
        "fix: shorten it) [too-long]",
    ),
    (
        "number-too-long",
        [(C, "year: 2010", "year: " + "1" * 5000)],
        "case_studies/gmp-tweets.yml:6:7: year: number is 5,000 characters long (expected a number of at most 4,300 "
        "digits, or text in double quotes; fix: write the figure as the source words it, in double quotes) "
        "[number-too-long]",
    ),
    (
        "number-too-long",
        [(C, "year: 2010", "year: 2010\nextra: -" + "9" * 4400)],
        "case_studies/gmp-tweets.yml:7:8: extra: number is 4,401 characters long (expected a number of at most 4,300 "
        "digits, or text in double quotes; fix: write the figure as the source words it, in double quotes) "
        "[number-too-long]",
    ),
    (
        "yaml-too-deep",
        [(C, "year: 2010", "year: 2010\nextra: " + "[" * 13 + "]" * 13)],
        "case_studies/gmp-tweets.yml:7:19: lists and mappings nested more than 12 levels deep (expected the "
        "shape of the template; fix: indent only as the template does) [yaml-too-deep]",
    ),
]


@pytest.mark.parametrize("rule, edits, expected", REFUSED, ids=[row[0] for row in REFUSED])
def test_refused(repo, rule, edits, expected):
    for rel, old, new in edits:
        edit(repo, rel, old, new)
    lines = problem_lines(repo)
    assert expected in lines, "\n".join(lines)


def test_file_not_mapping(repo):
    (repo / "case_studies/listed.yml").write_text(
        "# yaml-language-server: $schema=../schema/case-study.schema.json\n- title: A list, not keys\n",
        encoding="utf-8",
    )
    (repo / "benefits/scalar.yml").write_text("just words\n", encoding="utf-8")
    lines = problem_lines(repo)
    assert (
        "case_studies/listed.yml:1:1: the file holds a list, not keys and values (expected a mapping of keys "
        "such as 'title: ...'; fix: start from the template in CONTRIBUTING.md) [file-not-mapping]"
    ) in lines
    assert any(line.startswith("benefits/scalar.yml:1:1: the file holds a single value") for line in lines)


@pytest.mark.parametrize("name", ["index", "guide"])
def test_reserved_ids(repo, name):
    (repo / "docs/cases").mkdir()
    (repo / "docs/cases/guide.md").write_text("# A hand-written page\n", encoding="utf-8")
    (repo / C).rename(repo / f"case_studies/{name}.yml")
    lines = problem_lines(repo)
    address = "cases/" if name == "index" else f"cases/{name}/"
    assert (
        f"case_studies/{name}.yml:2:1: id '{name}' would give the page {address}, which another page already "
        "has (expected an "
        f"id no other page uses; fix: rename the file, e.g. to {name}-1.yml or a more specific name) "
        "[id-reserved]"
    ) in lines


def test_id_with_a_final_newline_is_refused(repo):
    (repo / C).rename(repo / "case_studies/gmp-tweets\n.yml")
    lines = problem_lines(repo)
    assert any(
        line.startswith("case_studies/gmp-tweets\\n.yml:2:1: file name 'gmp-tweets\\n' is not a valid id")
        for line in lines
    ), lines


def test_schema_ids_and_dates_match_in_full(repo):
    edit(repo, K, "cases: [gmp-tweets]", 'cases: ["gmp-tweets\\n"]')
    edit(repo, C, "added: 2026-11-20", 'added: "2026-11-20\\n"')
    edit(
        repo,
        C,
        "url: http://www.bbc.com/news/uk-england-manchester-11549069",
        'url: "http://www.bbc.com/news/uk-england-manchester-11549069\\n"',
    )
    rules = {line.rsplit("[", 1)[1] for line in problem_lines(repo)}
    assert {"bad-id]", "bad-date]", "url-scheme]"} <= rules


@pytest.mark.parametrize("target", ["/dev/zero", "../outside.yml", "/proc/self/status"])
def test_symlinks_are_refused_and_never_followed(repo, target):
    (repo / "outside.yml").write_text((repo / C).read_text(), encoding="utf-8")
    os.symlink(target, repo / "case_studies/linked.yml")
    lines = problem_lines(repo)
    assert (
        "case_studies/linked.yml:1:1: is a symbolic link, not a regular file (expected a plain .yml file; "
        "fix: commit the file itself (content folders hold no links, folders or devices)) "
        "[file-not-regular]"
    ) in lines


def test_symlinked_taxonomy_and_fifo_and_folder_are_refused(repo):
    (repo / T).rename(repo / "taxonomy-real.yml")
    os.symlink("taxonomy-real.yml", repo / T)
    os.mkfifo(repo / "kits/pipe.yml")
    (repo / "benefits/folder.yml").mkdir()
    text = "\n".join(problem_lines(repo))
    assert "taxonomy.yml:1:1: is a symbolic link, not a regular file" in text
    assert "kits/pipe.yml:1:1: is a named pipe, not a regular file" in text
    assert "benefits/folder.yml:1:1: is a folder, not a regular file" in text


def test_a_symlink_loop_gives_problems_not_a_traceback(repo):
    os.symlink("loop.yml", repo / "case_studies/loop.yml")
    assert any(line.endswith("[file-not-regular]") for line in problem_lines(repo))


@pytest.mark.parametrize(
    "rel, old, new",
    [
        (
            K,
            "objections:\n  - objection: You can't prove a return on it.\n    answer: |\n      Measure outcomes, not "
            "likes.\n    benefits: [tweeting-a-day-of-calls]\n    cases: [gmp-tweets]",
            "objections: 5",
        ),
        (R, "steps:", "steps: 5\nold_steps:"),
        (C, "year: 2010", "year: 2010\nextra: " + "[" * 500 + "]" * 500),
        (C, "year: 2010", "year: 2010\nextra:\n" + "".join("  " * i + "- \n" for i in range(600))),
    ],
)
def test_inputs_that_gave_tracebacks_give_problems(repo, rel, old, new):
    edit(repo, rel, old, new)
    result = load_casebook(repo, today=TODAY)
    assert result.casebook is None and result.errors


def test_parse_refuses_depth_before_building():
    doc, problems = parse_text("a: " + "[" * 100_000 + "]" * 100_000, "x.yml")
    assert doc is None and [p.rule for p in problems] == ["yaml-too-deep"]


def test_control_characters_in_titles_never_reach_the_build(repo):
    """U+0001 in a title once passed validation and crashed the Atom feed after site/ was cleaned."""
    edit(
        repo,
        C,
        "title: Greater Manchester Police tweets every incident for 24 hours",
        'title: "Greater Manchester Police\\x01 tweets every incident"',
    )
    result = load_casebook(repo, today=TODAY)
    assert result.casebook is None
    assert [p.rule for p in result.errors] == ["text-control-char"]


def test_too_many_problems_are_cut_short(repo):
    outcomes = "".join(f"  - value: '{i}'\n    basis: counted\n    kind: contact\n    source: 1\n" for i in range(250))
    edit(repo, C, "outcomes:\n", "outcomes:\n" + outcomes)
    lines = problem_lines(repo)
    assert sum("required key 'measure' is missing" in line for line in lines) == 200
    assert len(lines) == 201 and lines[-1].startswith("case_studies/gmp-tweets.yml:")
    assert lines[-1].endswith(
        ": … and 50 more problems in this file (expected at most 200 problems are listed "
        "per file; fix: fix these, then validate again) [too-many-problems]"
    )


def _flood(count: int, template: str) -> str:
    return "".join(template.format(i=i) for i in range(count))


@pytest.mark.parametrize(
    "name, text, hidden",
    [
        ("aliases", "first: &a x\n" + _flood(3000, "k{i}: *a\n"), None),
        ("duplicate keys", "title: a\n" + _flood(3000, "title: b{i}\n"), 3000 - 200),
        ("control characters", _flood(3000, 'k{i}: "\\u0001"\n'), 3000 - 200),
    ],
)
def test_every_flood_of_problems_is_capped_per_file(repo, monkeypatch, name, text, hidden):
    (repo / "case_studies/flood.yml").write_text(text, encoding="utf-8")

    def flood_lines():
        return [line for line in problem_lines(repo) if line.startswith("case_studies/flood.yml:")]

    lines = flood_lines()
    if hidden is None:  # aliases: one problem for the file, however many
        anchors = [line for line in lines if line.endswith("[yaml-anchor]")]
        assert len(anchors) == 1 and "anchor '&a' used, and 3,000 more anchors or aliases in this file" in anchors[0]
        return
    monkeypatch.setattr(problems_module, "MAX_PER_FILE", 10**9)
    every = flood_lines()
    assert len(every) > 3000
    assert len(lines) == 201 and lines[:200] == every[:200]
    assert f"… and {len(every) - 200:,} more problems in this file" in lines[-1]


def test_suggestions_stop_after_twenty_per_file(repo):
    refs = ", ".join(f"gmp-tweets-{i}" for i in range(30))
    edit(repo, K, "cases: [gmp-tweets]", f"cases: [{refs}]")
    lines = [line for line in problem_lines(repo) if line.endswith("[kit-reference-unknown]")]
    assert len(lines) == 30
    assert sum("did you mean 'gmp-tweets'?" in line for line in lines) == 20


SECRETS = "year: ghp_SECRETTOKEN0\nsector: AKIA_SECRETKEY1\naws_secret_access_key: SECRETVALUE2\n"


@pytest.mark.parametrize("folder", list(FOLDERS.values()))
def test_a_linked_content_folder_is_refused_and_never_read(repo, tmp_path, folder):
    outside = tmp_path / "outside" / folder
    shutil.copytree(repo / folder, outside)
    (outside / "stolen.yml").write_text(SECRETS, encoding="utf-8")
    shutil.rmtree(repo / folder)
    os.symlink(outside, repo / folder)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/validate.py"), "--root", str(repo)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert (
        f"{folder}:1:1: '{folder}' is a symbolic link, not a folder (expected the folder itself, committed "
        f"with its files; fix: replace the link by a real '{folder}' folder holding the files) "
        "[folder-not-plain]"
    ) in result.stderr.splitlines()
    for leaked in ("SECRET", "stolen", "aws_secret", str(tmp_path / "outside")):
        assert leaked not in result.stdout + result.stderr
    # The same refusal in this process too, where the rule-coverage check sees it.
    assert "folder-not-plain" in {p.rule for p in load_casebook(repo, today=TODAY).problems}


def test_a_hidden_file_is_reported_not_dropped(repo):
    (repo / "case_studies/.hidden-case.yml").write_text((repo / C).read_text(), encoding="utf-8")
    (repo / "kits/.notes").write_text("x", encoding="utf-8")
    lines = problem_lines(repo)
    assert (
        "case_studies/.hidden-case.yml:1:1: '.hidden-case.yml' is a hidden file, so the site would leave it "
        "out (expected a name that does not start with '.'; fix: rename it to case_studies/hidden-case.yml, "
        "or delete it) [file-hidden]"
    ) in lines
    assert any(line.startswith("kits/.notes:1:1: '.notes' is a hidden file") for line in lines)
    assert load_casebook(repo, today=TODAY).casebook is None


@pytest.mark.parametrize(
    "old, new, field",
    [
        ("label: Policing and public safety", "label: <img src=x onerror=alert(1)>", "topics.public-safety.label"),
        ("label: Policing\n", 'label: "Policing <script>x</script>"\n', "sectors.policing.label"),
        ("description: Police forces.", "description: <b>Police</b> forces.", "sectors.policing.description"),
    ],
)
def test_taxonomy_labels_get_the_html_check(repo, old, new, field):
    edit(repo, T, old, new)
    lines = [line for line in problem_lines(repo) if line.endswith("[text-html]")]
    assert len(lines) == 1 and lines[0].startswith("taxonomy.yml:") and f": {field}: HTML tag '<" in lines[0]
