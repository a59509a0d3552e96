"""Training mode from the fixture: step resolution and timings, the pages a trainer uses, where
facilitator notes may appear, and the .pptx read back with python-pptx."""

from __future__ import annotations

import html
import io
import re

import pytest
from pptx import Presentation

from casebook.repository import load_casebook
from casebook.exports.slides import plain_notes
from casebook.pages.training import build_session, clock
from casebook.pages.training_pages import training_pages
from support import TODAY, edit, problem_lines, real_casebook

ROUTE = "fixture-session"
NOTE = "Take one objection at a time."


@pytest.fixture
def book(repo):
    return load_casebook(repo, today=TODAY).casebook


@pytest.fixture
def pages(book) -> dict[str, str | bytes]:
    return {page.src_uri: page.content for page in training_pages(book)}


def test_running_start_times_and_totals_with_and_without_optional_steps(book):
    session = build_session(book, book.routes[ROUTE])
    # a 5-minute welcome before the first step and a 5-minute close after the last
    assert [view.start for view in session.steps] == [5, 15, 20, 35]
    assert (session.total, session.core_total, session.has_optional, session.close_start) == (60, 55, True, 55)
    assert [clock(m) for m in (0, 10, 65, 240)] == ["0:00", "0:10", "1:05", "4:00"]


def test_each_kind_of_step_gets_a_title_and_the_page_it_draws_on(book):
    views = build_session(book, book.routes[ROUTE]).steps
    assert [(v.target.kind, v.title, v.entry_url) for v in views] == [
        ("case", "Greater Manchester Police tweets every incident for 24 hours", "cases/gmp-tweets/"),
        ("benefit", book.benefits["tweeting-a-day-of-calls"].statement, "benefits/tweeting-a-day-of-calls/"),
        ("kit", "Executives: objections and answers", "kits/executives/"),
        ("guide", "Run a pilot: Measures", "guides/pilot/"),
    ]


def test_the_index_lists_every_route_with_minutes_and_steps(pages):
    index = pages["training/index.md"]
    assert 'data-route-id="exec-route"' in index and f'data-route-id="{ROUTE}"' in index
    assert "60 minutes (55 without optional steps) · 4 steps" in index
    assert "for Executives" in index  # the kit whose `training` names exec-route


def test_agenda_has_prepare_list_start_times_optional_marks_totals_and_buttons(pages):
    agenda = pages[f"training/{ROUTE}/index.md"]
    assert "<li>Print the handout for everyone.</li>" in agenda
    starts = re.findall(r'<td class="cb-agenda__start">([0-9:]+)(?:<span|</td>)', agenda)
    assert starts == ["0:00", "0:05", "0:15", "0:20", "0:35", "0:55", "1:00"]  # welcome, 4 steps, close, end
    assert re.search(r'class="cb-agenda__welcome".*>Welcome<', agenda)
    assert re.search(r'class="cb-agenda__close" data-start="55" data-minutes="5".*>Close<', agenda)
    assert agenda.count('class="cb-optional">optional') == 1
    assert "Total: 60 minutes</strong>, or 55 minutes without the optional steps" in agenda
    for action in ("present", "presenter", "handout", "guide", "pptx"):
        assert f'data-action="{action}"' in agenda
    assert f'href="../../training/{ROUTE}/{ROUTE}.pptx"' in agenda


def test_case_step_shows_the_case_itself_with_figures_caveats_and_sources(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "\nsources:", "\ncaveats: It was one day only.\nsources:")
    book = load_casebook(repo, today=TODAY).casebook
    page = next(p.content for p in training_pages(book) if p.src_uri == f"training/{ROUTE}/1.md")
    case = book.cases["gmp-tweets"]
    assert "It was one day only." in page
    assert case.summary.split()[0] in page and case.headline.value in page
    assert "What limits this evidence" in page and case.sources[0].url in page
    assert "Step 1 of 4" in page and "What would we count here?" in page


