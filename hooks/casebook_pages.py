"""MkDocs hook: checks the content once per build and adds a page per case, statement, kit and
training route, plus the data exports. A content error fails the build with every message; under
`mkdocs serve` the site is replaced instead by one page listing the problems, until they are fixed."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_adapter import buildcache
from mkdocs_adapter import problem_page
from casebook.model.relevance import reader_from
from casebook.repository import load_cached
from casebook.site import site_files
from casebook.model.urls import DIRECTORY_URLS_ONLY, printed_address

log = logging.getLogger("mkdocs.hooks.casebook")
serve_log = logging.getLogger("casebook.serve")
# This build's content, read once in on_config: under `mkdocs serve` a file saved mid-build must
# not give on_files or on_post_build a different answer (MkDocs loads this file anew per build).
_BUILD: dict = {}


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_startup(command: str, dirty: bool) -> None:
    problem_page.SERVING["command"] = command


@event_priority(100)  # before mkdocs-macros reads the same casebook
def on_config(config):
    if not config.use_directory_urls:
        raise Abort(DIRECTORY_URLS_ONLY)
    memo = buildcache.CACHE.entries if buildcache.CACHE.enabled else None  # serve: see buildcache
    try:
        reader = reader_from(config.extra.get("reader"))
    except ValueError as error:
        raise Abort(str(error)) from None
    result = _BUILD["result"] = load_cached(_root(config), memo=memo, reader=reader)
    serving_broken = result.casebook is None and problem_page.is_serving()
    problem_page.SERVING["problems"] = serving_broken  # other hooks skip work on the problem page
    # Served with errors, the problems go to the terminal outside MkDocs' strict-mode count, so the
    # build succeeds with the problem page instead of keeping a stale site the browser waits on.
    shown = serve_log if serving_broken else log
    for problem in result.problems:
        (shown.error if problem.is_error else shown.info)(problem.text())
    if serving_broken:
        config.nav = None  # the pages it names are not built until the content is valid
        return config
    if result.casebook is None:
        raise Abort(f"Content has {len(result.errors)} error(s), listed above. Run 'make validate' for the same list.")
    return config


def on_files(files: Files, config) -> Files:
    book = _BUILD["result"].casebook
    if book is None:  # `mkdocs serve` with content errors: assets only, see on_post_build
        return Files([file for file in files if not file.is_documentation_page()])
    print_url = printed_address(config.site_url or "", config.extra.get("public_url", ""))
    for generated in site_files(
        book, _root(config), base_url=config.site_url or "", print_url=print_url, case_pages=buildcache.case_pages
    ):  # kept across serve's rebuilds
        file = File.generated(config, generated.src_uri, content=generated.content, inclusion=InclusionLevel.NOT_IN_NAV)
        if generated.source_path:
            file.edit_uri = f"../{generated.source_path}"  # the YAML file, not a docs/ page
        files.append(file)
    return files


def on_post_build(config) -> None:
    result = _BUILD["result"]
    if result.casebook is None:  # only reached under `mkdocs serve`: every address shows the list
        page = problem_page.problem_page(result.problems, site_url=config.site_url or "")
        for name in ("index.html", "404.html"):
            (Path(config.site_dir) / name).write_text(page, encoding="utf-8")
