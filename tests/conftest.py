"""Shared fixtures: a tiny valid repository to break one rule at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import FIXTURE

pytest_plugins = ["rule_coverage"]  # every registered rule id must be reported by some test


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/repo: one kit, case, statement and route, all valid."""
    target = tmp_path / "repo"
    shutil.copytree(FIXTURE, target)
    return target
