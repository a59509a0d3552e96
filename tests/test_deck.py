"""Steps as slides (casebook/deck.py) from the fixture: what each kind of step puts on screen, in
what order, and how a guide is cut into screenfuls."""

from __future__ import annotations

import pytest

from casebook.pages.deck import BUDGET, markdown_blocks, step_slides, weight
from casebook.repository import load_casebook
from casebook.pages.training import build_session
from support import TODAY, edit

ROUTE = "fixture-session"
GUIDE = """# Long guide

Opening paragraph.

## First part

{long}

{long}

!!! tip
    A tip stays with the text around it.

!!! warning "Caveat"
    National averages are a starting point.

    A second paragraph of the caveat.

Keep these limits in view:

- one
- two

## Template

```
Subject: [month]

{lines}

Contact: [name]
```
"""


def slides_for(repo, number: int):
    book = load_casebook(repo, today=TODAY).casebook
    return step_slides(book, build_session(book, book.routes[ROUTE]).steps[number - 1])


def test_a_case_shows_its_figures_first_then_what_limits_the_evidence(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "\nsources:", "\ncaveats: It was one day only.\nsources:")
    figures, caveat = slides_for(repo, 1)
    assert figures.label == "Key figures" and figures.figures and figures.lead
    assert figures.sources == tuple(dict.fromkeys(f.source for f in figures.figures))
    assert (caveat.label, caveat.markdown) == ("What limits this evidence", "It was one day only.")


def test_a_case_without_caveats_is_one_slide(repo):
    assert [s.label for s in slides_for(repo, 1)] == ["Key figures"]


def test_each_objection_is_a_slide_of_its_own_with_its_answer(repo):
    edit(
        repo,
        "kits/executives.yml",
        "asks:",
        "  - objection: It is risky.\n    answer: Plan for it.\n    benefits: []\n    cases: []\nasks:",
    )
    slides = slides_for(repo, 3)
    assert [(s.label, s.lead, s.markdown.strip()) for s in slides] == [
        ("Objection", "“You can't prove a return on it.”", "Measure outcomes, not likes."),
        ("Objection", "“It is risky.”", "Plan for it."),
    ]


def test_a_guide_splits_at_headings_and_gives_a_caveat_box_its_own_slide(repo):
    long = "A sentence of guide text that goes on. " * 16
    lines = "\n".join(f"- line {n}: [value]" for n in range(15))
    (repo / "docs/guides/pilot.md").write_text(GUIDE.format(long=long, lines=lines), encoding="utf-8")
    edit(repo, f"training/{ROUTE}.yml", "page: guides/pilot.md#measures", "page: guides/pilot.md")
    slides = slides_for(repo, 4)
    labels = [s.label for s in slides]
    assert labels[0] == "Long guide" and slides[0].guide.strip() == "Opening paragraph."
    # two long paragraphs do not fit one slide; the tip joins the second
    assert labels[1:3] == ["First part", "First part"] and "!!! tip" in slides[2].guide
    assert slides[3].guide.startswith('!!! warning "Caveat"') and "second paragraph" in slides[3].guide
    assert slides[4].guide.startswith("Keep these limits in view:\n\n- one")  # the lead-in stays with its list
    template = [s for s in slides if s.label == "Template"]
    assert len(template) >= 2 and all(
        s.guide.startswith("```\n") and s.guide.rstrip().endswith("```") for s in template
    )
    assert "Subject: [month]" in template[0].guide and "Contact: [name]" in template[-1].guide
    assert all(weight(s.guide) <= BUDGET for s in slides)


@pytest.mark.parametrize(
    "body, blocks",
    [
        ("a\nb\n\nc", ["a\nb", "c"]),
        ("## H\ntext", ["## H", "text"]),
        ("!!! note\n    one\n\n    two\n\nafter", ["!!! note\n    one\n\n    two", "after"]),
        ("```\nx\n\ny\n```\n\nz", ["```\nx\n\ny\n```", "z"]),
    ],
)
def test_markdown_blocks_keep_admonitions_and_fences_whole(body, blocks):
    assert markdown_blocks(body) == blocks
