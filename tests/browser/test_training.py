"""Training mode as a trainer uses it in a room: find a session, read its agenda, present it step
by step on the projector with keys and buttons, follow along in the presenter window, print the
handout and the facilitator guide, download the slides. Routes are discovered from /training/,
never named, so a new route never breaks these tests."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import re
import subprocess
from urllib.parse import urljoin

import pytest
from PIL import Image
from pptx import Presentation

from axe_support import violations
from browser_support import open_page, wait_until
from casebook.repository import load_casebook
from casebook.exports.slides import plain_notes
from support import ROOT

pytestmark = pytest.mark.browser
PROJECTOR = {"width": 1920, "height": 1080}
CHROME = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer")
# Prose a room has to read; labels, sources, code and the step counter are small print.
BODY_TEXT = """els => els.filter(e => e.getClientRects().length && e.innerText.trim() && !e.closest(
  '.cb-slide__sources, .cb-kicker, .cb-figure__source, .cb-deck__count, pre, .admonition-title'))
  .map(e => parseFloat(getComputedStyle(e).fontSize))"""


def route_ids(page) -> list[str]:
    page.goto("training/")
    return page.locator(".cb-route-item").evaluate_all("els => els.map(e => e.dataset.routeId)")


def agenda_rows(page, route: str) -> list[dict]:
    page.goto(f"training/{route}/")
    return page.locator("tr.cb-agenda__step").evaluate_all("""rows => rows.map(r => ({
        step: +r.dataset.step, start: +r.dataset.start, minutes: +r.dataset.minutes,
        optional: r.classList.contains('cb-agenda__step--optional')}))""")


def current_step(page) -> int:
    return int(page.locator(".cb-step-page").get_attribute("data-step"))


def wait_for_step(page, number: int) -> None:
    wait_until(page, f"document.querySelector('.cb-step-page')?.dataset.step === '{number}'")


def slide_count(page) -> int:
    return int(page.locator(".cb-deck").get_attribute("data-slides"))


def show_slide(page, number: int) -> None:
    """Page Down (or Page Up) until the step's slide `number` is on screen."""
    current = int(page.locator(".cb-slide--on").get_attribute("data-slide"))
    key = "PageDown" if number > current else "PageUp"
    for _ in range(abs(number - current)):
        page.keyboard.press(key)
    wait_until(page, f"document.querySelector('.cb-slide--on')?.dataset.slide === '{number}'")


@pytest.fixture
def route(page) -> str:
    return route_ids(page)[0]


