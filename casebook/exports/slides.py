"""Stage 5, slides: a training `Session` -> a .pptx file (bytes) for trainers who run sessions from
PowerPoint. A title slide; for each step the same slides the projector shows (casebook/pages/deck.py:
key figures, then the caveat; one objection per slide; a guide a screenful at a time), the step's
questions on its last slide and its facilitator notes as every one of its slides' speaker notes;
then the asks and the numbered sources.

Made to be edited: every slide uses the default template's built-in "Title and Content" layout (its
placeholders moved once, in the layouts, to a 16:9 page), text goes into the placeholders with no
font size set on any run, and each body is marked to shrink on overflow (`normAutofit`, the
setting PowerPoint's own "Shrink text on overflow" writes). PowerPoint only recomputes that shrink
when the text is edited (python-pptx issue #1135 and its neighbours), so the file carries a
starting `fontScale` estimated from the amount of text; a trainer who edits or resizes the text
gets PowerPoint's own sizing from then on.

The file is reproducible: the same content gives the same bytes (fixed document dates and zip
timestamps), so an unchanged route never shows up as a changed download.
"""

from __future__ import annotations

from typing import Any


import io
import math
import re
import zipfile
from datetime import datetime

from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Emu, Inches

from casebook.model.index import Casebook
from casebook.pages.deck import Slide, step_slides
from casebook.pages.materials import audience_kits, references
from casebook.pages.training import Session, StepView

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9, what council projectors and screens show
TEMPLATE_WIDTH = Inches(10)  # the default template's 4:3 page, whose layouts are stretched once
TITLE_LAYOUT, CONTENT_LAYOUT = 0, 1  # "Title Slide" and "Title and Content" in the default template
BODY_CHARS, BODY_LINES = 55, 9  # what the content placeholder holds at its own 32 pt
TITLE_CHARS, TITLE_LINES = 40, 2  # and the title placeholder at its own 44 pt
REFERENCES_PER_SLIDE = 8
FIXED_TIME = datetime(2000, 1, 1)  # any constant: the file must not change with the clock
EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|_(.+?)_")
LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
ADMONITION = re.compile(r'^!!!\s+(\w+)(?:\s+"([^"]*)")?\s*$')
LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+")


def route_pptx(book: Casebook, session: Session) -> bytes:
    prs = Presentation()
    widen_layouts(prs)
    slides = {view.number: step_slides(book, view) for view in session.steps}
    refs = references(slides)
    cite = {url: ref.number for url, ref in refs.items()}
    title_slide(prs, session)
    for view in session.steps:
        for number, slide in enumerate(slides[view.number], 1):
            last = number == len(slides[view.number])
            content_slide(prs, view, slide, cite, part=(number, len(slides[view.number])), last=last)
    asks = [ask for kit in audience_kits(book, session) for ask in kit.asks]
    closing_slides(prs, asks, list(refs.values()))
    prs.core_properties.title = session.route.title
    prs.core_properties.author = "Buy-in Casebook"
    prs.core_properties.created = prs.core_properties.modified = FIXED_TIME
    prs.core_properties.revision = 1
    buffer = io.BytesIO()
    prs.save(buffer)
    return _fixed_zip(buffer.getvalue())


def widen_layouts(prs: Any) -> None:
    """A 16:9 page with the default template's layouts stretched to it, so every slide inherits its
    placeholders' places and a trainer who resets a slide gets the same layout back."""
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    masters = [prs.slide_master, *prs.slide_layouts]
    for shape in (shape for master in masters for shape in master.placeholders):
        if shape._element.spPr.xfrm is not None:  # its own place, not one inherited (already stretched)
            shape.left = Emu(round(shape.left * WIDTH / TEMPLATE_WIDTH))
            shape.width = Emu(round(shape.width * WIDTH / TEMPLATE_WIDTH))


def title_slide(prs: Any, session: Session) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_LAYOUT])
    slide.shapes.title.text = session.route.title
    body = slide.placeholders[1].text_frame
    body.text = session.route.goal
    body.add_paragraph().text = (
        f"{session.total} minutes: welcome, {len(session.steps)} steps, close. For {session.route.attendees}"
    )
    shrink_to_fit(body, [p.text for p in body.paragraphs])


