"""Stage 5, training: a step -> the slides the projector shows for it, in the order a clicker
reaches them.

A step page is an article a trainer can read; the room needs slides. Each step becomes one or more
`Slide`s that each fit one screen beside the step's questions: a case gives its key figures, then
what limits the evidence; a kit section gives its list a few items at a time or one objection per
slide; a guide gives its sections a screenful at a time, each caveat box on a slide of its own.
The handout, the facilitator guide and the PowerPoint print the same slides, so the room, the paper
and the file show the same things.

Plain data in, plain data out: contributor Markdown stays Markdown (`Slide.markdown`, rendered
sanitised by the templates) and a guide's own Markdown stays Markdown (`Slide.guide`, rendered by
the page module with the site's extensions).
"""

from __future__ import annotations

from collections.abc import Sequence

from typing import Any

import re
from dataclasses import dataclass

from casebook.content.prose import without_citations
from casebook.content.steps import HEADING, KIT_SECTIONS, Target, page_sections, read_page
from casebook.model.entries import Source
from casebook.model.index import Casebook
from casebook.pages.training import Figure, StepView, benefit_figures, case_figures

# How much one slide holds, in characters of visible text: at the projector's type size (30.7 px at
# 1080p, the same proportions at 720p) about twelve full lines beside the title and questions.
BUDGET = 1100
LINE_COST = 45  # a list item or a line break takes a line however short it is
LIST_ITEMS = 6  # of a kit list (what they care about, asks) on one slide
STATEMENTS = 3  # statements or cases of a kit on one slide, each a few lines long
LINK_TARGET = re.compile(r"\]\([^)]*\)")
CAVEAT = re.compile(r"^!!!\s+(warning|danger|caution|attention)\b")  # a caveat box gets a slide of its own


@dataclass(frozen=True)
class Slide:
    label: str  # what this slide is about: "Key figures", "Objection", a guide heading
    lead: str = ""  # plain contributor text shown large: a summary, an objection
    figures: tuple[Figure, ...] = ()
    points: tuple[str, ...] = ()  # plain text, one list item each
    markdown: str = ""  # contributor Markdown (caveats, answers, framing)
    guide: str = ""  # a hand-written page's Markdown (maintainers' text, site extensions)
    sources: tuple[Source, ...] = ()


def step_slides(book: Casebook, view: StepView) -> tuple[Slide, ...]:
    target = view.target
    if target.kind == "case":
        return case_slides(book, target.ref)
    if target.kind == "benefit":
        return benefit_slides(book, target.ref)
    if target.kind == "kit":
        return kit_slides(book, target)
    return guide_slides(book, target)


def case_slides(book: Casebook, case_id: str) -> tuple[Slide, ...]:
    """The figures first, then the caveat: the order the notes ask a trainer to read them in."""
    case = book.cases[case_id]
    figures = tuple(case_figures(case))
    slides = [
        Slide(
            "Key figures", lead=case.summary, figures=figures, sources=tuple(dict.fromkeys(f.source for f in figures))
        )
    ]
    if case.caveats:
        slides.append(Slide("What limits this evidence", markdown=case.caveats))
    return tuple(slides)


def benefit_slides(book: Casebook, benefit_id: str) -> tuple[Slide, ...]:
    benefit = book.benefits[benefit_id]
    points = tuple(evidence_line(book, item) for item in benefit.evidence)
    slides = [Slide("The evidence behind it", points=points, sources=tuple(book.evidence_sources(benefit)[:3]))]
    if benefit.explanation:
        slides += [Slide("Why it holds", markdown=chunk) for chunk in pack_markdown(benefit.explanation)]
    return tuple(slides)


def evidence_line(book: Casebook, item: Any) -> str:
    if item.case:
        case = book.cases[item.case]
        return f"{case.organisation}: {case.headline.value} ({case.headline.measure.lower()})"
    return f"{item.source.publisher}: {item.source.title}"


