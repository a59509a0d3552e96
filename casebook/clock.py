"""The one place the build reads the date.

A build must be a function of the commit: two builds of the same commit, on different days, give
the same bytes. So "today" (which entries are due for re-checking, which dates are in the future)
is the day of `SOURCE_DATE_EPOCH` when it is set, as `scripts/build_site.py` sets it from the last
commit; MkDocs reads the same variable for the sitemap and its gzip header. Without it (a
contributor running `make validate`) the wall clock is right.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as an integer, or None when unset or not a whole number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def today() -> date:
    """The build's today: SOURCE_DATE_EPOCH's date in UTC when set, else the wall clock's."""
    epoch = source_date_epoch()
    if epoch is None:
        return date.today()
    return datetime.fromtimestamp(epoch, timezone.utc).date()
