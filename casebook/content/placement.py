"""Where a content file belongs: its kind (from its schema line) and a free id for it.

`validate.py PATH` checks a file that is not in a content folder (a download from the propose
form, a draft elsewhere) as if it were added, and says where to move it.
"""

from __future__ import annotations

import re

from casebook.content.contract import ID_MAX, ID_PATTERN
from casebook.kinds import SCHEMA_FILES

_SCHEMA_LINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=\S*?([a-z-]+\.schema\.json)\s*$")


def kind_of(first_line: str) -> str | None:
    """The entry kind a file's schema comment names, or None."""
    found = _SCHEMA_LINE.match(first_line.strip())
    names = {name: kind for kind, name in SCHEMA_FILES.items() if kind != "taxonomy"}
    return names.get(found.group(1)) if found else None


def suggested_id(stem: str, taken: frozenset[str]) -> str:
    """The file's own name if it is a valid, unused id; otherwise the nearest that is."""
    base = re.sub(r"[^a-z0-9]+", "-", stem.casefold()).strip("-")[: ID_MAX - 4] or "new-entry"
    candidate, number = base, 2
    while candidate in taken or not re.match(ID_PATTERN, candidate):
        candidate, number = f"{base}-{number}", number + 1
        if number > 999:  # the pattern cannot be met from this stem
            return "new-entry"
    return candidate