def kit_slides(book: Casebook, target: Target) -> tuple[Slide, ...]:
    kit = book.kits[target.ref]
    section = target.section or "cares"
    label = KIT_SECTIONS[section]
    if section == "cares":
        chunks = chunked(kit.cares_about, LIST_ITEMS)
        return tuple(
            Slide(label, lead=kit.who if not target.section and n == 0 else "", points=chunk)
            for n, chunk in enumerate(chunks)
        )
    if section == "asks":
        return tuple(Slide(label, points=chunk) for chunk in chunked(kit.asks, LIST_ITEMS))
    # The kit's [1]-style citations point at its own source list, which slides do not carry (the
    # handout numbers its own references), so they are left off rather than misread.
    if section == "framing":
        return tuple(Slide(label, markdown=chunk) for chunk in pack_markdown(without_citations(kit.framing)))
    if section == "objections":
        return tuple(
            Slide("Objection", lead=f"“{o.objection}”", markdown=without_citations(o.answer)) for o in kit.objections
        )
    if section == "statements":
        figures = benefit_figures(book, book.benefits_for(kit.id)[: 2 * STATEMENTS])
        return tuple(
            Slide(label, figures=chunk, sources=tuple(f.source for f in chunk))
            for chunk in chunked(figures, STATEMENTS)
        )
    figures = [case_figures(case)[0] for case in book.cases_for(kit.id)[: 2 * STATEMENTS]]
    return tuple(
        Slide(label, figures=chunk, sources=tuple(f.source for f in chunk)) for chunk in chunked(figures, STATEMENTS)
    )


def guide_slides(book: Casebook, target: Target) -> tuple[Slide, ...]:
    """A hand-written page (or one `##` section of it) a screenful at a time: every heading starts
    a slide and names it, every caveat box (a warning admonition) gets a slide of its own."""
    title, body = read_page(book.root / "docs" / target.ref)
    label = title
    if target.section:
        label, body = page_sections(body)[target.section]
    slides: list[Any] = []
    chunk: list[str] = []

    def flush() -> None:
        if chunk:
            slides.append(Slide(label, guide="\n\n".join(chunk) + "\n"))
            chunk.clear()

    for block in [part for chunk in markdown_blocks(body) for part in split_fence(chunk)]:
        heading = HEADING.match(block)
        if heading:
            flush()
            label = heading.group(2)
        elif CAVEAT.match(block):
            flush()
            chunk.append(block)
            flush()
        else:
            leads_in = chunk and chunk[-1].endswith(":")  # "Keep these limits in view:" stays with its list
            if chunk and not leads_in and weight("\n\n".join(chunk + [block])) > BUDGET:
                flush()
            chunk.append(block)
    flush()
    return tuple(slides) or (Slide(label, guide=body),)


def markdown_blocks(body: str) -> list[str]:
    """Markdown split at blank lines into blocks, keeping an admonition's indented body (blank
    lines and all) and a fenced block with their opening line; a heading is a block of its own."""
    blocks: list[list[str]] = []
    current: list[str] = []
    fenced = False
    for line in body.splitlines():
        stripped = line.strip()
        if fenced:
            current.append(line)
            fenced = not stripped.startswith("```")
            continue
        if not stripped:
            if current:
                current.append("")
            continue
        joins = (
            current
            and not HEADING.match(current[0])
            and (line.startswith("    ") or (current[-1] != "" and not HEADING.match(line)))
        )
        if joins:
            current.append(line)
        else:
            if current:
                blocks.append(current)
            current = [line]
        fenced = stripped.startswith("```")
    if current:
        blocks.append(current)
    return ["\n".join(block).strip("\n") for block in blocks]


def split_fence(block: str) -> list[str]:
    """A fenced block too long for one slide (a bulletin template) in runs of its paragraphs, each
    fenced again, so it shows over two slides at full size rather than one at a small size."""
    lines = block.splitlines()
    if not lines[0].lstrip().startswith("```") or weight(block) <= BUDGET:
        return [block]
    fence, body = lines[0], "\n".join(lines[1:-1])
    parts: list[str] = []
    for paragraph in body.split("\n\n"):
        if parts and weight(f"{fence}\n{parts[-1]}\n\n{paragraph}\n```") <= BUDGET:
            parts[-1] += "\n\n" + paragraph
        else:
            parts.append(paragraph)
    return [f"{fence}\n{part}\n```" for part in parts]


def pack_markdown(text: str) -> list[str]:
    """Contributor Markdown in slide-sized runs of whole paragraphs (a paragraph never splits)."""
    chunks: list[str] = []
    for block in markdown_blocks(text):
        if chunks and weight(chunks[-1] + "\n\n" + block) <= BUDGET:
            chunks[-1] += "\n\n" + block
        else:
            chunks.append(block)
    return chunks or [text]


def weight(markdown_text: str) -> int:
    """Roughly how much of a slide a piece of Markdown fills: visible characters plus a line's
    worth for each line, since a short list item still takes a whole line."""
    visible = LINK_TARGET.sub("]", markdown_text)
    lines = [line for line in visible.splitlines() if line.strip()]
    return len(visible) + LINE_COST * len(lines)


def chunked(items: Sequence[Any], size: int) -> list[tuple[Any, ...]]:
    items = tuple(items)
    return [items[n : n + size] for n in range(0, len(items), size)] or [()]
