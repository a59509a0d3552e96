"""Persuasion kits as a manager uses them: pick an audience, read only that audience's material,
copy a statement with its citation, print the briefing."""

from __future__ import annotations

import json
import re

import pytest
from browser_support import wait_until

from casebook.model.strength import KINDS

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
        cases = page.locator("#kit-cases li[data-case-id]:visible").evaluate_all(
            "els => els.map(e => e.dataset.caseId)"
        )
        tagged = {c["id"] for c in load(site_dir, "cases") if kit["id"] in c["audiences"]}
        assert cases and set(cases) <= tagged and len(cases) == min(12, len(tagged))
        assert page.locator("#kit-cases").get_attribute("data-total") == str(len(tagged))
        page.locator(".cb-all-cases a").click()  # the audience's own page: it works without JavaScript
        page.wait_for_url(f"**/cases/for/{kit['id']}/")
        listed = page.locator(".cb-plain-list li").evaluate_all("els => els.map(e => e.dataset.caseId)")
        assert sorted(listed) == sorted(tagged)


def test_statements_are_strongest_first_and_labels_explain_themselves(page, site_dir):
    page.goto(f"kits/{AUDIENCE}/")
    labels = page.locator("#kit-benefits .cb-strength").all_inner_texts()
    rank = {kind.label: kind.rank for kind in KINDS}
    assert [rank[label] for label in labels] == sorted((rank[label] for label in labels), reverse=True)
    page.locator("#kit-benefits a.cb-strength").first.click()
    page.wait_for_load_state()
    assert page.url.split("#")[0].endswith("/how-we-grade-evidence/")
    assert page.locator("h1").inner_text().startswith("How we grade evidence")
    assert page.locator("table.cb-kinds tbody tr").count() == len(KINDS)


def test_copy_with_citation_puts_quote_explanation_and_numbered_sources_on_the_clipboard(browser, base_url, site_dir):
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
    assert lines[0].startswith(f"“{benefit['statement']}” [1")  # the quote closes before anything else
    sources = lines[lines.index("Sources") + 1 : -1]
    assert [line.split(". ")[0] for line in sources] == [str(n) for n in range(1, len(sources) + 1)]
    assert all(re.search(r"https?://\S+$", line) for line in sources)
    assert len(set(sources)) == len(sources)
    count = int(item.locator(".cb-benefit-item__meta").inner_text().split("·")[1].split()[0])
    assert count == len(sources)  # "2 sources" means two listed
    assert lines[-1] == f"From Buy-in Casebook: {base_url}benefits/{benefit_id}/"
    html = page.evaluate("""async () => {
        const [item] = await navigator.clipboard.read();
        return await (await item.getType("text/html")).text();
    }""")
    assert html.index("”") < html.index("<ol>") and re.search(r'<a href="https?://', html)
    context.close()


def test_objections_are_disclosures_with_body_size_answers_and_copy(browser, base_url):
    context = browser.new_context(base_url=base_url, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"kits/{AUDIENCE}/")
    second = page.locator("details.cb-objection").nth(1)
    assert second.get_attribute("open") is None
    marker = second.locator("summary").evaluate("s => getComputedStyle(s, '::before').content")
    assert marker not in ("none", "normal")
    second.locator("summary").focus()
    page.keyboard.press("Enter")
    assert second.get_attribute("open") is not None
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    answer = second.locator(".cb-objection__answer p").first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    assert answer == body
    second.get_by_role("button", name="Copy this answer").click()
    second.locator(".cb-copy__status").wait_for(state="visible")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("“" + second.locator("summary").inner_text().strip("“”"))
    context.close()


def test_kit_prints_on_at_most_four_a4_pages_without_buttons(page):
    for audience in ("executives", "customer-service", AUDIENCE):
        page.goto(f"kits/{audience}/")
        page.emulate_media(media="print")
        assert page.locator(".md-button:visible, .cb-copy__button:visible, .cb-case-filter:visible").count() == 0
        answers = page.locator(".cb-objection__answer")
        assert all(answers.nth(i).is_visible() for i in range(answers.count()))
        pages = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4", prefer_css_page_size=True)))
        assert 1 <= pages <= 4, f"{audience} kit prints on {pages} pages"


def test_case_list_filters_by_recent_evidence_and_sector(page, site_dir):
    page.goto(f"kits/{AUDIENCE}/")
    cases = [c for c in load(site_dir, "cases") if AUDIENCE in c["audiences"]]
    form = page.locator(".cb-case-filter")
    since = int(form.locator("input[name=recent]").get_attribute("value"))
    form.locator("input[name=recent]").check()
    shown = page.locator("#kit-cases li[data-case-id]:visible").evaluate_all("els => els.map(e => e.dataset.caseId)")
    assert set(shown) == {c["id"] for c in cases if c["year"] >= since}
    form.locator("input[name=recent]").uncheck()
    sector = form.locator("select[name=sector] option").nth(1).get_attribute("value")
    form.locator("select[name=sector]").select_option(sector)
    shown = page.locator("#kit-cases li[data-case-id]:visible").evaluate_all("els => els.map(e => e.dataset.caseId)")
    assert set(shown) == {c["id"] for c in cases if c["sector"] == sector}
    assert form.locator(".cb-case-filter__count").inner_text().startswith(f"{len(shown)} case")


