"""What cross-file rules need to know about the whole repository."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from casebook.content.contract import STALE_AFTER_DAYS
from casebook.content.load import Document, dotted
from casebook.problems import WARNING, Problem


@dataclass(frozen=True)
class Context:
    root: Path
    today: date
    cases: dict[str, Document]
    benefits: dict[str, Document]
    kits: dict[str, Document]
    routes: dict[str, Document]
    ids: dict[str, frozenset[str]]  # every file present per kind, valid or not, for references
    pilots: dict[str, Document] = field(default_factory=dict)
    new: frozenset[str] = frozenset()  # paths checked as if added now (validate.py on a file elsewhere)


def problem(doc: Document, keys: tuple, message: str, expected: str, fix: str, rule: str,
            *, severity: str = "") -> Problem:
    """A problem at `keys` in `doc`; its severity is the rule's own (casebook/rule_registry.py)."""
    line, column = doc.where(keys)
    return Problem(doc.path, line, column, field=dotted(keys), message=message, expected=expected, fix=fix,
                   rule=rule, severity=severity)


def warning(doc: Document, keys: tuple, message: str, expected: str, fix: str, rule: str) -> Problem:
    return problem(doc, keys, message, expected, fix, rule, severity=WARNING)


def is_stale(last_verified: date, today: date) -> bool:
    return (today - last_verified).days > STALE_AFTER_DAYS
