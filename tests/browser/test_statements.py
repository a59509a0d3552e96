"""The statements page's filters in Chromium, on the fixture site: audience, topic and strength,
kept in the address."""

from __future__ import annotations

import pytest
from browser_support import wait_until

pytestmark = pytest.mark.browser


def visible_ids(page):
    return sorted(set(page.locator(".cb-benefit-item:visible").evaluate_all("els => els.map(e => e.dataset.benefitId)")))


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
    # Strength labels come from the data (casebook.strength), so the test reads them from the page.
    item = fixture_page.locator('.cb-benefit-item[data-benefit-id="tweeting-a-day-of-calls"]').first
    strength = item.get_attribute("data-strength")
    fixture_page.select_option('#cb-statement-filters select[name="strength"]', strength)
    shown = visible_ids(fixture_page)
    assert "tweeting-a-day-of-calls" in shown
    assert all(fixture_page.locator(f'.cb-benefit-item[data-benefit-id="{i}"]').first.get_attribute("data-strength") == strength
               for i in shown)
    assert fixture_page.url.endswith(f"?audience=executives&strength={strength}")


def test_unknown_values_in_the_address_are_ignored(fixture_page):
    fixture_page.goto("benefits/?audience=nobody&topic=%3Cb%3E")
    wait_until(fixture_page, "window.cbStatements && window.cbStatements.ready")
    assert len(visible_ids(fixture_page)) == 2
