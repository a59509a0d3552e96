"""Check every source link with lychee: `python scripts/check_links.py [--format text|github|markdown]`.

Each dead, permanently moved, timing-out or rate-limited link is reported by file, line and field,
with the new address of a moved one. Needs the network, so the build and the tests never run it;
the weekly sources workflow does. Exit 0 when every link answered, 1 when any did not, 2 on bad
usage or when lychee is missing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casebook.scheduled.linkcheck import Options, check_links
from casebook.problems import summary

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check_links.py", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this one)")
    parser.add_argument("--format", choices=("text", "github", "markdown"), default="text")
    parser.add_argument("--concurrency", type=int, default=Options.concurrency, help="requests at once")
    parser.add_argument("--retries", type=int, default=Options.retries, help="retries per link")
    parser.add_argument("--timeout", type=int, default=Options.timeout, help="seconds per request")
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=ROOT / ".cache" / "lychee",
        help="keeps results for a day between runs (default: .cache/lychee)",
    )
    parser.add_argument("--no-cache", action="store_true", help="check every link afresh")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    options = Options(
        concurrency=args.concurrency,
        retries=args.retries,
        timeout=args.timeout,
        cache_dir=None if args.no_cache else args.cache_dir,
    )
    try:
        links, problems = check_links(args.root.resolve(), options)
    except (FileNotFoundError, RuntimeError) as err:
        print(f"check_links.py: {err}", file=sys.stderr)
        return 2
    print(_render(problems, args.format, checked=len({link.url for link in links})))
    return 1 if problems else 0


def _render(problems, style: str, *, checked: int) -> str:
    if style == "markdown":
        if not problems:
            return f"All {checked} source links answered."
        rows = [f"- `{p.path}:{p.line}` `{p.field}`: {p.message} ({p.fix}) `[{p.rule}]`" for p in problems]
        return "\n".join([f"{len(problems)} of the source links need attention ({checked} checked):", "", *rows])
    lines = [p.text() for p in problems]
    if style == "github":
        lines += [p.github() for p in problems]
    return "\n".join([*lines, f"{summary(problems)} ({checked} links checked)"])


if __name__ == "__main__":
    sys.exit(main())
