"""The site search (Pagefind) in Chromium, on the fixture site: what a manager types, what comes
back first, and that nothing is downloaded for search before the first keystroke."""

from __future__ import annotations

import pytest
from browser_support import wait_until

pytestmark = pytest.mark.browser


def header_search(page, words):
    page.goto("")
    page.locator("[data-cb-search-box] input.md-search__input").click()
    page.keyboard.type(words)
    return results(page, ".md-search")


def results(page, scope):
    wait_until(
        page,
        f"""(() => {{
        const status = document.querySelector('{scope} .cb-search__status');
        return status && /match/.test(status.textContent) && window.cbSearch.results !== null; }})()""",
    )
    return page.locator(f"{scope} .cb-hit a").evaluate_all("els => els.map(e => new URL(e.href).pathname)")


def test_gritting_finds_both_gritter_cases_by_stemming(fixture_page):
    # Neither case says "gritting": one has "Gritter Twitter", the other "gritter route".
    urls = header_search(fixture_page, "gritting")
    assert set(urls[:2]) == {"/cases/northshire-gritter-twitter/", "/cases/southvale-winter-roads-page/"}


def test_roi_finds_the_executives_return_objection(fixture_page):
    # The kit says "You can't prove a return on it."; the synonym list links ROI and return.
    urls = header_search(fixture_page, "ROI")
    assert "/kits/executives/" in urls[:3]


def test_manchester_lists_both_manchester_cases_first(fixture_page):
    # A statement names Manchester more often than either case; cases still rank first.
    urls = header_search(fixture_page, "Manchester")
    assert set(urls[:2]) == {"/cases/manchester-council-contacts/", "/cases/gmp-tweets/"}
    assert "/benefits/manchester-residents-turned-to-social/" in urls


def test_a_result_shows_the_headline_figure_and_audiences(fixture_page):
    header_search(fixture_page, "gritter twitter")
    hit = fixture_page.locator('.md-search .cb-hit a[href$="/cases/northshire-gritter-twitter/"]')
    assert hit.locator(".cb-hit__figure strong").inner_text() == "9,000 fewer calls"
    assert hit.locator(".cb-hit__chip").all_inner_texts() == ["Customer service"]
    assert hit.locator(".cb-hit__type").inner_text().lower() == "case study"


def test_an_audience_filter_narrows_the_results(fixture_page):
    everything = header_search(fixture_page, "winter")
    assert {"/cases/northshire-gritter-twitter/", "/cases/southvale-winter-roads-page/"} <= set(everything)
    fixture_page.locator('.md-search select[data-facet="audience"]').select_option("Executives")
    wait_until(fixture_page, f"window.cbSearch.results < {len(everything)}")
    narrowed = fixture_page.locator(".md-search .cb-hit a").evaluate_all(
        "els => els.map(e => new URL(e.href).pathname)"
    )
    assert "/cases/southvale-winter-roads-page/" in narrowed
    assert "/cases/northshire-gritter-twitter/" not in narrowed


def test_nothing_is_fetched_for_search_until_a_box_is_focused_then_the_engine_loads(fixture_page):
    requested: list[str] = []
    fixture_page.on("request", lambda request: requested.append(request.url))
    fixture_page.goto("")
    fixture_page.wait_for_load_state("networkidle")
    fixture_page.mouse.wheel(0, 400)  # reading the page fetches nothing of the search
    fixture_page.wait_for_timeout(300)
    assert not [url for url in requested if "pagefind" in url or "synonyms" in url or "search_index" in url]
    # Focusing the box (before any key) loads Pagefind's script, its worker's WebAssembly and the
    # index manifest (the worker's requests are not seen here: `ready` says they are in), and the
    # build's maps, so the first key waits only for the chunk holding its word.
    fixture_page.locator("[data-cb-search-box] input.md-search__input").click()
    wait_until(fixture_page, "window.cbSearch.ready")
    for wanted in ("/pagefind/pagefind.js", "/search/ranking.json", "/search/synonyms.json"):
        assert any(wanted in url for url in requested), wanted
    assert fixture_page.evaluate("window.cbSearch.query") is None  # no search has run
    fixture_page.keyboard.type("g")
    wait_until(fixture_page, "window.cbSearch.loaded")


def test_the_home_box_uses_the_same_engine(fixture_page):
    fixture_page.goto("")
    fixture_page.locator("#cb-home-q").fill("gritting")
    urls = results(fixture_page, ".cb-hero__search")
    assert set(urls[:2]) == {"/cases/northshire-gritter-twitter/", "/cases/southvale-winter-roads-page/"}


def test_facilitator_notes_stay_out_of_search(fixture_page, fixture_site_dir):
    # The page is built and holds the word, inside data-pagefind-ignore="all".
    assert "quokkafrost" in (fixture_site_dir / "notes-test" / "index.html").read_text(encoding="utf-8")
    fixture_page.goto("")
    fixture_page.locator("[data-cb-search-box] input.md-search__input").click()
    fixture_page.keyboard.type("quokkafrost")
    wait_until(
        fixture_page, "/Nothing matches/.test(document.querySelector('.md-search .cb-search__status').textContent)"
    )
    assert fixture_page.locator(".md-search .cb-hit").count() == 0


def hits(page, scope):
    return page.locator(f"{scope} .cb-hit a").evaluate_all("els => els.map(e => new URL(e.href).pathname)")


def redrawn(page, scope, action):
    """Run `action` (which starts a new search of the same words) and wait for its results."""
    page.evaluate("window.cbSearch.results = null")
    action()
    return results(page, scope)


def test_the_home_box_type_chip_narrows_to_case_studies_and_clears_with_the_keyboard(fixture_page, fixture_site_dir):
    from casebook.kinds import BY_NAME

    page = fixture_page
    page.goto("")
    chip = page.get_by_role("group", name="Search in").get_by_role("button", name="Case studies only")
    assert chip.is_visible() and chip.get_attribute("aria-pressed") == "false"  # off: everything, as the header
    assert chip.get_attribute("data-cb-scope") == BY_NAME["case"].search_type  # the type search indexes
    page.locator("#cb-home-q").fill("Manchester")
    everything = results(page, ".cb-hero__search")
    assert "/benefits/manchester-residents-turned-to-social/" in everything
    chip.focus()
    narrowed = redrawn(page, ".cb-hero__search", lambda: page.keyboard.press("Space"))
    assert chip.get_attribute("aria-pressed") == "true"
    assert set(narrowed) == {"/cases/manchester-council-contacts/", "/cases/gmp-tweets/"}
    types = page.locator(".cb-hero__search .cb-hit__type").all_inner_texts()
    assert types and {t.lower() for t in types} == {"case study"}
    assert page.locator('.cb-hero__search select[data-facet="type"]').input_value() == "Case study"
    cleared = redrawn(page, ".cb-hero__search", lambda: page.keyboard.press("Enter"))
    assert chip.get_attribute("aria-pressed") == "false" and cleared == everything
    assert page.locator('.cb-hero__search select[data-facet="type"]').input_value() == ""
    # Cleared, the home box answers exactly as the header box does.
    page.locator("[data-cb-search-box] input.md-search__input").fill("Manchester")
    assert results(page, ".md-search") == everything
    # The panel's "Page type" select is the same filter: choosing case studies there sets the chip.
    select = page.locator('.cb-hero__search select[data-facet="type"]')
    redrawn(page, ".cb-hero__search", lambda: select.select_option("Case study"))
    assert chip.get_attribute("aria-pressed") == "true"
