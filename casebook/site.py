"""Everything the build adds to the site, as plain (path, content) records: generated pages,
data exports and the JSON Schemas. The MkDocs hook only turns these into `File`s."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casebook.pages.audience import audience_case_pages
from casebook.exports.explorer import explorer_index
from casebook.exports.data import feed_xml
from casebook.kinds import KINDS, SCHEMA_FILES, resolve
from casebook.model.index import Casebook
from casebook.pages.briefing import build_briefing
from casebook.exports.builder import builder_json
from casebook.pages.render import entry_pages
from casebook.pages.sitefile import SiteFile
from casebook.exports.word import briefing_docx
from casebook.model.urls import briefing_docx_url, briefing_url, short_address


def site_files(
    book: Casebook, root: Path, *, base_url: str = "", print_url: str = "", case_pages: Any = None
) -> list[SiteFile]:
    """`print_url` is the address printed on paper (casebook.model.urls.printed_address)."""
    print_url = print_url or base_url
    files = entry_pages(book, case_pages=case_pages, print_url=print_url) + audience_case_pages(book)
    files += [
        SiteFile(path, resolve(export)(book, base_url=base_url), "")
        for kind in KINDS
        for path, export in kind.exports or ()
    ]
    files += [
        SiteFile("feed.xml", feed_xml(book, site_url=base_url), ""),
        SiteFile("api/briefing-builder.json", builder_json(book, print_url=print_url), ""),
        SiteFile("cases/explorer.json", explorer_index(book), ""),  # what the explorer page fetches
    ]
    for kit in book.kits.values():  # the standard briefings as Word files
        address = short_address(f"{print_url}{briefing_url(kit.id)}") if print_url else ""
        files.append(
            SiteFile(briefing_docx_url(kit.id), briefing_docx(build_briefing(book, kit), site_address=address), "")
        )
    for name in SCHEMA_FILES.values():
        files.append(SiteFile(f"schema/{name}", (root / "schema" / name).read_text(encoding="utf-8"), ""))
    return files
