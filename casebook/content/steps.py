"""What a training step points at: `case:<id>`, `benefit:<id>`, `kit:<id>` or `kit:<id>#<section>`,
or a hand-written page under docs/, optionally `guides/x.md#<heading anchor>`.

Shared by the route rules (stage 3, is the target there?) and the training pages (stage 5, what to
show). Plain functions over strings and files; nothing here renders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs_adapter.markdown_engine import slugify

from casebook.content.contract import PAGE_KINDS

# The parts of a kit a step can show on its own, in the order of the kit page.
KIT_SECTIONS = {
    "cares": "What they care about",
    "framing": "How to frame it",
    "statements": "Statements to use",
    "objections": "Objections and answers",
    "cases": "Case studies",
    "asks": "What to ask them for",
}
ENTRY_KINDS = PAGE_KINDS  # the contract's page-reference kinds
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Target:
    kind: str  # case, kit, benefit or guide (any hand-written page)
    ref: str  # the entry id, or the page path relative to docs/
    section: str = ""  # kit section id or heading anchor; "" for the whole entry or page


def parse_target(page: str) -> Target:
    """Split a step's `page` value (already of the shape the schema allows)."""
    kind, colon, ref = page.partition(":")
    if colon and kind in ENTRY_KINDS:
        ref, _, section = ref.partition("#")
        return Target(kind, ref, section)
    path, _, section = page.partition("#")
    return Target("guide", path, section)


def read_page(path: Path) -> tuple[str, str]:
    """A hand-written page's (title, Markdown body): the title from front matter or the first
    heading, the body without front matter and without that heading."""
    lines = path.read_text(encoding="utf-8").splitlines()
    title = ""
    if lines and lines[0] == "---" and "---" in lines[1:]:
        end = lines.index("---", 1)
        title = next(
            (line.partition(":")[2].strip().strip("\"'") for line in lines[1:end] if line.startswith("title:")), ""
        )
        lines = lines[end + 1 :]
    for index, line in enumerate(lines):
        if line.startswith("# "):
            title = title or line[2:].strip()
            lines = lines[:index] + lines[index + 1 :]
            break
    return title or path.stem.replace("-", " ").capitalize(), "\n".join(lines).strip() + "\n"


def page_sections(body: str) -> dict[str, tuple[str, str]]:
    """Each `##` section of a page body by its anchor (as MkDocs' toc makes it): (heading, Markdown
    under it up to the next `##`, deeper headings included)."""
    sections: dict[str, tuple[str, str]] = {}
    current, heading = None, ""
    chunk: list[str] = []
    fenced = False
    for line in body.splitlines():
        fenced ^= line.lstrip().startswith("```")
        match = None if fenced else HEADING.match(line)
        if match and len(match.group(1)) == 2:
            if current:
                sections[current] = (heading, "\n".join(chunk).strip() + "\n")
            heading, chunk = match.group(2), []
            current = slugify(heading)
        elif current:
            chunk.append(line)
    if current:
        sections[current] = (heading, "\n".join(chunk).strip() + "\n")
    return sections


def lift_headings(body: str) -> str:
    """Markdown of one `##` section with its deeper headings one level up (`###` becomes `##`):
    on a step page the section's own heading is the page's h1, so its subheadings must be h2s
    for the headings to go down one level at a time (axe: heading-order)."""
    lines, fenced = [], False
    for line in body.splitlines():
        fenced ^= line.lstrip().startswith("```")
        match = None if fenced else HEADING.match(line)
        lines.append(line[1:] if match and len(match.group(1)) > 2 else line)
    return "\n".join(lines) + ("\n" if body.endswith("\n") else "")
