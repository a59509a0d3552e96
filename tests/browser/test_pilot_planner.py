"""The pilot planner on /briefing/: the manager's numbers reach all three audiences' printed
briefings and Word files, the calculator's cost per call arrives, and the plan survives a reload
and a shared link. Expected words come from the build's own data (api/briefing-builder.json) and
from casebook's wording of the same plan, never from copies in this file."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import shutil
import subprocess

import docx
import pytest
from browser_support import wait_until

from casebook.model.pilot import money
from test_word_libreoffice import SOFFICE, pdf_pages

pytestmark = pytest.mark.browser
PLAN = {
    "org": "Anytown Borough Council",
    "service": "garden waste",
    "start": "2027-03",
    "weeks": "10",
    "hours": "8",
    "rate": "24.50",
    "cost_per_call": "5.10",
    "fall": "15",
    "slip": "40",
    "reporting": "the cabinet member for customer services",
}


def builder_data(site_dir):
    return json.loads((site_dir / "api" / "briefing-builder.json").read_text(encoding="utf-8"))


def pilot_of(site_dir):
    data = builder_data(site_dir)
    pilot_id = next(kit["pilot_id"] for kit in data["kits"] if kit["pilot_id"])
    return data["pilots"][pilot_id], [kit for kit in data["kits"] if kit["pilot_id"] == pilot_id]


def open_planner(page, query=""):
    page.goto(f"briefing/{query}")
    wait_until(page, "window.cbPlanner && window.cbPlanner.ready")


def fill_plan(page):
    form = page.locator(".cb-planner__form")
    for name, value in PLAN.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("select[name=cover]").select_option("overtime")


def sheet_facts(page, audience):
    sheet = page.locator(f'.cb-planner__sheet[data-audience="{audience}"]')
    return sheet.locator(".cb-pilot--shared dd").all_inner_texts()


def test_default_plan_words_the_facts_as_the_standard_briefings(page, site_dir):
    pilot, kits = pilot_of(site_dir)
    open_planner(page)
    expected = [text for _, _, text in pilot["shared"]]
    for kit in kits:
        assert sheet_facts(page, kit["id"]) == expected
    page.goto(f"kits/{kits[0]['id']}/briefing/")
    assert page.locator(".cb-briefing .cb-pilot--shared dd").all_inner_texts() == expected


def test_planner_numbers_reach_all_three_briefings_in_print(page, site_dir):
    pilot, kits = pilot_of(site_dir)
    open_planner(page)
    fill_plan(page)
    total_hours = 8 * 10
    cost = f"{total_hours} hours × £24.50 an hour = {money(total_hours * 24.5)} for the whole pilot."
    facts = page.evaluate("window.cbPlanner.facts()")
    for kit in kits:
        shown = sheet_facts(page, kit["id"])
        assert shown == [text for _, _, text in facts]
        text = " ".join(shown)
        assert cost in text and "garden waste" in text and "March 2027" in text
        assert "at least 15%" in text and "more than 40 seconds" in text and "(£5.10 a call)" in text
        assert "overtime budget" in text and "The cabinet member for customer services" in text
        assert (
            "Anytown Borough Council"
            in page.locator(f'.cb-planner__sheet[data-audience="{kit["id"]}"] .cb-kicker').text_content()
        )
    page.evaluate("window.cbPlanner.preparePrint(true)")
    page.emulate_media(media="print")
    assert page.locator(".cb-builder").is_hidden()
    assert page.locator(".cb-planner__sheet").count() == len(kits)
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == len(kits), f"the {len(kits)} briefings print on {pages} pages"
    if shutil.which("pdftotext"):  # the printed pages themselves carry the plan's numbers
        printed = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        for number, kit in enumerate(kits):
            sheet = " ".join(printed.split("\f")[number].split())
            assert money(total_hours * 24.5) in sheet and "garden waste" in sheet and kit["name"] in sheet


def test_planner_word_files_hold_the_plan(page, site_dir, tmp_path):
    pilot, kits = pilot_of(site_dir)
    open_planner(page)
    fill_plan(page)
    facts = page.evaluate("window.cbPlanner.facts()")
    for kit in kits:
        with page.expect_download() as info:
            page.locator(f'[data-planner=docx][data-audience="{kit["id"]}"]').click()
        assert info.value.suggested_filename == f"pilot-{kit['id']}.docx"
        document = docx.Document(str(info.value.path()))
        paragraphs = [p.text for p in document.paragraphs]
        sizes = [run.font.size.pt for p in document.paragraphs for run in p.runs if run.font.size]
        assert sizes and min(sizes) >= 8, sizes  # nothing on the sheet smaller than the briefing's notes
        for _, label, text in facts:
            assert f"{label}: {text}" in paragraphs
        for label, text in pilot["views"][kit["id"]]["points"]:
            assert f"{label}: {text}" in paragraphs
        assert any("Anytown Borough Council" in p for p in paragraphs)
        shutil.copy(info.value.path(), tmp_path / f"pilot-{kit['id']}.docx")
    if SOFFICE:  # each lays out on one A4 page where LibreOffice is installed
        files = sorted(tmp_path.glob("*.docx"))
        assert set(pdf_pages(tmp_path, files).values()) == {1}


def test_calculator_result_arrives(page, site_dir):
    open_planner(page)
    assert page.locator(".cb-planner__calculator").is_hidden()
    page.evaluate(
        "localStorage.setItem('cb-calculator-result', JSON.stringify({version: 1, costPerCall: 7.25, costPerSocial: 4.26}))"
    )
    open_planner(page)
    box = page.locator(".cb-planner__calculator")
    assert box.is_visible() and "£7.25" in box.inner_text() and "£4.26" in box.inner_text()
    box.get_by_role("button", name="Use the calculator's figures").click()
    assert page.locator(".cb-planner__form [name=cost_per_call]").input_value() == "7.25"
    assert "(£7.25 a call)" in " ".join(sheet_facts(page, pilot_of(site_dir)[1][0]["id"]))
    assert parse_qs(urlparse(page.url).query)["p.cost_per_call"] == ["7.25"]


def test_plan_survives_reload_and_a_shared_link(page, browser, base_url, site_dir):
    kits = pilot_of(site_dir)[1]
    open_planner(page, "?audience=executives")
    fill_plan(page)
    address = page.url
    query = parse_qs(urlparse(address).query)
    assert query["p.service"] == ["garden waste"] and query["p.hours"] == ["8"] and query["audience"] == ["executives"]
    page.goto("briefing/")  # no plan in the address: this browser's copy
    wait_until(page, "window.cbPlanner && window.cbPlanner.ready")
    assert page.locator(".cb-planner__form [name=service]").input_value() == "garden waste"
    other = browser.new_context(base_url=base_url)  # a colleague opening the link: no local storage
    try:
        shared = other.new_page()
        shared.goto(address)
        wait_until(shared, "window.cbPlanner && window.cbPlanner.ready")
        text = " ".join(
            shared.locator(
                f'.cb-planner__sheet[data-audience="{kits[-1]["id"]}"] .cb-pilot--shared dd'
            ).all_inner_texts()
        )
        assert "garden waste" in text and "No more than 8 adviser-hours a week, 80 in all" in text
    finally:
        other.close()


def test_a_wrong_number_says_what_is_wrong_and_keeps_the_last_good_plan(page):
    open_planner(page)
    hours = page.locator(".cb-planner__form [name=hours]")
    hours.fill("8")
    hours.fill("lots")
    error = page.locator("#pl-err-hours")
    assert error.is_visible() and error.inner_text() == "Enter a number."
    assert hours.get_attribute("aria-invalid") == "true"
    assert "No more than 8 adviser-hours a week" in " ".join(
        page.locator(".cb-planner__sheet").first.locator("dd").all_inner_texts()
    )


def test_no_sideways_scroll_at_390(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        open_planner(page)
        fill_plan(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_sheets_print_the_public_address_not_this_preview(page, site_dir):
    data = builder_data(site_dir)
    _, kits = pilot_of(site_dir)
    open_planner(page)
    for kit in kits:
        address = page.locator(f'.cb-planner__sheet[data-audience="{kit["id"]}"] .cb-planner__address').inner_text()
        assert address.endswith(f"{data['site']['short']}/kits/{kit['id']}") and "127.0.0.1" not in address


def test_a_standard_briefing_leads_to_the_planner(page, site_dir):
    _, kits = pilot_of(site_dir)
    page.goto(f"kits/{kits[0]['id']}/briefing/")
    page.get_by_role("link", name="Plan the pilot with your numbers").click()
    wait_until(page, "window.cbPlanner && window.cbPlanner.ready")
    assert urlparse(page.url).fragment == "pilot-planner"
    assert page.locator(".cb-planner__sheet").count() == len(kits)
