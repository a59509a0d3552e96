"""MkDocs hook: the site's search. Every page gets its type filter, the synonym list is published
for the search box, and Pagefind indexes the built site once the build has written it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_adapter import problem_page
from mkdocs_adapter.buildcache import CACHE
from mkdocs_adapter.serveindex import INDEX
from mkdocs_adapter.theme import ROOT_SELECTOR
from casebook.search.pagefind import build_index, is_searchable, page_marker, synonyms_json, unsearchable


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_files(files: Files, config) -> Files:
    files.append(
        File.generated(
            config, "search/synonyms.json", content=synonyms_json(_root(config)), inclusion=InclusionLevel.NOT_IN_NAV
        )
    )
    return files


def on_page_content(html: str, page, config, files) -> str:
    if not is_searchable(page.url, page.meta):
        return unsearchable(html)
    return html + page_marker(page.url, page.meta.get("title") or page.title or "")


def on_startup(command: str, dirty: bool) -> None:
    INDEX.reset()


def on_pre_build(config) -> None:
    INDEX.rebuild_started()


def on_post_build(config) -> None:
    if problem_page.showing_problems():  # `mkdocs serve` with content errors: no pages to index
        return
    if CACHE.enabled and INDEX.refresh(Path(config.site_dir)):  # serve: re-index in the background
        return
    # Also writes the maps the explorer and the search box read beside the index.
    result = build_index(Path(config.site_dir), root_selector=ROOT_SELECTOR)
    if result.returncode != 0:
        raise Abort(f"Pagefind could not index the site:\n{result.stderr or result.stdout}")
    if CACHE.enabled:
        INDEX.keep(Path(config.site_dir))
