"""The case explorer in Chromium, on the fixture site (tests/fixture_site.py), driven as someone
hunting for "a council like ours": facets, free text through the site search, sorts, the phone
layout and the page without JavaScript."""

from __future__ import annotations

import time

import pytest
from browser_support import wait_until

pytestmark = pytest.mark.browser

GRITTER = {"northshire-gritter-twitter", "southvale-winter-roads-page"}
MANCHESTER = {"manchester-council-contacts", "gmp-tweets"}
ALL = GRITTER | MANCHESTER


def shown_ids(page):
    return page.locator(".cb-explorer__list li[data-case-id]").evaluate_all("els => els.map(e => e.dataset.caseId)")


def open_explorer(page, query=""):
    page.goto("cases/" + query)
    wait_until(page, "window.cbExplorer && window.cbExplorer.ready && !window.cbExplorer.searching")


def settle(page):
    wait_until(page, "!window.cbExplorer.searching")


def test_filters_built_by_clicking_survive_a_reload(fixture_page):
    open_explorer(fixture_page)
    assert fixture_page.locator(".cb-explorer__count").inner_text() == f"{len(ALL)} cases"
    fixture_page.locator('[data-facet="audience"] input[data-value="customer-service"]').check()
    fixture_page.locator('[data-facet="topic"] input[data-value="emergencies"]').check()
    assert set(shown_ids(fixture_page)) == {"northshire-gritter-twitter", "manchester-council-contacts"}
    assert fixture_page.url.endswith("cases/?audience=customer-service&topic=emergencies")
    before = shown_ids(fixture_page)
    fixture_page.reload()
    wait_until(fixture_page, "window.cbExplorer && window.cbExplorer.ready")
    assert shown_ids(fixture_page) == before
    assert fixture_page.locator('[data-facet="topic"] input[data-value="emergencies"]').is_checked()


def test_back_button_steps_through_changes(fixture_page):
    open_explorer(fixture_page)
    fixture_page.locator('[data-facet="audience"] input[data-value="executives"]').check()
    fixture_page.locator('[data-facet="sector"] input[data-value="local-government"]').check()
    assert fixture_page.url.endswith("?audience=executives&sector=local-government")
    fixture_page.go_back()
    assert fixture_page.url.endswith("?audience=executives")
    assert not fixture_page.locator('[data-facet="sector"] input[data-value="local-government"]').is_checked()


def test_facet_counts_match_what_a_click_leaves(fixture_page):
    open_explorer(fixture_page, "?audience=executives")
    box = fixture_page.locator('[data-facet="sector"] input[data-value="local-government"]')
    promised = int(box.locator("xpath=..").locator(".cb-facet__count").inner_text())
    box.check()
    assert len(shown_ids(fixture_page)) == promised == 2


def test_free_text_uses_the_site_search_and_sorts_by_relevance(fixture_page):
    open_explorer(fixture_page)
    fixture_page.fill("#cb-q", "gritting")  # stemming: neither case says "gritting"
    settle(fixture_page)
    assert set(shown_ids(fixture_page)) == GRITTER
    assert fixture_page.locator("#cb-sort").input_value() == "relevance"
    fixture_page.fill("#cb-q", "Manchester")
    settle(fixture_page)
    assert set(shown_ids(fixture_page)) == MANCHESTER
    assert fixture_page.url.endswith("?q=Manchester")


def test_free_text_combines_with_facets(fixture_page):
    open_explorer(fixture_page, "?audience=executives&q=gritter")
    assert shown_ids(fixture_page) == ["southvale-winter-roads-page"]


def test_most_recent_is_the_default_order_and_strongest_is_offered(fixture_page):
    open_explorer(fixture_page)
    assert shown_ids(fixture_page) == [
        "manchester-council-contacts",
        "southvale-winter-roads-page",
        "northshire-gritter-twitter",
        "gmp-tweets",
    ]
    fixture_page.select_option("#cb-sort", "strength")
    assert fixture_page.url.endswith("?sort=strength")
    assert set(shown_ids(fixture_page)) == ALL


def test_organisations_like_this_adds_to_the_filters_and_says_so(fixture_page):
    open_explorer(fixture_page, "?audience=executives")
    fixture_page.locator('.cb-result[data-case-id="southvale-winter-roads-page"] .cb-result__like').click()
    assert fixture_page.url.endswith("?audience=executives&sector=local-government&country=GB")
    assert set(shown_ids(fixture_page)) == {"southvale-winter-roads-page", "manchester-council-contacts"}
    assert (
        "Added to your filters: Local government and United Kingdom"
        in fixture_page.locator(".cb-explorer__note").inner_text()
    )


