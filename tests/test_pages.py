"""Contributor text reaches pages as data: escaped, sanitised, never evaluated."""

from __future__ import annotations

from casebook.content.markup import render
from casebook.pages.render import benefit_page, case_page, relative, yaml_string
from casebook.repository import load_casebook
from support import TODAY, edit


def test_relative_links_work_from_any_page():
    assert relative("cases/a/", "kits/b/") == "../../kits/b/"
    assert relative("cases/a/", "") == "../../"
    assert relative("", "cases/a/") == "cases/a/"
    assert relative("cases/", "cases/a/") == "../cases/a/"
    assert relative("", "") == "./"
    assert relative("cases/a/", "api/cases.json") == "../../api/cases.json"


def test_markdown_is_sanitised():
    html = render("Hi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>").html
    assert "<script" not in html and "javascript:" not in html and "onerror" not in html
    assert render("**bold** [link](https://example.org)").html == (
        '<p><strong>bold</strong> <a href="https://example.org" rel="noopener noreferrer nofollow">link</a></p>'
    )


def test_raw_html_and_links_are_reported_to_the_rules():
    rendered = render("a <b>bold</b> claim, [x](/local) and &amp; an entity")
    assert rendered.raw_html == ("<b>", "</b>")
    assert rendered.links == ("/local",)


def test_front_matter_values_are_escaped_quoted_strings():
    assert yaml_string('Say "hi" & <go>\nnow') == '"Say &#34;hi&#34; &amp; &lt;go&gt; now"'


def test_plain_text_is_escaped_and_template_syntax_kept(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "  is social work.", "  is social work, {{ 7*7 }} & a < b.")
    book = load_casebook(repo, today=TODAY).casebook
    page = case_page(book, "gmp-tweets").content
    assert "{{ 7*7 }} &amp; a &lt; b." in page
    assert "social work, 49" not in page


def test_markdown_fields_cannot_open_a_code_fence_in_the_page(repo):
    edit(repo, "case_studies/gmp-tweets.yml", "  League tables reduce", "  ```\n  League tables reduce")
    book = load_casebook(repo, today=TODAY).casebook
    assert "```" not in case_page(book, "gmp-tweets").content


def test_benefit_page_carries_its_citation_for_copying(repo):
    book = load_casebook(repo, today=TODAY).casebook
    page = benefit_page(book, "tweeting-a-day-of-calls").content
    assert "“Showing a day of real calls helped the public see the whole of a police workload.” [1]" in page
    assert (
        "1. Twitter shows Greater Manchester Police&#39;s 3,205 calls. BBC News, 2010-10. "
        "http://www.bbc.com/news/uk-england-manchester-11549069"
    ) in page
