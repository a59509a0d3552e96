"""`mkdocs serve` rebuilds when a content YAML file changes (the README's `make serve`), and while
content has errors shows every problem in the browser, at every address, until they are fixed."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from test_build import EXTRA_CASE, copy_repo

# The test's own case (tests/test_build.py), written into the copy, so editing real content never
# breaks these tests.
CASE = "case_studies/test-council-gritting.yml"
URL = "cases/test-council-gritting/"
TITLE = "Test council answers gritting questions on Twitter"


def copy_with_case(target):
    root = copy_repo(target)
    (root / CASE).write_text(EXTRA_CASE, encoding="utf-8")
    return root


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:  # the problem page answers unknown addresses with 404
        return error.read().decode("utf-8", "replace")
    except OSError:
        return None


def start_serve(root, port, log):
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "CASEBOOK_SITE_URL": f"http://127.0.0.1:{port}/"},
    )


def wait_for(url: str, text: str, seconds: float) -> bool:
    return wait_until(lambda: text in (fetch(url) or ""), seconds)


def test_serve_rebuilds_when_a_case_file_changes(tmp_path):
    root = copy_with_case(tmp_path / "repo")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "CASEBOOK_SITE_URL": f"http://127.0.0.1:{port}/"},
    )
    try:
        url = f"http://127.0.0.1:{port}/{URL}"
        assert wait_for(url, TITLE, 90), "serve never came up"
        # site_url is this computer, so the briefing prints the public address (extra.public_url).
        public = re.search(
            r'public_url: !ENV \[CASEBOOK_PUBLIC_URL, "([^"]+)"\]', (root / "mkdocs.yml").read_text(encoding="utf-8")
        ).group(1)
        briefing = fetch(f"http://127.0.0.1:{port}/kits/executives/briefing/") or ""
        printed = re.search(r'<a class="cb-site-address" href="([^"]+)">([^<]+)</a>', briefing)
        assert printed and printed.group(1) == f"{public}kits/executives/", briefing[-3000:]
        assert printed.group(2) == public.split("://")[1] + "kits/executives"
        case = root / CASE
        case.write_text(
            case.read_text().replace(f"title: {TITLE}", "title: Test council answers a whole day of calls"),
            encoding="utf-8",
        )
        assert wait_for(url, "Test council answers a whole day of calls", 90), "no rebuild after the edit"

        # A broken edit prints the validator's message; fixing it brings the site back.
        case.write_text(case.read_text().replace("country: GB", "country: UK"), encoding="utf-8")
        assert wait_until(lambda: "country: 'UK' is not one of" in (tmp_path / "serve.log").read_text(), 90)
        case.write_text(
            case.read_text()
            .replace("country: UK", "country: GB")
            .replace("answers a whole day of calls", "answers every call for a day"),
            encoding="utf-8",
        )
        assert wait_for(url, "Test council answers every call for a day", 90), "no recovery after the fix"
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_serve_shows_problems_from_start_up_in_the_browser_and_recovers(tmp_path):
    root = copy_with_case(tmp_path / "repo")
    case = root / CASE
    good = case.read_text(encoding="utf-8")
    case.write_text(good.replace("country: GB", "country: UK"), encoding="utf-8")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = start_serve(root, port, log)
    try:
        home = f"http://127.0.0.1:{port}/"
        page = f"{home}{URL}"
        assert wait_for(home, "content problem", 90), "no problem page: " + (tmp_path / "serve.log").read_text()[-2000:]
        shown = fetch(page)  # any address, not only the home page
        assert "data-casebook-problems" in shown and CASE in shown
        assert "&#39;UK&#39; is not one of the ISO 3166-1 alpha-2 codes" in shown
        assert "use GB for the United Kingdom" in shown and "unknown-country" in shown
        assert "assets/js/serve-problems.js" in shown
        assert fetch(f"{home}assets/js/serve-problems.js").startswith("/*")
        assert "country: 'UK' is not one of" in (tmp_path / "serve.log").read_text()
        case.write_text(good, encoding="utf-8")
        assert wait_for(page, TITLE, 90), "no recovery after the fix"
        assert "data-casebook-problems" not in fetch(home)
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
