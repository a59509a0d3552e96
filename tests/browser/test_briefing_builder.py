"""The briefing builder as a manager uses it: pin evidence on a kit page, open the builder, reorder,
name the organisation, add a local figure, print one page and download an editable Word file."""

from __future__ import annotations

import io
import json
import re
from urllib.parse import parse_qs, urlparse

import docx
import pytest
from browser_support import wait_until

pytestmark = pytest.mark.browser
AUDIENCE = "customer-service"


def builder_data(site_dir):
    return json.loads((site_dir / "api" / "briefing-builder.json").read_text(encoding="utf-8"))


def open_builder(page, query=""):
    page.goto(f"briefing/{query}")
    wait_until(page, "window.cbBuilder && window.cbBuilder.ready")


def preview_statements(page):
    return [
        re.sub(r"\[[\d,]+\].*$", "", text).strip()
        for text in page.locator(".cb-builder__preview .cb-briefing__points li").all_inner_texts()
    ]


def test_audience_start_loads_that_audiences_standard_briefing(page, site_dir):
    data = builder_data(site_dir)
    kit = next(k for k in data["kits"] if k["id"] == AUDIENCE)
    open_builder(page, f"?audience={AUDIENCE}")
    assert preview_statements(page) == [data["statements"][i]["text"] for i in kit["statements"]]
    assert page.locator(".cb-builder__preview h1").inner_text() == kit["title"]
    other = data["kits"][0] if data["kits"][0]["id"] != AUDIENCE else data["kits"][1]
    page.get_by_label(other["name"], exact=True).check()
    assert preview_statements(page) == [data["statements"][i]["text"] for i in other["statements"]]
    assert parse_qs(urlparse(page.url).query)["audience"] == [other["id"]]


def test_pin_on_a_kit_page_reaches_the_builder_and_survives_reload(page, site_dir):
    page.goto(f"kits/{AUDIENCE}/")
    kit = next(k for k in builder_data(site_dir)["kits"] if k["id"] == AUDIENCE)
    card = (
        page.locator("#kit-benefits li[data-benefit-id]")
        .filter(has_not=page.locator(f'[data-pin="s:{kit["statements"][0]}"]'))
        .last
    )
    statement_id = card.get_attribute("data-benefit-id")
    pin = card.locator(".cb-pin")
    assert pin.inner_text() == "Pin to my briefing" and pin.get_attribute("aria-pressed") == "false"
    pin.click()
    assert pin.get_attribute("aria-pressed") == "true" and pin.inner_text() == "Pinned to my briefing"
    assert json.loads(page.evaluate("localStorage.getItem('cb-briefing-pins')")) == [f"s:{statement_id}"]
    page.locator(".cb-pin-tray").click()
    page.wait_for_url("**/briefing/?**")
    wait_until(page, "window.cbBuilder && window.cbBuilder.ready")
    assert f"s:{statement_id}" in parse_qs(urlparse(page.url).query)["items"][0].split(",")
    statement = builder_data(site_dir)["statements"][statement_id]["text"]
    assert statement in preview_statements(page)
    page.reload()
    wait_until(page, "window.cbBuilder && window.cbBuilder.ready")
    assert statement in preview_statements(page)


def test_reorder_remove_name_figure_and_ask_change_the_briefing_and_its_address(page):
    open_builder(page, f"?audience={AUDIENCE}")
    first, second = preview_statements(page)[:2]
    page.locator(".cb-builder__chosen li").first.get_by_role("button", name="Move down").click()
    assert preview_statements(page)[:2] == [second, first]
    page.locator(".cb-builder__chosen li").first.get_by_role("button", name="Remove").click()
    assert second not in preview_statements(page)
    page.get_by_label("Your organisation").fill("Anytown Borough Council")
    page.locator("input[name=f1]").fill("41,000 calls")
    page.locator("input[name=m1]").fill("Calls about bins last year")
    page.get_by_label("Closing ask").fill("Approve a three-month pilot from January")
    preview = page.locator(".cb-builder__preview")
    assert "Anytown Borough Council" in preview.locator(".cb-kicker").text_content()
    assert preview.locator(".cb-briefing__case--local .cb-briefing__figure").inner_text() == "41,000 calls"
    assert "Approve a three-month pilot from January" in preview.locator(".cb-briefing__ask").inner_text()
    address = page.url
    page.goto(address)
    wait_until(page, "window.cbBuilder && window.cbBuilder.ready")
    assert preview_statements(page)[0] == first
    assert page.get_by_label("Your organisation").input_value() == "Anytown Borough Council"


