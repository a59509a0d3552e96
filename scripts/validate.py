"""Validate the content: `python scripts/validate.py [--today YYYY-MM-DD] [PATH ...]`.

With no path, reports every problem in the repository; with paths, only those in the named files
or folders (the whole repository is still loaded, since references cross files). One line per
problem on stderr, sorted by file and line, then a count. Exit 0 when valid, 1 on any error (or
any warning with --strict), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from casebook import clock
from casebook.problems import summary
from casebook.repository import load_casebook

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="validate.py", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to report on")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this one)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="judge dates as on this day (default: "
                        "SOURCE_DATE_EPOCH's day, else the wall clock)")
    parser.add_argument("--format", choices=("text", "github"),
                        default="github" if os.environ.get("GITHUB_ACTIONS") else "text",
                        help="github adds annotations for pull requests")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    try:
        today = clock.parse_day(args.today) if args.today else None
    except ValueError as error:
        print(f"validate.py: {error}", file=sys.stderr)
        return 2
    root = args.root.resolve()
    wanted = [p.resolve() for p in args.paths]
    missing = [str(p) for p in wanted if not p.exists()]
    if missing:
        print(f"validate.py: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    problems = [p for p in load_casebook(root, today=today).problems if _wanted(root / p.path, wanted)]
    for problem in problems:
        print(problem.text(), file=sys.stderr)
        if args.format == "github":
            print(problem.github(), file=sys.stderr)
    print(summary(problems), file=sys.stderr)
    failed = any(p.is_error or args.strict for p in problems)
    return 1 if failed else 0


def _wanted(path: Path, wanted: list[Path]) -> bool:
    return not wanted or any(path == w or w in path.parents for w in wanted)


if __name__ == "__main__":
    sys.exit(main())
