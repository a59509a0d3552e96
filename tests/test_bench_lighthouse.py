"""scripts/bench_lighthouse.py without Lighthouse: the server it scores pages on compresses like
the published site, a page's runs reduce to their median, and the table lands between its
markers in docs/performance.md. (Lighthouse itself runs only in `make bench`.)"""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

from test_scripts import load_script

bench_lighthouse = load_script("bench_lighthouse")


def _get(url: str, encoding: str | None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request) as response:
        return response.status, dict(response.headers), response.read()


def _site(tmp_path: Path) -> Path:
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>" + "statement " * 500 + "</p>", encoding="utf-8")
    (tmp_path / "a.png").write_bytes(b"\x89PNG" + bytes(200))
    return tmp_path


def test_text_is_sent_gzipped_when_the_browser_accepts_it(tmp_path):
    site = _site(tmp_path)
    with bench_lighthouse.serve(site) as base:
        status, headers, body = _get(base + "page/", "gzip, deflate, br")
        plain = _get(base + "page/", None)
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (site / "page" / "index.html").read_bytes()
    assert int(headers["Content-Length"]) == len(body) < len(plain[2]) / 10
    assert "Content-Encoding" not in plain[1] and plain[2] == (site / "page" / "index.html").read_bytes()


def test_images_missing_files_and_folder_redirects_behave_as_before(tmp_path):
    site = _site(tmp_path)
    with bench_lighthouse.serve(site) as base:
        status, headers, body = _get(base + "a.png", "gzip")
        redirected = urllib.request.urlopen(urllib.request.Request(base + "page", headers={"Accept-Encoding": "gzip"}))
        try:
            _get(base + "missing/", "gzip")
            missing = 200
        except urllib.error.HTTPError as error:
            missing = error.code
    assert status == 200 and "Content-Encoding" not in headers and body == (site / "a.png").read_bytes()
    assert redirected.url.endswith("/page/") and redirected.headers["Content-Encoding"] == "gzip"
    assert missing == 404


def test_a_page_keeps_the_median_of_its_runs_and_every_score():
    runs = [
        {"performance": p, "accessibility": 97, "version": "13.5.0", "chrome": "x", "benchmark": b}
        for p, b in ((81, 900), (96, 1800), (94, 1500))
    ]
    row = bench_lighthouse.median_row("statements", "benefits/", [*runs, {"error": "NO_FCP"}])
    assert row["performance"] == 94 and row["runs"] == [81, 96, 94] and row["path"] == "/benefits/"
    assert row["benchmarks"] == [900, 1800, 1500]
    assert "benchmarkIndex 900 to 1800" in bench_lighthouse.report([row], "1.0, 1.0, 1.0")
    failed = bench_lighthouse.median_row("home", "", [{"error": "NO_FCP"}])
    assert failed["error"] == "NO_FCP" and "performance" not in failed


def test_the_table_names_load_and_runs_and_replaces_only_its_section(tmp_path):
    rows = [
        bench_lighthouse.median_row(
            "home",
            "",
            [{"performance": 97, "accessibility": 100, "version": "13.5.0", "chrome": "HeadlessChrome/156.0 x"}] * 3,
        ),
        bench_lighthouse.median_row("kit (executives)", "kits/executives/", [{"error": "NO_FCP"}]),
    ]
    table = bench_lighthouse.report(rows, "1.0, 2.0, 3.0")
    assert "load average 1.0, 2.0, 3.0 before" in table and "median of 3 run(s)" in table
    assert "| home | `/` | 97 | 97, 97, 97 | 100 |" in table
    assert "| kit (executives) | `/kits/executives/` | not measured: NO_FCP |" in table
    doc = tmp_path / "performance.md"
    doc.write_text(f"before\n{bench_lighthouse.START}\nold\n{bench_lighthouse.END}\nafter\n", encoding="utf-8")
    bench_lighthouse.write(table, doc)
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("before\n") and text.endswith("\nafter\n") and "old" not in text and table in text
