"""Stage 5, exports: a standard briefing -> an editable Word file (.docx), written at build time.

Council officers write committee reports in Word, so each audience's one-page briefing is also
published as `downloads/briefing-<audience>.docx`: the same pilot, statements with numbered
citations, headline figures, questions, asks and sources as the page. The file is reproducible:
fixed document dates and zip timestamps, so an unchanged casebook gives identical bytes.
"""

from __future__ import annotations

from typing import Any

import io
import re
import zipfile
from datetime import datetime

from docx import Document
from docx.enum.section import WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from casebook.pages.briefing import Briefing, card_sentence, dated_line
from casebook.pages.citation import plain_text
from casebook.content.markup import render
from casebook.model.urls import site_of

FIXED = datetime(2000, 1, 1)
ACCENT = RGBColor(0x07, 0x3B, 0x45)
# Sizes a chief executive can read on paper; the one page is kept by the layout (the pilot's terms in
# three columns and the sources in two, as the printed page sets them), never by smaller type.
BODY_PT = 9.0
NOTE_PT = 8.0
WORD_JOINER = "\u2060"  # no break here; zero width in Word and LibreOffice
CITATION = re.compile(r" (\[\d+(?:, ?\d+)*\])")


def briefing_docx(brief: Briefing, *, site_address: str = "") -> bytes:
    """The briefing as .docx bytes; `site_address` is the briefing page's address, if known (it lists
    every source's full address, where the notes here print only each source's site)."""
    doc = Document()
    _set_up(doc)
    kit = brief.kit
    # The page's address rides on the first line: a last line of its own ran onto a second page.
    kicker = f"One-page briefing for {kit.name}"
    _small(doc, f"{kicker}. Sources in full and more evidence: {site_address}" if site_address else kicker)
    doc.add_heading(kit.briefing_title, level=1)
    if brief.pilot:
        _pilot(doc, brief)
    doc.add_heading("What the evidence shows", level=2)
    for benefit, notes, kind in brief.statements:
        paragraph = doc.add_paragraph(style="List Number")
        paragraph.add_run(benefit.statement)
        _cite(paragraph, notes)
        paragraph.add_run(f" ({kind.label})").italic = True
    if brief.cases:
        doc.add_heading("Comparable organisations", level=2)
        if brief.dated:
            doc.add_paragraph(dated_line(brief))
        for case, note, kind in brief.cases:
            paragraph = doc.add_paragraph(style="List Bullet")
            paragraph.add_run(card_sentence(case) + ".")
            _cite(paragraph, (note,))
            paragraph.add_run(f" ({kind.label})").italic = True
    if brief.objections:
        doc.add_heading("Questions you may have", level=2)
        for objection, answer in zip(brief.objections, brief.answers, strict=True):
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"“{objection.objection}” ").bold = True
            paragraph.add_run(keep_marks(plain_text(render(answer).html)))
    doc.add_heading("What we ask of you", level=2)
    for ask in brief.asks:
        doc.add_paragraph(ask, style="List Bullet")
    doc.add_heading("Sources", level=2)
    _columns(doc, 2)
    for number, source in enumerate(brief.notes, 1):
        _note(doc, number, source)
    return _reproducible(doc)


def _pilot(doc: Any, brief: Briefing) -> None:
    """The same shared facts, then the same view, as the briefing page (templates/pilot.html.j2)."""
    if brief.pilot is None:
        return
    doc.add_heading(f"What we propose: {brief.pilot.title}", level=2)
    view = brief.pilot_view
    if view:
        doc.add_paragraph(view.lead)
    pairs = [(label, sentence) for _key, label, sentence in brief.pilot_facts]
    _terms(doc, pairs + list(view.points if view else ()))


def _terms(doc: Any, pairs: list[tuple[str, str]]) -> None:
    """Label and text flowing down three columns, as on the printed page: the pilot's dozen short
    answers fill the columns evenly, where a table's rows would leave gaps beside the longest."""
    _columns(doc, 3)
    for label, text in pairs:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.keep_together = True
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(text)
    _columns(doc, 1)


def _columns(doc: Any, count: int) -> None:
    """What follows is set in `count` columns: a continuous section break, so it stays on the page."""
    section = doc.add_section(WD_SECTION.CONTINUOUS)
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = section._sectPr.makeelement(qn("w:cols"), {})
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(count))
    cols.set(qn("w:space"), str(int(Cm(0.5).twips)))


def _set_up(doc: Any) -> None:
    """A4 with narrow margins and tight spacing, so the briefing stays on one page in Word."""
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(1.2)
        section.top_margin = section.bottom_margin = Cm(1.0)
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(BODY_PT)
    style.paragraph_format.space_after = Pt(1)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.line_spacing = 1.0  # the template's default is 1.15 lines
    for name, size in (("Heading 1", 15), ("Heading 2", 11)):
        heading = doc.styles[name]
        heading.font.color.rgb = ACCENT
        heading.font.name = "Arial"
        heading.font.size = Pt(size)
        heading.paragraph_format.space_before = Pt(4)
        heading.paragraph_format.space_after = Pt(2)
    for name in ("List Number", "List Bullet"):
        doc.styles[name].paragraph_format.space_after = Pt(1)
    props = doc.core_properties
    props.author = "Buy-in Casebook"
    props.created = props.modified = FIXED
    props.last_modified_by = "Buy-in Casebook"
    props.revision = 1


def _small(doc: Any, text: str) -> None:
    run = doc.add_paragraph().add_run(text)
    run.font.size = Pt(NOTE_PT)


def _note(doc: Any, number: int, source: Any) -> None:
    """A numbered source: its title links to the address, and the line shows the address's site
    (the full addresses ran to three lines each; the briefing page lists them all)."""
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{number}. ")
    link = paragraph._p.makeelement(qn("w:hyperlink"), {})
    link.set(qn("r:id"), doc.part.relate_to(source.url, RT.HYPERLINK, is_external=True))
    run = paragraph.add_run(source.title)
    run.font.underline = True
    link.append(run._r)
    paragraph._p.append(link)
    paragraph.add_run(f". {source.publisher}, {source.published_label}. {site_of(source.url)}")
    for run in paragraph.iter_inner_content():
        for inner in getattr(run, "runs", [run]):
            inner.font.size = Pt(NOTE_PT)


def _cite(paragraph: Any, notes: Any) -> None:
    """A superscript note number glued to the word before it, so it never starts a line alone."""
    if notes:
        run = paragraph.add_run(f"{WORD_JOINER}[{','.join(str(n) for n in notes)}]")
        run.font.superscript = True


def keep_marks(text: str) -> str:
    """An answer's inline citations ("customers [8]") held to their word by a no-break space."""
    return CITATION.sub("\u00a0\\1", text)


def _reproducible(doc: Any) -> bytes:
    """Save, then rewrite the zip with fixed timestamps so identical content gives identical bytes."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
