"""Test helpers: paths, the fixed date fixture tests run on (never used over the real content),
and editing a fixture copy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from casebook.repository import load_casebook

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "repo"
TODAY = date(2026, 11, 22)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace one exact piece of a fixture file (fails loudly if the piece is not there)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise AssertionError(f"{old!r} not in {rel}")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def real_casebook():
    """The repository's own content on the real date: a contributor's case dated today must pass.
    A content error fails with the validator's own problem lines, not an AttributeError."""
    result = load_casebook(ROOT)
    if result.casebook is None:
        raise AssertionError("content has errors:\n" + "\n".join(p.text() for p in result.errors))
    return result.casebook


def problem_lines(root: Path, *, today: date = TODAY) -> list[str]:
    return [p.text() for p in load_casebook(root, today=today).problems]