@pytest.fixture
def projector(browser, base_url):
    context = browser.new_context(viewport=PROJECTOR, base_url=base_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def test_training_is_in_the_top_navigation_and_linked_from_home_and_every_kit(page, site_dir):
    page.goto("")
    page.locator(".md-tabs a", has_text="Training").click()
    page.wait_for_load_state()
    assert page.url.endswith("/training/") and page.locator("h1").inner_text() == "Training sessions"
    page.goto("")
    page.locator("a[href='training/']").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/training/")
    kits = json.loads((site_dir / "api" / "kits.json").read_text(encoding="utf-8"))
    assert kits
    for kit in kits:
        page.goto(f"kits/{kit['id']}/")
        page.locator(".cb-all-training a").click()
        page.wait_for_load_state()
        assert page.url.endswith("/training/")


def test_index_lists_every_route_file(page):
    assert sorted(route_ids(page)) == sorted(p.stem for p in (ROOT / "training").glob("*.yml"))
    for item in page.locator(".cb-route-item").all():
        meta = item.locator(".cb-route-item__meta").inner_text()
        assert re.match(r"\d+ minutes( \(\d+ without optional steps\))? · \d+ steps", meta)


def test_agenda_start_times_run_on_from_welcome_to_close_and_totals_count_optional_steps(page):
    for route in route_ids(page):
        rows = agenda_rows(page, route)
        timed = page.locator("tr.cb-agenda__welcome, tr.cb-agenda__step, tr.cb-agenda__close").evaluate_all(
            "rows => rows.map(r => [+r.dataset.start, +r.dataset.minutes])"
        )
        assert len(timed) == len(rows) + 2 and timed[0][0] == 0 and timed[1][0] == rows[0]["start"] > 0
        assert all(b[0] == a[0] + a[1] for a, b in itertools.pairwise(timed))
        totals = page.locator(".cb-agenda__totals")
        total = timed[-1][0] + timed[-1][1]
        core = total - sum(r["minutes"] for r in rows if r["optional"])
        assert (int(totals.get_attribute("data-total")), int(totals.get_attribute("data-core-total"))) == (total, core)
        shown = page.locator(".cb-agenda__start").evaluate_all("els => els.map(e => e.firstChild.textContent)")
        assert shown[0] == "0:00" and shown[-1] == f"{total // 60}:{total % 60:02d}"
        assert page.locator("tr.cb-agenda__welcome").inner_text().count("Welcome") == 1


def test_agenda_buttons_start_presenting_and_open_handout_guide_and_presenter(page, route):
    page.goto(f"training/{route}/")
    page.get_by_role("link", name="Start presenting").click()
    wait_for_step(page, 1)
    assert page.evaluate("document.documentElement.classList.contains('cb-present')")
    for name, path in (("Participant handout", "handout/"), ("Facilitator guide", "guide/")):
        page.goto(f"training/{route}/")
        page.locator(".cb-agenda__actions").get_by_role("link", name=name).click()
        page.wait_for_load_state()
        assert page.url.endswith(f"/training/{route}/{path}")
    page.goto(f"training/{route}/")
    with page.context.expect_page() as popup:
        page.get_by_role("link", name="Presenter view").click()
    presenter = popup.value
    presenter.wait_for_load_state()
    assert presenter.url.endswith(f"/training/{route}/presenter/")


def test_previous_and_next_buttons_walk_the_route_and_never_leave_it(page):
    for route in route_ids(page):
        steps = len(agenda_rows(page, route))
        page.goto(f"training/{route}/1/")
        for number in range(2, steps + 1):
            page.locator(".cb-step-nav__next").click()
            page.wait_for_load_state()
            assert page.url.endswith(f"/training/{route}/{number}/") and current_step(page) == number
        page.locator(".cb-step-nav__next").click()
        page.wait_for_load_state()
        assert page.url.endswith(f"/training/{route}/")
        page.goto(f"training/{route}/{steps}/")
        for number in range(steps - 1, 0, -1):
            page.locator(".cb-step-nav__prev").click()
            page.wait_for_load_state()
            assert page.url.endswith(f"/training/{route}/{number}/")
        hrefs = page.locator(".cb-step-nav a").evaluate_all("els => els.map(e => e.href)")
        assert all(f"/training/{route}/" in href for href in hrefs)


def test_arrow_keys_move_between_steps_outside_projector_mode(page, route):
    page.goto(f"training/{route}/1/")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(f"**/training/{route}/2/")
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(f"**/training/{route}/1/")


def test_projector_mode_keys_hide_chrome_and_survive_full_screen(projector, route):
    page = projector
    steps = len(agenda_rows(page, route))
    page.goto(f"training/{route}/1/?present")
    for selector in CHROME:
        assert not page.locator(selector).first.is_visible(), selector
    for key, expected in (("End", steps), ("Home", 1)):
        page.keyboard.press(key)
        wait_for_step(page, expected)
        assert "?present" in page.url and page.url.split("?")[0].endswith(f"/{expected}/")
    page.keyboard.press("f")
    wait_until(page, "document.fullscreenElement !== null")
    page.keyboard.press("End")
    wait_for_step(page, steps)
    assert page.evaluate("document.fullscreenElement !== null"), "moving to a step left full screen"
    page.keyboard.press("f")
    wait_until(page, "document.fullscreenElement === null")
    page.keyboard.press("?")
    assert page.locator(".cb-help").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(".cb-help").is_visible()
    assert page.evaluate("document.documentElement.classList.contains('cb-present')")
    # Esc asks first (some clickers send it); another key keeps projector mode, a second Esc leaves
    page.keyboard.press("Escape")
    assert page.locator(".cb-leave").is_visible() and "Esc again" in page.locator(".cb-leave").inner_text()
    page.keyboard.press("Shift")
    assert not page.locator(".cb-leave").is_visible()
    page.keyboard.press("Escape")
    assert page.evaluate("document.documentElement.classList.contains('cb-present')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.documentElement.classList.contains('cb-present')")
    assert "present" not in page.url and page.locator(".md-header").is_visible()
    assert page.locator(".cb-stage__full").is_visible() and not page.locator(".cb-deck").is_visible()
    page.keyboard.press("p")
    assert page.evaluate("document.documentElement.classList.contains('cb-present')")
    assert not page.locator(".md-header").is_visible()
    assert page.locator(".cb-deck").is_visible() and not page.locator(".cb-stage__full").is_visible()


def test_projector_mode_buttons(page, route):
    page.goto(f"training/{route}/1/")
    page.get_by_role("link", name="Projector mode (p)").click()
    assert page.evaluate("document.documentElement.classList.contains('cb-present')")
    page.keyboard.press("p")
    page.get_by_role("button", name="Keys (?)").click()
    assert page.locator(".cb-help").is_visible()
    page.get_by_role("button", name="Close").click()
    assert not page.locator(".cb-help").is_visible()


def test_every_slide_projects_body_text_of_at_least_28px_without_notes(projector):
    page = projector
    for route in route_ids(page):
        for row in agenda_rows(page, route):
            page.goto(f"training/{route}/{row['step']}/?present")
            for slide in range(1, slide_count(page) + 1):
                show_slide(page, slide)
                sizes = page.locator(
                    ".cb-slide--on p, .cb-slide--on li, .cb-slide--on td, .cb-deck__discuss li"
                ).evaluate_all(BODY_TEXT)
                assert sizes and min(sizes) >= 28, f"{route} step {row['step']} slide {slide}: {min(sizes)} px"
            assert page.locator(".cb-notes").count() == 0
            assert page.locator("text=Facilitator notes").count() == 0


POSITION = (
    "(() => { const p = document.querySelector('.cb-step-page'); const s = document.querySelector('.cb-slide--on');"
    " return p && s ? p.dataset.step + ':' + s.dataset.slide : ''; })()"
)
FOLLOWS = (
    "(() => { const p = document.querySelector('.cb-presenter'); return p.dataset.current + ':' + p.dataset.slide; })()"
)
SLIDE_TEXT = "document.querySelector('{} .cb-slide--on')?.innerText"


def in_step(projector, presenter) -> str:
    """Wait until the presenter shows where the projector is, and say where that is."""
    where = projector.evaluate(POSITION)
    wait_until(presenter, f"{FOLLOWS} === '{where}'")
    return where


def test_presenter_window_follows_the_projector_and_drives_it(projector, route):
    page = projector
    page.goto(f"training/{route}/1/?present")
    with page.context.expect_page() as popup:
        page.keyboard.press("s")
    presenter = popup.value
    wait_until(presenter, "document.querySelector('.cb-presenter')?.dataset.current === '1'")
    presenter.locator(".cb-presenter__status--live").wait_for()
    assert "not started" in presenter.locator("[data-role=schedule]").inner_text()
    page.keyboard.press("PageDown")  # the first advance starts the session
    wait_until(page, f"{POSITION} !== '1:1'")  # the key is handled after press() returns
    where = in_step(page, presenter)
    wait_until(presenter, "!document.querySelector('[data-action=restart]').hidden")
    assert presenter.locator("[data-action=start]").is_hidden()
    step = where.split(":")[0]
    current = presenter.locator(".cb-presenter__step--current")
    assert current.count() == 1 and current.get_attribute("data-step") == step
    assert current.locator(".cb-notes").is_visible()
    assert presenter.locator(".cb-presenter__step:not(.cb-presenter__step--current)").first.is_hidden()
    assert re.fullmatch(r"\d\d:\d\d", presenter.locator("[data-role=clock]").inner_text())
    minutes = int(current.get_attribute("data-minutes"))
    assert presenter.locator("[data-role=step-planned]").inner_text() == f"{minutes}:00"
    # the preview shows what the room sees, and the next preview what the next key will show
    wait_until(
        presenter, f"{SLIDE_TEXT.format('[data-role=now]')} === {json.dumps(page.evaluate(SLIDE_TEXT.format('')))}"
    )
    upcoming = presenter.evaluate(SLIDE_TEXT.format("[data-role=next]"))
    presenter.get_by_role("button", name="Next →").click()
    wait_until(page, f"{POSITION} !== '{where}'")
    assert page.evaluate(SLIDE_TEXT.format("")) == upcoming
    in_step(page, presenter)
    presenter.keyboard.press("ArrowLeft")  # a clicker plugged into the trainer's laptop
    wait_until(page, f"{POSITION} === '{where}'")
    presenter.get_by_role("button", name="← Previous").click()
    presenter.get_by_role("button", name="← Previous").click()
    wait_until(page, f"{POSITION} === '1:1'")
    in_step(page, presenter)
    presenter.get_by_role("button", name="Restart timers").click()
    assert presenter.locator("[data-role=session-elapsed]").inner_text() in ("0:00", "0:01")
    assert page.locator(".cb-notes").count() == 0


def test_presenter_button_on_a_step_page_opens_the_presenter_window(page, route):
    page.goto(f"training/{route}/2/")
    with page.context.expect_page() as popup:
        page.get_by_role("link", name="Presenter view (s)").click()
    presenter = popup.value
    wait_until(presenter, "document.querySelector('.cb-presenter')?.dataset.current === '2'")


def pagefind_fragments(site_dir) -> list[dict]:
    """Every page Pagefind indexed: its fragments are gzipped JSON after a `pagefind_dcd` marker."""
    fragments = []
    for path in (site_dir / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragments.append(json.loads(data[len(b"pagefind_dcd") :]))
    return fragments


def test_facilitator_notes_are_not_in_the_search_index(page, site_dir):
    fragments = pagefind_fragments(site_dir)
    assert fragments
    indexed = " ".join(" ".join(f["content"].split()) for f in fragments)
    checked = 0
    for route in route_ids(page):
        page.goto(f"training/{route}/presenter/")
        for note in page.locator(".cb-notes p").all_inner_texts():
            fragment = " ".join(note.split()[:8])
            assert fragment not in indexed, f"{route}: note in the search index: {fragment}"
            checked += 1
        urls = [f["url"] for f in fragments if f["url"].startswith(f"/training/{route}/")]
        assert urls == [f"/training/{route}/"], urls  # the agenda only: no step, presenter or guide
    assert checked


def test_pagefind_finds_no_training_page_that_holds_notes(page, route):
    page.goto(f"training/{route}/presenter/")
    words = " ".join(page.locator(".cb-notes p").first.inner_text().split()[:6])
    page.goto("")
    page.locator("[data-cb-search-box] input.md-search__input").click()
    page.keyboard.type(words)
    wait_until(
        page,
        """(() => { const s = document.querySelector('.md-search .cb-search__status');
        return s && /match/i.test(s.textContent) && window.cbSearch.results !== null; })()""",
    )
    hits = page.locator(".md-search .cb-hit a").evaluate_all("els => els.map(e => new URL(e.href).pathname)")
    assert not [hit for hit in hits if re.search(r"/training/[^/]+/(presenter|guide|\d+)/", hit)], hits


def test_a_step_page_shows_its_content_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    routes = route_ids(page)
    found = False
    for route in routes:
        for row in agenda_rows(page, route):
            page.goto(f"training/{route}/{row['step']}/")
            assert page.locator(".cb-stage__title").is_visible()
            assert page.locator(".cb-step-nav__next").is_visible()
            if page.locator(".cb-stage--case").count():
                assert page.locator(".cb-figure__value").first.is_visible()
                assert page.locator(".cb-stage__sources li").count() >= 1
                found = True
    context.close()
    assert found, "no route has a case step"


def pdf_pages(page, path: str) -> bytes:
    page.goto(path)
    return page.pdf(format="A4", prefer_css_page_size=True)


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def inked_share(pdf: bytes, tmp_path) -> list[float]:
    """For each printed page, the share of its pixel rows that carry any ink (a page of text in
    two columns is about 0.5 to 0.75; a page with three lines at the top is under 0.1)."""
    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(source), str(tmp_path / "p")], check=True)
    shares = []
    for png in sorted(tmp_path.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1])):
        image = Image.open(png).convert("L")
        width, height = image.size
        pixels = image.load()
        shares.append(sum(any(pixels[x, y] < 200 for x in range(width)) for y in range(height)) / height)
        png.unlink()
    return shares


