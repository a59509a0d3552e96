"""Validator messages for YAML's traps (issue #10): each mistake a newcomer makes gives one
message, on the line to change, naming the file and saying how to fix it."""

from __future__ import annotations

import shutil

import pytest

from casebook.content.load import parse_text
from casebook.rules.common import suggested_id

from support import edit, problem_lines

C = "case_studies/gmp-tweets.yml"
TITLE = "title: Greater Manchester Police tweets every incident for 24 hours"


def lines_for(repo, old, new, path=C):
    edit(repo, path, old, new)
    return [line for line in problem_lines(repo) if "[taxonomy-unused]" not in line]


def test_hash_inside_plain_text_is_reported_with_the_quoted_line(repo):
    lines = lines_for(repo, TITLE, "title: Stoke hospitals #FiveReasons for a day of tweets")
    assert lines == [
        "case_studies/gmp-tweets.yml:2:8: title: text stops before ' #': YAML reads '#FiveReasons for a "
        "day of tweets' as a comment and drops it (expected the whole text in double quotes; fix: write "
        'it as title: "Stoke hospitals #FiveReasons for a day of tweets") [yaml-comment-in-text]'
    ]


def test_a_comment_after_a_one_word_value_is_allowed():
    doc, problems = parse_text("sector: policing  # or health\nyear: 2010 # roughly\n", "x.yml")
    assert problems == [] and doc.data == {"sector": "policing", "year": 2010}


def test_published_month_13_is_refused(repo):
    assert lines_for(repo, "published: 2010-10", "published: 2024-13") == [
        "case_studies/gmp-tweets.yml:31:5: sources[0].published: '2024-13' is not a real year, month or "
        "day (expected YYYY, YYYY-MM, YYYY-MM-DD (months 01-12) or undated; fix: give the date as "
        "precisely as the source does, e.g. 2024-03, or undated if it has none) [bad-date]"
    ]


def test_published_30_february_is_refused(repo):
    assert lines_for(repo, "published: 2010-10", "published: 2024-02-30") == [
        "case_studies/gmp-tweets.yml:31:5: sources[0].published: '2024-02-30' is not a day in the "
        "calendar (expected a real date: YYYY, YYYY-MM or YYYY-MM-DD; fix: check the day against the "
        "source, or give only YYYY-MM) [bad-date]"
    ]


def test_published_leap_day_passes(repo):
    assert lines_for(repo, "published: 2010-10", "published: 2024-02-29") == []


def test_figures_keep_the_text_as_written():
    doc, problems = parse_text("a: 2.50\nb: 2.5\nc: 007\nd: 1e3\ne: 3205\n", "x.yml")
    assert problems == []
    assert doc.data == {"a": "2.50", "b": 2.5, "c": "007", "d": "1e3", "e": 3205}


def test_unquoted_figure_reaches_the_page_unchanged(repo):
    from casebook.repository import load_casebook
    from support import TODAY

    edit(repo, C, 'value: "3,205 calls"', "value: 2.50")
    result = load_casebook(repo, today=TODAY)
    assert result.errors == []
    assert result.casebook.cases["gmp-tweets"].outcomes[0].value == "2.50"


def test_double_brace_value_alone(repo):
    assert lines_for(repo, "organisation: Greater Manchester Police", "organisation: {{ org }}") == [
        "case_studies/gmp-tweets.yml:3:15: organisation: text starting with '{' is read by YAML as a "
        "mapping, not as text (expected the whole text in double quotes (it is shown exactly as written, "
        'never filled in); fix: write it as organisation: "{{ org }}") [yaml-brace-value]'
    ]


def test_double_brace_value_followed_by_text(repo):
    assert lines_for(repo, "organisation: Greater Manchester Police", "organisation: {{ org }} Police") == [
        "case_studies/gmp-tweets.yml:3:25: YAML syntax error: text starting with '{' is read by YAML as a "
        "mapping, not as text (expected the whole text in double quotes (it is shown exactly as written, "
        'never filled in); fix: write it as organisation: "{{ org }} Police") [yaml-brace-value]'
    ]


def test_anchor_gives_no_follow_on_error(repo):
    lines = lines_for(repo, "added: 2026-11-20\nlast_verified: 2026-11-20", "added: &d 2026-11-20\nlast_verified: *d")
    assert lines == [
        "case_studies/gmp-tweets.yml:33:8: added: anchor '&d' used, and 1 more anchor or alias in this "
        "file (expected no anchors; fix: remove the '&' anchor and write values out in full) [yaml-anchor]"
    ]


def test_unclosed_quote_is_reported_on_its_own_line(repo):
    lines = lines_for(repo, TITLE, 'title: "Greater Manchester Police tweets every incident for 24 hours')
    assert lines == [
        'case_studies/gmp-tweets.yml:2:1: YAML syntax error: the quote " opened on this line is never '
        'closed (expected the text to end with " on the same line; fix: write it as title: "Greater '
        'Manchester Police tweets every incident for 24 hours") [yaml-syntax]'
    ]


def test_int_tag_triggers_yaml_tag(repo):
    assert lines_for(repo, "year: 2010", "year: !!int 2010") == [
        "case_studies/gmp-tweets.yml:6:7: year: explicit tag '!!int' used (expected plain values; fix: "
        "remove the tag and write the value alone) [yaml-tag]"
    ]


