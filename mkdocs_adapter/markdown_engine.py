"""The one module that calls Python-Markdown, the Markdown engine MkDocs uses.

`casebook/` renders contributor Markdown and computes heading anchors exactly as the site's pages
get them, so it needs the same engine; it reaches it only through these functions, so a move to
another generator (or engine) changes this file and not the domain package. This module imports
neither MkDocs nor Material (tests/test_boundaries.py checks).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import markdown
from markdown.extensions.toc import slugify as _slugify
from markdown.extensions.toc import unique as _unique
from markdown.util import BLOCK_LEVEL_ELEMENTS as _BLOCK_LEVEL_ELEMENTS

# The tags Python-Markdown treats as blocks (raw HTML it leaves alone).
BLOCK_LEVEL_ELEMENTS: frozenset[str] = frozenset(_BLOCK_LEVEL_ELEMENTS)


def convert(text: str, extensions: Sequence[str], *, output_format: str = "html") -> tuple[str, tuple[str, ...]]:
    """Markdown -> (HTML, the raw HTML blocks the writer typed), as MkDocs renders a page.
    `output_format` "xhtml" (Python-Markdown's default) closes empty tags: `<br />`."""
    md = _engine(tuple(extensions), output_format)
    md.reset()  # one engine per set of extensions, reset between texts as Python-Markdown documents
    html = md.convert(text)
    return html, tuple(str(block) for block in md.htmlStash.rawHtmlBlocks)


@lru_cache(maxsize=8)
def _engine(extensions: tuple[str, ...], output_format: str) -> markdown.Markdown:
    # Making one loads and registers every processor: a fifth of a millisecond, once per Markdown
    # field of every entry before it was kept.
    return markdown.Markdown(extensions=list(extensions), output_format=output_format)  # type: ignore[arg-type]


def slugify(heading: str) -> str:
    """A heading's anchor as MkDocs' toc extension makes it (separator "-")."""
    return _slugify(heading, "-")


def unique_slug(slug: str, used: set[str]) -> str:
    """`slug`, or slug_1, slug_2... if the page already has it (toc's `unique`); adds it to `used`."""
    return _unique(slug, used)
