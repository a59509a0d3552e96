"""The results report on /briefing/: figures in, a verdict that follows the thresholds agreed in the
plan (met, missed, stop rule triggered), one A4 page in print, a Word file, and a case study file
that passes the project's validator with zero problems and opens in the propose form."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys

import docx
import pytest
import yaml
from browser_support import wait_until

from casebook.kinds import FOLDERS, TAXONOMY
from support import ROOT
from test_word_libreoffice import SOFFICE, pdf_pages

pytestmark = pytest.mark.browser
PLAN = "?p.org=Anytown+Borough+Council&p.service=garden+waste&p.start=2026-03&p.weeks=10&p.hours=8&p.rate=24.5&p.cost_per_call=5&p.fall=10&p.slip=30"
# Calls 1,000 -> 850 (-15%, meets 10%); 60 hours at £24.50 over 600 questions = £2.45 a question (< £5).
MET = {
    "calls_last_year": "1000",
    "calls_before": "1300",
    "calls_pilot": "850",
    "social": "600",
    "hours_used": "60",
    "answer_before": "40",
    "answer_pilot": "45",
    "weeks_over": "0",
}


def open_report(page, figures: dict, *, advisers_stop: bool = False):
    page.goto("briefing/" + PLAN)
    wait_until(page, "window.cbReport && window.cbReport.ready")
    form = page.locator(".cb-report__form")
    for name, value in figures.items():
        form.locator(f"[name={name}]").fill(value)
    if advisers_stop:
        form.locator("[name=advisers_stop]").check()
    return page.locator(".cb-report__sheet")


def verdict(sheet) -> str:
    return sheet.locator(".cb-verdict").get_attribute("data-verdict")


def test_verdict_follows_the_thresholds(page):
    sheet = open_report(page, MET)
    assert verdict(sheet) == "continue"
    assert sheet.locator("[data-threshold=calls]").get_attribute("data-met") == "true"
    assert "(-15%)" in sheet.locator("[data-threshold=calls]").inner_text()
    assert "£2.45 a question" in sheet.locator("[data-threshold=cost]").inner_text()
    assert "Not triggered" in sheet.locator(".cb-report__stop").inner_text()
    page.locator(".cb-report__form [name=calls_pilot]").fill("950")  # -5%: below the 10% agreed
    assert verdict(sheet) == "missed"
    assert sheet.locator("[data-threshold=calls]").get_attribute("data-met") == "false"
    assert sheet.locator("[data-threshold=cost]").get_attribute("data-met") == "true"
    page.locator(".cb-report__form [name=calls_pilot]").fill("850")
    page.locator(".cb-report__form [name=answer_pilot]").fill("75")  # +35 s: over the 30 s agreed
    assert verdict(sheet) == "stop"
    assert "slipped by 35 seconds" in sheet.locator(".cb-verdict").inner_text()
    page.locator(".cb-report__form [name=answer_pilot]").fill("45")
    page.locator(".cb-report__form [name=advisers_stop]").check()
    assert verdict(sheet) == "stop" and "the advisers asked to stop" in sheet.locator(".cb-verdict").inner_text()


def test_a_changed_threshold_in_the_plan_changes_the_verdict(page):
    sheet = open_report(page, MET)
    assert verdict(sheet) == "continue"
    page.locator(".cb-planner__form [name=fall]").fill("20")  # -15% no longer enough
    assert verdict(sheet) == "missed"


def test_report_prints_on_one_page_and_keeps_its_figures(page):
    sheet = open_report(page, MET)
    page.locator(".cb-report__form [name=feedback_advisers]").fill("Quicker to answer once in public.")
    page.evaluate("document.body.classList.add('cb-print-report')")
    page.emulate_media(media="print")
    assert page.locator(".cb-builder").is_hidden() and page.locator(".cb-planner").is_hidden()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    page.emulate_media(media="screen")
    page.reload()
    wait_until(page, "window.cbReport && window.cbReport.ready")
    assert verdict(sheet) == "continue"
    assert "Quicker to answer once in public." in sheet.inner_text()


def test_report_word_file(page, tmp_path):
    open_report(page, MET)
    with page.expect_download() as info:
        page.locator("[data-report=docx]").click()
    document = docx.Document(io.BytesIO(open(info.value.path(), "rb").read()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.count("Met: ") == 2 and "Continue: both thresholds" in text
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "1,000 in the same weeks last year" in cells and "-15%" in cells and "£2.45" in cells
    if SOFFICE:  # one A4 page where LibreOffice is installed
        shutil.copy(info.value.path(), tmp_path / "report.docx")
        assert pdf_pages(tmp_path, [tmp_path / "report.docx"]) == {"report": 1}


def content_copy(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    for name in (*FOLDERS.values(), TAXONOMY, "docs"):  # every content folder the registry knows
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, root / name)
    return root


def test_results_become_a_valid_case_that_opens_in_the_propose_form(page, tmp_path):
    open_report(page, MET)
    form = page.locator(".cb-report__form")
    form.locator("[name=url]").fill("https://www.anytown.gov.uk/committee/pilot-results")
    form.locator("[name=feedback_members]").fill("Residents noticed the quick answers.")
    page.locator("[data-report=case]").click()
    with page.expect_download() as info:
        page.locator("[data-report=download]").click()
    name = info.value.suggested_filename
    assert name.endswith(".yml") and name.startswith("anytown-borough-council")
    text = open(info.value.path(), encoding="utf-8").read()
    case = yaml.safe_load(text)
    headline = case["outcomes"][0]
    assert headline["basis"] == "counted" and headline["kind"] == "contact" and headline["headline"] is True
    assert headline["value"] == "-15% (1,000 to 850 calls)" and "garden waste" in headline["measure"]
    assert "10 weeks" in case["caveats"] and "Seasonal demand" in case["caveats"]
    root = content_copy(tmp_path)
    (root / "case_studies" / name).write_text(text, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "validate.py"),
            "--root",
            str(root),
            "--strict",
            str(root / "case_studies" / name),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and "No problems found." in result.stdout + result.stderr, (
        result.stdout + result.stderr
    )
    title = case["title"]
    page.locator("[data-report=propose]").click()
    page.wait_for_selector("#cb-propose.cb-pf--ready")
    assert page.input_value("#pf-title") == title
    assert page.input_value("#pf-organisation") == "Anytown Borough Council"
    assert page.locator('[data-items="outcomes"] > li').count() == len(case["outcomes"])
    in_form = yaml.safe_load(page.inner_text("#pf-yaml"))
    assert in_form["title"] == title and in_form["outcomes"][0]["basis"] == "counted"
    assert in_form["outcomes"][0]["kind"] == "contact" and in_form["sources"] == case["sources"]
    assert page.locator("#pf-status").inner_text().startswith("Ready"), page.locator("#pf-status").inner_text()
    assert page.locator("#pf-restore-notice").count() == 0 or page.locator("#pf-restore-notice").is_hidden()