def test_sources_are_numbered_once_in_order_of_citation(page):
    open_builder(page, f"?audience={AUDIENCE}")
    preview = page.locator(".cb-builder__preview")
    cited = [int(n) for sup in preview.locator("sup.cb-cite").all_inner_texts() for n in sup.strip("[]").split(",")]
    sources = preview.locator(".cb-briefing__sources li").all_inner_texts()
    assert set(cited) == set(range(1, len(sources) + 1)) and len(set(sources)) == len(sources)
    first_seen = list(dict.fromkeys(cited))
    assert first_seen == sorted(first_seen)
    labels = preview.locator(".cb-briefing__points a.cb-strength")
    assert labels.count() == preview.locator(".cb-briefing__points li").count()
    assert all(
        h.startswith("../how-we-grade-evidence/#")
        for h in labels.evaluate_all("els => els.map(a => a.getAttribute('href'))")
    )


def test_custom_briefing_prints_on_one_a4_page_without_controls(page):
    open_builder(page, f"?audience={AUDIENCE}")
    page.get_by_label("Your organisation").fill("Anytown Borough Council")
    page.locator("input[name=f1]").fill("41,000 calls")
    page.locator("input[name=m1]").fill("Calls about bins last year")
    page.emulate_media(media="print")
    assert not page.locator(".cb-builder__controls").is_visible()
    assert page.locator(".cb-builder__preview h1").is_visible()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_word_download_opens_with_python_docx_and_holds_the_chosen_evidence(page):
    open_builder(page, f"?audience={AUDIENCE}")
    page.get_by_label("Your organisation").fill("Anytown Borough Council")
    assert page.evaluate("typeof window.docx") == "undefined"  # loaded only when asked for
    with page.expect_download() as info:
        page.get_by_role("button", name="Download Word file").click()
    download = info.value
    assert download.suggested_filename == "briefing-anytown-borough-council.docx"
    document = docx.Document(io.BytesIO(open(download.path(), "rb").read()))
    text = "\n".join(p.text for p in document.paragraphs)
    for statement in preview_statements(page):
        assert statement in text
    sources = page.locator(".cb-builder__preview .cb-briefing__sources li")
    hrefs = sources.locator(".cb-briefing__url").all_inner_texts()
    links = [(p.text.split(".")[0], link.address) for p in document.paragraphs for link in p.hyperlinks]
    assert links == [(str(n), href) for n, href in enumerate(hrefs, 1)]  # each numbered title links to its source
    assert "Anytown Borough Council" in text


def test_word_file_is_readable_type_on_one_a4_page(page, tmp_path):
    """The builder's Word file is set like the standard briefings' (tests/test_word_type.py): body at
    least 9 pt, notes at least 8 pt, single spaced, note numbers held to their word; and, where
    LibreOffice is installed, the audience's starting briefing lays out on one A4 page with no note
    number alone at the start of a line."""
    import shutil
    import subprocess

    from test_word_libreoffice import SOFFICE, pdf_pages
    from test_word_type import runs_of, single_spaced, type_sizes

    open_builder(page, f"?audience={AUDIENCE}")
    page.get_by_label("Your organisation").fill("Anytown Borough Council")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download Word file").click()
    shutil.copy(info.value.path(), tmp_path / "builder.docx")
    document = docx.Document(str(tmp_path / "builder.docx"))
    sizes = type_sizes(document)
    assert sizes["body"] and min(sizes["body"]) >= 9, sizes["body"]
    assert sizes["notes"] and min(sizes["notes"]) >= 8, sizes["notes"]
    assert single_spaced(document)
    marks = [run.text for p in document.paragraphs for run in runs_of(p) if run.font.superscript]
    assert marks and all(mark.startswith("\u2060[") for mark in marks), marks
    if SOFFICE:
        assert pdf_pages(tmp_path, [tmp_path / "builder.docx"]) == {"builder": 1}
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "builder.pdf"), "-"], capture_output=True)
            assert re.findall(r"(?m)^\s*\[[\d,]+\]", text.stdout.decode()) == []


def test_pin_on_an_explorer_card_reaches_the_builder(page, site_dir):
    page.goto(f"cases/?audience={AUDIENCE}")
    wait_until(page, "window.cbExplorer && window.cbExplorer.ready")
    card = page.locator(".cb-result").first
    case_id = card.get_attribute("data-case-id")
    pin = card.locator(".cb-pin")
    pin.click()
    assert pin.get_attribute("aria-pressed") == "true"
    page.locator(".cb-pin-tray").click()
    page.wait_for_url("**/briefing/?**")
    wait_until(page, "window.cbBuilder && window.cbBuilder.ready")
    assert f"c:{case_id}" in parse_qs(urlparse(page.url).query)["items"][0].split(",")
    sentence = builder_data(site_dir)["cases"][case_id]["sentence"]
    cards = page.locator(".cb-builder__preview .cb-briefing__sentence").all_inner_texts()
    assert any(card.startswith(sentence + ".") for card in cards)
