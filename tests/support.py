"""Test helpers: paths, the fixed date tests run on, and editing a fixture copy."""

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


def problem_lines(root: Path, *, today: date = TODAY) -> list[str]:
    return [p.text() for p in load_casebook(root, today=today).problems]
