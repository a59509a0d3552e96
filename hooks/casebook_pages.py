"""MkDocs hook: checks the content once per build and adds a page per case, statement, kit and
training route, plus the data exports. A content error fails the build with every message."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from casebook.repository import load_cached
from casebook.site import site_files

log = logging.getLogger("mkdocs.hooks.casebook")


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


@event_priority(100)  # before mkdocs-macros reads the same casebook
def on_config(config):
    result = load_cached(_root(config))
    for problem in result.problems:
        (log.error if problem.is_error else log.info)(problem.text())
    if result.casebook is None:
        raise Abort(f"Content has {len(result.errors)} error(s), listed above. "
                    "Run 'make validate' for the same list.")
    return config


def on_files(files: Files, config) -> Files:
    book = load_cached(_root(config)).casebook
    for generated in site_files(book, _root(config), base_url=config.site_url or ""):
        file = File.generated(config, generated.src_uri, content=generated.content,
                              inclusion=InclusionLevel.NOT_IN_NAV)
        if generated.source_path:
            file.edit_uri = f"../{generated.source_path}"  # the YAML file, not a docs/ page
        files.append(file)
    return files
