"""Lighthouse scores of the built site: `python scripts/bench.py --lighthouse` (make bench only).

Builds the real site, serves it on 127.0.0.1 and runs the Lighthouse pinned in
scripts/lighthouse/package-lock.json (installed by `make lighthouse`, never by `make test`)
against Debian's Chromium: performance and accessibility, mobile, simulated throttling (the
defaults). Pages are picked from the built site's api/*.json exports, so new content changes
nothing here. Writes the table between the markers in docs/performance.md.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from static_site import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "scripts" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"
FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])


def pages(site: Path) -> list[tuple[str, str]]:
    """(name, path) of each page measured, the ids read from the site's api/ exports."""
    api = site / "api"
    case = json.loads((api / "cases.json").read_text(encoding="utf-8"))[0]
    kit = json.loads((api / "kits.json").read_text(encoding="utf-8"))[0]
    return [("home", ""), (f"kit ({kit['id']})", f"kits/{kit['id']}/"),
            (f"case ({case['id']})", f"cases/{case['id']}/"),
            ("explorer", "cases/"), ("statements", "benefits/"),
            (f"briefing ({kit['id']})", f"kits/{kit['id']}/briefing/")]


def score(url: str, out: Path) -> dict:
    """One Lighthouse run of `url`: its category scores (0-100) or the error it reported."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run([str(CLI), url, "--only-categories=performance,accessibility", "--output=json",
                    f"--output-path={out}", "--quiet", f"--chrome-path={CHROMIUM}",
                    f"--chrome-flags={FLAGS}"], env=env, check=False, timeout=300)
    if not out.exists():
        return {"error": "Lighthouse wrote no report"}
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        return {"error": report["runtimeError"]["code"], "version": report["lighthouseVersion"]}
    cats = report["categories"]
    return {"performance": round(cats["performance"]["score"] * 100),
            "accessibility": round(cats["accessibility"]["score"] * 100),
            "version": report["lighthouseVersion"], "chrome": report["environment"]["hostUserAgent"]}


def measure(site: Path | None = None) -> list[dict]:
    """Build the site (unless given) and score each page once."""
    if not CLI.exists():
        sys.exit(f"{CLI} is missing: run `make lighthouse` (npm ci in scripts/lighthouse/)")
    with tempfile.TemporaryDirectory(prefix="casebook-lh-") as tmp:
        if site is None:
            site = Path(tmp) / "site"
            subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"), "--quiet",
                            "--site-dir", str(site)], check=True, cwd=ROOT)
        rows = []
        with serve(site) as base:
            for i, (name, path) in enumerate(pages(site)):
                rows.append({"page": name, "path": "/" + path, **score(base + path, Path(tmp) / f"{i}.json")})
        return rows


def report(rows: list[dict]) -> str:
    """The Markdown table, headed by machine, date and versions."""
    version = next((r["version"] for r in rows if "version" in r), "?")
    chrome = next((r["chrome"].split("HeadlessChrome/")[-1].split(" ")[0] for r in rows if "chrome" in r), "?")
    lines = [f"Lighthouse {version}, {date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} cores, "
             f"Debian's Chromium {chrome}; mobile, simulated throttling, one run per page.", "",
             "| page | path | performance | accessibility |", "|---|---|---:|---:|"]
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['page']} | `{r['path']}` | not measured: {r['error']} | |")
        else:
            lines.append(f"| {r['page']} | `{r['path']}` | {r['performance']} | {r['accessibility']} |")
    return "\n".join(lines)


def write(table: str, doc: Path = DOC) -> None:
    """Replace the text between the Lighthouse markers of docs/performance.md."""
    text = doc.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    doc.write_text(f"{head}{START}\n{table}\n{END}{rest.split(END, 1)[1]}", encoding="utf-8")


if __name__ == "__main__":
    site_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    print(report(measure(site_dir)))
