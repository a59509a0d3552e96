"""The build is atomic and reproducible (issue #14): a failed `make build` leaves the previous
site/ as it was; the same commit builds to the same bytes on another day, with another hash seed."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

import build_site
from casebook import clock
from casebook.repository import load_casebook
from support import ROOT

IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "tests", "node_modules")
EPOCH = str(int(time.time()))  # real content: the real date, so an entry added today still builds
ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": EPOCH}


def tree_digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def run_build(root: Path, site_dir: str, *, seed: str, faketime: str | None = None) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        str(ROOT / "scripts/build_site.py"),
        "--root",
        str(root),
        "--site-dir",
        site_dir,
        "--quiet",
    ]
    if faketime:
        command = [shutil.which("faketime") or "faketime", faketime, *command]
    return subprocess.run(command, capture_output=True, text=True, cwd=root, env={**ENV, "PYTHONHASHSEED": seed})


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("safety") / "repo"
    shutil.copytree(ROOT, root, ignore=IGNORE)
    done = run_build(root, "site", seed="1")
    assert done.returncode == 0, done.stderr[-3000:]
    return root


@pytest.fixture(scope="module")
def later(project, tmp_path_factory) -> Path:
    """The same project built again under faketime two and a half years later, with another hash
    seed, into a folder that already holds an older site (a stale page): one build that both
    reproducibility and the swap are judged on."""
    assert shutil.which("faketime"), "faketime is missing: run 'make test-tools'"
    site = tmp_path_factory.mktemp("later") / "site"
    site.mkdir()
    (site / "stale.html").write_text("from an older build", encoding="utf-8")
    done = run_build(project, str(site), seed="2", faketime="2029-05-01 12:00:00")
    assert done.returncode == 0, done.stderr[-3000:]
    return site


def test_same_commit_builds_the_same_bytes_on_another_day(project, later):
    """Every file matches, sitemap.xml.gz's header included, and no page turned 'due for re-checking'."""
    first, again = tree_digest(project / "site"), tree_digest(later)
    assert first.keys() == again.keys()
    assert [name for name in first if first[name] != again[name]] == []
    assert "sitemap.xml.gz" in first and any(name.startswith("pagefind/fragment/") for name in first)


def test_a_failed_build_leaves_the_old_site(project):
    before = tree_digest(project / "site")
    bad = project / "case_studies/broken.yml"
    bad.write_text(
        '# yaml-language-server: $schema=../schema/case-study.schema.json\ntitle: "bad\\u0001"\n', encoding="utf-8"
    )
    try:
        done = run_build(project, "site", seed="1")
    finally:
        bad.unlink()
    assert done.returncode != 0
    assert "the build failed" in done.stderr and "[text-control-char]" in done.stderr
    assert tree_digest(project / "site") == before
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site-")], "staging folder left behind"


def test_a_good_build_replaces_the_site(later):
    assert not (later / "stale.html").exists() and (later / "index.html").is_file()
    assert sorted(p.name for p in later.parent.iterdir()) == ["site"]  # no staging or old folder left


def commit_one_file(folder: Path) -> None:
    """A git repository in `folder` whose only commit is dated 2001-02-03T04:05:06Z."""
    git = ["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git[:3], "init", "-q"], check=True)
    (folder / "a.txt").write_text("a", encoding="utf-8")
    subprocess.run([*git, "add", "a.txt"], check=True)
    subprocess.run(
        [*git, "commit", "-qm", "a"], check=True, env={**os.environ, "GIT_COMMITTER_DATE": "2001-02-03T04:05:06Z"}
    )


def test_source_date_epoch_comes_from_the_last_commit(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    commit_one_file(tmp_path)
    assert build_site.build_environment(tmp_path)["SOURCE_DATE_EPOCH"] == "981173106"


def test_the_casebook_today_is_the_source_date(repo, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795427718")
    assert clock.today() == date(2026, 11, 23)
    assert load_casebook(repo).casebook.today == date(2026, 11, 23)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")  # 2030-03-17: the fixture's case is now stale
    later = load_casebook(repo).casebook
    assert later.today == date(2030, 3, 17)
    assert all(later.is_stale(case) for case in later.cases.values())
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert clock.today() == date.today()


def test_uncommitted_changes_build_on_todays_date(tmp_path, monkeypatch):
    """A contributor's new case dated today, not yet committed, must not be judged against the
    last commit's date (it would be 'in the future' the day after that commit)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    commit_one_file(tmp_path)
    (tmp_path / "new-case.yml").write_text("added: today\n", encoding="utf-8")
    assert "SOURCE_DATE_EPOCH" not in build_site.build_environment(tmp_path)


def test_today_sets_the_builds_day(monkeypatch, capsys):
    """build_site.py --today: SOURCE_DATE_EPOCH at that day's midnight, which clock.today() reads back."""
    from casebook import clock

    assert clock.epoch_of(date(2026, 11, 22)) == "1795305600"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", clock.epoch_of(date(2026, 11, 22)))
    assert clock.today() == date(2026, 11, 22)
    assert build_site.main(["--today", "2026-13-01"]) == 2
    assert "build_site.py: --today '2026-13-01' is not a date" in capsys.readouterr().err
