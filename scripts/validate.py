"""Validate the content: `python scripts/validate.py [--today YYYY-MM-DD] [PATH ...]`.

With no path, reports every problem in the repository; with paths, only those in the named files
or folders (the whole repository is still loaded, since references cross files), and duplicates
involving them. A file outside the content folders (a download, a draft) is checked as the kind
its schema line names (or `--kind`), as if it were added to the repository, and the output says
where to move it. One line per problem on stderr, sorted by file and line, then a count. Exit 0
when valid, 1 on any error (or any warning with --strict), 2 on bad usage or a path that cannot
be checked: a path is never skipped in silence.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from casebook import clock
from casebook.content.load import MAX_BYTES
from casebook.content.placement import kind_of, suggested_id
from casebook.content.refuse import NotRegular, read_regular
from casebook.problems import summary
from casebook.repository import FOLDERS, TAXONOMY, content_files, load_casebook

ENTRY_KINDS = tuple(FOLDERS)

ROOT = Path(__file__).resolve().parent.parent


class Unchecked(Exception):
    """A path validate.py cannot check: said as an error, never passed over."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="validate.py", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to report on")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this one)")
    parser.add_argument(
        "--kind",
        choices=ENTRY_KINDS,
        help="the kind of a file outside the content folders (default: read from its schema line)",
    )
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="judge dates as on this day (default: SOURCE_DATE_EPOCH's day, else the wall clock)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="github" if os.environ.get("GITHUB_ACTIONS") else "text",
        help="github adds annotations for pull requests",
    )
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
    missing = [str(p) for p in args.paths if not p.resolve().exists()]
    if missing:
        print(f"validate.py: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="casebook-validate-") as tmp:
        try:
            elsewhere = _stage_elsewhere(root, wanted, args.kind, Path(tmp))
        except Unchecked as unchecked:
            print(f"validate.py: {unchecked}", file=sys.stderr)
            return 2
        added = {kind: [staged for staged, (_, k, _) in elsewhere.items() if k == kind] for kind in ENTRY_KINDS}
        problems = _report(load_casebook(root, today=today, added=added).problems, root, wanted, elsewhere)
    return _print(problems, elsewhere, args)


def _in_content(root: Path, path: Path) -> bool:
    folders = [root / folder for folder in FOLDERS.values()]
    return path == root / TAXONOMY or path in folders or path.parent in folders or path == root


def _stage_elsewhere(root: Path, wanted: list[Path], kind: str | None, tmp: Path) -> dict[Path, tuple]:
    """Each wanted file outside the content folders, copied to `tmp` under a free id:
    staged path -> (path as given, kind, where it would go)."""
    taken = {k: frozenset(p.stem for p in files) for k, files in content_files(root).items()}
    staged: dict[Path, tuple] = {}
    for path in wanted:
        if _in_content(root, path):
            continue
        if path.is_dir():
            raise Unchecked(f"{path} is a folder outside the content folders; name its .yml files instead")
        try:
            raw = read_regular(path, MAX_BYTES)
        except NotRegular as refused:
            raise Unchecked(f"{path} is {refused.what}, not a file that can be checked") from None
        first = raw.split(b"\n", 1)[0].decode("utf-8", "replace")
        found = kind or kind_of(first)
        if found is None:
            raise Unchecked(
                f"cannot tell what kind of entry {path} is: its first line is not a schema "
                f"comment; add one, or give --kind {'|'.join(ENTRY_KINDS)}"
            )
        new_id = suggested_id(path.stem, taken[found] | {p.stem for p, v in staged.items() if v[1] == found})
        target = tmp / found / f"{new_id}.yml"
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(raw)
        staged[target] = (path, found, f"{FOLDERS[found]}/{new_id}.yml")
    return staged


def _report(problems: list, root: Path, wanted: list[Path], elsewhere: dict[Path, tuple]) -> list:
    """The problems in the wanted files (a staged copy shown under the name it was given), and
    any problem naming one of them (a duplicate is reported on the newer file)."""
    shown = {str(staged): str(given) for staged, (given, _, _) in elsewhere.items()}
    chosen = []
    for problem in problems:
        paths = [problem.path, *problem.also]
        if any(path in shown for path in paths):
            chosen.append(_renamed(problem, shown))
        elif _wanted([root / path for path in paths], [w for w in wanted if _in_content(root, w)], not elsewhere):
            chosen.append(problem)
    return chosen


def _renamed(problem, shown: dict[str, str]):
    message = problem.message
    for staged, given in shown.items():
        message = message.replace(staged, given)
    return replace(problem, path=shown.get(problem.path, problem.path), message=message)


def _wanted(paths: list[Path], wanted: list[Path], everything: bool) -> bool:
    if not wanted:
        return everything
    return any(path == w or w in path.parents for path in paths for w in wanted)


def _print(problems: list, elsewhere: dict[Path, tuple], args) -> int:
    for problem in problems:
        print(problem.text(), file=sys.stderr)
        if args.format == "github":
            print(problem.github(), file=sys.stderr)
    print(summary(problems), file=sys.stderr)
    for given, kind, target in elsewhere.values():
        state = "once the problems above are fixed, " if any(p.path == str(given) for p in problems) else ""
        print(f"{given} is checked as a {kind} added to the repository: {state}move it to {target}", file=sys.stderr)
    failed = any(p.is_error or args.strict for p in problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
