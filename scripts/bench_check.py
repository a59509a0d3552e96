"""Benchmark section: `make check` after a one-file content change, as a contributor runs it.

`python scripts/bench_check.py [RUNS]` (or `bench.py --check`). A copy of the repository (no .git,
site or .venv; the running interpreter stands in for .venv) gets one case file changed, then
`make check FILE=<that file>` runs in it, timed as a whole command with its CPU seconds. Reported,
not asserted: issue 25 wants it under 60 s on two cores.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "node_modules")


def _one_file_change(project: Path) -> str:
    case = sorted((project / "case_studies").glob("*.yml"))[0]
    text = case.read_text(encoding="utf-8")
    case.write_text(
        text.replace("summary: ", "summary: A changed summary. ", 1)
        if "summary: >" not in text
        else text.replace("summary: >-\n", "summary: >-\n  A changed summary.\n", 1),
        encoding="utf-8",
    )
    return case.relative_to(project).as_posix()


def measure(runs: int = 1) -> dict:
    seconds, cpu = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="casebook-check-") as tmp:
            project = Path(tmp) / "repo"
            shutil.copytree(ROOT, project, ignore=IGNORE)
            changed = _one_file_change(project)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(
                ["make", "-s", "check", f"FILE={changed}", f"PY={sys.executable}", "STAMP="],
                cwd=project,
                capture_output=True,
                text=True,
            )
            seconds.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            if done.returncode != 0:
                raise SystemExit(f"make check failed:\n{done.stderr[-3000:]}")
    return {
        "seconds": statistics.median(seconds),
        "cpu": statistics.median(cpu),
        "runs": runs,
        "load": os.getloadavg()[0],
    }


def report(row: dict) -> str:
    return (
        f"## make check after a one-file change\n\n{row['seconds']:.1f} s wall, {row['cpu']:.1f} s CPU "
        f"(median of {row['runs']}; load average {row['load']:.1f} at the end; target under 60 s)."
    )


def main(argv: list[str]) -> int:
    print(report(measure(int(argv[0]) if argv else 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
