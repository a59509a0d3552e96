"""MkDocs hook, `mkdocs serve` only: pages whose inputs are unchanged since the last good rebuild
are replayed instead of converted and themed again (mkdocs_adapter.buildcache says what a key covers).
`mkdocs build` never uses it."""

from __future__ import annotations

import logging
import os
from importlib.metadata import version
from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_adapter import problem_page
from mkdocs_adapter.buildcache import CACHE, THEME_BYTECODE, Rendered, digest, runs_macros, source_digest

log = logging.getLogger("mkdocs.hooks.casebook_cache")
SWITCH = "CASEBOOK_SERVE_CACHE"
TEMPLATE = "casebook-replayed-page.html"  # a theme template that writes the kept HTML back
CONFIG_KEYS = (
    "site_name",
    "site_url",
    "site_description",
    "site_author",
    "repo_url",
    "repo_name",
    "edit_uri",
    "edit_uri_template",
    "copyright",
    "use_directory_urls",
    "extra",
    "extra_css",
    "extra_javascript",
    "markdown_extensions",
    "mdx_configs",
    "nav",
)
_BUILD: dict = {}  # this rebuild's site key and nav titles (MkDocs loads this file anew per build)


class ReplayedPage(Page):
    """A page as the last good rebuild made it; every plugin event still runs around it."""

    def __init__(self, title, file, config, kept: Rendered) -> None:
        self._kept = kept
        super().__init__(title, file, config)

    def read_source(self, config) -> None:
        self.markdown, self.meta = "", dict(self._kept.meta)

    def render(self, config, files) -> None:
        _replay(self, self._kept, files)


def _replay(page: Page, kept: Rendered, files: Files) -> None:
    """Give `page` what the last good rebuild made of it, and the template that writes it back."""
    page.meta = {**kept.meta, "template": TEMPLATE}
    page.content = ""
    page.toc = kept.toc
    page._title_from_render = kept.title
    page.present_anchor_ids = set(kept.anchor_ids)
    page.links_to_anchors = {
        files.get_file_from_path(uri): dict(links)
        for uri, links in kept.links_to_anchors.items()
        if files.get_file_from_path(uri) is not None
    }
    page.casebook_html = Markup(kept.html)


def on_startup(command: str, dirty: bool) -> None:
    # CASEBOOK_SERVE_CACHE=off: every rebuild in full (the benchmark's comparison; a way out).
    CACHE.enabled = command == "serve" and not dirty and os.environ.get(SWITCH, "on") != "off"
    CACHE.clear()


def _nav_titles(items) -> dict[str, str | None]:
    """Every page path the nav names -> the title it gives it (None: the page's own title)."""
    found: dict[str, str | None] = {}
    for item in items or []:
        title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        found.update(_nav_titles(value) if isinstance(value, list) else {value: title})
    return found


def _site_key(files: Files, config, nav: dict) -> str:
    own_titles = [
        f.content_bytes
        for f in files.documentation_pages()
        if f.src_uri in nav and nav[f.src_uri] is None and f.generated_by is not None
    ]
    return digest(
        [
            version("mkdocs"),
            version("mkdocs-material"),
            version("mkdocs-macros-plugin"),
            repr([(k, config.get(k)) for k in CONFIG_KEYS]),
            repr(sorted(config.theme.items())),
            CACHE.sources,
            repr(sorted((f.src_uri, f.dest_uri) for f in files)),
            *own_titles,
        ]
    )


@event_priority(-100)  # after casebook_pages has read the content
def on_config(config):
    if CACHE.enabled:
        serving_pages = not problem_page.showing_problems()
        CACHE.begin(source_digest(Path(config.config_file_path).resolve().parent) if serving_pages else "")
    return config


@event_priority(-40)  # after the generated pages are added, before casebook_prerender (-50)
def on_files(files: Files, config) -> Files:
    if not CACHE.enabled or not CACHE.sources:
        return files
    nav = _BUILD["nav"] = _nav_titles(config.nav)
    _BUILD["site"] = _site_key(files, config, nav)
    for file in files.documentation_pages():
        source = file.content_bytes
        if file.page is not None or runs_macros(source):  # macro pages: see on_page_markdown
            continue
        kept = CACHE.lookup(file.src_uri, _page_key(file, nav, source))
        if kept is not None:
            ReplayedPage(nav.get(file.src_uri), file, config, kept)
    return files


def _page_key(file, nav: dict, *source: bytes | str) -> str:
    return digest(
        [_BUILD["site"], file.src_uri, file.dest_uri, repr(file.edit_uri), repr(nav.get(file.src_uri)), *source]
    )


@event_priority(-100)  # after the macros have run: their output is the page's source
def on_page_markdown(markdown: str, page, config, files) -> str:
    if CACHE.enabled and CACHE.sources and page.file.src_uri not in CACHE.keys:
        kept = CACHE.lookup(page.file.src_uri, _page_key(page.file, _BUILD["nav"], repr(page.meta), markdown))
        if kept is not None:
            page.render = lambda config, files: _replay(page, kept, files)
    return markdown


def on_env(env, config, files):
    if CACHE.enabled:
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({TEMPLATE: "{{ page.casebook_html }}"}), env.loader])
        # MkDocs makes the theme's environment anew each rebuild; keep its compiled templates.
        THEME_BYTECODE.prefix = digest([version("mkdocs-material"), repr(sorted(config.theme.items()))])
        env.bytecode_cache = THEME_BYTECODE
    return env


@event_priority(100)  # the theme's output as it was, before any other post-page step
def on_post_page(output: str, page, config) -> str:
    if CACHE.enabled and getattr(page, "casebook_html", None) is None:  # made, not replayed
        links = {f.src_uri: dict(anchors) for f, anchors in (page.links_to_anchors or {}).items()}
        CACHE.store(
            page.file.src_uri,
            Rendered(
                meta=dict(page.meta),
                title=page._title_from_render,
                toc=page.toc,
                anchor_ids=frozenset(page.present_anchor_ids or ()),
                links_to_anchors=links,
                html=output,
            ),
        )
    return output


@event_priority(-200)  # after every other post-build step (Pagefind, the problem page)
def on_post_build(config) -> None:
    if CACHE.enabled and CACHE.sources:
        CACHE.finish()
        log.info(
            f"Serve cache: {CACHE.hits} pages replayed, {CACHE.misses} made; {CACHE.made_hits} "
            f"case pages' sources and {CACHE.entries.hits} content files' checks reused"
        )


def on_build_error(error) -> None:
    CACHE.clear()
