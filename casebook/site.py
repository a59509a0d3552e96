"""Everything the build adds to the site, as plain (path, content) records: generated pages,
data exports and the JSON Schemas. The MkDocs hook only turns these into `File`s."""

from __future__ import annotations

from pathlib import Path

from .contract import SCHEMA_FILES
from .export import benefits_json, cases_csv, cases_json, feed_xml, kits_json
from .index import Casebook
from .pages import GeneratedPage, entry_pages
from .training_pages import training_pages


def site_files(book: Casebook, root: Path, *, base_url: str = "") -> list[GeneratedPage]:
    files = entry_pages(book) + training_pages(book)
    files += [
        GeneratedPage("api/cases.json", cases_json(book, base_url=base_url), ""),
        GeneratedPage("api/benefits.json", benefits_json(book, base_url=base_url), ""),
        GeneratedPage("api/kits.json", kits_json(book, base_url=base_url), ""),
        GeneratedPage("api/cases.csv", cases_csv(book, base_url=base_url), ""),
        GeneratedPage("feed.xml", feed_xml(book, site_url=base_url), ""),
    ]
    for name in SCHEMA_FILES.values():
        files.append(GeneratedPage(f"schema/{name}", (root / "schema" / name).read_text(encoding="utf-8"), ""))
    return files