def test_like_mine_from_a_case_page(fixture_page):
    fixture_page.goto("cases/northshire-gritter-twitter/")
    fixture_page.locator("[data-like-mine]").click()
    wait_until(fixture_page, "window.cbExplorer && window.cbExplorer.ready")
    assert fixture_page.url.endswith("?sector=local-government&country=GB")
    assert fixture_page.locator('[data-facet="sector"] input[data-value="local-government"]').is_checked()


def test_bad_parameters_are_ignored(fixture_page):
    open_explorer(fixture_page, "?audience=nobody&year_from=abc&sort=zzz&topic=%3Cb%3E")
    assert len(shown_ids(fixture_page)) == len(ALL)
    assert fixture_page.locator("#cb-sort").input_value() == "recent"


def test_on_a_phone_results_come_first_and_filters_open_as_a_sheet(fixture_phone):
    open_explorer(fixture_phone)
    first = fixture_phone.locator(".cb-result").first.bounding_box()
    assert first["y"] + 60 < 844, "the first result starts below the first screen"
    assert not fixture_phone.locator(".cb-explorer__filters").is_visible()
    fixture_phone.locator(".cb-explorer__toggle").click()
    label = fixture_phone.locator('[data-facet="audience"] label:has(input[data-value="executives"])')
    if not label.is_visible():
        fixture_phone.locator('[data-facet="audience"] > summary').click()
    assert label.bounding_box()["height"] >= 44
    label.click()
    apply = fixture_phone.locator(".cb-explorer__apply")
    assert apply.inner_text() == "Show 3 cases"
    apply.click()
    assert not fixture_phone.locator(".cb-explorer__filters").is_visible()
    assert fixture_phone.locator(".cb-explorer__toggle").inner_text() == "Filters (1)"
    fixture_phone.mouse.wheel(0, 600)
    fixture_phone.wait_for_timeout(200)
    bar = fixture_phone.locator(".cb-explorer__bar").bounding_box()
    assert 0 <= bar["y"] < 120, "the count bar stays in view while the results scroll"


