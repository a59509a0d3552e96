"""Each audience's page of cases (cases/for/<audience>/) in Chromium, on the fixture site: what a
reader with scripts blocked gets from a kit's "their cases" link, and that with JavaScript the
explorer's own `?audience=` address still filters; the search lists the page, never its cases' words."""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET

import pytest
from axe_support import violations
from browser_support import wait_until

from casebook.search.pagefind import case_fragments_json, fragment_urls

pytestmark = pytest.mark.browser
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def audiences_of(site_dir) -> dict[str, set[str]]:
    """Audience id -> its case ids, from the site's own export (not from the pages under test)."""
    cases = json.loads((site_dir / "api/cases.json").read_text(encoding="utf-8"))
    kits = json.loads((site_dir / "api/kits.json").read_text(encoding="utf-8"))
    return {kit["id"]: {case["id"] for case in cases if kit["id"] in case["audiences"]} for kit in kits}


def listed(page) -> list[str]:
    return page.locator(".cb-plain-list li").evaluate_all("els => els.map(e => e.dataset.caseId)")


@pytest.fixture
def no_js(browser, fixture_url):
    context = browser.new_context(
        base_url=fixture_url, java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    yield context.new_page()
    context.close()


def test_without_javascript_each_audience_page_lists_exactly_its_cases_once(no_js, fixture_site_dir):
    wanted = audiences_of(fixture_site_dir)
    total = len(json.loads((fixture_site_dir / "api/cases.json").read_text(encoding="utf-8")))
    assert len(wanted) >= 2
    for audience, ids in wanted.items():
        no_js.goto(f"cases/for/{audience}/")
        shown = listed(no_js)
        assert sorted(shown) == sorted(ids) and 0 < len(ids) < total, audience
        assert no_js.locator(".cb-lead").inner_text().startswith(f"{len(ids)} case")
        for case_id in shown:
            assert audience in no_js.locator(f'li[data-case-id="{case_id}"]').get_attribute("data-audiences")
        assert not no_js.get_by_role("link", name="Filter further in the explorer").is_visible()
        assert no_js.get_by_role("link", name=f"All {total} cases").is_visible()


def test_without_javascript_the_kits_links_land_on_the_audience_page(no_js, fixture_site_dir):
    ids = audiences_of(fixture_site_dir)["customer-service"]
    for name in ("Explore their cases", f"All {len(ids)} cases for Customer service"):
        no_js.goto("kits/customer-service/")
        no_js.get_by_role("link", name=name, exact=True).click()
        no_js.wait_for_url("**/cases/for/customer-service/")
        assert sorted(listed(no_js)) == sorted(ids)
        assert no_js.title().startswith("Customer service: case studies")


def test_without_javascript_the_explorer_links_every_audience_page(no_js, fixture_site_dir):
    wanted = audiences_of(fixture_site_dir)
    no_js.goto("cases/")
    nav = no_js.get_by_role("navigation", name="Cases by audience")
    assert nav.is_visible()
    nav.get_by_role("link", name=f"Executives {len(wanted['executives'])}").click()
    no_js.wait_for_url("**/cases/for/executives/")
    assert sorted(listed(no_js)) == sorted(wanted["executives"])
    current = no_js.locator('.cb-audience-pages a[aria-current="page"]')
    assert current.inner_text().startswith("Executives")


def test_with_javascript_the_page_offers_the_explorer_and_its_address_still_filters(fixture_page, fixture_site_dir):
    ids = audiences_of(fixture_site_dir)["executives"]
    fixture_page.goto("cases/for/executives/")
    fixture_page.get_by_role("link", name="Filter further in the explorer").click()
    fixture_page.wait_for_url("**/cases/?audience=executives")
    wait_until(fixture_page, "window.cbExplorer && window.cbExplorer.ready && !window.cbExplorer.searching")
    shown = fixture_page.locator(".cb-explorer__list li[data-case-id]").evaluate_all(
        "els => els.map(e => e.dataset.caseId)"
    )
    assert sorted(shown) == sorted(ids)
    assert fixture_page.locator('[data-facet="audience"] input[data-value="executives"]').is_checked()
    assert not fixture_page.locator(".cb-audience-pages").is_visible()  # the explorer's filter replaces it


def test_search_finds_an_audience_page_as_a_listing_never_for_a_cases_words(fixture_site_dir):
    fragments = {}
    for name, url in fragment_urls(fixture_site_dir).items():
        data = gzip.decompress((fixture_site_dir / "pagefind" / "fragment" / f"{name}.pf_fragment").read_bytes())
        fragments[url] = json.loads(data[len(b"pagefind_dcd") :])
    page = fragments["/cases/for/executives/"]
    assert page["filters"]["type"] == ["Listing"] and page["meta"]["title"] == "Executives: case studies"
    cases = json.loads((fixture_site_dir / "api/cases.json").read_text(encoding="utf-8"))
    assert not [case["title"] for case in cases if case["title"] in page["content"]]
    assert "for" not in json.loads(case_fragments_json(fixture_site_dir)).values()


def test_on_a_phone_the_list_starts_on_the_first_screen_and_nothing_scrolls_sideways(fixture_phone):
    fixture_phone.goto("cases/for/executives/")
    assert fixture_phone.evaluate("document.documentElement.scrollWidth") <= 390
    first = fixture_phone.locator(".cb-plain-list li").first.bounding_box()
    assert first["y"] < 844
    for link in fixture_phone.locator(".cb-audience-pages a, .cb-actions a").all():
        assert link.bounding_box()["height"] >= 44  # a thumb's tap target


def test_no_accessibility_violation(fixture_page):
    fixture_page.goto("cases/for/executives/")
    found = violations(fixture_page, fixture_page.url)
    assert not found, "axe-core found accessibility violations:\n" + "\n".join(found)


def test_every_audience_page_is_in_the_sitemap(fixture_site_dir):
    listed = [loc.text for loc in ET.parse(fixture_site_dir / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    for audience in audiences_of(fixture_site_dir):
        assert sum(url.endswith(f"/cases/for/{audience}/") for url in listed) == 1, audience
