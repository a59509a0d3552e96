"""What a manager reads first: "Latest cases" are the most recent figures, not the newest files, and
a headline figure quoted in another language carries its English gloss on every surface that shows
it (case page, case card, standard briefing sentence, builder data, explorer card)."""

from __future__ import annotations

import json

from casebook.exports.builder import builder_json
from casebook.exports.explorer import explorer_index
from casebook.pages.briefing import card_sentence
from casebook.pages.render import case_page
from casebook.repository import load_casebook
from support import TODAY, edit

GLOSS = "3,205 calls in a single day"


def test_latest_cases_are_the_most_recent_figures_not_the_newest_files(tmp_path):
    from fixture_site import write_fixture_content

    repo = write_fixture_content(tmp_path)
    book = load_casebook(repo, today=TODAY).casebook
    latest = book.latest_cases(3)
    years = [case.year for case in latest]
    assert years == sorted((c.year for c in book.cases.values()), reverse=True)[:3]
    # The fixture's newest file (added last) has the oldest figures: it is not "latest".
    newest_file = max(book.cases.values(), key=lambda c: c.added)
    assert newest_file.year < years[-1] and newest_file not in latest


def test_a_gloss_shows_beside_the_original_figure(repo):
    edit(
        repo,
        "case_studies/gmp-tweets.yml",
        '    value: "3,205 calls"\n',
        f'    value: "3,205 calls"\n    gloss: "{GLOSS}"\n',
    )
    result = load_casebook(repo, today=TODAY)
    assert not [p for p in result.problems if p.severity == "error"], result.problems
    book = result.casebook
    case = book.cases["gmp-tweets"]
    assert case.headline.value == "3,205 calls" and case.headline.gloss == GLOSS
    page = case_page(book, "gmp-tweets").content
    assert f'<span class="cb-gloss" lang="en">{GLOSS}</span>' in page  # under the headline figure
    assert f'3,205 calls <span class="cb-gloss" lang="en">({GLOSS})</span>' in page  # outcomes table
    assert card_sentence(case).endswith(f"“3,205 calls” ({GLOSS})")
    assert json.loads(builder_json(book))["cases"]["gmp-tweets"]["gloss"] == GLOSS
    rows = {row[0]: row for row in json.loads(explorer_index(book))["c"]}
    assert rows["gmp-tweets"][15] == GLOSS  # the explorer's card shows it (tests/browser/test_explorer.py)
    assert all(row[15] == "" for case_id, row in rows.items() if case_id != "gmp-tweets")


def test_a_gloss_that_is_not_text_is_a_clear_problem(repo):
    edit(repo, "case_studies/gmp-tweets.yml", '    value: "3,205 calls"\n', '    value: "3,205 calls"\n    gloss: 12\n')
    lines = [str(p) for p in load_casebook(repo, today=TODAY).problems]
    assert any("gloss" in line and "gmp-tweets.yml" in line for line in lines), lines


def test_a_topic_named_like_an_audience_is_one_chip_not_two(repo):
    # "Customer service" is an audience and a topic; here the fixture's topic takes the audience's name.
    edit(repo, "taxonomy.yml", "    label: Policing and public safety\n", "    label: Executives\n")
    book = load_casebook(repo, today=TODAY).casebook
    page = case_page(book, "gmp-tweets").content
    assert page.count(">Executives</a>") == 1  # the audience chip, linking to the kit
    assert '<li hidden><span data-pagefind-filter="topic">Executives</span></li>' in page  # search keeps the topic