def test_without_javascript_each_case_is_listed_once(browser, fixture_url):
    context = browser.new_context(base_url=fixture_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("cases/")
    assert not page.locator("#cb-explorer").is_visible()
    listed = page.locator(".cb-plain-list li").evaluate_all("els => els.map(e => e.dataset.caseId)")
    assert sorted(listed) == sorted(ALL)
    item = page.locator('.cb-plain-list li[data-case-id="manchester-council-contacts"]')
    assert "For Executives, Customer service" in item.inner_text()
    assert "Rise in contacts through social media" in item.inner_text()  # as the source words it
    assert "filter" not in page.locator("article").inner_text().lower()
    context.close()


def test_home_search_box_opens_the_explorer_with_the_query(fixture_page):
    fixture_page.goto("")
    fixture_page.fill("#cb-home-q", "winter")
    fixture_page.keyboard.press("Enter")
    fixture_page.wait_for_url("**/cases/?q=winter")
    wait_until(fixture_page, "window.cbExplorer && window.cbExplorer.ready && !window.cbExplorer.searching")
    assert fixture_page.input_value("#cb-q") == "winter"
    assert GRITTER <= set(shown_ids(fixture_page))


def test_typing_while_a_search_runs_keeps_every_key(fixture_page):
    # Keys 45 ms apart and the explorer's hash -> case map a little slow to arrive, so an early
    # search tends to finish while a later key waits for the pause before its own search: drawing
    # it must not put the older words back in the box (it did, about one run in two, before).
    def slowly(route):
        time.sleep(0.02)
        route.continue_()

    fixture_page.context.route("**/search/case-fragments.json", slowly)
    open_explorer(fixture_page)
    fixture_page.locator("#cb-q").focus()
    fixture_page.keyboard.type("gritting", delay=45)
    wait_until(fixture_page, "!window.cbExplorer.searching && window.cbExplorer.lastSearchMs !== null")
    settle(fixture_page)
    assert fixture_page.locator("#cb-q").input_value() == "gritting"
    assert set(shown_ids(fixture_page)) == GRITTER
    assert fixture_page.url.endswith("?q=gritting")


@pytest.mark.parametrize("size", [(1280, 900), (1920, 1080)], ids=["1280x900", "1920x1080"])
@pytest.mark.parametrize("facet", ["year", "channel"])
def test_a_filter_on_a_desktop_keeps_the_results_in_view(browser, base_url, size, facet):
    # Real site: a long list and a long column of filters. The reader has scrolled down to a filter
    # near the end of the column and picks one that leaves few cases (the latest year; the rarest
    # channel): the first result must be on the screen, not above it with an empty column in view.
    from browser_support import open_page

    width, height = size
    context, page, errors = open_page(browser, base_url, {"width": width, "height": height})
    open_explorer(page)
    every = page.evaluate("window.cbExplorer.results")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    if facet == "year":
        page.locator(".cb-facet--years summary").click()
        years = page.locator("select[name=year_from] option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
        page.locator("select[name=year_from]").select_option(max(years, key=int))
    else:
        page.locator('[data-facet="channel"] summary').click()
        counts = page.locator('[data-facet="channel"] .cb-facet__values label').evaluate_all(
            "ls => ls.map(l => [l.querySelector('input').dataset.value, Number(l.querySelector('.cb-facet__count').textContent)])"
        )
        rarest = min((c for c in counts if c[1]), key=lambda c: c[1])[0]
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.locator(f'[data-facet="channel"] input[data-value="{rarest}"]').check()
    settle(page)
    page.wait_for_timeout(300)
    assert 0 < page.evaluate("window.cbExplorer.results") < every
    first = page.locator(".cb-explorer__list .cb-result").first.bounding_box()
    assert first and 0 <= first["y"] < height - 100, (first, page.evaluate("scrollY"))
    context.close()
    assert errors == [], errors


def test_the_filters_button_counts_a_year_range(fixture_phone):
    open_explorer(fixture_phone, "?audience=executives&topic=emergencies&year_from=2012")
    assert fixture_phone.locator(".cb-explorer__toggle").inner_text() == "Filters (3)"


def test_a_card_shows_the_english_gloss_beside_a_foreign_headline(fixture_page):
    # The index carries the gloss (tests/test_latest_and_gloss.py); here one is given to a fixture
    # case on its way to the page, and the card must show it beside the figure, in English.
    def with_gloss(route):
        index = route.fetch().json()
        for row in index["c"]:
            row[15] = "9,000 fewer calls in English" if row[0] == "northshire-gritter-twitter" else ""
        route.fulfill(json=index)

    fixture_page.route("**/cases/explorer.json", with_gloss)
    open_explorer(fixture_page)
    glossed = fixture_page.locator('.cb-explorer__list li[data-case-id="northshire-gritter-twitter"] .cb-gloss')
    assert glossed.inner_text() == "(9,000 fewer calls in English)" and glossed.get_attribute("lang") == "en"
    assert glossed.is_visible()
    others = fixture_page.locator(".cb-explorer__list .cb-gloss:visible")
    assert others.count() == 1


def test_the_evidence_filter_uses_the_label_on_each_card(fixture_page):
    open_explorer(fixture_page)
    facet = fixture_page.locator('[data-facet="strength"]')
    assert facet.locator(".cb-facet__name").inner_text() == "Evidence"
    facet.locator("summary").click()
    labels = facet.locator(".cb-facet__label").all_inner_texts()
    assert labels and "Primary source" not in labels and "Reported second-hand" not in labels
    for value in facet.locator("input[data-value]").evaluate_all("els => els.map(e => e.dataset.value)"):
        box = facet.locator(f'input[data-value="{value}"]')
        label = box.locator("xpath=..").locator(".cb-facet__label").inner_text()
        promised = int(box.locator("xpath=..").locator(".cb-facet__count").inner_text())
        box.check()
        settle(fixture_page)
        cards = fixture_page.locator(".cb-explorer__list .cb-result .cb-strength").all_inner_texts()
        assert cards and set(cards) == {label} and len(cards) == promised, (value, cards)
        assert fixture_page.url.endswith(f"?strength={value}")
        box.uncheck()
        settle(fixture_page)


def test_the_page_title_is_in_the_text_colour_not_pale_grey(fixture_page):
    # Material draws <h1> in its light grey, which read as disabled on "Case explorer".
    open_explorer(fixture_page)
    title, text = fixture_page.locator("article").evaluate(
        "a => [getComputedStyle(a.querySelector('h1')).color, getComputedStyle(a.querySelector('p')).color]"
    )
    assert title == text and title.replace(" ", "") in ("rgba(0,0,0,0.87)", "rgb(0,0,0)"), (title, text)
