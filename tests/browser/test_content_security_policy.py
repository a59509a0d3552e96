"""The Content-Security-Policy in a real browser (issue #14): one page of every kind, found from the
built files rather than listed, loads and is used with no policy violation; an inline script or
handler injected into a built page does not run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from static_site import serve

pytestmark = pytest.mark.browser
DOCS = Path(__file__).resolve().parents[2] / "docs"

# Collects every violation from the first moment of the page, before any of its own scripts run.
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""
INJECTED = (
    '<script>window.__injected = "inline ran";</script>'
    '<img src="data:," onerror="window.__handler = \'handler ran\'">'
    '<a id="cb-js-link" href="javascript:window.__link=\'link ran\'">x</a>'
)


def page_kinds(site: Path) -> dict[str, str]:
    """Every hand-written page (each may load its own script), and one generated page per kind:
    grouped by first folder and depth (cases/x/, kits/x/briefing/ ...), so a new page or a new
    kind of page is visited without a change here."""
    hand_written = {_address(path.relative_to(DOCS)) for path in DOCS.rglob("*.md")}
    kinds: dict[str, str] = {}
    for path in sorted(site.rglob("index.html")):
        parts = path.relative_to(site).parts[:-1]
        address = "/".join(parts) + "/" if parts else ""
        kind = address if address in hand_written else f"{parts[0] if parts else 'home'}:{len(parts)}"
        kinds.setdefault(kind, address)
    kinds["not-found"] = "404.html"
    return kinds


def _address(page: Path) -> str:
    """docs/guides/index.md -> guides/; docs/tools/readiness.md -> tools/readiness/."""
    parts = page.with_suffix("").parts
    parts = parts[:-1] if parts[-1] == "index" else parts
    return "/".join(parts) + "/" if parts else ""


def test_pages_carry_the_policy_before_any_script(site_dir):
    for address in page_kinds(site_dir).values():
        html = (site_dir / (address + "index.html" if not address.endswith(".html") else address)).read_text()
        meta = html.find('http-equiv="Content-Security-Policy"')
        assert 0 < meta < html.find("<script"), address
        assert "'unsafe-inline'" not in html[meta : html.find(">", meta)], address
    assert "Content-Security-Policy: default-src 'none'" in (site_dir / "_headers").read_text()


def _violations(page) -> list[str]:
    return page.evaluate("window.__csp")


def _use(page) -> None:
    """Do what a reader does on the page, so scripts that run on demand are checked too."""
    for selector in ("[data-md-toggle=search]", "input[type=checkbox]", "select", "button"):
        target = page.locator(selector).first
        if target.count() and target.is_visible():
            try:
                target.click(timeout=1500) if selector != "select" else None
            except Exception:  # an element covered by another is not this test's concern
                pass
    search = page.locator("input[type=search], .md-search__input").first
    if search.count() and search.is_visible():
        search.fill("council")
        page.wait_for_timeout(400)


def test_every_kind_of_page_runs_with_no_violation(browser, base_url, site_dir):
    kinds = page_kinds(site_dir)
    assert len(kinds) >= 8, kinds  # home, cases, kits, briefings, statements, guides, tools, 404...
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    found = {}
    for kind, address in kinds.items():
        page.goto(address)
        page.wait_for_load_state("networkidle")
        _use(page)
        found[kind] = _violations(page)
    context.close()
    assert {kind: v for kind, v in found.items() if v} == {}
    assert [e for e in errors if "Content Security Policy" in e] == []


def test_an_injected_inline_script_is_blocked(browser, site_dir, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)  # a copy: the run's shared site is never written to
    case = next(p for p in sorted((site / "cases").glob("*/index.html")))
    html = case.read_text(encoding="utf-8")
    hostile = case.parent.parent / "injected-test" / "index.html"
    hostile.parent.mkdir()
    hostile.write_text(re.sub("</body>", INJECTED + "</body>", html, count=1), encoding="utf-8")
    with serve(site) as base_url:
        context = browser.new_context(base_url=base_url)
        context.add_init_script(WATCH)
        page = context.new_page()
        page.goto("cases/injected-test/")
        page.wait_for_load_state("networkidle")
        page.click("#cb-js-link")
        page.wait_for_timeout(200)
        ran = page.evaluate("[window.__injected, window.__handler, window.__link]")
        violations = _violations(page)
        theme_ran = page.evaluate("typeof window.__md_get")  # the theme's hashed inline script did run
        context.close()
    assert ran == [None, None, None]
    assert theme_ran == "function"
    assert any(v.startswith("script-src-elem") for v in violations), violations
    assert any(v.startswith("script-src-attr") for v in violations), violations
