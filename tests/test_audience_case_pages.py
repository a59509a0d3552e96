"""Each audience's plain page of cases (casebook/pages/audience.py), over the browser tests'
fixture content: one page per kit at its own address, listing that audience's cases once each,
newest work first, out of Pagefind's case results, and taking the no-Markdown road."""

from __future__ import annotations

import re

import pytest

from casebook.pages.audience import audience_case_pages
from mkdocs_adapter.prerender import prerender
from casebook.repository import load_casebook
from casebook.search.pagefind import page_type
from casebook.model.urls import audience_cases_url, explorer_url, is_audience_cases_url, url_for, url_of
from fixture_site import write_fixture_content
from support import TODAY, edit


@pytest.fixture
def book(tmp_path):
    root = write_fixture_content(tmp_path / "repo")
    result = load_casebook(root, today=TODAY)
    assert result.casebook is not None, [p.text() for p in result.errors]
    return result.casebook


def listed(page) -> list[str]:
    body = page.content[page.content.index('<ul class="cb-case-list') :]
    return re.findall(r'<li data-case-id="([^"]+)"', body)


def test_the_urls_live_in_one_place():
    assert audience_cases_url("executives") == "cases/for/executives/"
    assert url_of("cases/for/executives.md") == audience_cases_url("executives")
    assert explorer_url(audience="executives") == "cases/?audience=executives"
    assert explorer_url(audience="a,b", topic="x y") == "cases/?audience=a,b&topic=x+y"
    assert explorer_url() == "cases/"


def test_an_audience_page_is_no_case_page():
    assert is_audience_cases_url(audience_cases_url("executives"))
    assert not is_audience_cases_url(url_for("case", "for"))  # a case whose id is "for"
    assert not is_audience_cases_url(url_for("case", "leeds"))
    assert page_type(audience_cases_url("executives")) == "Listing"
    assert page_type(url_for("case", "for")) == "Case study"


def test_one_page_per_audience_with_exactly_its_cases_once(book):
    pages = {page.src_uri: page for page in audience_case_pages(book)}
    assert set(pages) == {f"cases/for/{kit}.md" for kit in book.kits}
    for kit in book.kits:
        ids = listed(pages[f"cases/for/{kit}.md"])
        expected = {case.id for case in book.cases.values() if kit in case.audiences}
        assert expected and len(ids) == len(set(ids)) and set(ids) == expected
        assert len(expected) < len(book.cases)  # the fixture gives each audience a part of the library


def test_newest_work_first_with_a_count_and_the_way_back(book):
    page = next(p for p in audience_case_pages(book) if p.src_uri == "cases/for/executives.md")
    years = [book.cases[case_id].year for case_id in listed(page)]
    assert years == sorted(years, reverse=True)
    count = len(book.cases_for("executives"))
    assert f"{count} case studies for Executives, newest work first, out of {len(book.cases)}" in page.content
    assert 'href="../../../cases/?audience=executives">Filter further in the explorer</a>' in page.content
    assert f'href="../../../cases/">All {len(book.cases)} cases</a>' in page.content
    assert '<a href="../../../cases/for/executives/" aria-current="page">' in page.content


def test_the_list_stays_out_of_search_and_the_page_skips_markdown(book):
    for page in audience_case_pages(book):
        assert '<ul class="cb-case-list cb-plain-list" data-search-exclude data-pagefind-ignore="all">' in page.content
        done = prerender(page.content)
        assert done is not None and done.meta["template"] == "cases.html"
        assert "<link" not in page.content  # the stylesheet is in the head (overrides/cases.html)


def test_an_audience_without_cases_still_gets_its_page(book, tmp_path):
    root = tmp_path / "repo"
    (root / "kits" / "journalists.yml").write_text(
        (root / "kits" / "customer-service.yml")
        .read_text(encoding="utf-8")
        .replace("name: Customer service", "name: Journalists")
        .replace("order: 2", "order: 4"),
        encoding="utf-8",
    )
    edit(root, "kits/journalists.yml", "cases: [northshire-gritter-twitter]", "cases: []")
    bigger = load_casebook(root, today=TODAY).casebook
    page = next(p for p in audience_case_pages(bigger) if p.src_uri == "cases/for/journalists.md")
    assert listed(page) == [] and "No case study is for Journalists yet." in page.content
    assert bigger.audience_counts() == {kit: len(bigger.cases_for(kit)) for kit in bigger.kits}
    assert (
        bigger.audience_counts()["journalists"] == 0
        and '>Journalists <span class="cb-audience-pages__count">0<' in page.content
    )
