"""Build the site atomically and reproducibly: `python scripts/build_site.py [--site-dir DIR]`.

`mkdocs build` empties its output folder first, so a build that fails half-way (bad content in a
pull request, a crash) used to leave an empty `site/`. This builds into a fresh folder beside the
target and swaps it in only when the build succeeded; on failure the old site is untouched.

It also sets SOURCE_DATE_EPOCH to the time of the last commit (unless already set, or the work
tree has uncommitted changes, which are not a commit), so the
sitemap, its gzip header and every date the casebook computes (`casebook.clock.today`) come from
the commit, not the day of the build: the same commit builds to the same bytes on any day.
Exit code: mkdocs' own (0 on success), or 2 on bad usage.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from casebook import clock

ROOT = Path(__file__).resolve().parent.parent


def commit_epoch(root: Path) -> str | None:
    """Unix time of the last commit, or None outside a git checkout."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    value = done.stdout.strip()
    return value if done.returncode == 0 and value.isdigit() else None


def has_uncommitted_changes(root: Path) -> bool:
    """True when the work tree differs from the last commit (or git cannot tell)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return True
    return done.returncode != 0 or bool(done.stdout.strip())


def build_environment(root: Path) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # Only a clean checkout is "a commit": a contributor's uncommitted case dated today must not be
    # judged against yesterday's commit date (it would be "in the future").
    if not env.get("SOURCE_DATE_EPOCH") and not has_uncommitted_changes(root):
        epoch = commit_epoch(root)
        if epoch:
            env["SOURCE_DATE_EPOCH"] = epoch
    return env


def swap_in(built: Path, site: Path) -> None:
    """Put `built` where `site` is. The old site is renamed aside first and removed last, so at
    every moment either the old or the new site is complete on disk."""
    old = None
    if site.exists() or site.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{site.name}-old-", dir=site.parent))
        os.rename(site, old / site.name)
    os.rename(built, site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build(root: Path, site: Path, extra: list[str], *, today: str = "") -> int:
    site = site if site.is_absolute() else root / site
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    os.chmod(staging, 0o755)  # mkdtemp's 0700 would hide the site from a web server
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(root / "mkdocs.yml"),
        "--site-dir",
        str(staging),
        *extra,
    ]
    env = build_environment(root)
    if today:  # the day the content is judged on, and the sitemap's date: reproducible on any day
        env["SOURCE_DATE_EPOCH"] = clock.epoch_of(clock.parse_day(today))
    code = subprocess.run(command, cwd=root, env=env).returncode
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build_site.py: the build failed; {site} is unchanged.", file=sys.stderr)
        return code
    swap_in(staging, site)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_site.py", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this one)")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="output folder (default: site)")
    parser.add_argument("--quiet", action="store_true", help="pass --quiet to mkdocs")
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        default="",
        help="build as on this day (sets SOURCE_DATE_EPOCH to its midnight, UTC)",
    )
    try:
        args = parser.parse_args(argv)
        if args.today:
            clock.parse_day(args.today)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    except ValueError as error:
        print(f"build_site.py: {error}", file=sys.stderr)
        return 2
    return build(args.root.resolve(), args.site_dir, ["--quiet"] if args.quiet else [], today=args.today)


if __name__ == "__main__":
    sys.exit(main())
