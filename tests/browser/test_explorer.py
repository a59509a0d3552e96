"""The case explorer and search, driven as someone hunting for "a council like ours"."""

from __future__ import annotations

import json

import pytest
from browser_support import wait_until

pytestmark = pytest.mark.browser


def cases(site_dir):
    return json.loads((site_dir / "api/cases.json").read_text(encoding="utf-8"))


def shown_ids(page):
    return page.locator(".cb-explorer__list li[data-case-id]").evaluate_all("els => els.map(e => e.dataset.caseId)")


def open_explorer(page, query=""):
    page.goto("cases/" + query)
    wait_until(page, "window.cbExplorer && window.cbExplorer.ready")


def test_filters_built_by_clicking_survive_a_reload(page, site_dir):
    open_explorer(page)
    assert page.locator(".cb-explorer__count").inner_text() == f"{len(cases(site_dir))} cases"
    page.locator('[data-facet="audience"] input[data-value="customer-service"]').check()
    page.locator('[data-facet="topic"] input[data-value="emergencies"]').check()
    expected = sorted(c["id"] for c in cases(site_dir)
                      if "customer-service" in c["audiences"] and "emergencies" in c["topics"])
    assert sorted(shown_ids(page)) == expected and expected
    assert page.url.endswith("cases/?audience=customer-service&topic=emergencies")
    before = shown_ids(page)
    page.reload()
    wait_until(page, "window.cbExplorer && window.cbExplorer.ready")
    assert shown_ids(page) == before
    assert page.locator('[data-facet="topic"] input[data-value="emergencies"]').is_checked()


def test_back_button_steps_through_changes(page):
    open_explorer(page)
    page.locator('[data-facet="audience"] input[data-value="executives"]').check()
    page.locator('[data-facet="country"] input[data-value="GB"]').check()
    assert page.url.endswith("?audience=executives&country=GB")
    page.go_back()
    assert page.url.endswith("?audience=executives")
    assert not page.locator('[data-facet="country"] input[data-value="GB"]').is_checked()
    page.go_back()
    assert page.url.endswith("/cases/")
    assert not page.locator('[data-facet="audience"] input[data-value="executives"]').is_checked()


def test_facet_counts_match_what_a_click_leaves(page):
    open_explorer(page, "?audience=elected-members")
    box = page.locator('[data-facet="topic"] input[data-value="reach"]')
    label = box.locator("xpath=..").inner_text()
    promised = int(label.rsplit("(", 1)[1].rstrip(")"))
    box.check()
    assert len(shown_ids(page)) == promised


def test_and_switch_requires_both_topics(page, site_dir):
    open_explorer(page, "?topic=emergencies,public-safety")
    either = len(shown_ids(page))
    page.locator('[data-facet="topic"] input[data-match-all="topic"]').check()
    both = sorted(c["id"] for c in cases(site_dir) if {"emergencies", "public-safety"} <= set(c["topics"]))
    assert sorted(shown_ids(page)) == both and len(both) < either
    assert "match_all=topic" in page.url


def test_free_text_finds_manchester(page):
    open_explorer(page)
    page.fill("#cb-q", "manchester")
    ids = shown_ids(page)
    assert "greater-manchester-police-24-hour-tweets" in ids
    assert "manchester-city-council-arena-attack-contacts" in ids


def test_organisations_like_this_filters_to_sector_and_country(page, site_dir):
    open_explorer(page, "?q=lincolnshire")
    page.locator(".cb-result__like").first.click()
    assert page.url.endswith("?sector=local-government&country=GB")
    expected = {c["id"] for c in cases(site_dir) if c["sector"] == "local-government" and c["country"] == "GB"}
    assert set(shown_ids(page)) == expected


def test_like_mine_from_a_case_page(page):
    page.goto("cases/lincolnshire-gritting-twitter/")
    page.locator("[data-like-mine]").click()
    wait_until(page, "window.cbExplorer && window.cbExplorer.ready")
    assert page.url.endswith("?sector=local-government&country=GB")
    assert page.locator('[data-facet="sector"] input[data-value="local-government"]').is_checked()


def test_bad_parameters_are_ignored(page, site_dir):
    open_explorer(page, "?audience=nobody&year_from=abc&sort=zzz&topic=%3Cb%3E")
    assert len(shown_ids(page)) == min(50, len(cases(site_dir)))
    assert page.locator("#cb-sort").input_value() == "added"


def test_sort_by_title(page):
    open_explorer(page, "?sort=title")
    titles = page.locator(".cb-result__title").all_inner_texts()
    # The reader's alphabetical order (English collation: "Høje" before "Hyatt"), as a browser sorts.
    assert titles == page.evaluate("t => [...t].sort((a, b) => a.localeCompare(b, 'en'))", titles)


def test_without_javascript_the_page_lists_every_case_by_audience(browser, base_url, site_dir):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("cases/")
    assert not page.locator("#cb-explorer").is_visible()
    groups = page.locator(".cb-group")
    kits = json.loads((site_dir / "api/kits.json").read_text())
    assert groups.count() == len(kits)
    listed = set(page.locator(".cb-case-list li").evaluate_all("els => els.map(e => e.dataset.caseId)"))
    assert listed == {c["id"] for c in cases(site_dir)}
    context.close()


def test_home_search_box_opens_the_explorer_with_the_query(page):
    page.goto("")
    page.fill("#cb-home-q", "winter")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cases/?q=winter")
    wait_until(page, "window.cbExplorer && window.cbExplorer.ready")
    assert page.input_value("#cb-q") == "winter"
    ids = shown_ids(page)
    assert "lincolnshire-gritting-twitter" in ids and len(ids) < 10
    assert not page.locator(".md-search__output").is_visible()
