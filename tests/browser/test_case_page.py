"""A case page, as a reader sees it: headline figures, the outcomes table and the sources."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def case(site_dir) -> dict:
    """A case read from the export (one whose first outcome is its headline and cites source 1,
    as the figure tests expect), so retagging or renaming real content never breaks these tests."""
    cases = json.loads((site_dir / "api/cases.json").read_text())
    return next(
        c for c in cases if not any(o.get("headline") for o in c["outcomes"]) and c["outcomes"][0]["source"] == 1
    )


def test_case_page_shows_outcomes_and_sources(page, case):
    page.goto(f"cases/{case['id']}/")
    assert page.locator("h1").inner_text() == case["title"]
    figures = page.locator(".cb-figure__value").all_inner_texts()
    assert figures == [o["value"] for o in case["outcomes"][:3]]
    rows = page.locator(".cb-outcomes tbody tr")
    assert rows.count() == len(case["outcomes"])
    assert rows.first.locator("td").nth(1).inner_text() == case["outcomes"][0]["value"]
    sources = page.locator("ol.cb-sources > li")
    assert sources.count() == len(case["sources"])
    first = case["sources"][0]
    assert sources.first.locator("a").first.get_attribute("href") == first["url"]
    assert first["publisher"] in sources.first.inner_text()


def test_source_link_in_figure_jumps_to_the_source(page, case):
    page.goto(f"cases/{case['id']}/")
    page.locator(".cb-figure__source").first.click()
    assert page.url.endswith("#source-1")
    assert page.locator("#source-1").is_visible()


def test_each_source_has_a_report_link_that_fills_in_page_and_source(page, case):
    from urllib.parse import parse_qs, urlsplit

    page.goto(f"cases/{case['id']}/")
    sources = page.locator("ol.cb-sources > li")
    reports = page.locator("ol.cb-sources > li a.cb-report-source")
    assert reports.count() == sources.count()
    link = sources.first.locator("a").first.get_attribute("href")
    query = parse_qs(urlsplit(reports.first.get_attribute("href")).query)
    assert query["template"] == ["report-source.yml"] and query["source"] == [link]
    assert query["page"][0].endswith(f"cases/{case['id']}/")
    footer = page.locator(".cb-improve")
    assert (
        footer.get_by_role("link", name="Edit this page on GitHub")
        .get_attribute("href")
        .endswith(f"/edit/main/case_studies/{case['id']}.yml")
    )


def widest_outcome_rows(site_dir, count: int = 3) -> list[str]:
    """The cases whose longest outcome row (measure, figure, source publisher) has the most text."""
    cases = json.loads((site_dir / "api/cases.json").read_text())

    def longest_row(case):
        return max(
            len(o["measure"]) + len(o["value"]) + len(case["sources"][o["source"] - 1]["publisher"])
            for o in case["outcomes"]
        )

    return [c["id"] for c in sorted(cases, key=longest_row, reverse=True)[:count]]


def test_outcomes_table_fits_a_phone_and_the_printed_page(browser, base_url, site_dir):
    """At 390 px every outcome's measure, figure, source and grade lie inside the screen: the table is
    one block per outcome, not three columns cut at the edge behind a scroll region (its header is
    kept, visually hidden, for screen readers). On a desktop and on A4 it is a table that fits."""
    from browser_support import open_page

    context, page, errors = open_page(browser, base_url, {"width": 390, "height": 844})
    for case_id in widest_outcome_rows(site_dir):
        page.goto(f"cases/{case_id}/")
        table = page.locator(".cb-outcomes")
        cells = table.locator("td")
        assert cells.count() >= 3
        rights = cells.evaluate_all("cells => cells.map(c => c.getBoundingClientRect().right)")
        assert max(rights) <= 390, (case_id, rights)
        grades = table.locator(".cb-grade").evaluate_all("gs => gs.map(g => g.getBoundingClientRect().right)")
        assert grades and max(grades) <= 390, (case_id, grades)
        hidden = table.evaluate(
            "t => [t, ...t.querySelectorAll('*'), t.parentElement]"
            ".filter(e => !e.closest('thead') && e.scrollWidth > e.clientWidth + 1).map(e => e.className)"
        )
        assert hidden == [], (case_id, hidden)
    # On a desktop it is still a table with its three columns side by side.
    page.set_viewport_size({"width": 1280, "height": 900})
    first = page.locator(".cb-outcomes tbody tr").first.locator("td")
    tops = first.evaluate_all("cells => cells.map(c => c.getBoundingClientRect().top)")
    assert len(set(tops)) == 1, tops
    # Printed on A4, the three columns fit the page: a figure kept on one line pushed the source off.
    page.set_viewport_size({"width": 794, "height": 1123})
    page.emulate_media(media="print")
    for case_id in widest_outcome_rows(site_dir):
        page.goto(f"cases/{case_id}/")
        page.emulate_media(media="print")
        page_right = page.locator("article").evaluate("a => a.getBoundingClientRect().right")
        rights = page.locator(".cb-outcomes .cb-grade").evaluate_all(
            "gs => gs.map(g => g.getBoundingClientRect().right)"
        )
        assert rights and max(rights) <= page_right, (case_id, page_right, rights)
    context.close()
    assert errors == [], errors


def test_a_whole_sentence_figure_is_not_set_in_headline_type(browser, base_url, site_dir):
    """Issue 24: a figure quoted as a whole sentence (Wealden's) filled the screen in 27 px bold. A
    figure over 40 characters is set near body size; a short one keeps its headline size."""
    from browser_support import open_page

    cases = json.loads((site_dir / "api/cases.json").read_text())
    long_case = next(c for c in cases if len(c["outcomes"][0]["value"]) > 40)
    short_case = next(c for c in cases if len(c["outcomes"][0]["value"]) <= 12)
    for viewport in ({"width": 390, "height": 844}, {"width": 1280, "height": 900}):
        context, page, errors = open_page(browser, base_url, viewport)
        sizes = []
        for case in (long_case, short_case):
            page.goto(f"cases/{case['id']}/")
            figure = page.locator(".cb-figure__value", has_text=case["outcomes"][0]["value"]).first
            body = page.locator("article .cb-prose p").first
            sizes.append([float(e.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) for e in (figure, body)])
        (long_size, body_size), (short_size, _) = sizes
        assert long_size <= 1.25 * body_size, (viewport, sizes)
        assert short_size >= 1.4 * body_size, (viewport, sizes)
        context.close()
        assert errors == [], errors
