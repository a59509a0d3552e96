"""What cross-file rules need to know about the whole repository."""

from __future__ import annotations

from typing import Any

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from casebook.content.contract import STALE_AFTER_DAYS
from casebook.content.load import Document, dotted
from casebook.problems import WARNING, Problem


@dataclass(frozen=True)
class Context:
    root: Path
    today: date
    entries: dict[str, dict[str, Document]]  # kind -> id -> document, the valid ones
    ids: dict[str, frozenset[str]]  # every file present per kind, valid or not, for references
    new: frozenset[str] = frozenset()  # paths checked as if added now (validate.py on a file elsewhere)

    # Shorthands for the rules of the first kinds; a new kind's rules read entries["<kind>"].
    @property
    def cases(self) -> dict[str, Document]:
        return self.entries["case"]

    @property
    def benefits(self) -> dict[str, Document]:
        return self.entries["benefit"]

    @property
    def kits(self) -> dict[str, Document]:
        return self.entries["kit"]

    @property
    def routes(self) -> dict[str, Document]:
        return self.entries["route"]

    @property
    def pilots(self) -> dict[str, Document]:
        return self.entries["pilot"]


def problem(
    doc: Document, keys: tuple[Any, ...], message: str, expected: str, fix: str, rule: str, *, severity: str = ""
) -> Problem:
    """A problem at `keys` in `doc`; its severity is the rule's own (casebook/rule_registry.py)."""
    line, column = doc.where(keys)
    return Problem(
        doc.path,
        line,
        column,
        field=dotted(keys),
        message=message,
        expected=expected,
        fix=fix,
        rule=rule,
        severity=severity,
    )


def warning(doc: Document, keys: tuple[Any, ...], message: str, expected: str, fix: str, rule: str) -> Problem:
    return problem(doc, keys, message, expected, fix, rule, severity=WARNING)


def is_stale(last_verified: date, today: date) -> bool:
    return (today - last_verified).days > STALE_AFTER_DAYS
