"""Briefings, headline figures, evidence labels, copy with citation and the Word file, built from
the fixture repository grown one file at a time (never from real ids or counts)."""

from __future__ import annotations

import io

import docx
import pytest

from casebook.pages.briefing import CASES, plan_briefings
from casebook.pages.citation import citation_html, citation_sources, citation_text
from casebook.repository import load_casebook
from casebook.model.strength import BY_ID
from casebook.exports.word import briefing_docx
from support import TODAY, edit, problem_lines

C = "case_studies/gmp-tweets.yml"
B = "benefits/tweeting-a-day-of-calls.yml"
K = "kits/executives.yml"


def add_case(
    repo,
    case_id: str,
    *,
    audiences="[executives]",
    topics="[public-safety, reach]",
    year=2010,
    publisher="BBC News",
    title="Another force tweets for a day",
) -> None:
    text = (repo / C).read_text()
    text = text.replace("title: Greater Manchester Police tweets every incident for 24 hours", f"title: {title}")
    text = text.replace("organisation: Greater Manchester Police", f"organisation: Org {case_id}")
    text = text.replace("audiences: [executives]", f"audiences: {audiences}")
    text = text.replace("topics: [public-safety, reach]", f"topics: {topics}")
    text = text.replace("year: 2010", f"year: {year}").replace("publisher: BBC News", f"publisher: {publisher}")
    (repo / f"case_studies/{case_id}.yml").write_text(text)


def add_kit(repo, kit_id: str, extra: str = "") -> None:
    text = (repo / K).read_text().replace("name: Executives", f"name: Kit {kit_id}")
    text = text.replace("order: 1", "order: 2").replace("training: exec-route\n", "")
    (repo / f"kits/{kit_id}.yml").write_text(text + extra)


def book_of(repo):
    result = load_casebook(repo, today=TODAY)
    assert result.casebook is not None, [p.text() for p in result.errors]
    return result.casebook


def test_marked_outcome_is_the_headline_else_the_first(repo):
    assert book_of(repo).cases["gmp-tweets"].headline.value == "3,205 calls"
    edit(
        repo,
        C,
        "    source: 1\nquote",
        '    source: 1\n  - measure: Arrests\n    value: "341 arrests"\n'
        "    basis: counted\n    kind: safety\n    source: 1\n    headline: true\nquote",
    )
    assert book_of(repo).cases["gmp-tweets"].headline.value == "341 arrests"


def test_briefing_choice_must_be_tagged_for_the_audience(repo):
    add_kit(repo, "members")
    edit(
        repo,
        "kits/members.yml",
        "asks:",
        "briefing:\n  statements: [tweeting-a-day-of-calls]\n  cases: [gmp-tweet]\nasks:",
    )
    lines = problem_lines(repo)
    assert (
        "kits/members.yml:16:16: briefing.statements[0]: 'tweeting-a-day-of-calls' is not tagged for "
        "the audience 'members' (expected an entry whose audiences include members; fix: choose another, "
        "or add members to the audiences in benefits/tweeting-a-day-of-calls.yml if it really speaks to "
        "them) [kit-briefing-audience]"
    ) in lines
    assert any(
        "briefing.cases[0]: no entry 'gmp-tweet' in case_studies/" in line and "[kit-reference-unknown]" in line
        for line in lines
    )


def test_the_kits_choice_leads_then_the_kits_topics(repo):
    for case_id, topics in (("on-topic", "[reach]"), ("off-topic", "[public-safety]"), ("chosen", "[public-safety]")):
        add_case(repo, case_id, topics=topics, title=f"A force tweets about {case_id}")
    edit(repo, K, "training: exec-route\n", "training: exec-route\ntopics: [reach]\nbriefing:\n  cases: [chosen]\n")
    edit(repo, C, "topics: [public-safety, reach]", "topics: [public-safety]")
    brief = plan_briefings(book_of(repo))["executives"]
    assert [case.id for case, _, _ in brief.cases][:2] == ["chosen", "on-topic"]


