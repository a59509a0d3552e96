"""Lookups the pages rely on: audiences, evidence strength, related cases, the briefing."""

from __future__ import annotations

import pytest

from casebook.content.prose import cited_numbers
from casebook.pages.briefing import OBJECTIONS, STATEMENTS, build_briefing
from casebook.model.index import MAX_RELATED, similarity
from casebook.repository import load_casebook
from support import TODAY, edit, real_casebook


@pytest.fixture(scope="module")
def book():
    return real_casebook()


def test_cases_are_newest_added_first(book):
    added = [c.added for c in book.cases.values()]
    assert added == sorted(added, reverse=True)


def test_benefits_for_an_audience_are_only_theirs_and_strongest_first(book):
    for kit in book.kits:
        chosen = book.benefits_for(kit)
        assert chosen and all(kit in b.audiences for b in chosen)
        strengths = [book.evidence_strength(b) for b in chosen]
        assert strengths == sorted(strengths, reverse=True)


def test_related_puts_the_contributors_choice_first_then_similar_cases(book):
    for case in book.cases.values():
        related = book.related(case)
        assert len(related) <= MAX_RELATED and case not in related
        assert len({c.id for c in related}) == len(related)
        own = [c.id for c in related[: len(case.related)]]
        assert own == list(case.related)[:MAX_RELATED]
        rest = related[len(case.related) :]
        scores = [similarity(case, other) for other in rest]
        assert scores == sorted(scores, reverse=True)


def test_similarity_weighs_topics_then_audiences_then_place(repo):
    case_text = (repo / "case_studies/gmp-tweets.yml").read_text()
    (repo / "case_studies/same-topics.yml").write_text(
        case_text.replace("title: Greater Manchester Police tweets", "title: Another force tweets")
        .replace("organisation: Greater Manchester Police", "organisation: Another Police")
        .replace("country: GB", "country: IE")
    )
    (repo / "case_studies/same-place.yml").write_text(
        case_text.replace("title: Greater Manchester Police tweets", "title: A third force tweets")
        .replace("organisation: Greater Manchester Police", "organisation: Third Police")
        .replace("topics: [public-safety, reach]", "topics: [reach]")
    )
    book = load_casebook(repo, today=TODAY).casebook
    related = [c.id for c in book.related(book.cases["gmp-tweets"])]
    assert related == ["same-topics", "same-place"]


def test_strength_label_follows_the_best_grade(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "grade: primary", "grade: unconfirmed")
    book = load_casebook(repo, today=TODAY).casebook
    assert book.strength_label(book.benefits["tweeting-a-day-of-calls"]) == "Unconfirmed"


def test_briefing_numbers_each_source_once_in_order_of_citation(book):
    for kit in book.kits.values():
        brief = build_briefing(book, kit)
        assert len(brief.statements) == min(STATEMENTS, len(book.benefits_for(kit.id)))
        assert brief.objections == kit.objections[:OBJECTIONS]
        notes = brief.notes
        assert len(notes) == len(set(notes))
        cited = [n for _, numbers, _ in brief.statements for n in numbers] + [n for _, n, _ in brief.cases]
        cited += [n for answer in brief.answers for n in cited_numbers(answer)]  # the kit's own sources
        assert set(cited) == set(range(1, len(notes) + 1))
        first_seen = list(dict.fromkeys(cited))
        assert first_seen == sorted(first_seen)


def test_standard_briefings_use_only_their_audiences_evidence(book):
    for kit in book.kits.values():
        brief = build_briefing(book, kit)
        assert all(kit.id in benefit.audiences for benefit, _, _ in brief.statements)
        assert all(kit.id in case.audiences for case, _, _ in brief.cases)


def test_no_case_leads_two_standard_briefings_unless_kits_choose_it(book):
    chosen = {case_id for kit in book.kits.values() for case_id in kit.briefing_choice.cases}
    leads = [case.id for kit in book.kits.values() for case, _, _ in build_briefing(book, kit).cases]
    repeated = {case_id for case_id in leads if leads.count(case_id) > 1}
    assert repeated <= chosen


def test_stale_entries_are_marked(repo):
    from datetime import date

    book = load_casebook(repo, today=date(2030, 1, 1)).casebook
    assert book.is_stale(book.cases["gmp-tweets"])
    assert not load_casebook(repo, today=TODAY).casebook.is_stale(book.cases["gmp-tweets"])


def test_each_standard_briefing_has_its_own_title_naming_its_audience(book):
    titles = [kit.briefing_title for kit in book.kits.values()]
    assert len(set(titles)) == len(titles)
