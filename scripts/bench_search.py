"""Keystroke-to-results in Chromium at scale, for the site search and the explorer's free text:
`python scripts/bench_search.py --sizes 1000,5000 [--runs 5] [--site DIR]`.

A targeted part of `bench.py` (which also builds a baseline three times per size): for each size
it generates the synthetic cases as bench.py does, builds the project once, serves the site on
127.0.0.1 and drives Debian's Chromium. Two clocks, so each checks the other:
  - the page's own figure (`window.cbSearch.lastMs`, `window.cbExplorer.lastSearchMs`): from the
    input event's time stamp to the results written into the DOM;
  - the harness's: a script added before the page's own (it sees every event first) notes the time
    stamp of each input event and, through a MutationObserver, the last change to the results list
    after it; the figure is last change minus last keystroke, read once the page has settled.
Words are typed a key at a time with no pause (the worst case: every key starts a search), into
the header box of a case page and into the explorer's box. The first word is the cold search
(Pagefind's script, WebAssembly and manifest fetched when the box is focused, the word's chunks
on its keys; its kB count both); the rest are medians.
Nothing is asserted: this reports. `uptime` is printed so the load on the machine is on record.

`--relevance SITE` instead runs the relevance suite's queries (scripts/relevance.py) through the
header box of a built real site and reports, per query, the first result and whether a manager
would want it (relevance.REAL_FIRST), then the share of the judged queries whose first is right.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from static_site import CHROMIUM, CHROMIUM_ARGS, serve

WORDS = ["response", "winter", "police", "residents", "council", "contact centre", "ROI", "gritting"]
HEADER = "[data-cb-search-box] input.md-search__input"
# Runs before the page's scripts: the harness's own clock, independent of the page's figures.
PROBE = """
(() => {
  const probe = window.__probe = { key: null, changed: null };
  const LISTS = ".cb-search__results, .cb-explorer__list";
  document.addEventListener("input", (event) => { probe.key = event.timeStamp; probe.changed = null; }, true);
  new MutationObserver((records) => {
    const node = (n) => (n.nodeType === 1 ? n : n.parentElement);
    if (records.some((r) => node(r.target) && (node(r.target).matches(LISTS) || node(r.target).closest(LISTS)))) {
      probe.changed = performance.now();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();
"""


def build_site(count: int, workdir: Path) -> Path:
    """The synthetic project of bench.py, built once; returns its site directory."""
    import bench

    project = bench.make_project(workdir, count)
    seconds = bench.build(project)[0]  # wall seconds; bench.build also gives peak memory and CPU
    print(f"built {count:,} cases in {seconds:.0f} s", file=sys.stderr, flush=True)
    return project / "site"


def settle(page, done: str, quiet_ms: int = 400, timeout_s: float = 60) -> None:
    """Wait until `done` holds and the results list has not changed for `quiet_ms`."""
    deadline = time.monotonic() + timeout_s
    while True:
        state = page.evaluate(
            f"[Boolean({done}), window.__probe.changed === null ? null : performance.now() - window.__probe.changed]"
        )
        if state[0] and state[1] is not None and state[1] >= quiet_ms:
            return
        if time.monotonic() > deadline:
            where = page.evaluate(
                "[window.cbExplorer && window.cbExplorer.searching, window.cbSearch && window.cbSearch.query, (document.getElementById('cb-q') || {}).value]"
            )
            raise SystemExit(
                f"page never settled: {done}; quiet for {state[1]} ms; explorer searching, last query, box: {where}"
            )
        page.wait_for_timeout(50)


def type_word(page, selector: str, word: str, done: str, figure: str) -> dict:
    """Clear the box, type `word`, wait for its results; the page's and the harness's times."""
    box = page.locator(selector)
    box.fill("")
    settle_empty(page)
    box.focus()
    page.keyboard.type(word)
    settle(page, done)
    page_ms, probe = page.evaluate(f"[{figure}, window.__probe.changed - window.__probe.key]")
    timing = page.evaluate("window.cbSearch && window.cbSearch.timing ? window.cbSearch.timing : null")
    return {"word": word, "page_ms": page_ms, "probe_ms": probe, "timing": timing}


def settle_empty(page) -> None:
    page.wait_for_timeout(300)


def header_runs(page, base: str, case_url: str, words: list[str]) -> list[dict]:
    import bench

    seen = bench._recorder(page)  # gzip bytes of every response, as bench.py counts them
    page.goto(base + case_url)
    page.wait_for_load_state("networkidle")
    before = len(seen)  # the first word's bytes include what focusing the box loads
    page.locator(HEADER).click()
    runs = []
    for word in words:
        before = len(seen) if runs else before
        # The rendered query is the word typed, and it says how many match.
        done = (
            f"window.cbSearch.lastMs !== null && /match/.test(document.querySelector('.md-search .cb-search__status').textContent)"
            f" && (window.cbSearch.query === undefined || window.cbSearch.query === {word!r})"
        )
        runs.append(type_word(page, HEADER, word, done, "window.cbSearch.lastMs"))
        page.wait_for_load_state("networkidle")
        runs[-1]["kb"] = sum(size for _, size in seen[before:]) / 1000
    return runs


def explorer_runs(page, base: str, words: list[str]) -> list[dict]:
    page.goto(base + "cases/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    runs = []
    for word in words:
        done = f"window.cbExplorer.ready && !window.cbExplorer.searching && document.getElementById('cb-q').value === {word!r}"
        runs.append(
            type_word(
                page,
                "#cb-q",
                word,
                done,
                "window.cbExplorer.lastSearchMs === undefined ? null : window.cbExplorer.lastSearchMs",
            )
        )
    return runs


def measure(site: Path, case_url: str, words: list[str], runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    header, explorer = [], []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):  # a fresh context each run: the first word is a cold search
            for kind, out in (("header", header), ("explorer", explorer)):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.add_init_script(PROBE)
                page = context.new_page()
                page.on("pageerror", lambda error: print(f"page error: {error}", file=sys.stderr, flush=True))
                page.on(
                    "console",
                    lambda m: (
                        print(f"console {m.type}: {m.text}", file=sys.stderr, flush=True)
                        if m.type in ("error", "warning")
                        else None
                    ),
                )
                out.append(
                    header_runs(page, base, case_url, words) if kind == "header" else explorer_runs(page, base, words)
                )
                context.close()
        browser.close()
    return {"header": header, "explorer": explorer}


def summary(runs: list[list[dict]]) -> dict:
    """Median of the cold first word over runs, and median of every later word of every run."""
    pick = lambda rows, key: [r[key] for r in rows if r[key] is not None]  # noqa: E731
    cold = [run[0] for run in runs]
    warm = [row for run in runs for row in run[1:]]
    med = lambda xs: statistics.median(xs) if xs else None  # noqa: E731
    return {
        "cold_page": med(pick(cold, "page_ms")),
        "cold_probe": med(pick(cold, "probe_ms")),
        "cold_kb": med([r["kb"] for r in cold if "kb" in r]),
        "warm_page": med(pick(warm, "page_ms")),
        "warm_probe": med(pick(warm, "probe_ms")),
        "warm_max_probe": max(pick(warm, "probe_ms"), default=None),
    }


def first_results(site: Path, queries) -> dict[str, str | None]:
    """Each query typed into the header box of `site` -> the url of its first result (or None)."""
    import json
    from playwright.sync_api import sync_playwright

    found = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(PROBE)  # settle() reads its clock
        page = context.new_page()
        page.goto(base)
        for query in queries:
            page.evaluate("window.cbSearch.query = null")
            page.locator(HEADER).fill(query)
            settle(page, f"window.cbSearch.query === {json.dumps(query)} && window.cbSearch.results !== null")
            first = page.locator(".md-search .cb-hit a").first
            found[query] = (
                page.evaluate("a => new URL(a.href).pathname", first.element_handle()) if first.count() else None
            )
        browser.close()
    return found


def report_relevance(site: Path) -> int:
    from relevance import QUERIES, REAL_FIRST

    found = first_results(site, QUERIES)
    print("| query | first result | right? |\n|---|---|---|")
    judged = [q for q in QUERIES if q in REAL_FIRST]
    for query in QUERIES:
        verdict = ("yes" if found[query] in REAL_FIRST[query] else "no") if query in REAL_FIRST else "not judged"
        print(f"| {query} | {found[query] or '(none)'} | {verdict} |")
    right = sum(found[q] in REAL_FIRST[q] for q in judged)
    print(f"\nfirst result right for {right} of {len(judged)} judged queries ({right / len(judged):.0%})")
    return 0


def fmt(value) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_search.py", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3, help="fresh browser contexts per size (default 3)")
    parser.add_argument("--site", type=Path, help="measure this built synthetic site instead of building")
    parser.add_argument("--verbose", action="store_true", help="print every word's figures")
    parser.add_argument(
        "--relevance", type=Path, metavar="SITE", help="run the relevance queries over this built real site"
    )
    args = parser.parse_args(argv)
    if args.relevance:
        return report_relevance(args.relevance)
    print(f"# uptime: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}", flush=True)
    print(
        "| cases | box | cold first word, page / harness (ms) | later words, median page / harness (ms) | later words, worst (harness, ms) | first search, gzip (kB) |"
    )
    print("|---:|---|---:|---:|---:|---:|")
    for count in [None] if args.site else args.sizes:
        with tempfile.TemporaryDirectory(prefix="casebook-bench-search-") as tmp:
            site = args.site or build_site(count, Path(tmp))
            cases = sorted(p.name for p in (site / "cases").iterdir() if p.name.startswith("synthetic-"))
            figures = measure(site, f"cases/{cases[len(cases) // 2]}/", WORDS, args.runs)
            for box in ("header", "explorer"):
                s = summary(figures[box])
                print(
                    f"| {len(cases):,} | {box} | {fmt(s['cold_page'])} / {fmt(s['cold_probe'])} | "
                    f"{fmt(s['warm_page'])} / {fmt(s['warm_probe'])} | {fmt(s['warm_max_probe'])} | {fmt(s['cold_kb'])} |",
                    flush=True,
                )
                if args.verbose:
                    for run in figures[box]:
                        print(
                            "    "
                            + "; ".join(
                                f"{r['word']}: {fmt(r['page_ms'])}/{fmt(r['probe_ms'])}"
                                + (f" {r['timing']}" if r["timing"] else "")
                                for r in run
                            ),
                            flush=True,
                        )
    print(f"# uptime: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.exit(main())