def test_no_case_leads_two_briefings_unless_kits_choose_it(repo):
    both = "[executives, members]"
    edit(repo, C, "audiences: [executives]", f"audiences: {both}")
    for n in range(4):
        add_case(repo, f"shared-{n}", audiences=both, title=f"Force number {n} tweets for a day")
    add_kit(repo, "members")
    plans = plan_briefings(book_of(repo))
    leads = [case.id for brief in plans.values() for case, _, _ in brief.cases]
    assert len(leads) == len(set(leads)) and len(plans["executives"].cases) == CASES
    edit(repo, K, "training: exec-route\n", "training: exec-route\nbriefing:\n  cases: [shared-0]\n")
    edit(repo, "kits/members.yml", "asks:", "briefing:\n  cases: [shared-0]\nasks:")
    plans = plan_briefings(book_of(repo))
    assert all(brief.cases[0][0].id == "shared-0" for brief in plans.values())


def test_automatic_choice_leaves_out_a_case_the_statements_already_cite(repo):
    add_case(repo, "other", title="Another force tweets for a day")
    brief = plan_briefings(book_of(repo))["executives"]
    assert [case.id for case, _, _ in brief.cases][0] == "other"


def test_briefing_sources_are_numbered_once_in_order_of_citation(repo):
    edit(
        repo,
        B,
        "  - case: gmp-tweets",
        "  - case: gmp-tweets\n  - source:\n      title: Report\n"
        "      publisher: Home Office\n      url: https://example.org/r\n      published: 2020\n      grade: primary",
    )
    brief = plan_briefings(book_of(repo))["executives"]
    ((_, numbers, _),) = brief.statements
    assert numbers == (1, 2) and [s.publisher for s in brief.notes] == ["BBC News", "Home Office"]
    assert brief.cases[0][1] == 1  # the case's headline source keeps its first number


def test_platform_research_is_never_the_strongest_label(repo):
    book = book_of(repo)
    measured = book.strength(book.benefits["tweeting-a-day-of-calls"])
    assert measured == BY_ID["measured"]
    edit(repo, C, "publisher: BBC News", "publisher: Twitter")
    platform = book_of(repo).strength(book_of(repo).benefits["tweeting-a-day-of-calls"])
    assert platform == BY_ID["interested"] and platform.rank < measured.rank
    assert platform.rank < min(
        k.rank for k in (BY_ID["measured"], BY_ID["official"], BY_ID["reported"], BY_ID["opinion"])
    )


@pytest.mark.parametrize(
    "old, new, kind",
    [
        ("basis: counted", "basis: counted", "measured"),
        ("basis: counted", "basis: survey", "opinion"),
        ("basis: counted", "basis: estimate", "opinion"),
        ("basis: counted", "basis: modelled", "opinion"),
        ("basis: counted", "basis: platform-metric", "platform"),
        ("grade: primary", "grade: secondary", "reported"),
        ("grade: primary", "grade: unconfirmed", "unconfirmed"),
    ],
)
def test_label_follows_the_sources_grade_and_the_outcomes_basis(repo, old, new, kind):
    edit(repo, C, old, new)
    book = book_of(repo)
    assert book.strength(book.benefits["tweeting-a-day-of-calls"]) == BY_ID[kind]


def test_words_in_titles_never_change_a_label(repo):
    """A counted figure in a source titled "Case study" stays measured; a platform's reach stays a
    platform metric however the summary describes it (the Kent and Champs mistakes of issue 21)."""
    edit(
        repo,
        C,
        "title: Twitter shows Greater Manchester Police's 3,205 calls",
        "title: Case study of a survey with estimated respondents",
    )
    edit(repo, C, "summary: >-\n  For one day", "summary: >-\n  A survey study estimated that for one day")
    book = book_of(repo)
    assert book.strength(book.benefits["tweeting-a-day-of-calls"]) == BY_ID["measured"]
    edit(repo, C, "basis: counted", "basis: platform-metric")
    edit(repo, C, "title: Case study of a survey with estimated respondents", "title: Counted by the council")
    book = book_of(repo)
    assert book.strength(book.benefits["tweeting-a-day-of-calls"]) == BY_ID["platform"]


@pytest.mark.parametrize(
    "basis, kind", [(None, "official"), ("counted", "official"), ("survey", "opinion"), ("platform-metric", "platform")]
)
def test_a_statements_own_source_takes_its_declared_basis(repo, basis, kind):
    declared = f"\n    basis: {basis}" if basis else ""
    edit(
        repo,
        B,
        "  - case: gmp-tweets",
        "  - source:\n      title: Report\n      publisher: Home Office\n"
        f"      url: https://example.org/r\n      published: 2020\n      grade: primary{declared}",
    )
    book = book_of(repo)
    assert book.strength(book.benefits["tweeting-a-day-of-calls"]) == BY_ID[kind]


