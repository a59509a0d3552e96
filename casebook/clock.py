"""The one place the build reads the date.

A build must be a function of the commit: two builds of the same commit, on different days, give
the same bytes. So "today" (which entries are due for re-checking, which dates are in the future)
is the day of `SOURCE_DATE_EPOCH` when it is set, as `scripts/build_site.py` sets it from the last
commit; MkDocs reads the same variable for the sitemap and its gzip header. Without it (a
contributor running `make validate`) the wall clock is right. `--today YYYY-MM-DD` on
scripts/validate.py and scripts/build_site.py names the day instead (the build sets the variable
to that day's midnight, `epoch_of`), so tests over fixtures never depend on the wall clock.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime, UTC


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as an integer, or None when unset or not a whole number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def parse_day(text: str) -> date:
    """A --today argument: YYYY-MM-DD, else ValueError with a message saying so."""
    message = f"--today {text!r} is not a date: expected YYYY-MM-DD, e.g. 2026-11-22"
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise ValueError(message)
    try:
        return date.fromisoformat(text)
    except ValueError:  # 2026-02-30
        raise ValueError(message) from None


def epoch_of(day: date) -> str:
    """SOURCE_DATE_EPOCH for midnight UTC of `day`, which `today()` reads back as `day`."""
    return str(int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()))


def today() -> date:
    """The build's today: SOURCE_DATE_EPOCH's date in UTC when set, else the wall clock's."""
    epoch = source_date_epoch()
    if epoch is None:
        return date.today()
    return datetime.fromtimestamp(epoch, UTC).date()
