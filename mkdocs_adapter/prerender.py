"""Stage 5, pages without Markdown: a generated page's source -> its HTML and table of contents.

Generated pages are HTML from autoescaping templates with a few Markdown headings between the
blocks (`## The challenge`, `## Sources { data-search-exclude }`) and YAML front matter. Running
them through Python-Markdown costs more than the rest of their build (its HTML parser reads every
raw block twice), so this reads that one narrow shape directly and gives MkDocs the HTML, the
heading ids and the table of contents Python-Markdown's toc extension would have made.

Anything outside the shape (a paragraph of Markdown, an inline tag starting a block, a
`markdown` attribute) returns None and the page takes the normal Markdown road.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from mkdocs_adapter.markdown_engine import BLOCK_LEVEL_ELEMENTS, slugify, unique_slug

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)(?:\s+\{\s*([^}]*)\s*\})?\s*#*\s*$")
_ATTR = re.compile(r"^[A-Za-z_:][-\w:.]*$")  # a bare attribute name, the only attr_list form used
_BLOCK_START = re.compile(r"^<(/?)([a-zA-Z][a-zA-Z0-9]*)[\s>/]")
_ID = re.compile(r'\sid="([^"]+)"')
_UNSAFE_TEXT = re.compile(r"[*_`\[\]\\<>&!|]")
BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS) | {"section", "nav", "figure", "details", "summary", "form", "dl"}


@dataclass
class Prerendered:
    meta: dict
    html: str
    toc: list[dict] = field(default_factory=list)  # Python-Markdown's toc_tokens shape
    anchor_ids: set[str] = field(default_factory=set)
    title: str | None = None  # the first level-1 heading, as Markdown would extract it


def prerender(source: str, *, permalink: bool = True) -> Prerendered | None:
    meta, body = _front_matter(source)
    if meta is None or "markdown" in body and re.search(r"\smarkdown(=|[\s>])", body):
        return None
    out: list[str] = []
    headings: list[dict] = []
    used: set[str] = set()
    first_in_block = True
    for line in body.split("\n"):
        if not line.strip():
            first_in_block = True  # Python-Markdown joins blocks without blank lines; so does this
            continue
        heading = _HEADING.match(line) if first_in_block else None
        if heading:
            html = _heading(heading, used, headings, permalink)
            if html is None:
                return None
            out.append(html)
            continue  # a heading ends its block; the next line starts another
        if first_in_block and not _starts_block(line):
            return None
        first_in_block = False
        out.append(line)
    ids = used | set(_ID.findall(body))
    title = next((h["name"] for h in headings if h["level"] == 1), None)
    return Prerendered(meta, "\n".join(out).strip("\n"), _nest(headings), ids, title)


def _front_matter(source: str) -> tuple[dict | None, str]:
    if not source.startswith("---\n"):
        return {}, source
    end = source.find("\n---\n", 4)
    if end < 0:
        return None, source
    try:
        meta = yaml.load(source[4:end], Loader=_Loader) or {}
    except yaml.YAMLError:
        return None, source
    return (meta if isinstance(meta, dict) else None), source[end + 5 :]


def _starts_block(line: str) -> bool:
    if line.startswith("<!--"):
        return True
    match = _BLOCK_START.match(line)
    return bool(match) and match.group(2).lower() in BLOCK_TAGS


def _heading(match: re.Match, used: set[str], headings: list[dict], permalink: bool) -> str | None:
    level, text, attrs = len(match.group(1)), match.group(2).strip(), match.group(3)
    if _UNSAFE_TEXT.search(text):
        return None  # inline Markdown or entities: let Python-Markdown read it
    names = (attrs or "").split()
    if not all(_ATTR.match(name) for name in names):
        return None  # ids, classes or values in attr_list: not this shape
    slug = unique_slug(slugify(text), used)
    headings.append({"level": level, "id": slug, "name": text, "html": text, "data-toc-label": "", "children": []})
    extra = "".join(f" {name}" for name in names)
    link = f'<a class="headerlink" href="#{slug}" title="Permanent link">&para;</a>' if permalink else ""
    return f'<h{level}{extra} id="{slug}">{text}{link}</h{level}>'


def _nest(flat: list[dict]) -> list[dict]:
    """Flat headings -> the nested tokens toc makes (each under the nearest higher level)."""
    root: list[dict] = []
    stack: list[dict] = []
    for token in flat:
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root
