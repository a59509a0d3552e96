"""Benchmark section: `make serve` reload after editing one case (issue #13).

`python scripts/bench.py --serve-reload N [--sizes 1000]`. In a temporary copy of the repository
with the synthetic cases added (bench.make_project), it starts `mkdocs serve` as `make serve` does,
on a free port of 127.0.0.1, waits for the first build, then N times rewrites one case's summary
and times from the file write to the case page being served with the new text (polled over HTTP
every 20 ms), each time followed by a full `mkdocs build` of the same project, the baseline of the
ratio. It does this without serve's page cache (CASEBOOK_SERVE_CACHE=off), then with it. Nothing
is asserted about time: this reports.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

POLL_S = 0.02
CACHE_SWITCH = "CASEBOOK_SERVE_CACHE"  # "off" makes every rebuild in full (hooks/casebook_cache.py)
SUMMARY = "  A synthetic case for the benchmark:"  # the first line of a synthetic case's summary


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(url: str, text: str, seconds: float) -> float | None:
    """Poll `url` until it shows `text`; the monotonic time it did, or None."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return time.monotonic()
        time.sleep(POLL_S)
    return None


def start_serve(project: Path, port: int, env: dict, log) -> subprocess.Popen:
    """`mkdocs serve` the way `make serve` runs it (the site's address from CASEBOOK_SITE_URL)."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        env={**env, "CASEBOOK_SITE_URL": f"http://127.0.0.1:{port}/"},
    )


def cpu_seconds(pid: int) -> float:
    """CPU time of process `pid` and its finished children (Pagefind), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def reload_times(project: Path, case_id: str, edits: int, env: dict, build) -> tuple[list, list, list]:
    """Seconds from each edit of `case_id`'s summary to its page showing the new summary, each
    followed by a full `build(project)` of the same files (interleaved, so drift on the machine
    hits both alike), and the CPU seconds the serving process spent from the edit to the page."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/cases/{case_id}/"
    path = project / "case_studies" / f"{case_id}.yml"
    original = path.read_text(encoding="utf-8")
    if SUMMARY not in original:
        raise SystemExit(f"{path.name} has no synthetic summary to edit")
    log_path = project / "serve-bench.log"
    reloads, builds, cpu = [], [], []
    with log_path.open("w") as log:
        server = start_serve(project, port, env, log)
        try:
            if wait_for(url, "synthetic case for the benchmark", 900) is None:
                raise SystemExit("mkdocs serve never served the case page:\n" + log_path.read_text()[-3000:])
            for edit in range(edits):
                marker = f"Edited for reload {edit} {env.get(CACHE_SWITCH, 'on')}"
                text = original.replace(SUMMARY, f"  {marker}: a synthetic case for the benchmark:", 1)
                time.sleep(1.0)  # let the server settle after the last rebuild
                started, spent = time.monotonic(), cpu_seconds(server.pid)
                path.write_text(text, encoding="utf-8")
                shown = wait_for(url, marker, 900)
                if shown is None:
                    raise SystemExit("the edit never reached the page:\n" + log_path.read_text()[-3000:])
                reloads.append(shown - started)
                cpu.append(cpu_seconds(server.pid) - spent)
                builds.append(build(project))
        finally:
            server.terminate()
            server.wait(timeout=30)
            path.write_text(original, encoding="utf-8")
    return reloads, builds, cpu


def measure(project: Path, count: int, edits: int, build) -> list[dict]:
    """Reload after one edit with serve's page cache and without it (CASEBOOK_SERVE_CACHE=off),
    each against full builds of the same project in the same run. `build(directory)` is
    bench.build (wall seconds, peak memory, CPU seconds) of one `mkdocs build`."""
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONDONTWRITEBYTECODE": "1"}
    case_id = f"synthetic-{count // 2:05d}"
    rows = []
    for mode in ("off", "on"):
        reloads, builds, cpu = reload_times(project, case_id, edits, {**env, CACHE_SWITCH: mode}, build)
        walls, cpus = [b[0] for b in builds], [b[2] for b in builds]
        rows.append(
            {
                "n": count,
                "cache": mode,
                "reloads": reloads,
                "reload": statistics.median(reloads),
                "build": statistics.median(walls),
                "cpu": statistics.median(cpu),
                "build_cpu": statistics.median(cpus),
                "ratio": statistics.median(r / b for r, b in zip(reloads, walls, strict=True)),
                "cpu_ratio": statistics.median(r / b for r, b in zip(cpu, cpus, strict=True)),
                "load": _load(),
            }
        )
    return rows


def _load() -> str:
    try:
        return "/".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def report(rows: list[dict]) -> str:
    lines = [
        "| cases | serve's page cache | reload after editing one case, median (s) | each reload (s) | full build, median (s) | reload / build, wall (median of pairs) | reload CPU / build CPU (s) | CPU ratio | load average after (1/5/15 min) |",
        "|---:|---|---:|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        each = ", ".join(f"{t:.2f}" for t in r["reloads"])
        lines.append(
            f"| {r['n']:,} | {r['cache']} | {r['reload']:.2f} | {each} | {r['build']:.2f} | "
            f"{r['ratio']:.2f} | {r['cpu']:.2f} / {r['build_cpu']:.2f} | {r['cpu_ratio']:.2f} | {r['load']} |"
        )
    return "\n".join(lines)
