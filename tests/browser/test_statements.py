"""The statements page's filters in Chromium, on the fixture site: audience, topic and strength,
kept in the address."""

from __future__ import annotations

import pytest
from browser_support import wait_until

pytestmark = pytest.mark.browser


def visible_ids(page):
    return sorted(
        set(page.locator(".cb-benefit-item:visible").evaluate_all("els => els.map(e => e.dataset.benefitId)"))
    )


def test_topic_filter_narrows_and_lives_in_the_address(fixture_page):
    fixture_page.goto("benefits/")
    wait_until(fixture_page, "window.cbStatements && window.cbStatements.ready")
    assert visible_ids(fixture_page) == ["manchester-residents-turned-to-social", "tweeting-a-day-of-calls"]
    fixture_page.select_option('#cb-statement-filters select[name="topic"]', "emergencies")
    assert visible_ids(fixture_page) == ["manchester-residents-turned-to-social"]
    assert fixture_page.url.endswith("benefits/?topic=emergencies")
    assert fixture_page.locator(".cb-statement-filters__count").inner_text() == "1 statement"
    fixture_page.reload()
    wait_until(fixture_page, "window.cbStatements && window.cbStatements.ready")
    assert visible_ids(fixture_page) == ["manchester-residents-turned-to-social"]
    fixture_page.go_back()
    assert len(visible_ids(fixture_page)) == 2


def test_audience_and_strength_filters_read_their_values_from_the_page(fixture_page):
    fixture_page.goto("benefits/?audience=executives")
    wait_until(fixture_page, "window.cbStatements && window.cbStatements.ready")
    assert len(visible_ids(fixture_page)) == 2
    # Strength labels come from the data (casebook.model.strength), so the test reads them from the page.
    item = fixture_page.locator('.cb-benefit-item[data-benefit-id="tweeting-a-day-of-calls"]').first
    strength = item.get_attribute("data-strength")
    fixture_page.select_option('#cb-statement-filters select[name="strength"]', strength)
    shown = visible_ids(fixture_page)
    assert "tweeting-a-day-of-calls" in shown
    assert all(
        fixture_page.locator(f'.cb-benefit-item[data-benefit-id="{i}"]').first.get_attribute("data-strength")
        == strength
        for i in shown
    )
    assert fixture_page.url.endswith(f"?audience=executives&strength={strength}")


def test_unknown_values_in_the_address_are_ignored(fixture_page):
    fixture_page.goto("benefits/?audience=nobody&topic=%3Cb%3E")
    wait_until(fixture_page, "window.cbStatements && window.cbStatements.ready")
    assert len(visible_ids(fixture_page)) == 2


def _first_statement_top(page) -> float:
    return page.locator(".cb-benefit-item").first.bounding_box()["y"]


def test_filters_are_drawn_before_the_script_runs_so_nothing_moves(browser, fixture_url, fixture_phone):
    """The filters take their place from the first paint: the script fills them in, it does not
    reveal them (revealing them pushed every statement down, a layout shift Lighthouse counts)."""
    context = browser.new_context(base_url=fixture_url, viewport={"width": 390, "height": 844})
    blocked = context.new_page()
    blocked.route("**/statements.js", lambda route: route.abort())
    blocked.goto("benefits/")
    assert blocked.locator("#cb-statement-filters").is_visible()
    assert blocked.locator(".cb-statement-filters__count").inner_text() == "2 statements"
    before = _first_statement_top(blocked)
    context.close()
    fixture_phone.goto("benefits/")
    wait_until(fixture_phone, "window.cbStatements && window.cbStatements.ready")
    assert fixture_phone.locator(".cb-statement-filters__count").inner_text() == "2 statements"
    assert _first_statement_top(fixture_phone) == before


def test_without_javascript_the_filters_are_hidden_and_every_statement_shows(browser, fixture_url):
    context = browser.new_context(base_url=fixture_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("benefits/?topic=emergencies")
    assert not page.locator("#cb-statement-filters").is_visible()
    assert visible_ids(page) == ["manchester-residents-turned-to-social", "tweeting-a-day-of-calls"]
    context.close()


def _copy(page, button) -> tuple[str, str]:
    button.click()
    button.locator("xpath=..").locator(".cb-copy__status").wait_for(state="visible")
    assert button.locator("xpath=..").locator(".cb-copy__status").inner_text() == "Copied with citation"
    return page.evaluate("""async () => {
        const [item] = await navigator.clipboard.read();
        return [await (await item.getType("text/plain")).text(), await (await item.getType("text/html")).text()];
    }""")


def test_the_list_copies_what_the_statement_page_copies_fetched_only_when_wanted(browser, fixture_url):
    """The list carries no citation text: a copy button fetches its statement's page when the
    reader points at it, and copies exactly what that page's own button copies."""
    context = browser.new_context(
        base_url=fixture_url, viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("benefits/")
    wait_until(page, "window.cbStatements && window.cbStatements.ready")
    assert page.locator("article textarea, article template").count() == 0
    item = page.locator('.cb-benefit-item[data-benefit-id="tweeting-a-day-of-calls"]').first
    own_page = f"{fixture_url}benefits/tweeting-a-day-of-calls/"
    assert own_page not in requested
    button = item.get_by_role("button", name="Copy with citation")
    button.hover()
    wait_until(
        page,
        "performance.getEntriesByType('resource').some(e => e.name.endsWith('/benefits/tweeting-a-day-of-calls/'))",
    )
    from_list = _copy(page, button)
    page.goto("benefits/tweeting-a-day-of-calls/")
    from_page = _copy(page, page.get_by_role("button", name="Copy with citation"))
    assert from_list == from_page
    assert from_list[0].startswith("“") and from_list[0].endswith(f"From Buy-in Casebook: {own_page}")
    assert f'<a href="{own_page}">' in from_list[1]
    context.close()
