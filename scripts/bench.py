"""Benchmark the build at scale: `python scripts/bench.py [--quick | --big] [--runs N]`.

For N synthetic cases (100, 1,000 and 5,000; 10,000 with --big; 50 with --quick) in a temporary
copy of the repository, it builds the project and, as the baseline, a plain Material site holding
the same case pages as Markdown files out of the nav. Runs are interleaved and every figure is a
ratio or size measured in the same run:
  - build time against the baseline, and the growth exponent of build time from 1,000 to 5,000;
  - Pagefind fragment bytes per case, and whether a case is still found by its organisation,
    title words and outcome measure;
  - explorer index bytes per case; in Chromium, the bytes of a first view of a case page and of a
    first search, keystroke-to-results and explorer filter times (measured in the page);
  - peak memory (max RSS) of each build.
`--serve-reload N` measures only `make serve`'s reload after editing one case (bench_serve.py).
Nothing is asserted about time: this reports.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import bench_check
import bench_hostile
import bench_lighthouse
import bench_serve
from casebook.pages.render import case_page
from casebook.repository import current_vocabulary, load_casebook
from casebook.search.pagefind import bundle_dirs
from casebook.model.urls import is_audience_cases_url
from static_site import CHROMIUM, CHROMIUM_ARGS, serve
from synthetic import synthetic_case  # scripts/ is on the path when a script runs

ROOT = Path(__file__).resolve().parent.parent
COPY_IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "tests", "node_modules")
ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
BASELINE_CONFIG = """\
site_name: Baseline
theme:
  name: material
plugins:
  - search
nav:
  - Home: index.md
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
"""
# Run inside the child so the figures are that build's own peak memory and CPU seconds (its own
# and Pagefind's), not the benchmark's. CPU seconds barely move when other work shares the
# machine, where wall time can double: the growth exponent is given for both.
CHILD = (
    "import resource, sys; from mkdocs.__main__ import cli; "
    "sys.argv = ['mkdocs', 'build', '-q', '-d', sys.argv[1]]\n"
    "try:\n    cli()\nexcept SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
    "me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime  # Pagefind runs as a child\n"
    "print(me.ru_maxrss, cpu, file=sys.stderr); sys.exit(code)"
)


def make_project(workdir: Path, count: int) -> Path:
    project = workdir / "project"
    shutil.copytree(ROOT, project, ignore=COPY_IGNORE)
    vocab = current_vocabulary(project)
    for index in range(count):
        (project / "case_studies" / f"synthetic-{index:05d}.yml").write_text(
            synthetic_case(index, vocab), encoding="utf-8"
        )
    return project


def make_baseline(workdir: Path, project: Path) -> Path:
    """The same case pages, written by hand as it were: Markdown files, out of the nav."""
    baseline = workdir / "baseline"
    (baseline / "docs" / "cases").mkdir(parents=True)
    (baseline / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    (baseline / "docs" / "index.md").write_text("# Baseline\n", encoding="utf-8")
    book = load_casebook(project, today=date.today()).casebook
    for case_id in book.cases:
        page = case_page(book, case_id)
        (baseline / "docs" / page.src_uri).write_text(page.content, encoding="utf-8")
    return baseline


def build(directory: Path) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (kB) and CPU seconds of one `mkdocs build`."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(directory / "site")], cwd=directory, capture_output=True, text=True, env=ENV
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed in {directory}:\n{result.stderr[-3000:]}")
    rss, cpu = result.stderr.strip().splitlines()[-1].split()
    return elapsed, int(rss), float(cpu)


def pagefind_fragments(site: Path) -> dict[str, dict]:
    """Page url -> the fragment Pagefind stored for it (its text, title and filters)."""
    pages = {}
    for path in (p for bundle in bundle_dirs(site) for p in (bundle / "fragment").glob("*.pf_fragment")):
        fragment = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        pages[fragment["url"].strip("/") + "/"] = fragment
    return pages


def search_index_figures(site: Path, count: int) -> dict:
    """Bytes of the Pagefind fragment (what a result loads) per synthetic and per real case page;
    page url -> indexed text."""
    fragments = pagefind_fragments(site)
    synthetic = [url for url in fragments if url.startswith("cases/synthetic-")]
    real = [
        url
        for url in fragments
        if url.startswith("cases/") and url != "cases/" and "synthetic-" not in url and not is_audience_cases_url(url)
    ]  # cases/for/<audience>/ lists cases; it is none
    encoded = {url: json.dumps(fragment, ensure_ascii=False).encode("utf-8") for url, fragment in fragments.items()}
    raw = {url: len(data) for url, data in encoded.items()}
    zipped = {url: len(gzip.compress(data, 9)) for url, data in encoded.items()}
    per = lambda urls, table: sum(table[u] for u in urls) / max(len(urls), 1)  # noqa: E731
    return {
        "raw": per(synthetic, raw),
        "gzip": per(synthetic, zipped),
        "real_raw": per(real, raw),
        "real_gzip": per(real, zipped),
        "pages": {url: f["meta"].get("title", "") + " " + f["content"] for url, f in fragments.items()},
    }


def findable(project: Path, pages: dict[str, str], sample: int = 25) -> float:
    """Share of sampled cases whose organisation, a title word and the outcome measure are all
    in the index text of their own page."""
    found = 0
    names = sorted(p for p in (project / "case_studies").glob("synthetic-*.yml"))[:sample]
    book = load_casebook(project, today=date.today()).casebook
    for path in names:
        case = book.cases[path.stem]
        text = pages.get(f"cases/{case.id}/", "")
        word = case.title.split()[-2].strip("()")
        found += all(part in text for part in (case.organisation, word, case.outcomes[0].measure))
    return found / len(names)


def _wait(page, expression: str, timeout_s: float = 120) -> None:
    """Poll through the debugging protocol: the site's CSP forbids wait_for_function's eval()."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(f"Boolean({expression})"):
        if time.monotonic() > deadline:
            raise SystemExit(f"benchmark page never got to: {expression}")
        page.wait_for_timeout(50)


