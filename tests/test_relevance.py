"""Relevance-ranked briefings (issue 21): the automatic choice prefers recent evidence from the
reader's sector and country, counted before a platform's metric, and never leads with what a kit
says its readers never lead with; the "more than five years ago" line appears exactly when the
newest figure on the briefing is older than five years; a kit naming old evidence while newer
exists is warned. All over the fixture repository on the fixed TODAY, never the wall clock."""

from __future__ import annotations

import pytest

from casebook.pages.briefing import card_sentence, dated_line, plan_briefings
from casebook.model.entries import Reader
from casebook.pages.render import briefing_page
from casebook.repository import load_casebook
from support import TODAY, edit, problem_lines

C = "case_studies/gmp-tweets.yml"
K = "kits/executives.yml"
T = "taxonomy.yml"
COUNCIL = Reader("local-government", "GB")


def add_case(
    repo,
    case_id: str,
    *,
    year: int,
    sector: str = "policing",
    country: str = "GB",
    basis: str = "counted",
    kind: str = "contact",
    grade: str = "primary",
) -> None:
    text = (repo / C).read_text(encoding="utf-8")
    for old, new in (
        ("Greater Manchester Police tweets every incident", f"Org {case_id} tweets every incident"),
        ("organisation: Greater Manchester Police", f"organisation: Org {case_id}"),
        ("year: 2010", f"year: {year}"),
        ("sector: policing", f"sector: {sector}"),
        ("country: GB", f"country: {country}"),
        ("basis: counted", f"basis: {basis}"),
        ("kind: contact", f"kind: {kind}"),
        ("grade: primary", f"grade: {grade}"),
    ):
        text = text.replace(old, new, 1)
    (repo / f"case_studies/{case_id}.yml").write_text(text, encoding="utf-8")


def add_council_sector(repo) -> None:
    edit(
        repo,
        T,
        "sectors:\n",
        "sectors:\n  local-government:\n    label: Local government\n    description: Councils.\n",
    )


def cases_on(repo, *, reader=COUNCIL, kit="executives") -> list[str]:
    result = load_casebook(repo, today=TODAY, reader=reader)
    assert result.casebook is not None, [p.text() for p in result.errors]
    return [case.id for case, _, _ in plan_briefings(result.casebook)[kit].cases]


def test_a_recent_council_count_beats_an_older_other_sector_platform_metric(repo):
    add_council_sector(repo)
    # The old item is stronger by every measure the briefing used before: its source is primary
    # and the statement's topics match. Only recency, the reader's sector and basis favour the new.
    add_case(repo, "old-platform-reach", year=2012, basis="platform-metric", kind="reach")
    add_case(repo, "recent-council-count", year=2023, sector="local-government", grade="secondary")
    chosen = cases_on(repo)
    assert chosen.index("recent-council-count") < chosen.index("old-platform-reach")
    assert chosen[0] == "recent-council-count"


def test_the_readers_sector_and_country_come_after_recency_and_before_basis(repo):
    add_council_sector(repo)
    add_case(repo, "recent-police-count", year=2024)
    add_case(repo, "recent-council-survey", year=2023, sector="local-government", basis="survey")
    assert cases_on(repo)[0] == "recent-council-survey"
    assert cases_on(repo, reader=Reader("policing", "GB"))[0] == "recent-police-count"
    add_case(repo, "old-council-count", year=2014, sector="local-government")
    assert cases_on(repo).index("recent-police-count") < cases_on(repo).index("old-council-count")


def test_a_count_beats_an_estimate_a_survey_and_a_platform_metric(repo):
    for case_id, basis in (
        ("by-platform", "platform-metric"),
        ("by-survey", "survey"),
        ("by-estimate", "estimate"),
        ("by-count", "counted"),
    ):
        add_case(repo, case_id, year=2024, basis=basis, kind="time")
    assert cases_on(repo)[:3] == ["by-count", "by-estimate", "by-survey"]


def test_a_kit_never_leads_with_what_it_says_and_prefers_what_it_values(repo):
    add_case(repo, "recent-reach", year=2025, kind="reach")
    add_case(repo, "older-contact", year=2019, kind="contact")
    assert cases_on(repo)[0] == "recent-reach"
    edit(
        repo,
        K,
        "training: exec-route\n",
        "training: exec-route\nevidence:\n  values: [money, contact]\n  never_lead_with: [reach]\n",
    )
    assert cases_on(repo)[0] == "older-contact"
    add_case(repo, "recent-money", year=2025, kind="money")
    add_case(repo, "recent-safety", year=2025, kind="safety")
    assert cases_on(repo) == ["recent-money", "recent-safety", "older-contact"]


