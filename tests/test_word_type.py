"""The Word briefing reads on paper: body type at least 9 pt and notes at least 8 pt at the template's
single line spacing, source titles that link to their addresses, and note numbers that never start a
line alone. Read back with python-docx from the fixture repository, so it runs without LibreOffice
(tests/test_word_libreoffice.py checks the same files still lay out on one A4 page)."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from docx.text.hyperlink import Hyperlink

from casebook.exports.word import briefing_docx
from casebook.pages.briefing import plan_briefings
from casebook.repository import load_casebook
from support import TODAY, edit

K = "kits/executives.yml"
CITED_ANSWER = """\
    answer: |
      Measure outcomes, not likes [1].
"""
KIT_SOURCE = """\
sources:
  - title: "A report on measuring outcomes"
    publisher: "Fixture Press"
    url: https://www.example.org/reports/measuring-outcomes/2024/full-text
    published: 2024-01-10
    grade: secondary
"""


def document_of(repo):
    brief = plan_briefings(load_casebook(repo, today=TODAY).casebook)["executives"]
    return brief, docx.Document(io.BytesIO(briefing_docx(brief, site_address="example.org/kits/executives")))


def runs_of(paragraph):
    for item in paragraph.iter_inner_content():
        yield from item.runs if isinstance(item, Hyperlink) else (item,)


def size_of(run, paragraph, document) -> float:
    """The run's size in points as Word resolves it: the run, then the paragraph style and its bases,
    then the document's default run properties."""
    if run.font.size is not None:
        return run.font.size.pt
    style = paragraph.style
    while style is not None:
        if style.font.size is not None:
            return style.font.size.pt
        style = style.base_style
    size = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
    return int(size.get(qn("w:val"))) / 2


def type_sizes(document) -> dict[str, list[float]]:
    """Sizes of every run with text: 'notes' are the first line (what the page is) and everything
    after the Sources heading; 'body' is the rest, headings included."""
    paragraphs = document.paragraphs
    sources = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 2" and p.text == "Sources")
    notes = {0, *range(sources + 1, len(paragraphs))}
    sizes: dict[str, list[float]] = {"body": [], "notes": []}
    for index, paragraph in enumerate(paragraphs):
        for run in runs_of(paragraph):
            if run.text.strip():
                sizes["notes" if index in notes else "body"].append(size_of(run, paragraph, document))
    return sizes


def single_spaced(document) -> bool:
    """Normal text is set at single line spacing (the python-docx template's default is 1.15)."""
    spacing = document.styles["Normal"].paragraph_format.line_spacing
    if spacing is None:  # not on the style: the document default
        node = document.styles.element.find(
            f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}"
        )
        return node is not None and node.get(qn("w:line")) == "240" and node.get(qn("w:lineRule")) in (None, "auto")
    return spacing == 1.0


def test_body_is_at_least_9_pt_and_notes_at_least_8_pt(repo):
    brief, document = document_of(repo)
    sizes = type_sizes(document)
    assert len(sizes["notes"]) >= len(brief.notes) and sizes["body"], sizes
    assert min(sizes["body"]) >= 9, sizes["body"]
    assert min(sizes["notes"]) >= 8, sizes["notes"]
    assert single_spaced(document)  # so the larger type still fits the page


def test_each_source_title_links_to_its_address_and_the_note_names_its_site(repo):
    brief, document = document_of(repo)
    links = [item for p in document.paragraphs for item in p.iter_inner_content() if isinstance(item, Hyperlink)]
    assert [(link.text, link.address) for link in links] == [(s.title, s.url) for s in brief.notes]
    first = next(p.text for p in document.paragraphs if p.text.startswith("1. "))
    assert first == "1. Twitter shows Greater Manchester Police's 3,205 calls. BBC News, 2010-10. bbc.com"


def test_note_numbers_are_held_to_the_word_before_them(repo):
    edit(repo, K, "    answer: |\n      Measure outcomes, not likes.\n", CITED_ANSWER)
    (repo / K).write_text((repo / K).read_text() + KIT_SOURCE)
    brief, document = document_of(repo)
    marks = [run for p in document.paragraphs for run in runs_of(p) if run.font.superscript]
    assert marks and all(run.text.startswith("\u2060[") for run in marks), [run.text for run in marks]
    # The answer's own citation, renumbered after the briefing's notes, keeps a no-break space.
    cited = len(brief.notes)
    answer = next(p.text for p in document.paragraphs if "Measure outcomes" in p.text)
    assert answer.endswith(f"Measure outcomes, not likes\u00a0[{cited}].") and f" [{cited}]" not in answer
