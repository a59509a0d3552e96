"""Shared fixtures: a tiny valid repository to break one rule at a time, and the real one."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from casebook.repository import load_casebook

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "repo"
TODAY = date(2026, 11, 22)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/repo: one kit, case, statement and route, all valid."""
    target = tmp_path / "repo"
    shutil.copytree(FIXTURE, target)
    return target


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace one exact piece of a fixture file (fails loudly if the piece is not there)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise AssertionError(f"{old!r} not in {rel}")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problem_lines(root: Path, *, today: date = TODAY) -> list[str]:
    return [p.text() for p in load_casebook(root, today=today).problems]