def test_citation_closes_the_quote_before_the_explanation_and_lists_each_source_once(repo):
    edit(
        repo,
        B,
        "  - case: gmp-tweets",
        "  - case: gmp-tweets\n  - source:\n"
        "      title: Twitter shows Greater Manchester Police's 3,205 calls\n      publisher: BBC News\n"
        "      url: http://www.bbc.com/news/uk-england-manchester-11549069\n      published: 2010-10\n"
        "      grade: primary",
    )
    book = book_of(repo)
    benefit = book.benefits["tweeting-a-day-of-calls"]
    assert len(citation_sources(book, benefit)) == 1
    lines = citation_text(book, benefit).splitlines()
    assert lines[0] == "“Showing a day of real calls helped the public see the whole of a police workload.” [1]"
    assert lines[1] == "Use it when leaders worry that social media is only marketing."
    assert lines[2:] == [
        "Sources",
        "1. Twitter shows Greater Manchester Police's 3,205 calls. BBC News, "
        "2010-10. http://www.bbc.com/news/uk-england-manchester-11549069",
    ]
    html = str(citation_html(book, benefit))
    assert html.index("workload.”") < html.index("Use it when")
    assert '<a href="http://www.bbc.com/news/uk-england-manchester-11549069">' in html


def test_citation_html_escapes_contributor_text(repo):
    edit(repo, B, "statement: Showing a day of real calls", "statement: Showing a day of {{ 7*7 }} & real calls")
    book = book_of(repo)
    html = str(citation_html(book, book.benefits["tweeting-a-day-of-calls"]))
    assert "{{ 7*7 }} &amp; real calls" in html


def test_word_briefing_opens_and_holds_statements_figures_and_numbered_sources(repo):
    brief = plan_briefings(book_of(repo))["executives"]
    data = briefing_docx(brief, site_address="https://example.org/kits/executives/")
    assert data == briefing_docx(brief, site_address="https://example.org/kits/executives/")  # reproducible
    document = docx.Document(io.BytesIO(data))
    cells = [p for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    text = "\n".join(p.text for p in list(document.paragraphs) + cells)
    assert brief.kit.briefing_title in text
    assert "Who does the work: Two fixture advisers answer on the fixture accounts." in text
    assert "Showing a day of real calls helped the public see the whole of a police workload.\u2060[1]" in text
    assert "1. Twitter shows Greater Manchester Police's 3,205 calls. BBC News, 2010-10. bbc.com" in text


def test_case_page_and_explorer_data_lead_with_the_marked_headline(repo):
    import json

    from casebook.exports.data import cases_json
    from casebook.pages.render import case_page

    edit(
        repo,
        C,
        "    source: 1\nquote",
        '    source: 1\n  - measure: Arrests\n    value: "341 arrests"\n'
        "    basis: counted\n    kind: safety\n    source: 1\n    headline: true\nquote",
    )
    book = book_of(repo)
    page = case_page(book, "gmp-tweets").content
    figures = page[page.index('aria-label="Headline figures"') :]
    assert figures.index("341 arrests") < figures.index("3,205 calls")
    outcomes = json.loads(cases_json(book))[0]["outcomes"]
    assert [o.get("headline") for o in outcomes] == [None, True]


def test_case_page_labels_its_evidence_and_links_the_grading_page(repo):
    from casebook.pages.render import case_page

    edit(repo, C, "publisher: BBC News", "publisher: Twitter")
    page = case_page(book_of(repo), "gmp-tweets").content
    assert (
        '<a class="cb-strength cb-strength--interested" href="../../how-we-grade-evidence/#interested">'
        "Interested party&#39;s research</a>"
    ) in page


def test_automatic_choice_prefers_stronger_then_more_recent_evidence(repo):
    add_case(repo, "reported-new", year=2020, title="A force reports tweets for a day", publisher="Local Paper")
    edit(repo, "case_studies/reported-new.yml", "grade: primary", "grade: secondary")
    add_case(repo, "measured-old", year=2011, title="A force measures tweets for a day")
    add_case(repo, "measured-new", year=2019, title="A force counts tweets for a day")
    brief = plan_briefings(book_of(repo))["executives"]
    assert [case.id for case, _, _ in brief.cases] == ["measured-new", "measured-old", "reported-new"]