def _recorder(page) -> list:
    """Every response of the page as (url, gzip bytes): what a server with gzip would send
    (Pagefind's own files are compressed already; gzip adds a few bytes to them)."""
    seen: list = []

    def keep(response):
        try:
            seen.append((response.url, len(gzip.compress(response.body(), 6))))
        except Exception:  # redirects and aborted requests have no body
            pass

    page.on("response", keep)
    return seen


def reader_figures(site: Path, case_url: str, runs: int = 5) -> dict | None:
    """In Chromium: bytes of a first view of a case page and of a first search, median
    keystroke-to-results and explorer filter times (measured in the page)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        seen = _recorder(page)
        page.goto(base + case_url)
        page.wait_for_load_state("networkidle")
        first_view = sum(size for _, size in seen)
        before = len(seen)
        page.locator("[data-cb-search-box] input.md-search__input").click()
        page.keyboard.type("calls")
        _wait(page, "window.cbSearch.loaded")
        page.wait_for_load_state("networkidle")
        first_search = sum(size for _, size in seen[before:])
        keystrokes, texts = [], []
        words = ["response", "winter", "police", "residents", "council"][:runs]
        for word in words:  # typed a key at a time with no pause; the figure is the last key's
            page.locator("[data-cb-search-box] input.md-search__input").fill("")
            page.keyboard.type(word)
            _wait(page, f"window.cbSearch.query === {word!r}")  # that word's results, drawn
            keystrokes.append(page.evaluate("window.cbSearch.lastMs"))
        page.goto(f"{base}cases/")
        _wait(page, "window.cbExplorer && window.cbExplorer.ready")
        for word in words:  # the explorer's free text: key to the ranked, filtered list drawn
            page.locator("#cb-q").fill("")
            _wait(page, "!window.cbExplorer.searching")
            page.locator("#cb-q").focus()
            page.keyboard.type(word)
            _wait(page, f"!window.cbExplorer.searching && document.getElementById('cb-q').value === {word!r}")
            texts.append(page.evaluate("window.cbExplorer.lastSearchMs"))
        page.locator("#cb-q").fill("")
        _wait(page, "!window.cbExplorer.searching")
        filters = []
        for run in range(runs):
            value = ["executives", "customer-service", "elected-members"][run % 3]
            box = page.locator(f'[data-facet="audience"] input[data-value="{value}"]')
            box.set_checked(not box.is_checked())
            filters.append(page.evaluate("window.cbExplorer.lastApplyMs"))
        browser.close()
    return {
        "first_view_kb": first_view / 1000,
        "first_search_kb": first_search / 1000,
        "keystroke_ms": statistics.median(keystrokes),
        "explorer_text_ms": statistics.median(texts),
        "filter_ms": statistics.median(filters),
    }


def measure(count: int, runs: int, with_browser: bool) -> dict:
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as tmp:
        workdir = Path(tmp)
        project = make_project(workdir, count)
        baseline = make_baseline(workdir, project)
        ours, theirs, memory, cpu = [], [], [], {"ours": [], "baseline": []}
        for _ in range(runs):  # interleaved, so drift on the machine hits both alike
            seconds, rss, used = build(project)
            ours.append(seconds)
            memory.append(rss)
            cpu["ours"].append(used)
            seconds, _, used = build(baseline)
            theirs.append(seconds)
            cpu["baseline"].append(used)
        site = project / "site"
        index = search_index_figures(site, count)
        explorer = (site / "cases" / "explorer.json").read_bytes()
        cases = len(json.loads(explorer)["c"])  # synthetic and real, counted, so new content changes nothing
        return {
            "n": count,
            "ours": statistics.median(ours),
            "baseline": statistics.median(theirs),
            "ours_cpu": statistics.median(cpu["ours"]),
            "baseline_cpu": statistics.median(cpu["baseline"]),
            "ratio": statistics.median(o / t for o, t in zip(ours, theirs, strict=True)),
            "cpu_ratio": statistics.median(o / t for o, t in zip(cpu["ours"], cpu["baseline"], strict=True)),
            "peak_mb": max(memory) / 1024,
            "index_raw": index["raw"],
            "index_gzip": index["gzip"],
            "real_raw": index["real_raw"],
            "real_gzip": index["real_gzip"],
            "findable": findable(project, index["pages"]),
            "explorer_raw": len(explorer) / cases,
            "explorer_gzip": len(gzip.compress(explorer, 9)) / cases,
            "reader": reader_figures(site, f"cases/synthetic-{count // 2:05d}/") if with_browser else None,
        }


def report(rows: list[dict]) -> str:
    lines = [
        "| cases | project build (s) | baseline build (s) | ratio | peak memory (MB) | Pagefind fragment per synthetic case, raw / gzip (bytes) | per real case, raw / gzip | found by org, title, measure | explorer index per case, raw / gzip (bytes) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['ours']:.1f} | {r['baseline']:.1f} | {r['ratio']:.2f}× | {r['peak_mb']:.0f} | "
            f"{r['index_raw']:.0f} / {r['index_gzip']:.0f} | {r['real_raw']:.0f} / {r['real_gzip']:.0f} | {r['findable']:.0%} | "
            f"{r['explorer_raw']:.0f} / {r['explorer_gzip']:.0f} |"
        )
    readers = [r for r in rows if r["reader"]]
    if readers:
        lines += [
            "",
            "| cases | first view of a case page, gzip (kB) | first search, gzip (kB) | keystroke to results (ms) | explorer free text, keystroke to list (ms) | explorer filter change (ms) |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        for r in readers:
            f = r["reader"]
            lines.append(
                f"| {r['n']:,} | {f['first_view_kb']:.0f} | {f['first_search_kb']:.0f} | {f['keystroke_ms']:.0f} | "
                f"{f['explorer_text_ms']:.0f} | {f['filter_ms']:.1f} |"
            )
    lines.append(
        "\nCPU seconds against the baseline (median of per-run ratios): "
        + ", ".join(f"{r['cpu_ratio']:.2f}× at {r['n']:,} cases" for r in rows)
    )
    by_n = {r["n"]: r for r in rows}
    if 1000 in by_n and 5000 in by_n:
        for key, name in (("ours", "project"), ("baseline", "baseline")):
            small, big = by_n[1000], by_n[5000]
            lines.append(
                f"Growth exponent of {name} build time, 1,000 to 5,000 cases: "
                f"{growth(small[key], big[key]):.2f} wall clock, {growth(small[key + '_cpu'], big[key + '_cpu']):.2f} CPU "
                f"(median CPU seconds {small[key + '_cpu']:.1f} and {big[key + '_cpu']:.1f})"
            )
    return "\n".join(lines)


def growth(small: float, big: float, factor: float = 5) -> float:
    """The exponent k in time = c * cases**k, from two sizes `factor` apart."""
    return math.log(big / small) / math.log(factor)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.py", description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="one size, N=50, one run (used by make test)")
    size.add_argument("--big", action="store_true", help="add N=10,000")
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs per size (default 3)")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], help="e.g. 100,1000")
    parser.add_argument("--no-browser", action="store_true", help="skip the explorer timing")
    parser.add_argument("--hostile", action="store_true", help="only the hostile-inputs section (bench_hostile.py)")
    parser.add_argument(
        "--check", action="store_true", help="only `make check` after a one-file change (bench_check.py)"
    )
    parser.add_argument(
        "--serve-reload",
        type=int,
        metavar="N",
        help="only `mkdocs serve` reload after N edits of one case (bench_serve.py; default size 1,000)",
    )
    parser.add_argument(
        "--lighthouse",
        action="store_true",
        help="only the Lighthouse scores of the real site (bench_lighthouse.py), written to docs/performance.md",
    )
    args = parser.parse_args(argv)
    if args.hostile:
        print(bench_hostile.report(bench_hostile.measure(args.runs)))
        return 0
    if args.check:
        print(bench_check.report(bench_check.measure(args.runs)))
        return 0
    if args.lighthouse:
        return lighthouse()
    if args.serve_reload:
        return serve_reload(args.sizes or [1000], args.serve_reload)
    sizes = args.sizes or ([50] if args.quick else [100, 1000, 5000] + ([10000] if args.big else []))
    runs = 1 if args.quick else args.runs
    print(
        f"# Buy-in Casebook benchmark, {date.today().isoformat()}, {platform.machine()}, "
        f"Python {platform.python_version()}, {runs} interleaved run(s) per size, "
        f"load average {os.getloadavg()[0]:.1f} at the start",
        flush=True,
    )
    rows = []
    for count in sizes:
        rows.append(measure(count, runs, with_browser=not args.no_browser))
        print(f"measured {count:,} cases", file=sys.stderr, flush=True)
    print(report(rows))
    print(f"Load average at the end: {os.getloadavg()[0]:.1f} (1 minute), {os.getloadavg()[2]:.1f} (15 minutes)")
    if not args.quick:  # the worst single files found (issue #14), as ratios to an ordinary one
        print("\n" + bench_hostile.report(bench_hostile.measure(args.runs)))
        print("\n" + bench_check.report(bench_check.measure(1)))
        print()
        lighthouse()
    return 0


def serve_reload(sizes: list[int], edits: int) -> int:
    """Print the serve-reload table: median reload after one edit against a full build."""
    rows = []
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix="casebook-bench-") as tmp:
            rows += bench_serve.measure(make_project(Path(tmp), count), count, edits, build)
    print(
        f"# `mkdocs serve` reload, {date.today().isoformat()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, {edits} edits per size and mode, each followed by a full build"
    )
    print(bench_serve.report(rows))
    return 0


def lighthouse() -> int:
    """Print the Lighthouse table and write it into docs/performance.md."""
    before = bench_lighthouse.load()
    table = bench_lighthouse.report(bench_lighthouse.measure(runs=3), before)
    print(table)
    bench_lighthouse.write(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
