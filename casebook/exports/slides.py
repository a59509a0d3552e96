"""Stage 5, slides: a training `Session` -> a .pptx file (bytes) for trainers who run sessions from
PowerPoint. A title slide, then one slide per step with its heading, key figures and source line;
the step's facilitator notes become the slide's speaker notes.

The file is reproducible: the same content gives the same bytes (fixed document dates and zip
timestamps), so an unchanged route never shows up as a changed download.
"""

from __future__ import annotations

from typing import Any

import io
import re
import zipfile
from datetime import datetime

from pptx import Presentation
from pptx.util import Inches, Pt

from casebook.model.index import Casebook
from casebook.pages.training import Session, StepView, key_figures, key_points, source_line

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9, what council projectors and screens show
MARGIN = Inches(0.6)
TITLE_LAYOUT, TITLE_ONLY_LAYOUT = 0, 5  # in python-pptx's default template
POINTS = 6  # of a kit list on one slide, with the purpose and the questions
FIXED_TIME = datetime(2000, 1, 1)  # any constant: the file must not change with the clock
EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|_(.+?)_")
LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def route_pptx(book: Casebook, session: Session) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    title_slide(prs, session)
    for view in session.steps:
        step_slide(prs, book, view, len(session.steps))
    prs.core_properties.title = session.route.title
    prs.core_properties.author = "Buy-in Casebook"
    prs.core_properties.created = prs.core_properties.modified = FIXED_TIME
    prs.core_properties.revision = 1
    buffer = io.BytesIO()
    prs.save(buffer)
    return _fixed_zip(buffer.getvalue())


def title_slide(prs: Any, session: Session) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_LAYOUT])
    title, subtitle = slide.placeholders[0], slide.placeholders[1]
    _place(title, MARGIN, Inches(1.6), WIDTH - 2 * MARGIN, Inches(2))
    _place(subtitle, MARGIN, Inches(3.9), WIDTH - 2 * MARGIN, Inches(2.6))
    title.text = session.route.title
    minutes = f"{session.total} minutes, {len(session.steps)} steps"
    subtitle.text_frame.text = session.route.goal
    _paragraph(subtitle.text_frame, minutes, size=20)


def step_slide(prs: Any, book: Casebook, view: StepView, count: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY_LAYOUT])
    heading = slide.shapes.title
    _place(heading, MARGIN, Inches(0.4), WIDTH - 2 * MARGIN, Inches(1.4))
    heading.text = view.title
    heading.text_frame.paragraphs[0].font.size = Pt(32)
    body = slide.shapes.add_textbox(MARGIN, Inches(2), WIDTH - 2 * MARGIN, Inches(4.4)).text_frame
    body.word_wrap = True
    figures = key_figures(book, view.target)
    body.text = view.step.purpose if not figures else ""
    body.paragraphs[0].font.size = Pt(24)
    for figure in figures:
        _paragraph(body, figure.value, size=28, bold=True)
        if figure.measure:
            _paragraph(body, figure.measure, size=20)
    for point in key_points(book, view.target)[:POINTS]:
        _paragraph(body, f"• {point}", size=20)
    for question in view.step.discussion:
        _paragraph(body, f"Discuss: {question}", size=20)
    footer = slide.shapes.add_textbox(MARGIN, Inches(6.6), WIDTH - 2 * MARGIN, Inches(0.6)).text_frame
    footer.word_wrap = True
    sources = list(dict.fromkeys(source_line(f.source) for f in figures))
    footer.text = ("Source: " + "; ".join(sources) + ". " if sources else "") + f"Step {view.number} of {count}"
    footer.paragraphs[0].font.size = Pt(12)
    slide.notes_slide.notes_text_frame.text = plain_notes(view.step.facilitator_notes)


def plain_notes(markdown_text: str) -> str:
    """Facilitator notes as speaker notes: one line per paragraph (YAML wraps lines at ~100
    characters, PowerPoint should not), Markdown emphasis and link targets dropped."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", markdown_text.strip())]
    text = "\n".join(p for p in paragraphs if p)
    text = LINK.sub(r"\1", text)
    return EMPHASIS.sub(lambda m: next(g for g in m.groups() if g is not None), text)


def _paragraph(frame: Any, text: str, *, size: int, bold: bool = False) -> None:
    paragraph = frame.add_paragraph() if frame.text else frame.paragraphs[0]
    paragraph.text = text
    paragraph.font.size = Pt(size)
    paragraph.font.bold = bold
    paragraph.space_before = Pt(6)


def _place(shape: Any, left: int, top: int, width: int, height: int) -> None:
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


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
