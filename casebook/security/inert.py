"""Output that stays data: contributor text made safe to print in a log or put in a spreadsheet.

Every problem line quotes what a contributor wrote (a key, a value, a file name). In a terminal an
escape sequence could rewrite the screen; in GitHub Actions a line that starts with `::` (or the
older `##[`) is a workflow command (`::add-mask::`, `::stop-commands::`, `::warning ...`), so a
key holding a newline and a command could speak for CI. `inert` writes such characters as visible
escapes. In a spreadsheet, a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
read as a formula; `defuse_cell` keeps it text.
"""

from __future__ import annotations

from typing import Any

import re

# Controls (newline and tab included: a problem is one line), line and paragraph separators,
# invisible direction overrides, the byte-order mark and noncharacters.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|::|##\\[")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escape(found: re.Match[str]) -> str:
    text = found.group(0)
    if text == "::":
        return ":\\:"
    if text == "##[":
        return "#\\#["
    return _NAMED.get(text) or f"\\u{ord(text):04x}"


def inert(text: str) -> str:
    """`text` on one line, with no control character and no workflow-command syntax."""
    return _UNSAFE.sub(_escape, text)


def github_property(text: str) -> str:
    """A value for `file=` or `title=` in a workflow command, escaped as the runner expects."""
    return inert(text).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")


def defuse_cell(value: Any) -> Any:
    """A CSV cell: text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value
