"""Did-you-mean suggestions with a budget, for the validator's problem messages.

Each suggestion is a difflib pass over every id it could be, so a file listing 25,000 unknown ids
would cost minutes. A `Hints` is made per file: the first MAX_HINTS mistakes get a suggestion, the
rest are still reported, just without one.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

MAX_HINTS = 20


class Hints:
    def __init__(self, budget: int = MAX_HINTS):
        self.left = budget

    def closest(self, word: str, choices: Iterable[str]) -> str | None:
        """The closest choice to `word`, or None (also once the budget is spent)."""
        if self.left <= 0:
            return None
        self.left -= 1
        close = difflib.get_close_matches(word[:200], list(choices), n=1)
        return close[0] if close else None
