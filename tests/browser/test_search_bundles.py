"""The site search on a large site's layout: the fixture site indexed as several Pagefind bundles
(as a site of thousands of cases is, casebook/search/pagefind.py BUNDLE_PAGES), searched together in
Chromium. Whatever the number of bundles, a reader must get the same answers; and the maps the
browser reads beside the index must say the right things."""

from __future__ import annotations

import json
import math
import shutil

import pytest
from browser_support import open_page, wait_until
from static_site import serve

from casebook.search.pagefind import BUNDLE, build_index, bundle_dirs, fragment_urls
from mkdocs_adapter.theme import ROOT_SELECTOR

pytestmark = pytest.mark.browser

BUNDLE_PAGES = 6  # the fixture site has a few dozen pages: several bundles
CASES = {"northshire-gritter-twitter", "southvale-winter-roads-page", "manchester-council-contacts", "gmp-tweets"}


@pytest.fixture(scope="module")
def bundled_site(fixture_site_dir, tmp_path_factory):
    site = tmp_path_factory.mktemp("bundled") / "site"
    shutil.copytree(fixture_site_dir, site)
    result = build_index(site, root_selector=ROOT_SELECTOR, bundle_pages=BUNDLE_PAGES)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def bundled_url(bundled_site):
    with serve(bundled_site) as url:
        yield url


@pytest.fixture
def bundled_page(browser, bundled_url):
    context, page, errors = open_page(browser, bundled_url, {"width": 1280, "height": 900})
    yield page
    context.close()
    assert errors == [], f"console errors: {errors}"


def header_search(page, words):
    page.goto("")
    page.locator("[data-cb-search-box] input.md-search__input").click()
    page.keyboard.type(words)
    wait_until(page, f"window.cbSearch.query === {words!r}")
    return page.locator(".md-search .cb-hit a").evaluate_all("els => els.map(e => new URL(e.href).pathname)")


def test_the_site_is_indexed_as_several_bundles_each_page_once(bundled_site, fixture_site_dir):
    pages = [p for p in bundled_site.glob("**/index.html") if not p.parent.name.startswith(".pagefind")]
    bundles = bundle_dirs(bundled_site)
    assert len(bundles) == math.ceil(len(pages) / BUNDLE_PAGES) > 1
    per_bundle = [len(list((b / "fragment").glob("*.pf_fragment"))) for b in bundles]
    one_bundle = len(list((fixture_site_dir / BUNDLE / "fragment").glob("*.pf_fragment")))
    assert sum(per_bundle) == len(fragment_urls(bundled_site)) == one_bundle  # every page, once
    assert max(per_bundle) <= BUNDLE_PAGES
    # The script, worker and WebAssembly are fetched from the first bundle only.
    assert (bundles[0] / "pagefind.js").exists()
    assert not [
        p.name for b in bundles[1:] for p in b.iterdir() if p.suffix in (".js", ".css") or p.name.startswith("wasm.")
    ]
    assert not list(bundled_site.glob(".pagefind-*"))  # the work folder is gone


def test_ranking_names_every_bundle_and_only_other_pages_in_the_second_tier(bundled_site):
    ranking = json.loads((bundled_site / "search" / "ranking.json").read_text(encoding="utf-8"))
    assert ranking["bundles"] == [b.relative_to(bundled_site).as_posix() + "/" for b in bundle_dirs(bundled_site)]
    assert ranking["bundles"][0] == BUNDLE + "/"
    urls = fragment_urls(bundled_site)
    second = {urls[page] for page in ranking["second"]}
    assert not [url for url in second if url.startswith("/cases/") and url.count("/") == 3]  # a case: /cases/<id>/
    assert "/kits/executives/" not in second and "/benefits/" in second
    first = set(urls.values()) - second
    assert {f"/cases/{case}/" for case in CASES} <= first
    # Each facet's values, so the box offers its filters without downloading the filter indexes.
    assert {"Case study", "Persuasion kit", "Statement"} <= set(ranking["facets"]["type"])
    assert "Customer service" in ranking["facets"]["audience"]
    # Each kit's audience name, so a query that is the name puts the kit first (and no other page).
    assert {urls[page]: name for page, name in ranking["names"].items()} == {
        "/kits/executives/": "Executives",
        "/kits/customer-service/": "Customer service",
    }
    cases = json.loads((bundled_site / "search" / "case-fragments.json").read_text(encoding="utf-8"))
    assert set(cases.values()) >= CASES


def test_reindexing_as_one_bundle_removes_the_others(bundled_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(bundled_site, site)
    assert build_index(site, root_selector=ROOT_SELECTOR).returncode == 0  # the fixture site is far below BUNDLE_PAGES
    assert bundle_dirs(site) == [site / BUNDLE]
    assert json.loads((site / "search" / "ranking.json").read_text(encoding="utf-8"))["bundles"] == [BUNDLE + "/"]


def test_searching_every_bundle_finds_what_one_bundle_finds(bundled_page):
    requested: list[str] = []
    bundled_page.on("request", lambda request: requested.append(request.url))
    # Stemming: "gritting" finds both gritter cases, which may sit in different bundles.
    assert set(header_search(bundled_page, "gritting")[:2]) == {
        "/cases/northshire-gritter-twitter/",
        "/cases/southvale-winter-roads-page/",
    }
    assert any(f"/{BUNDLE}-1/" in url for url in requested)
    # A synonym, through the one search per variant: neither page says "ROI"; the guide says
    # "return on investment" (an exact phrase, so first), the kit "prove a return".
    roi = header_search(bundled_page, "ROI")
    assert roi[0] == "/guides/channel-shift-economics/" and "/kits/executives/" in roi
    # Case pages first, though a statement names Manchester more often.
    urls = header_search(bundled_page, "Manchester")
    assert set(urls[:2]) == {"/cases/manchester-council-contacts/", "/cases/gmp-tweets/"}
    assert "/benefits/manchester-residents-turned-to-social/" in urls


def test_a_burst_of_keys_draws_the_last_query(bundled_page):
    # Typed with no pause between keys: only the whole word's results are drawn.
    bundled_page.goto("")
    bundled_page.locator("[data-cb-search-box] input.md-search__input").click()
    bundled_page.keyboard.type("manchester")
    wait_until(bundled_page, "window.cbSearch.query !== null")
    assert bundled_page.evaluate("window.cbSearch.query") == "manchester"
    assert bundled_page.evaluate("window.cbSearch.lastMs") > 0
    hits = bundled_page.locator(".md-search .cb-hit a").evaluate_all("els => els.map(e => new URL(e.href).pathname)")
    assert set(hits[:2]) == {"/cases/manchester-council-contacts/", "/cases/gmp-tweets/"}
