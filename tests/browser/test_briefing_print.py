"""The printed briefing, a kit's standard one and the builder's, is one A4 page in type a chief
executive reads: body at least 9 pt and notes at least 7.5 pt in print media; on paper each note
shows its address's site, its title links the full address, and the page prints the address of the
briefing that lists them in full."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

from browser_support import wait_until

BODY_PT, NOTE_PT = 9, 7.5
# Every element of the printed briefing that holds text, with its size in points and its role:
# notes (the sources and the line under them), small marks (kicker, evidence label, note number),
# or body (everything else).
SIZES = """article => [...article.querySelectorAll('*')].filter(e =>
    [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && e.getClientRects().length)
  .map(e => ({ text: e.textContent.trim().slice(0, 40), pt: parseFloat(getComputedStyle(e).fontSize) * 0.75,
    role: e.closest('.cb-briefing__sources, .cb-briefing__site') ? 'note'
      : e.closest('.cb-kicker, a.cb-strength, sup.cb-cite') ? 'mark' : 'body' }))"""


def pdf_pages(pdf: bytes, tmp_path) -> int:
    if shutil.which("pdfinfo"):
        (tmp_path / "print.pdf").write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(tmp_path / "print.pdf")], capture_output=True, text=True, check=True)
        return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def assert_prints_readable_on_one_page(page, tmp_path, what: str) -> None:
    page.emulate_media(media="print")
    sizes = page.locator(".cb-briefing").first.evaluate(SIZES)
    body = [s for s in sizes if s["role"] == "body"]
    notes = [s for s in sizes if s["role"] == "note"]
    assert body and notes, what
    small = [s for s in body if s["pt"] < BODY_PT - 0.01]
    assert not small, f"{what}: body under {BODY_PT} pt: {small[:5]}"
    small = [s for s in sizes if s["pt"] < NOTE_PT - 0.01]
    assert not small, f"{what}: notes or marks under {NOTE_PT} pt: {small[:5]}"
    pages = pdf_pages(page.pdf(format="A4", prefer_css_page_size=True), tmp_path)
    assert pages == 1, f"{what} prints on {pages} pages"


def test_every_standard_briefing_prints_readable_type_on_one_a4_page(page, site_dir, tmp_path):
    kits = json.loads((site_dir / "api/kits.json").read_text(encoding="utf-8"))
    assert kits
    for kit in kits:
        page.emulate_media(media="screen")
        page.goto(f"kits/{kit['id']}/briefing/")
        assert_prints_readable_on_one_page(page, tmp_path, f"{kit['id']} briefing")


def test_every_audience_builder_briefing_prints_readable_type_on_one_a4_page(page, site_dir, tmp_path):
    for kit in json.loads((site_dir / "api/kits.json").read_text(encoding="utf-8")):
        page.emulate_media(media="screen")
        page.goto(f"briefing/?audience={kit['id']}")
        wait_until(page, "window.cbBuilder && window.cbBuilder.ready")
        assert_prints_readable_on_one_page(page, tmp_path, f"builder for {kit['id']}")


def test_fixture_briefing_prints_readable_type_on_one_a4_page(fixture_page, tmp_path):
    fixture_page.goto("kits/executives/briefing/")  # the fixture kit, tests/fixtures/repo/kits/executives.yml
    assert fixture_page.locator(".cb-briefing__sources li").count() >= 1
    assert_prints_readable_on_one_page(fixture_page, tmp_path, "fixture briefing")


def test_printed_notes_show_the_site_and_keep_the_full_address_reachable(page, site_dir):
    kit = json.loads((site_dir / "api/kits.json").read_text(encoding="utf-8"))[0]["id"]
    page.goto(f"kits/{kit}/briefing/")
    notes = page.locator(".cb-briefing__sources li")
    urls = notes.locator(".cb-briefing__url").all_inner_texts()  # on screen: every address in full
    assert urls and all(u.startswith("http") for u in urls)
    assert notes.locator(".cb-briefing__host:visible").count() == 0
    page.emulate_media(media="print")
    for i, url in enumerate(urls):
        note = notes.nth(i)
        assert not note.locator(".cb-briefing__url").is_visible()
        host = note.locator(".cb-briefing__host").inner_text()
        assert host and host in url and host != url
        assert note.locator("a").first.get_attribute("href") == url  # the title links it in a PDF
    # On paper, the address of this page, which lists every note's address in full.
    printed = page.locator(".cb-briefing-address")
    assert printed.is_visible()
    assert printed.get_attribute("href").endswith(f"kits/{kit}/briefing/")
    assert printed.inner_text().endswith(f"/kits/{kit}/briefing")
