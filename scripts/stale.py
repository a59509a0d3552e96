"""Staleness report: `python scripts/stale.py [--days N] [--format text|markdown|json]`.

Lists the cases and statements whose sources were last checked more than N days ago (730, the
contract's two years, by default), oldest first. Exit 0 when none is due, 1 when some are, 2 on
bad usage or when the content has errors (they are printed, as by validate.py).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from casebook.repository import load_casebook
from casebook.content.contract import STALE_AFTER_DAYS
from casebook.scheduled.staleness import as_json, as_markdown, as_text, stale_entries

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stale.py", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this one)")
    parser.add_argument("--days", type=int, default=STALE_AFTER_DAYS, help="how old is too old (default: %(default)s)")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="report as of this date (YYYY-MM-DD)")
    parser.add_argument("--site-url", default="", help="prefix for page links in the Markdown report")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    today = args.today or date.today()
    result = load_casebook(args.root.resolve(), today=today)
    if result.casebook is None:
        print("\n".join(p.text() for p in result.errors), file=sys.stderr)
        return 2
    entries = stale_entries(result.casebook, today=today, days=args.days)
    if args.format == "json":
        print(as_json(entries))
    elif args.format == "markdown":
        print(as_markdown(entries, days=args.days, site_url=args.site_url))
    else:
        print(as_text(entries, days=args.days))
    return 1 if entries else 0


if __name__ == "__main__":
    sys.exit(main())
