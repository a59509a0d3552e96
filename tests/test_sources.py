"""Sources: an undated page is shown as 'undated, read on <last_verified>' on pages, exports and
the feed; an address that is a copy (staging host, document-sharing site, translation proxy) is
warned about with its own rule id."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from casebook.exports.data import benefits_json, cases_csv, cases_json, feed_xml
from casebook.pages.citation import citation_text
from casebook.pages.render import benefit_page, case_page
from casebook.repository import load_casebook
from casebook.model.sources import COPY_HOSTS, STAGING_REASON, copy_reason, published_label
from support import TODAY, edit, problem_lines

CASE = "case_studies/gmp-tweets.yml"
BENEFIT = "benefits/tweeting-a-day-of-calls.yml"
READ = "undated, read on 2026-11-20"  # the fixture's last_verified
UNDATED_SOURCE = """  - source:
      title: Our customer service standards
      publisher: Example Council
      url: https://www.example.gov.uk/standards
      published: undated
      grade: primary
"""


@pytest.mark.parametrize(
    "url",
    [
        "https://staging.avonandsomerset.police.uk/news/2023/04/appeal",
        "https://www-uat.example.gov.uk/page",
        "https://preprod.example.com/x",
        "https://www.slideshare.net/slideshow/how-social-media/51735633",
        "https://zh.scribd.com/document/235515882/report",
        "http://slideplayer.com/slide/2546159/",
        "https://www-example-gov-uk.translate.goog/page?_x_tr_sl=auto",
        "https://www-wired-com.nproxy.org/2016/01/some-article",
    ],
)
def test_copies_and_staging_hosts_have_a_reason(url):
    assert copy_reason(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.local.gov.uk/councillors-and-social-media",
        "https://dev.to/someone/post",
        "https://developer.twitter.com/en/docs",
        "https://www.bbc.co.uk/news/uk-england-manchester-11549069",
        "https://notscribd.com/report",
    ],
)
def test_original_publications_pass(url):
    assert copy_reason(url) is None


def test_staging_and_sharing_reasons_differ():
    assert copy_reason("https://staging.example.gov.uk/") == STAGING_REASON
    assert copy_reason("https://slideshare.net/x") == COPY_HOSTS["slideshare.net"] != STAGING_REASON


def test_published_label():
    assert published_label("2014-03", date(2026, 11, 23)) == "2014-03"
    assert published_label("undated", date(2026, 11, 23)) == "undated, read on 2026-11-23"


def test_validator_warns_on_a_repost_in_a_case_and_a_statement(repo):
    edit(
        repo,
        CASE,
        "url: http://www.bbc.com/news/uk-england-manchester-11549069",
        "url: https://www.slideshare.net/someone/gmp-tweets",
    )
    edit(
        repo,
        BENEFIT,
        "  - case: gmp-tweets\n",
        "  - case: gmp-tweets\n" + UNDATED_SOURCE.replace("www.example.gov.uk", "staging.example.gov.uk"),
    )
    result = load_casebook(repo, today=TODAY)
    found = [p for p in result.problems if p.rule == "source-not-original"]
    assert [(p.path, p.field, p.severity) for p in found] == [
        (BENEFIT, "evidence[1].source.url", "warning"),
        (CASE, "sources[0].url", "warning"),
    ]
    assert "document-sharing" in found[1].text() and "staging" in found[0].text()
    assert result.casebook is not None  # a warning does not stop the build


def test_a_copy_graded_unconfirmed_is_not_reported_again(repo):
    edit(
        repo,
        CASE,
        "url: http://www.bbc.com/news/uk-england-manchester-11549069",
        "url: https://www.slideshare.net/someone/gmp-tweets",
    )
    edit(repo, CASE, "grade: primary", "grade: unconfirmed")
    assert problem_lines(repo) == []


def test_undated_is_accepted_and_a_wrong_word_is_not(repo):
    edit(repo, CASE, "published: 2010-10", "published: undated")
    assert problem_lines(repo) == []
    edit(repo, CASE, "published: undated", "published: no date")
    lines = problem_lines(repo)
    assert len(lines) == 1 and "[bad-date]" in lines[0] and "or undated" in lines[0]


@pytest.fixture
def undated_book(repo):
    edit(repo, CASE, "published: 2010-10", "published: undated")
    edit(repo, BENEFIT, "  - case: gmp-tweets\n", "  - case: gmp-tweets\n" + UNDATED_SOURCE)
    return load_casebook(repo, today=TODAY).casebook


def test_case_and_statement_pages_say_undated_read_on(undated_book):
    case = case_page(undated_book, "gmp-tweets").content
    assert f"BBC News, {READ} <span" in case  # outcomes table
    assert f"BBC News, {READ}. <span" in case  # sources list
    statement = benefit_page(undated_book, "tweeting-a-day-of-calls").content
    assert f'Example Council, {READ}. <a data-search-exclude class="cb-strength' in statement  # its evidence label
    assert f"Our customer service standards. Example Council, {READ}." in citation_text(
        undated_book, undated_book.benefits["tweeting-a-day-of-calls"]
    )


def test_exports_keep_undated_and_add_the_day_read(undated_book):
    case = json.loads(cases_json(undated_book))[0]
    assert case["sources"][0]["published"] == "undated"
    assert case["sources"][0]["read_on"] == "2026-11-20"
    source = json.loads(benefits_json(undated_book))[0]["evidence"][1]["source"]
    assert (source["published"], source["read_on"]) == ("undated", "2026-11-20")
    row = next(csv.DictReader(io.StringIO(cases_csv(undated_book))))
    assert f"BBC News, Twitter shows Greater Manchester Police's 3,205 calls ({READ})" in row["sources"]


def test_dated_sources_have_no_read_on(repo):
    book = load_casebook(repo, today=TODAY).casebook
    assert "read_on" not in json.loads(cases_json(book))[0]["sources"][0]


def test_feed_names_the_headline_source_and_its_date(undated_book):
    root = ET.fromstring(feed_xml(undated_book).encode("utf-8"))
    summary = root.find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}summary").text
    assert summary.endswith(f"Source: BBC News, {READ}.")
