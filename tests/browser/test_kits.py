"""Persuasion kits as a manager uses them: pick an audience, read only that audience's material,
copy a statement with its citation, print the briefing."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.browser
AUDIENCE = "elected-members"


def load(site_dir, name):
    return json.loads((site_dir / "api" / f"{name}.json").read_text(encoding="utf-8"))


def test_home_lists_one_card_per_audience_in_order(page, site_dir):
    kits = load(site_dir, "kits")
    page.goto("")
    names = page.locator(".cb-audience__name").all_inner_texts()
    assert names == [k["name"] for k in sorted(kits, key=lambda k: k["order"])]


def test_audience_card_opens_its_kit(page, site_dir):
    page.goto("")
    page.locator(f'.cb-audience[data-kit-id="{AUDIENCE}"]').click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/kits/{AUDIENCE}/")
    kit = next(k for k in load(site_dir, "kits") if k["id"] == AUDIENCE)
    assert page.locator("h1").inner_text() == kit["name"]
    assert page.locator("details.cb-objection").count() == len(kit["objections"])


def test_kit_shows_only_material_tagged_for_its_audience(page, site_dir):
    for kit in load(site_dir, "kits"):
        page.goto(f"kits/{kit['id']}/")
        shown_benefits = page.locator("#kit-benefits li[data-benefit-id], .cb-more li[data-benefit-id]")
        shown = set(shown_benefits.evaluate_all("els => els.map(e => e.dataset.benefitId)"))
        tagged = {b["id"] for b in load(site_dir, "benefits") if kit["id"] in b["audiences"]}
        assert shown == tagged
        cases = page.locator("#kit-cases li[data-case-id]").evaluate_all("els => els.map(e => e.dataset.caseId)")
        tagged = {c["id"] for c in load(site_dir, "cases") if kit["id"] in c["audiences"]}
        assert cases and set(cases) <= tagged and len(cases) == min(12, len(tagged))
        assert page.locator("#kit-cases").get_attribute("data-total") == str(len(tagged))
        page.locator(".cb-all-cases a").click()
        page.wait_for_function("window.cbExplorer && window.cbExplorer.ready")
        assert page.locator(".cb-explorer__count").inner_text() == f"{len(tagged)} cases"


def test_statements_are_strongest_first(page, site_dir):
    page.goto(f"kits/{AUDIENCE}/")
    labels = page.locator("#kit-benefits .cb-strength").all_inner_texts()
    rank = {"Strong evidence": 4, "Good evidence": 3, "Moderate evidence": 2, "Weak evidence": 1}
    assert [rank[label] for label in labels] == sorted((rank[label] for label in labels), reverse=True)


def test_copy_with_citation_puts_statement_source_and_address_on_the_clipboard(browser, base_url, site_dir):
    context = browser.new_context(base_url=base_url, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"kits/{AUDIENCE}/")
    item = page.locator("#kit-benefits li[data-benefit-id]").first
    benefit_id = item.get_attribute("data-benefit-id")
    benefit = next(b for b in load(site_dir, "benefits") if b["id"] == benefit_id)
    button = item.get_by_role("button", name="Copy with citation")
    button.focus()
    page.keyboard.press("Enter")  # keyboard reachable, not only clickable
    status = item.locator(".cb-copy__status")
    status.wait_for(state="visible")
    assert status.inner_text() == "Copied with citation"
    copied = page.evaluate("navigator.clipboard.readText()")
    lines = copied.splitlines()
    assert lines[0] == f"“{benefit['statement']}”"
    assert lines[1].startswith("Sources: ")
    assert lines[2] == f"{base_url}benefits/{benefit_id}/"
    context.close()


def test_briefing_prints_on_at_most_two_a4_pages(page):
    for audience in ("executives", "customer-service", AUDIENCE):
        page.goto(f"kits/{audience}/briefing/")
        assert page.locator(".cb-briefing__points li").count() == 5
        assert 2 <= page.locator(".cb-briefing__case").count() <= 3
        assert page.locator(".cb-briefing dt").count() == 3
        assert page.locator(".cb-site-address").inner_text().startswith("http://127.0.0.1")
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert 1 <= pages <= 2, f"{audience} briefing prints on {pages} pages"


def test_briefing_print_button_opens_the_print_dialog(page):
    page.goto(f"kits/{AUDIENCE}/briefing/")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Print this briefing").click()
    assert page.evaluate("window.__printed") == 1


def test_briefing_hides_site_chrome_when_printed(page):
    page.goto(f"kits/{AUDIENCE}/briefing/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".cb-briefing__tools").is_visible()
    assert page.locator(".cb-briefing h1").is_visible()


def test_kit_links_to_its_training_agenda_which_keeps_notes_off_the_page(page):
    page.goto(f"kits/{AUDIENCE}/")
    page.locator(".cb-actions a", has_text="Training route").click()
    page.wait_for_load_state()
    assert page.locator(".cb-agenda").count() == 1
    assert page.locator(".cb-notes").count() == 0  # notes live in the presenter view and guide only