@pytest.mark.parametrize("year, dated", [(2010, 2010), (2020, 2020), (2021, None), (2026, None)])
def test_the_older_than_five_years_line_appears_exactly_when_the_newest_figure_is(repo, year, dated):
    """TODAY is 2026-11-22: the last five years are 2021 to 2026."""
    if year != 2010:
        add_case(repo, "the-newest", year=year)
    book = load_casebook(repo, today=TODAY, reader=COUNCIL).casebook
    brief = plan_briefings(book)["executives"]
    assert brief.dated == dated
    page = briefing_page(book, "executives").content
    line = "more than five years ago: check whether the organisations have published newer ones."
    assert (line in page) == (dated is not None)
    if dated:
        assert dated_line(brief) == (
            f"These figures are from {dated} or earlier, more than five years ago: "
            "check whether the organisations have published newer ones."
        )


def test_a_comparable_organisation_is_one_sentence_with_who_when_what_and_the_figure(repo):
    book = load_casebook(repo, today=TODAY).casebook
    case = book.cases["gmp-tweets"]
    assert card_sentence(case) == (
        "Greater Manchester Police, 2010: Calls received and posted during the 24 hours, “3,205 calls”"
    )
    page = briefing_page(book, "executives").content
    assert '<li class="cb-briefing__case">Greater Manchester Police, 2010: Calls received' in page
    card = page[page.index('<li class="cb-briefing__case">') :].split("</li>")[0]
    assert card.count("3,205 calls") == 1  # the figure is never repeated as a description


def test_a_named_choice_over_ten_years_old_is_warned_when_newer_evidence_exists(repo):
    edit(
        repo,
        K,
        "training: exec-route\n",
        "training: exec-route\nevidence:\n  values: [contact]\nbriefing:\n  cases: [gmp-tweets]\n",
    )
    assert not [line for line in problem_lines(repo) if "kit-briefing-dated-choice" in line]
    add_case(repo, "newer-reach", year=2022, kind="reach")  # not a kind the kit values
    add_case(repo, "newer-elsewhere", year=2022, sector="health", kind="contact")
    edit(repo, T, "sectors:\n", "sectors:\n  health:\n    label: Health\n    description: Health bodies.\n")
    assert not [line for line in problem_lines(repo) if "kit-briefing-dated-choice" in line]
    add_case(repo, "newer-count", year=2020)
    assert (
        "kits/executives.yml:21:11: warning: briefing.cases[0]: 'gmp-tweets' is from 2010, more than 10 "
        "years ago, while 'newer-count' (2020) is a newer case of the same sector and a kind this "
        "audience values (expected a case from the last 10 years where the casebook holds one; fix: name "
        "'newer-count' instead, or remove 'gmp-tweets' and let the briefing choose) "
        "[kit-briefing-dated-choice]"
    ) in problem_lines(repo)


def test_the_kit_page_and_export_carry_the_kits_evidence_preferences(repo):
    import json

    from casebook.exports.data import kits_json
    from casebook.pages.render import kit_page

    edit(
        repo,
        K,
        "training: exec-route\n",
        "training: exec-route\nevidence:\n  values: [money, contact, time]\n  never_lead_with: [reach]\n",
    )
    book = load_casebook(repo, today=TODAY, reader=Reader("policing", "GB")).casebook
    assert json.loads(kits_json(book))[0]["evidence"] == {
        "values": ["money", "contact", "time"],
        "never_lead_with": ["reach"],
    }
    page = kit_page(book, "executives").content
    assert (
        '<p class="cb-kit-evidence">Lead with evidence of money, contact and time, never reach<span '
        'class="cb-kit-evidence__how">: their briefing and the cases below put that first, newest and closest '
        "to policing in United Kingdom first"
    ) in page


def test_the_builder_offers_the_same_one_sentence_card(repo):
    import json

    from casebook.exports.builder import builder_json

    book = load_casebook(repo, today=TODAY).casebook
    cases = json.loads(builder_json(book))["cases"]
    assert cases["gmp-tweets"]["sentence"] == card_sentence(book.cases["gmp-tweets"])
