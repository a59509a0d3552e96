"""Contributor Markdown -> safe HTML, and the checks the rules run on it.

Raw HTML is refused by the validator (`markdown-html`) and, as a second line of defence, removed
by the nh3 sanitiser when rendering, along with any link that is not http(s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import nh3

from mkdocs_adapter.markdown_engine import convert

_TAGS = {
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "code",
    "pre",
    "blockquote",
    "br",
    "hr",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
_LINK = re.compile(r'\b(?:href|src)="([^"]*)"')
_SAFE_SCHEME = re.compile(r"^https?://", re.IGNORECASE)


_DROPPED = re.compile(r"<(img|h1|h2)\b")  # what the sanitiser removes: the page shows h3 and below
# Python-Markdown's inline patterns are quadratic in runs of '[' (30 kB of them took 83 s) and
# its block parser in the number of lines; these bounds keep any field to a fraction of a second
# (scripts/bench.py measures the worst input found) and are far above what real entries use.
MAX_BRACKETS = 100
MAX_LINES = 200
MAX_NESTING = 8  # list and quote markers opening one line ('- - - a' nests lists; 2,000 overflow the stack)
_NESTED = re.compile(r"^[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+|>[ \t]*){" + str(MAX_NESTING + 1) + "}", re.MULTILINE)


@dataclass(frozen=True)
class Rendered:
    html: str  # sanitised, safe to insert into a page
    raw_html: tuple[str, ...]  # raw HTML fragments the contributor wrote
    links: tuple[str, ...]  # every link target in the Markdown
    dropped: tuple[str, ...] = ()  # tags the sanitiser removes: img, h1, h2


def complexity(text: str) -> str | None:
    """Why a Markdown field is too complex to render in bounded time, or None. Checked before
    rendering: the validator never renders a field that fails it, and the build needs a valid one."""
    if text.count("[") > MAX_BRACKETS:
        return f"{text.count('[')} '[' characters (at most {MAX_BRACKETS})"
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        return f"{lines} lines (at most {MAX_LINES})"
    nested = _NESTED.search(text)
    if nested:
        line = text.count("\n", 0, nested.start()) + 1
        return f"list or quote markers nested more than {MAX_NESTING} deep on line {line} of the field"
    return None


@lru_cache(maxsize=65536)  # every Markdown field is rendered twice: once checked, once shown
def render(text: str) -> Rendered:
    html, blocks = convert(text, ["sane_lists", "tables"])
    raw = tuple(chunk for chunk in blocks if chunk.lstrip().startswith("<"))
    links = tuple(_LINK.findall(html))
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer nofollow",
    )
    dropped = tuple(dict.fromkeys(_DROPPED.findall(html)))
    return Rendered(clean, raw, links, dropped)


def is_web_link(url: str) -> bool:
    return bool(_SAFE_SCHEME.match(url))
