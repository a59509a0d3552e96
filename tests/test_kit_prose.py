"""Every fact in a kit's prose carries its source (issue 21): the three rules with the exact line a
contributor sees, and the numbered citations as the kit page, its copy text and the briefing show
them. Built from the fixture repository, never the real kits."""

from __future__ import annotations

import html

from casebook.content.prose import sentences
from casebook.pages.briefing import plan_briefings
from casebook.pages.citation import objection_text
from casebook.pages.render import briefing_page, kit_page
from casebook.repository import load_casebook
from support import TODAY, edit, problem_lines

K = "kits/executives.yml"
SOURCES = """sources:
  - title: Customer service centre annual report 2024-25
    publisher: Norfolk County Council
    url: https://example.org/norfolk-2025
    published: 2025-07
    grade: primary
  - title: A tale of two teams
    publisher: comms2point0
    url: https://example.org/blog-2012
    published: 2012
    grade: secondary
"""
ANSWER = "      Measure outcomes, not likes.\n"


def with_answer(repo, text: str, *, sources: str = SOURCES) -> None:
    edit(repo, K, ANSWER, "      Measure outcomes, not likes. " + text + "\n")
    edit(repo, K, "training: exec-route\n", "training: exec-route\n" + sources)


def rule_lines(repo, rule: str) -> list[str]:
    return [line for line in problem_lines(repo) if line.endswith(f"[{rule}]")]


def test_a_figure_without_a_citation_is_a_problem(repo):
    with_answer(repo, "Norfolk answered 190,000 calls in 2024-25.")
    assert rule_lines(repo, "kit-figure-uncited") == [
        "kits/executives.yml:12:36: objections[0].answer: 'Norfolk answered 190,000 calls in 2024-25.' states a "
        "figure without a citation (expected a numbered citation such as [1] to one of the kit's sources that "
        "holds it; fix: add the source to `sources` and cite its number at the end of the sentence, or cut "
        "the figure) [kit-figure-uncited]"
    ]


def test_a_cited_figure_and_a_sentence_without_figures_pass(repo):
    with_answer(repo, "Norfolk answered 190,000 calls in 2024-25 [1]. Answers in public help everyone.")
    assert [line for line in problem_lines(repo) if "kit-" in line] == []


def test_framing_is_checked_too(repo):
    edit(repo, K, "  Lead with outcomes.\n", "  Lead with outcomes.\n\n  Calls cost £6.55 each.\n")
    assert rule_lines(repo, "kit-figure-uncited")[0].startswith(
        "kits/executives.yml:10:3: framing: 'Calls cost £6.55 each.' states a figure without a citation"
    )


def test_a_citation_beyond_the_kits_sources_is_a_problem(repo):
    with_answer(repo, "Norfolk answered 190,000 calls in 2024-25 [3].")
    assert rule_lines(repo, "kit-citation-unknown") == [
        "kits/executives.yml:12:36: objections[0].answer: 'Norfolk answered 190,000 calls in 2024-25 [3].' "
        "cites [3], but the kit lists 2 sources (expected a number from 1 to 2; fix: cite the position of the "
        "source in `sources`, or add the source) [kit-citation-unknown]"
    ]


def test_a_figure_held_only_by_an_older_source_is_a_problem(repo):
    with_answer(repo, "Norfolk answered 190,000 calls in 2024-25 [2].")
    assert rule_lines(repo, "kit-figure-source-predates") == [
        "kits/executives.yml:12:36: objections[0].answer: 'Norfolk answered 190,000 calls in 2024-25 [2].' "
        "speaks of 2024, but its only source (2012) was published before then (expected a source published in "
        "2024 or later that holds the figure; fix: cite the publication that reports that period, or cut the "
        "figure) [kit-figure-source-predates]"
    ]


def test_a_period_held_by_one_newer_source_passes(repo):
    with_answer(repo, "Norfolk answered 190,000 calls in 2024-25 [1, 2].")
    assert rule_lines(repo, "kit-figure-source-predates") == []


def test_sentences_split_where_a_reader_would_and_numbers_are_not_sentence_ends():
    found = sentences("Calls cost £6.55 each [1]. Most said yes (77%) [2]. No figure here.\n\nNew paragraph.")
    assert [(s.text, s.cites, s.has_figure) for s in found] == [
        ("Calls cost £6.55 each [1].", (1,), True),
        ("Most said yes (77%) [2].", (2,), True),
        ("No figure here.", (), False),
        ("New paragraph.", (), False),
    ]
    assert sentences("Between 2009 and 2011 [1].")[0].years == (2009, 2011)
    assert sentences("Rose by 2,000 in 2024-25 [1].")[0].years == (2024,)


def test_the_kit_page_links_each_citation_to_its_listed_source(repo):
    with_answer(repo, "Norfolk answered 190,000 calls in 2024-25 [1].")
    book = load_casebook(repo, today=TODAY).casebook
    page = html.unescape(kit_page(book, "executives").content)
    assert 'in 2024-25\u2060<sup class="cb-cite">[<a href="#kit-source-1">1</a>]</sup>.' in page  # unescaped
    assert '<li id="kit-source-1"><a href="https://example.org/norfolk-2025"' in page
    text = objection_text(book.kits["executives"].objections[0], book.kits["executives"].sources)
    assert text.splitlines()[1:] == [
        "Measure outcomes, not likes. Norfolk answered 190,000 calls in 2024-25 [1].",
        "Sources",
        "1. Customer service centre annual report 2024-25. Norfolk County Council, 2025-07. "
        "https://example.org/norfolk-2025",
    ]


def test_the_briefing_numbers_the_answers_sources_after_its_own(repo):
    with_answer(repo, "Norfolk answered 190,000 calls in 2024-25 [1].")
    book = load_casebook(repo, today=TODAY).casebook
    brief = plan_briefings(book)["executives"]
    assert brief.notes[-1].url == "https://example.org/norfolk-2025"
    number = len(brief.notes)
    assert number > 1 and brief.answers[0].endswith(f"in 2024-25 [{number}].\n")
    page = briefing_page(book, "executives").content
    assert f'in 2024-25&#8288;<sup class="cb-cite">[{number}]</sup>.' in page


def test_a_training_step_on_the_kit_shows_the_citations_and_the_sources_they_number(repo):
    from casebook.pages.training_pages import training_pages

    edit(repo, K, "  Lead with outcomes.\n", "  Lead with outcomes: Norfolk answered 190,000 calls in 2024-25 [1].\n")
    edit(repo, K, "training: exec-route\n", "training: exec-route\n" + SOURCES)
    edit(repo, "training/exec-route.yml", "page: kit:executives\n", "page: kit:executives#framing\n")
    book = load_casebook(repo, today=TODAY).casebook
    step = next(p.content for p in training_pages(book) if p.src_uri == "training/exec-route/1.md")
    assert 'in 2024-25&#8288;<sup class="cb-cite">[1]</sup>.' in step
    sources = step[step.index('<ol class="cb-sources cb-stage__sources"') :]
    assert sources.index("Customer service centre annual report 2024-25") < sources.index("A tale of two teams")


def test_slides_leave_off_the_kits_citation_numbers_they_cannot_list(repo):
    from casebook.content.steps import parse_target
    from casebook.pages.deck import kit_slides

    with_answer(repo, "Norfolk answered 190,000 calls in 2024-25 [1].")
    book = load_casebook(repo, today=TODAY).casebook
    (slide,) = kit_slides(book, parse_target("kit:executives#objections"))
    assert slide.markdown.endswith("Norfolk answered 190,000 calls in 2024-25.\n")
