"""`mkdocs serve` rebuilds when a content YAML file changes (the README's `make serve`)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from test_build import copy_repo

CASE = "case_studies/greater-manchester-police-24-hour-tweets.yml"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float) -> bool:
    return wait_until(lambda: text in (fetch(url) or ""), seconds)


def test_serve_rebuilds_when_a_case_file_changes(tmp_path):
    root = copy_repo(tmp_path / "repo")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root, stdout=log, stderr=subprocess.STDOUT, text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "CASEBOOK_SITE_URL": f"http://127.0.0.1:{port}/"})
    try:
        url = f"http://127.0.0.1:{port}/cases/greater-manchester-police-24-hour-tweets/"
        assert wait_for(url, "Greater Manchester Police tweets every incident", 90), "serve never came up"
        case = root / CASE
        case.write_text(case.read_text().replace(
            "title: Greater Manchester Police tweets every incident for 24 hours",
            "title: Greater Manchester Police tweets a whole day of calls"), encoding="utf-8")
        assert wait_for(url, "Greater Manchester Police tweets a whole day of calls", 90), "no rebuild after the edit"

        # A broken edit prints the validator's message; fixing it brings the site back.
        case.write_text(case.read_text().replace("country: GB", "country: UK"), encoding="utf-8")
        assert wait_until(lambda: "country: 'UK' is not one of" in (tmp_path / "serve.log").read_text(), 90)
        case.write_text(case.read_text().replace("country: UK", "country: GB").replace(
            "tweets a whole day of calls", "tweets every call for a day"), encoding="utf-8")
        assert wait_for(url, "Greater Manchester Police tweets every call for a day", 90), "no recovery after the fix"
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
