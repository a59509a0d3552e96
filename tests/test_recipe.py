"""HACKING.md's recipe for a new entry type, executed (issue 20): each code block of its "Recipe: a
new entry type" section is applied, as written, to a copy of the project with the fixture content;
then `make schemas`, the validator and a strict build run there, and the toy kind must have its
pages, list page, search type, export and validation, in at most eight edited files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from casebook.clock import epoch_of
from fixture_site import write_fixture_repo
from support import ROOT, TODAY

MAX_FILES = 8
FIXTURE_PREFIX = "tests/fixtures/repo/"  # the recipe's fixture path; the copy's content root here
BLOCK = re.compile(r"^```\w+ (\S+) (new|append|before: [^\n]+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def recipe_blocks() -> list[tuple[str, str, str]]:
    """(file, where, text) for each block of the recipe section, in order."""
    text = (ROOT / "HACKING.md").read_text(encoding="utf-8")
    section = text.split("### Recipe: a new entry type", 1)[1].split("\n## ", 1)[0]
    return [(match.group(1), match.group(2), match.group(3)) for match in BLOCK.finditer(section)]


def apply(root: Path, path: str, where: str, text: str) -> None:
    target = root / path.removeprefix(FIXTURE_PREFIX)
    if where == "new":
        assert not target.exists(), f"{path} already exists"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return
    old = target.read_text(encoding="utf-8")
    if where == "append":
        target.write_text(old.rstrip("\n") + "\n\n\n" + text, encoding="utf-8")
        return
    anchor = where.removeprefix("before: ")
    lines = old.splitlines(keepends=True)
    at = [i for i, line in enumerate(lines) if line.strip().startswith(anchor)]
    assert len(at) == 1, f"{path}: the anchor {anchor!r} is not one line"
    target.write_text("".join(lines[: at[0]]) + text + "".join(lines[at[0] :]), encoding="utf-8")


def run(root: Path, *command: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(root),
        "SOURCE_DATE_EPOCH": epoch_of(TODAY),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    return subprocess.run([sys.executable, *command], cwd=root, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = write_fixture_repo(tmp_path_factory.mktemp("recipe") / "repo")
    for path, where, text in recipe_blocks():
        apply(root, path, where, text)
    return root


def test_the_recipe_touches_at_most_eight_files():
    files = {path for path, _, _ in recipe_blocks()}
    assert 0 < len(files) <= MAX_FILES, sorted(files)
    assert "casebook/kinds.py" in files


def test_the_toy_kind_validates_and_builds(project):
    schemas = run(project, "scripts/build_schemas.py")
    assert schemas.returncode == 0, schemas.stderr
    assert (project / "schema/event.schema.json").is_file()
    assert "events" in (project / "mkdocs.yml").read_text(encoding="utf-8").split("watch:")[1]
    valid = run(project, "scripts/validate.py", "--today", TODAY.isoformat())
    assert valid.returncode == 0, valid.stderr
    built = run(project, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project / "site"))
    assert built.returncode == 0, built.stderr[-3000:]
    site = project / "site"
    page = (site / "events/northshire-open-day/index.html").read_text(encoding="utf-8")
    assert "Northshire open day" in page and "<strong>winter</strong>" in page
    assert 'data-pagefind-filter="type:Event"' in page  # its search type
    assert 'href="../../cases/gmp-tweets/"' in page
    listing = (site / "events/index.html").read_text(encoding="utf-8")
    assert 'href="../events/northshire-open-day/"' in listing
    exported = json.loads((site / "api/events.json").read_text(encoding="utf-8"))
    assert [(record["title"], record["day"]) for record in exported] == [("Northshire open day", "2026-05-14")]
    assert (site / "schema/event.schema.json").is_file()


def test_the_toy_kinds_rules_run(project):
    path = project / "events/northshire-open-day.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("[gmp-tweets]", "[gmp-tweetz]"), encoding="utf-8")
    try:
        result = run(project, "scripts/validate.py", "--today", TODAY.isoformat())
    finally:
        path.write_text(path.read_text(encoding="utf-8").replace("[gmp-tweetz]", "[gmp-tweets]"), encoding="utf-8")
    assert result.returncode == 1
    assert (
        "events/northshire-open-day.yml:6:9: cases[0]: no case 'gmp-tweetz' in case_studies/ (expected the id "
        "of an existing case; fix: use a file name from case_studies/) [related-unknown]"
    ) in result.stderr
