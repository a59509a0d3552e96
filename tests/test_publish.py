"""What publishing relies on, over the built copy of the repository from test_build: the sitemap,
feed and 404 page use the configured address (a sub-folder, as on GitHub Pages), and every entry
page's edit link opens a file that exists."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from test_build import REPO_URL, SITE_URL  # `built` (tests/conftest.py) is test_build's site

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def pages(site: Path) -> list[str]:
    """Every HTML page's address relative to the site root, as the sitemap writes it."""
    found = []
    for index in site.rglob("index.html"):
        rel = index.parent.relative_to(site).as_posix()
        found.append("" if rel == "." else rel + "/")
    return found


def test_sitemap_lists_every_page_at_the_configured_address(built):
    root = ET.parse(built / "sitemap.xml").getroot()
    listed = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert listed and all(url.startswith(SITE_URL) for url in listed)
    assert sorted(url[len(SITE_URL) :] for url in listed) == sorted(pages(built))


def test_the_404_page_works_from_any_folder(built):
    html = (built / "404.html").read_text(encoding="utf-8")
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert stylesheets and all(href.startswith("/sub/") for href in stylesheets)


def test_feed_and_exports_use_the_site_address(built):
    feed = ET.parse(built / "feed.xml").getroot()
    assert feed.find("{http://www.w3.org/2005/Atom}id").text.startswith(SITE_URL)
    records = json.loads((built / "api/cases.json").read_text(encoding="utf-8"))
    assert all(r["url"] == f"{SITE_URL}cases/{r['id']}/" for r in records)


def edit_links(html: str) -> list[str]:
    return [unescape(href) for href in re.findall(r'<a href="([^"]+)"[^>]*rel="edit[ "]', html)] + [
        unescape(href)
        for href in re.findall(r'<a href="([^"]+/edit/main/[^"]+)" rel="noopener[^"]*">Edit this page', html)
    ]


def test_every_edit_link_opens_a_file_that_exists(built):
    repo = built.parent
    checked = 0
    for page in built.rglob("index.html"):
        for href in edit_links(page.read_text(encoding="utf-8")):
            assert href.startswith(f"{REPO_URL}/edit/main/"), (page, href)
            target = repo / href[len(f"{REPO_URL}/edit/main/") :]
            assert target.is_file(), (page, href)
            checked += 1
    case_page = (built / "cases/test-council-gritting/index.html").read_text(encoding="utf-8")
    assert f"{REPO_URL}/edit/main/case_studies/test-council-gritting.yml" in edit_links(case_page)
    assert checked >= len(list((repo / "case_studies").glob("*.yml")))


def test_entry_pages_offer_a_prefilled_source_report(built):
    html = (built / "cases/test-council-gritting/index.html").read_text(encoding="utf-8")
    report = unescape(re.search(r'<a href="([^"]+template=report-source\.yml[^"]+)"', html).group(1))
    assert report.startswith(f"{REPO_URL}/issues/new?template=report-source.yml&page=")
    assert "&page=https%3A//casebook.example/sub/cases/test-council-gritting/&" in report
    field_ids = re.findall(
        r"^\s+id: (\w+)",
        (built.parent / ".github/ISSUE_TEMPLATE/report-source.yml").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    assert {"page", "source"} <= set(field_ids)


class _Links(HTMLParser):
    """Every href and src in a page, raw HTML included (strict mode does not check those)."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found += [value for name, value in attrs if name in ("href", "src") and value]


def local_target(site: Path, page: Path, link: str) -> Path | None:
    """The file a relative link opens, or None for links that leave the site or stay on the page."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path or link.startswith("/"):
        return None
    target = (page.parent / unquote(parts.path)).resolve()
    return target / "index.html" if link.split("?")[0].split("#")[0].endswith("/") or target.is_dir() else target


def test_every_relative_link_in_every_page_opens_a_file(built):
    broken = []
    for page in built.rglob("*.html"):
        if page.name == "404.html":  # absolute links by design; test_the_404_page_works_from_any_folder
            continue
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.found:
            target = local_target(built, page, link)
            if target is not None and not target.is_file():
                broken.append(f"{page.relative_to(built)}: {link}")
    assert broken == []
