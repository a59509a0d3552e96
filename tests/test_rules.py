"""One test per content rule: the smallest breaking edit of the fixture, and the exact line a
contributor sees. Removing or weakening a rule fails its test."""

from __future__ import annotations

import shutil

import pytest

from support import edit, problem_lines

C = "case_studies/gmp-tweets.yml"
B = "benefits/tweeting-a-day-of-calls.yml"
K = "kits/executives.yml"
R = "training/exec-route.yml"
T = "taxonomy.yml"


RULES = [
    (
        "placeholder-left",
        [(C, "organisation: Greater Manchester Police", 'organisation: "TODO: organisation"')],
        "case_studies/gmp-tweets.yml:3:1: organisation: still holds the template's TODO (expected your own text; fix: replace the TODO, or delete the key if it is optional) [placeholder-left]",
    ),
    (
        "missing-key",
        [(C, "organisation: Greater Manchester Police\n", "")],
        "case_studies/gmp-tweets.yml:2:1: required key 'organisation' is missing (expected key 'organisation'; fix: add 'organisation:' (see the template in CONTRIBUTING.md)) [missing-key]",
    ),
    (
        "unknown-key",
        [(C, "channels: [twitter]", "channels: [twitter]\nchanels: [twitter]")],
        "case_studies/gmp-tweets.yml:10:1: chanels: unknown key 'chanels' (expected one of title, organisation, sector, country, year, audiences, topics, channels, summary, challenge, approach, outcomes, lessons, caveats, quote, sources, related, distinct_from, added, last_verified; fix: did you mean 'channels'?) [unknown-key]",
    ),
    (
        "wrong-type",
        [(C, "year: 2010", "year: '2010'")],
        "case_studies/gmp-tweets.yml:6:1: year: '2010' is text (expected a whole number; fix: write year as a whole number) [wrong-type]",
    ),
    (
        "unknown-id",
        [(C, "sector: policing", "sector: police")],
        "case_studies/gmp-tweets.yml:4:1: sector: 'police' is not one of the sectors in taxonomy.yml (expected policing; fix: did you mean 'policing'? use an id listed there, or add it to taxonomy.yml) [unknown-id]",
    ),
    (
        "unknown-country",
        [(C, "country: GB", "country: UK")],
        "case_studies/gmp-tweets.yml:5:1: country: 'UK' is not one of the ISO 3166-1 alpha-2 codes (expected one of the ISO 3166-1 alpha-2 codes; fix: use GB for the United Kingdom) [unknown-country]",
    ),
    (
        "unknown-grade",
        [(C, "grade: primary", "grade: first-hand")],
        "case_studies/gmp-tweets.yml:32:5: sources[0].grade: 'first-hand' is not one of the grades (expected primary, secondary, unconfirmed; fix: use one of the grades) [unknown-grade]",
    ),
    (
        "too-short",
        [(C, "title: Greater Manchester Police tweets every incident for 24 hours", "title: GMP")],
        "case_studies/gmp-tweets.yml:2:1: title: text is 3 characters (expected at least 10; fix: write more, or remove the key if it is optional) [too-short]",
    ),
    (
        "too-long",
        [
            (
                B,
                "statement: Showing",
                "statement: Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very Very showing",
            )
        ],
        "benefits/tweeting-a-day-of-calls.yml:2:1: statement: text is 281 characters (expected at most 200; fix: shorten it) [too-long]",
    ),
    (
        "empty-list",
        [(C, "topics: [public-safety, reach]", "topics: []")],
        "case_studies/gmp-tweets.yml:8:1: topics: list is empty (expected at least 1 item; fix: add an item) [empty-list]",
    ),
    (
        "repeated-item",
        [(C, "topics: [public-safety, reach]", "topics: [reach, reach]")],
        "case_studies/gmp-tweets.yml:8:1: topics: list repeats an item (expected each item once; fix: remove the repeat) [repeated-item]",
    ),
    (
        "out-of-range",
        [(C, "year: 2010", "year: 1989")],
        "case_studies/gmp-tweets.yml:6:1: year: 1989 is out of range (expected at least 1990; fix: check the number) [out-of-range]",
    ),
    (
        "url-scheme",
        [(C, "url: http://www.bbc.com", "url: ftp://www.bbc.com")],
        "case_studies/gmp-tweets.yml:30:5: sources[0].url: 'ftp://www.bbc.com/news/uk-england-manchester-11549069' is not an http(s) address (expected an address starting http:// or https://; fix: copy the full address from your browser) [url-scheme]",
    ),
    (
        "bad-date",
        [(C, "added: 2026-11-20", "added: 2026-02-30")],
        "case_studies/gmp-tweets.yml:33:1: added: '2026-02-30' is not a valid date (expected an ISO date such as 2026-11-21; fix: write the date as YYYY-MM-DD) [bad-date]",
    ),
    (
        "bad-id",
        [(C, "channels: [twitter]", "channels: [twitter]\nrelated: [Not_An_Id]")],
        "case_studies/gmp-tweets.yml:10:11: related[0]: 'Not_An_Id' is not an id (expected lowercase letters, digits and single hyphens (kebab-case); fix: use the file name of the entry without .yml) [bad-id]",
    ),
    (
        "bad-page-ref",
        [(R, "page: guides/index.md", "page: guides/index")],
        "training/exec-route.yml:13:5: steps[1].page: 'guides/index' is not a page reference (expected case:<id>, benefit:<id>, kit:<id>, kit:<id>#<section> or a path like guides/index.md; fix: use one of those forms) [bad-page-ref]",
    ),
    (
        "evidence-kind",
        [(B, "  - case: gmp-tweets", "  - cases: gmp-tweets")],
        "benefits/tweeting-a-day-of-calls.yml:8:5: evidence[0]: is neither a case nor a source (expected 'case: <case id>' or 'source:' with title, publisher, url, published and grade; fix: write one of the two forms shown in CONTRIBUTING.md) [evidence-kind]",
    ),
    (
        "schema-comment",
        [(C, "# yaml-language-server: $schema=../schema/case-study.schema.json\n", "")],
        "case_studies/gmp-tweets.yml:1:1: first line is not the schema comment (expected # yaml-language-server: $schema=../schema/case-study.schema.json; fix: make this exact line the first line so editors check the file) [schema-comment]",
    ),
    (
        "markdown-html",
        [(C, "League tables reduce", "League <script>alert(1)</script> tables reduce")],
        "case_studies/gmp-tweets.yml:14:10: challenge: raw HTML '<script>' in Markdown (expected Markdown without HTML tags; fix: use Markdown (**bold**, [text](https://...)) instead of HTML) [markdown-html]",
    ),
    (
        "link-scheme",
        [(B, "Use it when", "Use it [now](javascript:alert(1)) when")],
        "benefits/tweeting-a-day-of-calls.yml:5:1: explanation: link 'javascript:alert(1)' is not http(s) (expected links starting http:// or https://; fix: link to the full web address) [link-scheme]",
    ),
    (
        "text-html",
        [(C, "organisation: Greater Manchester Police", "organisation: Greater <b>Manchester</b> Police")],
        "case_studies/gmp-tweets.yml:3:1: organisation: HTML tag '<b>' in plain text (expected text without HTML tags; fix: remove the tag; plain-text fields are shown exactly as written) [text-html]",
    ),
    (
        "case-outcome-source-range",
        [(C, "    source: 1\nquote", "    source: 2\nquote")],
        "case_studies/gmp-tweets.yml:22:5: outcomes[0].source: source 2 does not exist (1 listed) (expected a number from 1 to 1; fix: use the position of the source in 'sources', or add the source) [case-outcome-source-range]",
    ),
    (
        "case-quote-source-range",
        [(C, "  by: Peter Fahy\n  source: 1", "  by: Peter Fahy\n  source: 3")],
        "case_studies/gmp-tweets.yml:26:3: quote.source: source 3 does not exist (1 listed) (expected a number from 1 to 1; fix: use the position of the source in 'sources', or add the source) [case-quote-source-range]",
    ),
    (
        "related-unknown",
        [(C, "channels: [twitter]", "channels: [twitter]\nrelated: [gmp-tweet]")],
        "case_studies/gmp-tweets.yml:10:11: related[0]: no case 'gmp-tweet' in case_studies/ (expected the id of an existing case; fix: did you mean 'gmp-tweets'? use a file name from case_studies/) [related-unknown]",
    ),
    (
        "related-self",
        [(C, "channels: [twitter]", "channels: [twitter]\nrelated: [gmp-tweets]")],
        "case_studies/gmp-tweets.yml:10:11: related[0]: a case cannot be related to itself (expected another case's id; fix: remove this item) [related-self]",
    ),
    (
        "year-future",
        [(C, "year: 2010", "year: 2027")],
        "case_studies/gmp-tweets.yml:6:1: year: 2027 is in the future (expected 1990 to 2026; fix: give the year the work happened) [year-future]",
    ),
    (
        "date-future",
        [(C, "added: 2026-11-20", "added: 2026-12-20")],
        "case_studies/gmp-tweets.yml:33:1: added: 2026-12-20 is in the future (expected on or before 2026-11-22; fix: use the date you added the entry) [date-future]",
    ),
    (
        "date-order",
        [(C, "added: 2026-11-20", "added: 2026-11-21")],
        "case_studies/gmp-tweets.yml:34:1: last_verified: 2026-11-20 is before added (2026-11-21) (expected a date on or after 'added'; fix: check both dates) [date-order]",
    ),
    (
        "stale-entry",
        [(C, "added: 2026-11-20\nlast_verified: 2026-11-20", "added: 2020-01-01\nlast_verified: 2024-01-01")],
        "case_studies/gmp-tweets.yml:34:1: warning: last_verified: sources last checked 2024-01-01, over two years ago (expected a check within two years; fix: re-read each source, then update last_verified) [stale-entry]",
    ),
    (
        "evidence-unknown-case",
        [(B, "  - case: gmp-tweets", "  - case: gmp-tweet")],
        "benefits/tweeting-a-day-of-calls.yml:8:5: evidence[0].case: no case 'gmp-tweet' in case_studies/ (expected the id of an existing case; fix: did you mean 'gmp-tweets'? use a file name from case_studies/ or cite a source instead) [evidence-unknown-case]",
    ),
    (
        "kit-reference-unknown",
        [(K, "benefits: [tweeting-a-day-of-calls]", "benefits: [tweeting-a-day]")],
        "kits/executives.yml:13:16: objections[0].benefits[0]: no entry 'tweeting-a-day' in benefits/ (expected a file name from benefits/; fix: did you mean 'tweeting-a-day-of-calls'? fix the id or remove it) [kit-reference-unknown]",
    ),
    (
        "case-headline-repeat",
        [
            (
                C,
                "    source: 1\nquote",
                '    source: 1\n    headline: true\n  - measure: Arrests\n    value: "341 arrests"\n    basis: counted\n    kind: safety\n    source: 1\n    headline: true\nquote',
            )
        ],
        "case_studies/gmp-tweets.yml:29:5: outcomes[1].headline: outcome 1 is already the headline (expected headline: true on one outcome only; fix: keep it on the outcome your title claims and delete the others) [case-headline-repeat]",
    ),
    (
        "route-page-unknown",
        [(R, "page: guides/index.md", "page: guides/missing.md")],
        "training/exec-route.yml:13:5: steps[1].page: page 'guides/missing.md' does not exist (expected case:<id>, benefit:<id>, kit:<id> or a file under docs/; fix: check the id or the path (relative to docs/)) [route-page-unknown]",
    ),
    (
        "route-kit-section-unknown",
        [(R, "page: kit:executives", "page: kit:executives#objection")],
        "training/exec-route.yml:6:5: steps[0].page: kit section '#objection' does not exist (expected one of #cares, #framing, #statements, #objections, #cases, #asks; fix: use one of those sections, or drop '#...' to show the kit's overview) [route-kit-section-unknown]",
    ),
    (
        "route-page-section-unknown",
        [(R, "page: guides/index.md", "page: guides/pilot.md#scop")],
        "training/exec-route.yml:13:5: steps[1].page: 'guides/pilot.md' has no section '#scop' (expected the anchor of one of its '##' headings: scope, measures; fix: copy the anchor from the heading's link on the page, or drop '#...') [route-page-section-unknown]",
    ),
    (
        "route-too-long",
        [(R, "minutes: 10", "minutes: 236")],
        "training/exec-route.yml:5:1: steps: the steps add up to 241 minutes (expected at most 240 minutes in one route; fix: shorten steps, or split the session into two routes) [route-too-long]",
    ),
    (
        "taxonomy-unused",
        [(T, "channels:\n", "channels:\n  facebook:\n    label: Facebook\n    description: Pages and groups.\n")],
        "taxonomy.yml:14:3: warning: channels.facebook: 'facebook' is declared but no entry uses it (expected every declared id in use; fix: use it in an entry or remove it) [taxonomy-unused]",
    ),
]