def test_each_briefing_prints_on_one_a4_page_and_names_its_audience(page, site_dir):
    builder = json.loads((site_dir / "api/briefing-builder.json").read_text(encoding="utf-8"))
    pilots, site = builder["pilots"], builder["site"]
    for kit in load(site_dir, "kits"):
        page.goto(f"kits/{kit['id']}/briefing/")
        assert page.locator(".cb-briefing__points li").count() >= 1
        assert page.locator(".cb-briefing__case").count() <= 3
        address = page.locator(".cb-site-address")  # the public address, not this preview's 127.0.0.1
        assert address.inner_text() == f"{site['short']}/kits/{kit['id']}" and "127.0.0.1" not in address.inner_text()
        assert address.get_attribute("href") == f"{site['address']}kits/{kit['id']}/"
        if kit.get("pilot"):
            shown = page.locator(".cb-briefing .cb-pilot--shared dd").all_inner_texts()
            assert shown == [text for _, _, text in pilots[kit["pilot"]]["shared"]]
        title = page.locator("h1").inner_text()
        assert kit["name"].lower() in page.locator(".cb-kicker").inner_text().lower()
        assert "briefing for" in title.lower()
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"{kit['id']} briefing prints on {pages} pages"


def test_standard_briefing_downloads_as_a_word_file(page, site_dir):
    import io

    import docx

    page.goto(f"kits/{AUDIENCE}/briefing/")
    with page.expect_download() as info:
        page.get_by_role("link", name="Word file (.docx)").click()
    document = docx.Document(io.BytesIO(open(info.value.path(), "rb").read()))
    text = "\n".join(p.text for p in document.paragraphs)
    for statement in page.locator(".cb-briefing__points li").all_inner_texts():
        assert statement.split("[")[0].strip() in text
    assert "Sources" in text and "1. " in text


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


def test_explorer_cards_show_the_marked_headline_figure(page, site_dir):
    marked = [c for c in load(site_dir, "cases") if any(o.get("headline") for o in c["outcomes"])]
    if not marked:
        pytest.skip("no case marks a headline outcome today")
    case = marked[0]
    headline = next(o for o in case["outcomes"] if o.get("headline"))
    page.goto("cases/")
    wait_until(page, "window.cbExplorer && window.cbExplorer.ready")
    card = page.locator(f'.cb-result[data-case-id="{case["id"]}"]')
    if not card.count():  # beyond the first page of results: search for it
        page.fill(".cb-explorer__search input", case["title"])
    assert card.locator(".cb-card__figure strong").inner_text() == headline["value"]


def test_a_citation_in_an_answer_opens_the_kits_source_that_holds_it(page, site_dir):
    kit = next(k for k in load(site_dir, "kits") if k.get("sources"))
    page.goto(f"kits/{kit['id']}/")
    answer = page.locator("details.cb-objection[open] .cb-objection__answer")
    cite = answer.locator("sup.cb-cite a").first
    number = int(cite.inner_text())
    cite.click()
    wait_until(page, f"location.hash === '#kit-source-{number}'")
    target = page.locator(f"#kit-source-{number}")
    assert target.is_visible() and target.evaluate("e => e.matches(':target')")
    assert target.locator("a").first.get_attribute("href") == kit["sources"][number - 1]["url"]
    box = target.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]


def test_the_kit_filter_counts_the_same_cases_as_its_header(page):
    page.goto("kits/executives/")
    header = int(page.locator(".cb-kit .cb-kicker").inner_text().split(" · ")[1].split()[0].replace(",", ""))
    page.locator(".cb-case-filter input[name=recent]").check()
    count = page.locator(".cb-case-filter__count").inner_text()
    assert count.endswith(f"(of {header})"), (count, header)


def test_the_copied_source_line_holds_the_address_as_written(browser, base_url):
    """The rich copy's "From Buy-in Casebook" line is built as nodes, so an address with markup-like
    text (`&lt=` decodes to `<=` when pasted into HTML as a string) reaches the clipboard unchanged."""
    context = browser.new_context(base_url=base_url, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"kits/{AUDIENCE}/")
    button = page.locator("#kit-benefits li[data-benefit-id]").first.get_by_role("button", name="Copy with citation")
    button.evaluate("b => b.setAttribute('data-copy-url', b.getAttribute('data-copy-url') + '?a=1&lt=2')")
    button.click()
    page.locator("#kit-benefits .cb-copy__status").first.wait_for(state="visible")
    pasted = page.evaluate("""async () => {
        const [item] = await navigator.clipboard.read();
        const box = document.createElement("div");
        box.innerHTML = await (await item.getType("text/html")).text();
        return [box.lastElementChild.textContent, box.lastElementChild.querySelector("a").getAttribute("href")];
    }""")
    assert pasted[0].endswith("?a=1&lt=2") and pasted[1].endswith("?a=1&lt=2")
    context.close()
