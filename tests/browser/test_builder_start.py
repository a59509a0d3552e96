"""The briefing builder starts from the reader: their pins first, new evidence on top, "Move to
top", an empty start, an add panel searchable and filterable by audience, sector, country, year and
strength (one preset for "UK councils, last five years, original sources"), an ask box that grows,
44 px buttons on a phone and footnote markers that never start a line. Ids come from the built
site's api/briefing-builder.json, never from the real content."""

from __future__ import annotations

import json

import pytest
from browser_support import open_page, wait_until

pytestmark = pytest.mark.browser
AUDIENCE = "executives"


def builder_data(site_dir):
    return json.loads((site_dir / "api" / "briefing-builder.json").read_text(encoding="utf-8"))


def open_builder(page, query=f"?audience={AUDIENCE}"):
    page.goto(f"briefing/{query}")
    wait_until(page, "window.cbBuilder && window.cbBuilder.ready")


def chosen(page):
    return page.locator(".cb-builder__chosen li").evaluate_all("els => els.map(e => e.dataset.item)")


def standard(data):
    kit = next(k for k in data["kits"] if k["id"] == AUDIENCE)
    return [f"s:{i}" for i in kit["statements"]] + [f"c:{i}" for i in kit["cases"]]


def test_a_pin_comes_before_the_standard_evidence(page, site_dir):
    data = builder_data(site_dir)
    pin = next(
        f"c:{i}" for i, c in data["cases"].items() if AUDIENCE in c["audiences"] and f"c:{i}" not in standard(data)
    )
    page.goto("briefing/")
    page.evaluate(f"localStorage.setItem('cb-briefing-pins', JSON.stringify([{pin!r}]))")
    open_builder(page)
    assert chosen(page) == [pin] + standard(data)


def test_added_evidence_goes_to_the_top_and_move_to_top_moves_it(page, site_dir):
    open_builder(page)
    page.locator(".cb-builder__more summary").click()
    add = page.locator(".cb-builder__pool [data-add]").first
    item = add.get_attribute("data-add")
    add.click()
    assert chosen(page)[0] == item
    last = chosen(page)[-1]
    page.locator(".cb-builder__chosen li").last.get_by_role("button", name="Move to top").click()
    assert chosen(page)[:2] == [last, item]
    assert page.locator(".cb-builder__chosen li").first.get_by_role("button", name="Move to top").is_disabled()


def test_start_empty_clears_the_evidence_and_opens_the_add_panel(page):
    open_builder(page)
    page.get_by_role("button", name="start empty").click()
    assert chosen(page) == []
    assert page.locator(".cb-builder__preview .cb-briefing__points").count() == 0
    assert page.locator(".cb-builder__more").evaluate("d => d.open")


def test_the_preset_is_one_click_and_every_candidate_matches_it(page, site_dir):
    data = builder_data(site_dir)
    year = data["facets"]["year"]
    ranks = {k[0]: k[2] for k in data["facets"]["kinds"]}
    open_builder(page)
    page.locator(".cb-builder__more summary").click()
    everything = page.locator(".cb-builder__pool [data-add]").count()
    page.get_by_role("button", name="UK councils · last five years · original sources").click()
    items = page.locator(".cb-builder__pool [data-add]").evaluate_all("els => els.map(e => e.dataset.add)")
    assert len(items) < everything
    for item in items:
        entry = data["cases"][item[2:]] if item.startswith("c:") else data["statements"][item[2:]]
        sectors = [entry["sector"]] if item.startswith("c:") else entry["sectors"]
        countries = [entry["country"]] if item.startswith("c:") else entry["countries"]
        years = [entry["year"]] if item.startswith("c:") else entry["years"]
        assert "local-government" in sectors and "GB" in countries, item
        assert max(years) >= year - 4 and ranks[entry["kind"]] >= 5, item
    expected = sum(
        1
        for kind, table in (("c", data["cases"]), ("s", data["statements"]))
        for i, e in table.items()
        if f"{kind}:{i}" not in standard(data)
        and "local-government" in ([e["sector"]] if kind == "c" else e["sectors"])
        and "GB" in ([e["country"]] if kind == "c" else e["countries"])
        and max([e["year"]] if kind == "c" else e["years"] or [0]) >= year - 4
        and ranks[e["kind"]] >= 5
    )
    assert len(items) == expected
    assert page.locator("select[name=pool_sector]").input_value() == "local-government"
    candidates = len(data["cases"]) + len(data["statements"]) - len(standard(data))
    assert page.locator(".cb-builder__count").inner_text() == f"{expected} of {candidates} shown"


def test_words_and_the_audience_filter_narrow_the_panel(page, site_dir):
    data = builder_data(site_dir)
    open_builder(page)
    page.locator(".cb-builder__more summary").click()
    case_id, case = next((i, c) for i, c in data["cases"].items() if AUDIENCE not in c["audiences"])
    page.locator("select[name=pool_audience]").select_option("")
    page.locator("input[name=pool_q]").fill(case["organisation"])
    items = page.locator(".cb-builder__pool [data-add]").evaluate_all("els => els.map(e => e.dataset.add)")
    assert f"c:{case_id}" in items
    page.locator("select[name=pool_audience]").select_option("this")
    items = page.locator(".cb-builder__pool [data-add]").evaluate_all("els => els.map(e => e.dataset.add)")
    assert f"c:{case_id}" not in items


def test_the_ask_box_grows_with_its_text(page):
    open_builder(page)
    box = page.get_by_label("Closing ask")
    before = box.bounding_box()["height"]
    box.fill("Approve a three-month pilot. " * 12)
    after = box.bounding_box()["height"]
    assert after > before + 30
    assert box.evaluate("b => b.scrollHeight <= b.clientHeight + 2")  # all of it shows


def test_footnote_markers_never_start_a_line(page):
    open_builder(page)
    keeps = page.locator(".cb-builder__preview sup.cb-cite").evaluate_all("""sups => sups.map(s => [
        s.parentElement.className, getComputedStyle(s.parentElement).whiteSpace,
        s.parentElement.firstChild.nodeType === 3 && s.parentElement.firstChild.textContent.trim().length > 0])""")
    assert keeps and all(k == ["cb-keep", "nowrap", True] for k in keeps), keeps
    # The text reads as before: statement, marker, label.
    first = page.locator(".cb-builder__preview .cb-briefing__points li").first.inner_text()
    assert "  " not in first


def test_on_a_phone_every_builder_button_is_44_px(browser, base_url):
    context, page, errors = open_page(browser, base_url, {"width": 390, "height": 844})
    open_builder(page)
    page.locator(".cb-builder__more summary").click()
    sizes = page.locator(".cb-builder__chosen button, .cb-builder__pool button, .cb-builder__preset").evaluate_all(
        "els => els.filter(e => e.offsetParent).map(e => [e.textContent, e.getBoundingClientRect().height, e.getBoundingClientRect().width])"
    )
    context.close()
    assert errors == [], errors
    assert sizes and all(h >= 44 and w >= 44 for _, h, w in sizes), [s for s in sizes if s[1] < 44 or s[2] < 44][:5]


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)])
def test_the_builder_fills_the_content_column(browser, base_url, width, height):
    context, page, errors = open_page(browser, base_url, {"width": width, "height": height})
    open_builder(page)
    widths = page.locator("#cb-builder").evaluate(
        "e => [e.getBoundingClientRect().width, e.parentElement.getBoundingClientRect().width]"
    )
    context.close()
    assert errors == [], errors
    assert widths[0] == pytest.approx(widths[1], abs=1), widths
