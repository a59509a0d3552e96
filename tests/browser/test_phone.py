"""On a 390 px phone no page scrolls sideways, and citation marks never break inside their brackets."""

from __future__ import annotations

import json

import pytest
from browser_support import open_page, wait_until

pytestmark = pytest.mark.browser


def page_types(site_dir) -> list[str]:
    """One page of every kind the site has, taken from the built exports (never hard-coded ids)."""

    def first(name):
        return json.loads((site_dir / "api" / f"{name}.json").read_text(encoding="utf-8"))[0]["id"]

    kit = first("kits")
    routes = sorted(p.parent.name for p in (site_dir / "training").glob("*/index.html"))
    return [
        "",
        "kits/",
        f"kits/{kit}/",
        f"kits/{kit}/briefing/",
        f"briefing/?audience={kit}",
        "cases/",
        f"cases/{first('cases')}/",
        "benefits/",
        f"benefits/{first('benefits')}/",
        "guides/",
        "guides/frame-it-as-a-pilot/",
        "tools/channel-shift/",
        "tools/readiness/?signs=silos",
        "data/",
        "how-we-grade-evidence/",
    ] + [f"training/{r}/" for r in routes[:1]]


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


def test_a_kit_on_a_phone_is_a_short_overview_with_sections_one_tap_away(browser, base_url):
    context, page, errors = open_page(browser, base_url, {"width": 390, "height": 844})
    page.goto("kits/executives/")
    page.wait_for_load_state("networkidle")
    # First screen: who they are, the way to the briefing and what they care about.
    assert page.get_by_role("link", name="One-page briefing").bounding_box()["y"] < 844
    cares = page.get_by_role("heading", name="What they care about")
    assert cares.is_visible() and cares.bounding_box()["y"] < 844
    screens = page.evaluate("document.documentElement.scrollHeight") / 844
    toggles = page.locator(".cb-fold__toggle")
    assert toggles.count() >= 5 and screens < 4, screens
    assert all(box["height"] >= 44 for box in toggles.evaluate_all("els => els.map(e => e.getBoundingClientRect())"))
    objections = page.locator(".cb-fold__toggle", has_text="Objections and answers")
    assert objections.get_attribute("aria-expanded") == "false" and not page.locator(".cb-objection").first.is_visible()
    objections.click()
    assert objections.get_attribute("aria-expanded") == "true" and page.locator(".cb-objection").first.is_visible()
    # A link into a folded section opens it; print shows every section.
    page.goto("kits/executives/#kit-benefits")
    assert page.locator("#kit-benefits").is_visible()
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator(".cb-fold[hidden]").count() == 0
    context.close()
    assert errors == [], errors


def test_a_kit_on_a_desktop_is_not_folded(page):
    page.goto("kits/executives/")
    assert page.locator(".cb-fold__toggle").count() == 0
    assert page.locator("#kit-benefits").is_visible()


# Each note mark whose first line box is not on the line of the character just before it.
MARKS_ALONE = """() => [...document.querySelectorAll('article sup.cb-cite')].filter(s => s.offsetParent).map(s => {
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  let before = null, node;
  while ((node = walker.nextNode()) && !s.contains(node)) if (node.textContent.trim()) before = node;
  const text = before.textContent, range = document.createRange();
  let i = text.length - 1;
  while (i > 0 && /\\s|\\u2060/.test(text[i])) i--;
  range.setStart(before, i); range.setEnd(before, i + 1);
  const word = range.getBoundingClientRect(), mark = s.getClientRects()[0];
  return mark.top < word.bottom && mark.bottom > word.top ? null : text.slice(Math.max(0, i - 20), i + 1) + s.textContent;
}).filter(Boolean)"""


def test_note_marks_on_a_briefing_never_start_a_line(browser, base_url, site_dir):
    """After a full stop or a closing quote a browser may break before "[": the standard briefings'
    and the builder's marks are joined to the word before them, on phones of several widths, a
    desktop and in print."""
    kits = [k["id"] for k in json.loads((site_dir / "api" / "kits.json").read_text(encoding="utf-8"))]
    context, page, errors = open_page(browser, base_url, {"width": 320, "height": 844})
    alone = {}
    for kit in kits:
        page.goto(f"kits/{kit}/briefing/")
        assert page.locator("article sup.cb-cite").count() > 0
        check_marks(page, kit, alone)
        page.set_viewport_size({"width": 320, "height": 844})
        page.goto(f"briefing/?audience={kit}")  # the builder's preview of the same briefing
        wait_until(page, "window.cbBuilder && window.cbBuilder.ready")
        check_marks(page, f"builder {kit}", alone)
    context.close()
    assert {key: marks for key, marks in alone.items() if marks} == {}
    assert errors == [], errors


def check_marks(page, name, alone) -> None:
    """Note marks left alone on a line at phone widths, a desktop and A4 print, under (name, width)."""
    for width in (320, 360, 390, 414, 1280):
        page.set_viewport_size({"width": width, "height": 844})
        alone[(name, width)] = page.evaluate(MARKS_ALONE)
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 px to the inch
    page.emulate_media(media="print")
    alone[(name, "print")] = page.evaluate(MARKS_ALONE)
    page.emulate_media(media="screen")
