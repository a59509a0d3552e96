"""Shared fixtures: a tiny valid repository to break one rule at a time, and the sites built once
per run (tests/shared_builds.py) that several test files read."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shared_builds import REAL_SITE_ENV, shared_build
from support import FIXTURE, ROOT

pytest_plugins = ["rule_coverage"]  # every registered rule id must be reported by some test


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/repo: one kit, case, statement and route, all valid."""
    target = tmp_path / "repo"
    shutil.copytree(FIXTURE, target)
    return target


def _build_real_site(folder: Path) -> None:
    # The real date (real content may be dated today), kept so a second builder
    # (tests/test_properdocs.py) builds the same day.
    epoch = str(int(time.time()))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(folder / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**REAL_SITE_ENV, "SOURCE_DATE_EPOCH": epoch},
    )
    assert result.returncode == 0, result.stderr
    (folder / "epoch").write_text(epoch, encoding="utf-8")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The real site, `mkdocs build --strict` from the repository, once per run. Read it, never
    write to it: every test of the run shares it. Its SOURCE_DATE_EPOCH is in `site_dir.parent / "epoch"`."""
    return shared_build(tmp_path_factory, "real-site", _build_real_site) / "site"


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A copy of the repository with one more case, built for a site in a sub-folder
    (tests/test_build.py), read by the build and publishing tests; the repository is its parent."""
    from test_build import build_copy_with_extra_case

    return shared_build(tmp_path_factory, "built-copy", build_copy_with_extra_case) / "repo" / "site"