@pytest.mark.parametrize("rule, edits, expected", RULES, ids=[row[0] for row in RULES])
def test_rule(repo, rule, edits, expected):
    for path, old, new in edits:
        edit(repo, path, old, new)
    assert expected in problem_lines(repo)


def test_id_format(repo):
    (repo / C).rename(repo / "case_studies/GMP_Tweets.yml")
    assert (
        "case_studies/GMP_Tweets.yml:2:1: file name 'GMP_Tweets' is not a valid id (expected lowercase "
        "ascii kebab-case, at most 80 characters, e.g. leeds-council-gritting; fix: rename the file to "
        "case_studies/gmp-tweets.yml) [id-format]"
    ) in problem_lines(repo)


def test_kit_order_repeat(repo):
    shutil.copy(repo / K, repo / "kits/members.yml")
    assert (
        "kits/members.yml:4:1: warning: order: order 1 is also used by kits/executives.yml (expected a "
        "distinct position; fix: pick another number) [kit-order-repeat]"
    ) in problem_lines(repo)


def test_case_probable_duplicate(repo):
    text = (repo / C).read_text().replace("every incident for 24 hours", "every incident for 24 hours!")
    (repo / "case_studies/gmp-tweets-again.yml").write_text(text.replace("added: 2026-11-20", "added: 2026-11-21"))
    assert [line for line in problem_lines(repo) if "duplicate" in line] == [
        "case_studies/gmp-tweets-again.yml:2:1: title: probably the same case as case_studies/gmp-tweets.yml: "
        "same organisation and year, and the same source address "
        "(http://www.bbc.com/news/uk-england-manchester-11549069) (expected one file per case; fix: merge this "
        "file into case_studies/gmp-tweets.yml; if they are different cases, add 'distinct_from: [gmp-tweets]' "
        "to this file) [case-probable-duplicate]"
    ]


def test_taxonomy_missing(repo):
    (repo / T).unlink()
    lines = problem_lines(repo)
    assert (
        "taxonomy.yml:1:1: taxonomy.yml is missing (expected the vocabulary file; fix: restore "
        "taxonomy.yml from the repository) [file-missing]"
    ) in lines


def test_mapping_as_key(repo):
    edit(repo, C, "year: 2010", "? [year]\n: 2010")
    assert any(
        line.startswith("case_studies/gmp-tweets.yml:6:3: a list or mapping is used as a key")
        for line in problem_lines(repo)
    )


def test_warnings_alone_still_give_a_casebook(repo):
    from casebook.repository import load_casebook
    from support import TODAY

    edit(repo, T, "channels:\n", "channels:\n  facebook:\n    label: Facebook\n    description: Pages.\n")
    result = load_casebook(repo, today=TODAY)
    assert result.casebook is not None and result.problems and not result.errors


def test_an_error_gives_no_casebook(repo):
    from casebook.repository import load_casebook
    from support import TODAY

    edit(repo, C, "year: 2010", "year: 2999")
    assert load_casebook(repo, today=TODAY).casebook is None