def test_kit_section_benefit_and_guide_steps_show_their_content(pages, book):
    assert "You can&#39;t prove a return on it." in pages[f"training/{ROUTE}/3.md"]
    assert book.benefits["tweeting-a-day-of-calls"].statement in pages[f"training/{ROUTE}/2.md"]
    guide = pages[f"training/{ROUTE}/4.md"]
    assert "Count calls before and after." in guide and "Pick one service" not in guide
    # the guide's own links are re-pointed from docs/guides/ to the step's address
    assert 'href="../../../guides/pilot/#scope"' in guide and 'href="../../../guides/"' in guide
    # the section's heading is the step's h1, so its subheadings come up to h2 (heading order)
    assert re.search(r"<h2[^>]*>Take a baseline", guide) and "<h3" not in guide


def test_previous_and_next_stay_inside_the_route(pages):
    for number in range(1, 5):
        page = pages[f"training/{ROUTE}/{number}.md"]
        links = re.findall(r'rel="(?:prev|next)" href="([^"]+)"', page)
        assert len(links) == 2
        assert all(link.startswith(f"../../../training/{ROUTE}/") for link in links)
    assert f'rel="prev" href="../../../training/{ROUTE}/1/"' in pages[f"training/{ROUTE}/2.md"]
    assert f'rel="next" href="../../../training/{ROUTE}/"' in pages[f"training/{ROUTE}/4.md"]


def test_facilitator_notes_only_in_presenter_view_and_facilitator_guide(pages):
    for uri, content in pages.items():
        if uri.endswith(".pptx"):
            continue
        expected = uri.endswith(("/presenter.md", "/guide.md")) and ROUTE in uri
        assert (NOTE in content) == expected, uri
    for name in ("presenter", "guide", "1", "4"):
        content = pages[f"training/{ROUTE}/{name}.md"]
        assert "search:\n  exclude: true" in content  # out of lunr's index
        assert 'data-pagefind-ignore="all"' in content  # and Pagefind's
    assert 'class="cb-notes" data-pagefind-ignore="all"' in pages[f"training/{ROUTE}/presenter.md"]


def test_handout_prints_the_slides_with_numbered_references_and_no_notes(pages, book):
    handout = pages[f"training/{ROUTE}/handout.md"]
    case = book.cases["gmp-tweets"]
    # the figure, then its reference number; the source itself in the numbered list at the end
    assert re.search(
        rf"{re.escape(case.headline.value)}</span>.*<span class=\"cb-figure__source\">\[1\]</span>", handout
    )
    refs = handout[handout.index('<section class="cb-references">') :]
    assert re.search(
        rf'<li value="1">{re.escape(case.sources[0].publisher)}, .*<a href="{re.escape(case.sources[0].url)}"', refs
    )
    assert handout.count(case.sources[0].url) == 1  # never a raw address in the text
    assert "Measure outcomes, not likes." in handout  # the objection's answer, not only the objection
    assert "Count calls before and after." in handout  # the guide section the step shows
    assert "Facilitator notes" not in handout and "Invite a finance colleague." not in handout
    assert 'class="cb-note-lines"' not in handout  # no boxes of empty lines


def test_guide_has_a_run_sheet_materials_notes_and_the_close_with_the_asks(pages, book):
    guide = pages[f"training/{ROUTE}/guide.md"]
    assert "<h2>Run sheet</h2>" in guide and "Invite a finance colleague." in guide
    assert "starts 0:35 · 20 min" in guide and "<h2>Welcome · 5 min</h2>" in guide and "<h2>Close · 5 min</h2>" in guide
    assert NOTE in guide and "Count calls before and after." in guide
    # the route's audience is the kit whose `training` names it, or else the kits its steps show
    assert all(ask in guide for ask in book.kits["executives"].asks)
    materials = guide[guide.index('<ul class="cb-materials">') : guide.index("</ul>", guide.index("cb-materials"))]
    assert re.findall(r'<a href="([^"]+)">', materials) == [
        f"../../../training/{ROUTE}/handout/",
        f"../../../training/{ROUTE}/pilot-proposal/",
        f"../../../training/{ROUTE}/objections-executives/",
        "../../../downloads/briefing-executives.docx",
    ]