def content_slide(
    prs: Any, view: StepView, slide: Slide, cite: dict[str, int], *, part: tuple[int, int], last: bool
) -> None:
    page = prs.slides.add_slide(prs.slide_layouts[CONTENT_LAYOUT])
    count = f" ({part[0]}/{part[1]})" if part[1] > 1 else ""
    page.shapes.title.text = f"{view.number}. {view.title}{count}"
    shrink_to_fit(page.shapes.title.text_frame, [page.shapes.title.text], room=(TITLE_CHARS, TITLE_LINES))
    lines = [(slide.label, 0, True)] + slide_lines(slide, cite)
    if last:
        lines += [(f"Discuss: {question}", 0, True) for question in view.step.discussion]
    fill(page.placeholders[1].text_frame, lines)
    page.notes_slide.notes_text_frame.text = plain_notes(view.step.facilitator_notes)


def slide_lines(slide: Slide, cite: dict[str, int]) -> list[tuple[str, int, bool]]:
    """(text, indent level, bold) for each paragraph of a slide's content."""
    lines = [(slide.lead, 0, False)] if slide.lead else []
    for figure in slide.figures:
        measure = f": {figure.measure}" if figure.measure else ""
        lines.append((f"{figure.value}{measure} [{cite[figure.source.url]}]", 0, False))
    lines += [(point, 0, False) for point in slide.points]
    for text in (slide.markdown, slide.guide):
        lines += [(line, level, False) for line, level in plain_lines(text)] if text else []
    return lines


def closing_slides(prs: Any, asks: list[str], refs: list[Any]) -> None:
    page = prs.slides.add_slide(prs.slide_layouts[CONTENT_LAYOUT])
    page.shapes.title.text = "What we ask"
    fill(page.placeholders[1].text_frame, [(ask, 0, False) for ask in asks] or [("Agree the next step.", 0, False)])
    for start in range(0, len(refs), REFERENCES_PER_SLIDE):
        page = prs.slides.add_slide(prs.slide_layouts[CONTENT_LAYOUT])
        page.shapes.title.text = "Sources"
        chunk = refs[start : start + REFERENCES_PER_SLIDE]
        fill(page.placeholders[1].text_frame, [(f"[{ref.number}] {ref.text}. {ref.site}", 0, False) for ref in chunk])


def fill(frame: Any, lines: list[tuple[str, int, bool]]) -> None:
    """Paragraphs into a placeholder: text, level and bold only; sizes stay the layout's."""
    for index, (text, level, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        paragraph.level = level
        if bold:
            run.font.bold = True
    shrink_to_fit(frame, [text for text, _, _ in lines])


def shrink_to_fit(frame: Any, texts: list[str], room: tuple[int, int] = (BODY_CHARS, BODY_LINES)) -> None:
    """Mark the body to shrink on overflow, with a first estimate of the scale PowerPoint would
    choose, so it opens fitted; PowerPoint recomputes it when the text is edited."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    chars, most = room
    lines = sum(max(1, math.ceil(len(text) / chars)) for text in texts)
    scale = min(1.0, math.sqrt(most / lines)) if lines else 1.0
    if scale < 1.0:
        autofit = frame._txBody.bodyPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}normAutofit")
        autofit.set("fontScale", str(max(25000, int(scale * 100000) // 2500 * 2500)))
        autofit.set("lnSpcReduction", "10000" if scale < 0.8 else "0")


def plain_lines(markdown_text: str) -> list[tuple[str, int]]:
    """Markdown as (plain text, list level) paragraphs: one per paragraph or list item, an
    admonition's title leading its text ("Caveat: ..."), fences dropped, links as their text."""
    out: list[tuple[str, int]] = []
    prefix = ""
    for block in re.split(r"\n\s*\n", markdown_text.strip()):
        if block.strip().startswith("```"):
            out += [(line, 1) for line in block.strip().strip("`").strip().splitlines() if line.strip()]
            continue
        first = block.lstrip().splitlines()[0] if block.strip() else ""
        admonition = ADMONITION.match(first)
        if admonition:
            prefix = (admonition.group(2) or admonition.group(1).capitalize()) + ": "
            block = "\n".join(block.lstrip().splitlines()[1:])
        items = re.split(r"\n(?=\s*(?:[-*+]|\d+[.)])\s)", block)
        for item in items:
            level = 1 if LIST_ITEM.match(item) else 0
            text = plain_notes(LIST_ITEM.sub("", item).replace("\n", " ").lstrip("> "))
            if text:
                out.append((prefix + text, level))
                prefix = ""
    return out


def plain_notes(markdown_text: str) -> str:
    """Facilitator notes as speaker notes: one line per paragraph (YAML wraps lines at ~100
    characters, PowerPoint should not), Markdown emphasis and link targets dropped."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", markdown_text.strip())]
    text = "\n".join(p for p in paragraphs if p)
    text = LINK.sub(r"\1", text)
    return EMPHASIS.sub(lambda m: next(g for g in m.groups() if g is not None), text)


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01, in the same order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
