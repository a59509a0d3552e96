"""Problems found in content, and their text and CI formats.

Every stage (load, schema, rules) reports `Problem`s instead of raising, so the validator and the
build can show all of them at once, sorted by file and line.
"""

from __future__ import annotations

import re
from dataclasses import KW_ONLY, dataclass
from itertools import groupby
from collections.abc import Iterable

from casebook.security.inert import github_property, inert
from casebook.rule_registry import ERROR, WARNING, rule as registered

__all__ = ["ERROR", "WARNING", "Problem", "cap_per_file", "more_problems", "sort_problems", "summary"]

MAX_PER_FILE = 200  # problems listed per file; one more line counts the rest
_MORE = re.compile(r"… and ([0-9,]+) more problems? in this file$")


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    _: KW_ONLY  # the text arguments are named at every call, so none can be swapped silently
    field: str
    message: str
    expected: str = ""
    fix: str = ""
    rule: str  # an id from casebook/rule_registry.py; anything else raises UnknownRule
    severity: str = ""  # the registry's; a caller may only repeat it
    also: tuple[str, ...] = ()  # other files the problem is about (a duplicate names the earlier file)

    def __post_init__(self) -> None:
        severity = registered(self.rule).severity
        if self.severity not in ("", severity):
            raise ValueError(f"rule {self.rule!r} is registered as {severity}, not {self.severity}")
        object.__setattr__(self, "severity", severity)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def text(self) -> str:
        """One line: `path:line:column: field: message (expected ...; fix: ...) [rule]`."""
        where = f"{self.path}:{self.line}:{self.column}: "
        level = "" if self.is_error else "warning: "
        return inert(where) + self._body(level)

    def _body(self, level: str = "") -> str:
        field = f"{self.field}: " if self.field else ""
        hints = "; ".join(
            part
            for part in (f"expected {self.expected}" if self.expected else "", f"fix: {self.fix}" if self.fix else "")
            if part
        )
        hint = f" ({hints})" if hints else ""
        return inert(f"{level}{field}{self.message}{hint} [{self.rule}]")

    def github(self) -> str:
        """A GitHub Actions annotation, so CI marks the line in the pull request. The body is the
        inert text line, so it holds no newline that could start a command of its own."""
        kind = "error" if self.is_error else "warning"
        body = self._body("" if self.is_error else "warning: ").replace("%", "%25")
        return (
            f"::{kind} file={github_property(self.path)},line={self.line},col={self.column},"
            f"title={github_property(self.rule)}::{body}"
        )


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.rule, p.message))


def more_problems(path: str, line: int, column: int, count: int) -> Problem:
    """The line closing a file's list when `count` problems are left out."""
    return Problem(
        path,
        line,
        column,
        field="",
        message=f"… and {count:,} more {_plural(count, 'problem')} in this file",
        expected=f"at most {MAX_PER_FILE} problems are listed per file",
        fix="fix these, then validate again",
        rule="too-many-problems",
    )


def cap_per_file(problems: list[Problem]) -> list[Problem]:
    """Sorted problems, at most MAX_PER_FILE per file followed by one line counting the rest (and
    the rest a stage already counted without listing): one hostile file printed 64,677 lines."""
    capped: list[Problem] = []
    for path, group in groupby(problems, key=lambda p: p.path):
        listed: list[Problem] = []
        hidden = 0
        for problem in group:
            counted = _MORE.search(problem.message) if problem.rule == "too-many-problems" else None
            if counted:
                hidden += int(counted.group(1).replace(",", ""))
            elif len(listed) < MAX_PER_FILE:
                listed.append(problem)
            else:
                hidden += 1
        capped += listed
        if hidden:
            last = listed[-1] if listed else Problem(path, 1, 1, field="", message="", rule="too-many-problems")
            capped.append(more_problems(path, last.line, last.column, hidden))
    return capped


def summary(problems: list[Problem]) -> str:
    """The closing count line, e.g. '3 errors and 1 warning in 2 files'."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    if not problems:
        return "No problems found."
    return (
        f"{errors} {_plural(errors, 'error')} and {warnings} {_plural(warnings, 'warning')} "
        f"in {files} {_plural(files, 'file')}"
    )


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
