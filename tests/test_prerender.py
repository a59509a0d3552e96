"""Generated pages skip Python-Markdown (mkdocs_adapter.prerender): the HTML and table of contents must be
what Python-Markdown with the site's extensions makes, and any other shape must be refused."""

from __future__ import annotations

import re

import markdown
import pytest
from mkdocs.utils import meta as mkdocs_meta

from casebook.pages.render import entry_pages
from mkdocs_adapter.prerender import prerender
from support import TODAY
from casebook.repository import load_casebook

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "fenced_code"]


def markdown_html(source: str) -> tuple[str, list, dict]:
    body, meta = mkdocs_meta.get_data(source)
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}})
    return md.convert(body), md.toc_tokens, meta


def squash(html: str) -> str:
    return re.sub(r"\s+", " ", html).strip()


def ids(tokens):
    return [(t["id"], ids(t["children"])) for t in tokens]


def test_generated_pages_match_python_markdown(repo):
    book = load_casebook(repo, today=TODAY).casebook
    checked = 0
    for page in entry_pages(book):
        if not page.src_uri.endswith(".md"):  # a route's slides (.pptx) are no page
            continue
        done = prerender(page.content)
        if done is None:
            continue
        html, tokens, meta = markdown_html(page.content)
        assert squash(done.html) == squash(html), page.src_uri
        assert ids(done.toc) == ids(tokens) and done.meta == meta, page.src_uri
        checked += 1
    assert checked >= 3  # the case, the statement and the route pages at least


def test_headings_with_attributes_and_repeats():
    source = "---\ntitle: T\n---\n<div>x</div>\n\n## Sources { data-search-exclude }\n\n<p>a</p>\n\n## Sources\n\n### Deeper\n"
    done = prerender(source)
    html, tokens, _ = markdown_html(source)
    assert squash(done.html) == squash(html)
    assert ids(done.toc) == ids(tokens) == [("sources", []), ("sources_1", [("deeper", [])])]
    assert {"sources", "sources_1", "deeper"} <= done.anchor_ids


@pytest.mark.parametrize(
    "source",
    [
        "Just a paragraph of Markdown.\n",
        "<span>inline first</span>\n",
        "## A *stressed* heading\n",
        '<div markdown="1">\n*x*\n</div>\n',
        "---\ntitle: [unclosed\n---\n<p>x</p>\n",
    ],
)
def test_other_shapes_go_to_python_markdown(source):
    assert prerender(source) is None