def test_worksheets_for_the_pilot_and_each_kit_whose_objections_a_step_rehearses(pages, book):
    pilot = pages[f"training/{ROUTE}/pilot-proposal.md"]
    assert "<h1>Pilot proposal</h1>" in pilot and pilot.count("<dt>") == 7
    card = pages[f"training/{ROUTE}/objections-executives.md"]
    assert "<h1>Answering executives</h1>" in card
    assert "You can&#39;t prove a return on it." in card and "Measure outcomes, not likes." in card
    assert "training/exec-route/objections-executives.md" not in pages  # no objections step there
    assert "training/exec-route/pilot-proposal.md" in pages


def test_contributor_text_in_a_route_is_escaped_not_evaluated(repo):
    edit(repo, f"training/{ROUTE}.yml", "purpose: Agree the measures.", "purpose: Agree {{ 7*7 }} & a < b.")
    book = load_casebook(repo, today=TODAY).casebook
    pages = {page.src_uri: page.content for page in training_pages(book)}
    assert "Agree {{ 7*7 }} &amp; a &lt; b." in pages[f"training/{ROUTE}/4.md"]
    assert "Agree 49" not in pages[f"training/{ROUTE}/4.md"]


def step_groups(prs, session):
    """The .pptx's slides after the title, grouped by the step number their title starts with."""
    groups: dict[int, list] = {}
    for slide in list(prs.slides)[1:]:
        match = re.match(r"(\d+)\. ", slide.shapes.title.text)
        if match:
            groups.setdefault(int(match.group(1)), []).append(slide)
    return groups


def test_pptx_has_a_title_the_step_slides_with_notes_then_asks_and_sources(pages, book):
    prs = Presentation(io.BytesIO(pages[f"training/{ROUTE}/{ROUTE}.pptx"]))
    route = book.routes[ROUTE]
    session = build_session(book, route)
    slides = list(prs.slides)
    assert slides[0].shapes.title.text == route.title and slides[0].slide_layout.name == "Title Slide"
    groups = step_groups(prs, session)
    assert sorted(groups) == [view.number for view in session.steps]
    for view in session.steps:
        for slide in groups[view.number]:
            assert slide.slide_layout.name == "Title and Content" and view.title in slide.shapes.title.text
            assert slide.placeholders[1].text_frame.text.strip()  # the step's content, never empty
            assert slide.notes_slide.notes_text_frame.text == plain_notes(view.step.facilitator_notes)
        questions = groups[view.number][-1].placeholders[1].text_frame.text
        assert all(f"Discuss: {q}" in questions for q in view.step.discussion)
    case = book.cases["gmp-tweets"]
    body = groups[1][0].placeholders[1].text_frame.text
    assert case.headline.value in body and "[1]" in body
    assert slides[1].notes_slide.notes_text_frame.text == "Say this before the figure.\nThen ask the room."
    assert [s.shapes.title.text for s in slides[-2:]] == ["What we ask", "Sources"]
    assert all(ask in slides[-2].placeholders[1].text_frame.text for ask in book.kits["executives"].asks)
    assert f"[1] {case.sources[0].publisher}" in slides[-1].placeholders[1].text_frame.text
    assert "Measure outcomes, not likes." in " ".join(s.placeholders[1].text_frame.text for s in groups[3])


def test_pptx_sizes_stay_the_layouts_and_bodies_shrink_on_overflow(pages):
    """No run carries a font size (PowerPoint would keep it when a trainer resizes the text), and
    every body is marked to shrink on overflow, as PowerPoint's own setting writes it."""
    prs = Presentation(io.BytesIO(pages[f"training/{ROUTE}/{ROUTE}.pptx"]))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000) or prs.slide_width > prs.slide_height
    for slide in prs.slides:
        for shape in slide.placeholders:
            for paragraph in shape.text_frame.paragraphs:
                assert all(run.font.size is None for run in paragraph.runs), shape.text_frame.text
        body = slide.placeholders[1].text_frame._txBody.bodyPr
        assert body.find("{http://schemas.openxmlformats.org/drawingml/2006/main}normAutofit") is not None
    long_title = step_groups(prs, None)[1][0].shapes.title.text_frame._txBody.bodyPr
    assert long_title.find("{http://schemas.openxmlformats.org/drawingml/2006/main}normAutofit") is not None
    layout = prs.slide_layouts[1].placeholders[1]
    assert layout.left + layout.width <= prs.slide_width and layout.width > prs.slide_width * 0.8


