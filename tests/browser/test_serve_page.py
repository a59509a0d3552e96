"""`make serve` with a content error: the browser shows the problem page at the address it asked
for, and returns to the site by itself once the file is fixed (no manual reload)."""

from __future__ import annotations

import pytest

from test_serve import CASE, TITLE, URL, copy_with_case, free_port, start_serve, wait_for

pytestmark = pytest.mark.browser


def test_problem_page_returns_to_the_site_after_the_fix(browser, tmp_path):
    root = copy_with_case(tmp_path / "repo")
    case = root / CASE
    good = case.read_text(encoding="utf-8")
    case.write_text(good.replace("year: 2012", "year: !!int 2012"), encoding="utf-8")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = start_serve(root, port, log)
    try:
        home = f"http://127.0.0.1:{port}/"
        assert wait_for(home, "content problem", 90), "serve never showed the problem page"
        page = browser.new_page()
        page.goto(f"{home}{URL}")
        assert "1 content problem to fix" in page.inner_text("h1")
        assert "explicit tag '!!int' used" in page.inner_text("main")
        case.write_text(good, encoding="utf-8")
        page.wait_for_selector(f"text={TITLE}", timeout=90_000)
        assert page.url.endswith(f"/{URL}")
        page.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