def test_html_in_markdown_points_at_its_line(repo):
    lines = lines_for(
        repo,
        "League tables reduce policing to catching criminals.",
        "League tables reduce policing.\n\n  Its officers said <b>no</b>.",
    )
    assert lines == [
        "case_studies/gmp-tweets.yml:16:21: challenge: raw HTML '<b>' in Markdown (expected Markdown "
        "without HTML tags; fix: use Markdown (**bold**, [text](https://...)) instead of HTML) [markdown-html]"
    ]


def test_bad_file_name_gets_a_suggested_name(repo):
    shutil.move(repo / C, repo / "case_studies/Café Tweets_2010.yml")
    assert any(
        line.startswith("case_studies/Café Tweets_2010.yml:2:1: file name")
        and "fix: rename the file to case_studies/cafe-tweets-2010.yml) [id-format]" in line
        for line in problem_lines(repo)
    )


def test_suggested_ids():
    assert suggested_id("Leeds  Gritting!!") == "leeds-gritting"
    assert suggested_id("___") == "entry"
    assert len(suggested_id("a" * 100)) == 80


def test_broken_file_gives_no_unused_term_warnings(repo):
    edit(repo, C, "audiences: [executives]", "audiences: [executives")
    assert not any("[taxonomy-unused]" in line for line in problem_lines(repo))


def test_every_message_names_the_file_and_a_fix(repo):
    edit(repo, C, TITLE, "title: A #hashtag")
    edit(repo, C, "year: 2010", "year: !!int 2010")
    edit(repo, C, "published: 2010-10", "published: 2024-13")
    for line in problem_lines(repo):
        assert line.startswith(C + ":") and "fix: " in line, line


def test_a_schema_keyword_without_its_own_words_is_reported_as_schema_other():
    """The catch-all: no field of the contract uses `multipleOf` today, so no content file can
    reach it; a schema that does shows jsonschema's own message under `schema-other`."""
    from casebook.content.shape import check_shape, validator_for

    doc, problems = parse_text("count: 3\n", "x.yml")
    schema = {"type": "object", "properties": {"count": {"type": "integer", "multipleOf": 5}}}
    assert problems == [] and doc is not None
    assert [p.text() for p in check_shape(doc, validator_for(schema))] == [
        "x.yml:1:1: count: 3 is not a multiple of 5 (fix: see CONTRIBUTING.md) [schema-other]"
    ]


@pytest.mark.parametrize("value", ["2.4k", "1.2m new users", "£3bn", "~300", "about ~ 20"])
def test_an_abbreviated_figure_is_a_warning_with_a_fix(repo, value):
    lines = lines_for(repo, 'value: "3,205 calls"', f'value: "{value}"')
    assert lines == [
        f"case_studies/gmp-tweets.yml:19:5: warning: outcomes[0].value: '{value}' abbreviates the figure (expected "
        "the figure as the source words it; fix: write the figure as the source words it, e.g. 'more than "
        "2,400' (keep the short form only if the source itself writes it so)) [value-abbreviated]"
    ]


@pytest.mark.parametrize("value", ["3,205 calls", "2.4 km of roads", "12 months", "a 5% rise", "1m20s"])
def test_a_figure_as_written_is_not_abbreviated(repo, value):
    assert lines_for(repo, 'value: "3,205 calls"', f'value: "{value}"') == []


def test_uk_is_told_to_use_gb(repo):
    assert lines_for(repo, "country: GB", "country: UK") == [
        "case_studies/gmp-tweets.yml:5:1: country: 'UK' is not one of the ISO 3166-1 alpha-2 codes (expected one "
        "of the ISO 3166-1 alpha-2 codes; fix: use GB for the United Kingdom) [unknown-country]"
    ]


def test_an_unknown_audience_names_its_folder_once(repo):
    [line] = lines_for(repo, "audiences: [executives]", "audiences: [bosses]")
    assert line.endswith("fix: use an id listed there, or add it to kits/) [unknown-id]")
    assert "))" not in line.replace(") [", "")


def test_a_long_bad_address_is_shortened_inside_its_quotes(repo):
    [line] = lines_for(
        repo,
        "url: http://www.bbc.com/news/uk-england-manchester-11549069",
        "url: ftp://www.bbc.com/news/uk-england-manchester-11549069-and-a-long-tail",
    )
    assert "url: 'ftp://www.bbc.com/news/uk-england-manchester-11549069…' is not an" in line


def test_an_outcome_without_basis_or_kind_is_told_the_choices(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "    basis: counted\n    kind: contact\n", "")
    lines = problem_lines(repo)
    assert (
        "case_studies/gmp-tweets.yml:18:5: outcomes[0]: required key 'basis' is missing (expected key "
        "'basis'; fix: add 'basis:' with one of counted, estimate, survey, platform-metric, modelled (see "
        "the template in CONTRIBUTING.md)) [missing-key]"
    ) in lines
    assert (
        "case_studies/gmp-tweets.yml:18:5: outcomes[0]: required key 'kind' is missing (expected key "
        "'kind'; fix: add 'kind:' with one of money, contact, time, participation, reach, safety, "
        "workforce, wellbeing (see the template in CONTRIBUTING.md)) [missing-key]"
    ) in lines


def test_a_basis_outside_the_list_names_the_choices(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "basis: counted", "basis: measured")
    assert [line for line in problem_lines(repo) if "outcomes[0].basis" in line] == [
        "case_studies/gmp-tweets.yml:20:5: outcomes[0].basis: 'measured' is not one of the allowed values "
        "(expected counted, estimate, survey, platform-metric, modelled; fix: use one of the allowed values) "
        "[unknown-id]"
    ]
