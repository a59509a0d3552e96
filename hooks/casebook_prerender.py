"""MkDocs hook: generated pages skip Python-Markdown. Their source is template HTML with a few
headings (mkdocs_adapter.prerender reads that shape); each gets a Page that hands MkDocs the HTML, the
heading ids and the table of contents instead of converting Markdown. Pages of any other shape,
and hand-written pages, are left to MkDocs."""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from mkdocs_adapter.prerender import Prerendered, prerender


class PrerenderedPage(Page):
    """A page whose HTML is already made; every plugin event still runs around it."""

    def __init__(self, file, config, done: Prerendered) -> None:
        self._done = done
        super().__init__(None, file, config)

    def read_source(self, config) -> None:
        self.markdown, self.meta = "", dict(self._done.meta)

    def render(self, config, files) -> None:
        self.content = self._done.html
        self.toc = get_toc(self._done.toc)
        self._title_from_render = self._done.title
        self.present_anchor_ids = set(self._done.anchor_ids)
        self.links_to_anchors = {}


def _permalink(config) -> bool:
    return bool((config.mdx_configs or {}).get("toc", {}).get("permalink"))


def _nav_paths(items) -> set[str]:
    """Every page path the nav names (those pages take their title from the nav)."""
    found: set[str] = set()
    for item in items or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found |= _nav_paths(value) if isinstance(value, list) else {value}
    return found


@event_priority(-50)  # after the pages hook has added the generated files
def on_files(files: Files, config) -> Files:
    permalink = _permalink(config)
    in_nav = _nav_paths(config.nav)
    for file in files.documentation_pages():
        if file.generated_by is None or file.page is not None or file.src_uri in in_nav:
            continue
        done = prerender(file.content_string, permalink=permalink)
        if done is not None:
            PrerenderedPage(file, config, done)
    return files
