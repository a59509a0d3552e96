"""On a 390 px phone no page scrolls sideways, and citation marks never break inside their brackets."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser


def page_types(site_dir) -> list[str]:
    """One page of every kind the site has, taken from the built exports (never hard-coded ids)."""
    def first(name):
        return json.loads((site_dir / "api" / f"{name}.json").read_text(encoding="utf-8"))[0]["id"]
    kit = first("kits")
    routes = sorted(p.parent.name for p in (site_dir / "training").glob("*/index.html"))
    return ["", "kits/", f"kits/{kit}/", f"kits/{kit}/briefing/", f"briefing/?audience={kit}", "cases/",
            f"cases/{first('cases')}/", "benefits/", f"benefits/{first('benefits')}/", "guides/",
            "guides/frame-it-as-a-pilot/", "tools/channel-shift/", "tools/readiness/?signs=silos",
            "data/", "how-we-grade-evidence/"] + [f"training/{r}/" for r in routes[:1]]


def test_no_page_scrolls_sideways_at_390_px(browser, base_url, site_dir):
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=base_url)
    page = context.new_page()
    wide = {}
    for path in page_types(site_dir):
        page.goto(path)
        page.wait_for_load_state("load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[path] = width
    context.close()
    assert wide == {}


def test_citation_marks_never_break_inside_their_brackets(browser, base_url, site_dir):
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=base_url)
    page = context.new_page()
    kit = json.loads((site_dir / "api" / "kits.json").read_text(encoding="utf-8"))[0]["id"]
    page.goto(f"kits/{kit}/briefing/")
    marks = page.locator("sup.cb-cite")
    assert marks.count() > 0
    for i in range(marks.count()):
        lines = marks.nth(i).evaluate("e => e.getClientRects().length")
        assert lines == 1, marks.nth(i).inner_text()
    context.close()