def test_pptx_is_the_same_bytes_on_every_build(book):
    first = {p.src_uri: p.content for p in training_pages(book) if p.src_uri.endswith(".pptx")}
    second = {p.src_uri: p.content for p in training_pages(book) if p.src_uri.endswith(".pptx")}
    assert first == second and len(first) == 2


def test_plain_notes_joins_wrapped_lines_and_drops_markdown():
    text = "Show the **Caveat** box\nand the [guide](https://example.org).\n\n*Then* stop."
    assert plain_notes(text) == "Show the Caveat box and the guide.\nThen stop."


MINUTES = [
    (
        "0",
        "training/exec-route.yml:7:5: steps[0].minutes: 0 is out of range (expected at least 1; fix: check the number) [out-of-range]",
    ),
    (
        "2.5",
        "training/exec-route.yml:7:5: steps[0].minutes: 2.5 is a number (expected a whole number; fix: write minutes as a whole number) [wrong-type]",
    ),
    (
        "ten",
        "training/exec-route.yml:7:5: steps[0].minutes: 'ten' is text (expected a whole number; fix: write minutes as a whole number) [wrong-type]",
    ),
]


@pytest.mark.parametrize("value, expected", MINUTES, ids=[row[0] for row in MINUTES])
def test_minutes_must_be_a_positive_whole_number(repo, value, expected):
    edit(repo, "training/exec-route.yml", "minutes: 10", f"minutes: {value}")
    assert expected in problem_lines(repo)


def test_optional_and_prepare_have_their_shape_checked(repo):
    edit(repo, "training/exec-route.yml", "minutes: 10", "minutes: 10\n    optional: yes please")
    edit(
        repo,
        "training/exec-route.yml",
        "goal: Prepare a ten-minute pitch to the board.",
        "goal: Prepare a ten-minute pitch to the board.\nprepare: Bring pens",
    )
    lines = problem_lines(repo)
    assert (
        "training/exec-route.yml:5:1: prepare: 'Bring pens' is text (expected a list; fix: write prepare "
        "as a list) [wrong-type]"
    ) in lines
    assert (
        "training/exec-route.yml:9:5: steps[0].optional: 'yes please' is text (expected true or false; "
        "fix: write optional as true or false) [wrong-type]"
    ) in lines


def test_good_answers_print_under_the_questions_in_the_guide_only(repo):
    edit(
        repo,
        f"training/{ROUTE}.yml",
        "      Then ask the room.\n",
        "      Then ask the room.\n\n      Good answers name a service and a count.\n",
    )
    book = load_casebook(repo, today=TODAY).casebook
    pages = {page.src_uri: page.content for page in training_pages(book)}
    guide = pages[f"training/{ROUTE}/guide.md"]
    notes, good = guide.split("What good answers sound like", 1)
    assert "What would we count here?" in notes and "Good answers name a service and a count." in good
    assert "Then ask the room." in notes and "Then ask the room." not in good
    assert "Good answers" not in pages[f"training/{ROUTE}/handout.md"]
    presenter = pages[f"training/{ROUTE}/presenter.md"].split("What good answers sound like", 1)
    assert "Good answers name a service and a count." in presenter[1].split("</div>")[0]


def test_real_content_every_item_a_note_names_in_bold_is_printed_in_the_facilitator_guide():
    """Reads the real routes: a note that says "the **Caveat** box" or "the **HMRC** example" must
    find it in the guide, so a trainer can run the session from the guide alone."""
    book = real_casebook()
    pages = {page.src_uri: page.content for page in training_pages(book)}
    checked = 0
    for route in book.routes.values():
        guide = re.sub(r'<div class="cb-notes">.*?</div>', " ", pages[f"training/{route.id}/guide.md"], flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", guide)).lower()  # the guide without the notes themselves
        text = " ".join(text.split())
        for number, step in enumerate(route.steps, 1):
            for named in re.findall(r"\*\*(.+?)\*\*", step.facilitator_notes, flags=re.S):
                assert " ".join(named.split()).lower() in text, (
                    f"{route.id} step {number}: {named!r} is not in the guide"
                )
                checked += 1
    assert checked >= 5
