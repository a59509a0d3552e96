"""Stage 1, load: what the loader refuses before it builds any data from a file.

A pull request can hold anything a git tree can: symlinks (to `/etc/passwd`, to `/dev/zero`, to a
FIFO that never answers), deeply nested YAML, text full of escapes for control characters. Each is
refused here with a problem a contributor can act on, so no later stage meets it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from typing import Any

import os
import re
import stat
from pathlib import Path

import yaml

MAX_DEPTH = 12  # the contract's deepest value (evidence[0].source.title) is 4 levels down
# Characters no page, feed or log line can show: C0 and C1 controls (tab, newline and carriage
# return are YAML whitespace and allowed), DEL, Unicode noncharacters, lone surrogates, and the
# invisible direction overrides that make text read differently from what it holds.
_NONCHARACTERS = "".join(chr(plane << 16 | low) for plane in range(1, 17) for low in (0xFFFE, 0xFFFF))
CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\u202a-\u202e\u2066-\u2069" + _NONCHARACTERS + "]"
)


class NotRegular(Exception):
    """The path is a symlink, a folder, a device or a pipe: not a content file."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


def describe(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_regular(path: Path, limit: int) -> bytes:
    """At most `limit + 1` bytes of a regular file, never following a symlink.

    Opened with O_NOFOLLOW and O_NONBLOCK, then checked with fstat on the open descriptor, so a
    link, pipe or device swapped in after a check is refused too; reading stops past the limit,
    so a file that reports size 0 (as `/proc` files do) cannot bypass it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        mode = path.lstat().st_mode if os.path.lexists(path) else 0
        raise NotRegular(describe(mode)) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise NotRegular(describe(mode))
    with os.fdopen(fd, "rb") as handle:
        return handle.read(limit + 1)


def is_regular(path: Path) -> bool:
    """A regular file, not a link to one."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def control_character(text: str) -> str | None:
    """The first character in `text` that cannot be shown, as U+XXXX, or None."""
    found = CONTROL.search(text)
    return f"U+{ord(found.group(0)):04X}" if found else None


class TooDeep(Exception):
    """Lists and mappings nest deeper than MAX_DEPTH; `event` is where."""

    def __init__(self, event: yaml.Event):
        super().__init__(event)
        self.event = event


def bounded(events: Iterable[Any]) -> Iterator[Any]:
    """The parser's events, stopping at the first one nested deeper than MAX_DEPTH. Checked
    while parsing: libyaml takes time quadratic in the depth of a flow ('[[[[...') to finish,
    and the builder and the schema check recurse."""
    depth = 0
    for event in events:
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise TooDeep(event)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        yield event