def test_handout_fits_four_a4_pages_for_an_hour_with_no_mostly_white_page(page, tmp_path):
    for route in route_ids(page):
        page.goto(f"training/{route}/")
        total = int(page.locator(".cb-agenda__totals").get_attribute("data-total"))
        handout = pdf_pages(page, f"training/{route}/handout/")
        budget = 4 + max(0, total - 60) // 30
        assert page_count(handout) <= budget, (route, page_count(handout), budget)
        shares = inked_share(handout, tmp_path)
        assert min(shares) >= 0.25, (route, [round(s, 2) for s in shares])
        assert page_count(pdf_pages(page, f"training/{route}/guide/")) >= page_count(handout)


def test_every_worksheet_in_the_materials_prints_on_one_a4_page(page):
    printed = set()
    for route in route_ids(page):
        page.goto(f"training/{route}/")
        links = page.locator(".cb-materials a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        names = page.locator(".cb-materials a").all_inner_texts()
        agenda = page.url
        assert any("Pilot proposal" in name for name in names), route
        assert any(link.endswith(".docx") for link in links), route  # the audience's Word briefing
        for link in links:
            if link.endswith(".docx"):
                assert page.request.get(urljoin(agenda, link)).ok, link
                continue
            if link.endswith(("/handout/",)):
                continue
            assert page_count(pdf_pages(page, urljoin(agenda, link))) == 1, (route, link)
            printed.add(link.rstrip("/").rsplit("/", 1)[-1].split("-")[0])
    assert printed == {"pilot", "objections"}


def test_printing_hides_the_site_and_keeps_the_document(page, route):
    for name in ("handout", "guide"):
        page.goto(f"training/{route}/{name}/")
        page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
        page.get_by_role("button", name="Print").click()
        assert page.evaluate("window.__printed") == 1
        page.emulate_media(media="print")
        assert not page.locator(".md-header").is_visible()
        assert not page.locator(".cb-print-doc__actions").is_visible()
        assert page.locator(".cb-print-doc h1").is_visible()
        page.emulate_media(media="screen")
    page.goto(f"training/{route}/handout/")
    assert page.locator(".cb-notes").count() == 0 and page.locator(".cb-references li").count() >= 1


def test_pptx_download_has_a_title_the_steps_slides_with_the_yaml_notes_and_a_close(page, route):
    book = load_casebook(ROOT).casebook
    page.goto(f"training/{route}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="PowerPoint (.pptx)").click()
    assert download.value.suggested_filename == f"{route}.pptx"
    prs = Presentation(io.BytesIO(open(download.value.path(), "rb").read()))
    steps = book.routes[route].steps
    slides = list(prs.slides)
    assert slides[0].shapes.title.text == book.routes[route].title
    for number, step in enumerate(steps, 1):
        mine = [s for s in slides if s.shapes.title.text.startswith(f"{number}. ")]
        assert mine, f"no slide for step {number}"
        assert all(s.notes_slide.notes_text_frame.text == plain_notes(step.facilitator_notes) for s in mine)
        assert all(s.placeholders[1].text_frame.text.strip() for s in mine)
    titles = [s.shapes.title.text for s in slides]
    assert "What we ask" in titles and titles[-1] == "Sources"


@pytest.mark.parametrize(
    "path",
    [
        "training/",
        "{route}/",
        "{route}/1/",
        "{route}/1/?present",
        "{route}/presenter/",
        "{route}/handout/",
        "{route}/guide/",
        "{route}/pilot-proposal/",
    ],
)
def test_training_pages_have_no_accessibility_violations(page, route, path):
    page.goto(path.format(route=f"training/{route}") if "{route}" in path else path)
    found = violations(page, page.url)
    assert not found, "axe-core found accessibility violations:\n" + "\n".join(found)


def test_agenda_on_a_phone_keeps_step_names_readable(browser, base_url):
    """At 390 px the minutes go under the start time and the purpose under the step, so a step
    name keeps most of the width (it used to wrap to eight lines beside three time columns)."""
    context, page, errors = open_page(browser, base_url, {"width": 390, "height": 844})
    for route in route_ids(page):
        page.goto(f"training/{route}/")
        widths = page.locator("tr.cb-agenda__step td:nth-child(3)").evaluate_all(
            "cells => cells.map(c => c.getBoundingClientRect().width)"
        )
        assert widths and min(widths) >= 200, (route, widths)
        lines = page.locator("tr.cb-agenda__step td:nth-child(3) a").evaluate_all(
            "links => links.map(a => a.getClientRects().length)"
        )
        assert max(lines) <= 5, (route, lines)
        wrap = page.locator(".cb-agenda-table").evaluate("e => e.scrollWidth <= e.clientWidth + 1")
        assert wrap, f"{route}: the agenda scrolls sideways"
        assert page.locator("tr.cb-agenda__step .cb-agenda__min-inline").first.is_visible()
    context.close()
    assert errors == []


def test_worksheets_have_no_accessibility_violations(page, route):
    page.goto(f"training/{route}/")
    agenda = page.url
    links = page.locator(".cb-materials a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    worksheets = [link for link in links if not link.endswith((".docx", "/handout/"))]
    assert len(worksheets) >= 1
    for link in worksheets:
        page.goto(urljoin(agenda, link))
        found = violations(page, page.url)
        assert not found, "axe-core found accessibility violations:\n" + "\n".join(found)
