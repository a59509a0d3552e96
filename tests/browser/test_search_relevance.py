"""The relevance suite: what a manager types, and the pages that must come back first, over the
fixture site of tests/relevance_site.py (the queries are scripts/relevance.py's, which the benchmark
also runs over the real site). Also: the home box and the header box give the same pages in the
same order, and no result has a missing title or a snippet that repeats a word."""

from __future__ import annotations

import json
import re

import pytest
from browser_support import wait_until
from relevance import QUERIES
from relevance_site import CAVEAT, CAVEATED_ID

pytestmark = pytest.mark.browser

# query -> (the first result, other pages that must be in the top three)
EXPECTED = {
    "reduce calls": ("/cases/northby-reduce-calls-council-tax/", []),
    "councillor abuse": ("/cases/hallford-councillors-online-abuse-survey/", []),
    "return on investment": ("/guides/channel-shift-economics/", ["/guides/frame-it-as-a-pilot/"]),
    "bin collection": ("/cases/eastmoor-bin-collection-reminders/", []),
    "Facebook council 2023": ("/cases/eastmoor-bin-collection-reminders/", []),
    "contact centre pilot": ("/cases/westbury-contact-centre-twitter-pilot/", ["/kits/customer-service/"]),
    "gritting": ("/cases/northshire-gritter-twitter/", ["/cases/southvale-winter-roads-page/"]),
    "ROI": ("/guides/channel-shift-economics/", []),
    "Manchester": ("/cases/manchester-council-contacts/", ["/cases/gmp-tweets/"]),
    "winter": ("/cases/southvale-winter-roads-page/", ["/cases/northshire-gritter-twitter/"]),
    "flooding": ("/cases/riverton-flood-warnings/", []),
    "recruitment video": ("/cases/kingsford-police-recruitment-video/", []),
    "missing person appeal": ("/cases/easton-police-missing-person-appeals/", []),
    "live stream council meeting": ("/cases/ashby-town-council-streams-meetings/", []),
    "parking permits": ("/cases/lowbridge-parking-permits-whatsapp/", []),
    "cost per call": ("/guides/channel-shift-economics/", ["/tools/channel-shift/"]),
    "find a champion": ("/guides/find-a-champion/", []),
    "frame a pilot": ("/guides/frame-it-as-a-pilot/", []),
    "elected member": ("/kits/elected-members/", ["/cases/for/elected-members/"]),
    "response time": ("/cases/dunmore-response-time-within-the-hour/", ["/kits/customer-service/"]),
    "police 2019": ("/cases/easton-police-missing-person-appeals/", []),
    "channel shift calculator": ("/tools/channel-shift/", ["/guides/channel-shift-economics/"]),
    "readiness": ("/tools/readiness/", []),
    "customer service": ("/kits/customer-service/", ["/cases/for/customer-service/"]),
    "train staff": ("/guides/train-and-support/", []),
    "school closures": ("/cases/southvale-winter-roads-page/", []),
    "executives": ("/kits/executives/", []),
}
BOXES = {"header": ("input.md-search__input", ".md-search"), "home": ("#cb-home-q", ".cb-hero__search")}


def search(page, box: str, query: str) -> list[dict]:
    """Type `query` into one box of the home page; the results drawn, in order."""
    selector, scope = BOXES[box]
    page.evaluate("window.cbSearch.query = null")
    page.locator(selector).fill(query)
    wait_until(page, f"window.cbSearch.query === {json.dumps(query)} && window.cbSearch.results !== null")
    return page.locator(f"{scope} .cb-hit").evaluate_all("""els => els.map(e => ({
        url: new URL(e.querySelector('a').href).pathname,
        title: e.querySelector('.cb-hit__title').textContent,
        excerpt: e.querySelector('.cb-hit__excerpt').textContent }))""")


def test_the_suite_covers_every_query():
    assert set(EXPECTED) == set(QUERIES) and len(QUERIES) >= 25


@pytest.mark.parametrize("query", QUERIES)
def test_a_manager_finds_what_they_came_for(relevance_page, query):
    relevance_page.goto("")
    urls = [hit["url"] for hit in search(relevance_page, "header", query)]
    first, others = EXPECTED[query]
    assert urls[:1] == [first], f"{query!r}: top three {urls[:3]}"
    assert set(others) <= set(urls[:3]), f"{query!r}: top three {urls[:3]}"


def test_the_home_box_and_the_header_box_give_the_same_answers(relevance_page):
    relevance_page.goto("")
    for query in ("return on investment", "gritting", "Facebook council 2023", "contact centre pilot"):
        header = search(relevance_page, "header", query)
        home = search(relevance_page, "home", query)
        assert header and [hit["url"] for hit in home] == [hit["url"] for hit in header], query
        assert [hit["title"] for hit in home] == [hit["title"] for hit in header], query


def test_developer_pages_are_never_results(relevance_page):
    relevance_page.goto("")
    # "garbage collection" is in the performance notes; "JSON" in the data and field references.
    for query in ("bin collection", "garbage collection", "JSON schema", "field reference"):
        urls = [hit["url"] for hit in search(relevance_page, "header", query)]
        assert not [u for u in urls if u.startswith(("/performance/", "/data/", "/contribute/fields/", "/assets/"))], (
            urls
        )
        assert "/" not in urls, "the home page only repeats links to pages search finds itself"


def test_every_result_has_a_title_and_no_snippet_repeats_a_word(relevance_page):
    relevance_page.goto("")
    for query in ("Facebook", "councils", "council", "gritter", "Manchester", "calls"):
        for hit in search(relevance_page, "header", query):
            assert hit["title"].strip() and not hit["title"].startswith("/"), hit
            # "Manchester, Manchester" is the page's own text; "Facebook Facebook" never is.
            raw = hit["excerpt"].split()
            words = [re.sub(r"\W", "", w).lower().removesuffix("s") for w in raw]
            repeats = [
                a for a, b, before in zip(words, words[1:], raw, strict=False) if a and a == b and before[-1].isalnum()
            ]
            assert not repeats, f"{query!r}: {hit['excerpt']!r}"
            assert hit["title"] not in hit["excerpt"], f"{query!r}: the excerpt repeats the title: {hit}"


def test_a_caveat_never_answers_a_search(relevance_page):
    # "does not show whether the desk reduced calls" is not an answer to "reduce calls".
    relevance_page.goto("")
    assert search(relevance_page, "header", "calls each month")[0]["url"] == f"/cases/{CAVEATED_ID}/"
    assert search(relevance_page, "header", CAVEAT.split()[-5]) == []  # a word only the caveat has
    urls = [hit["url"] for hit in search(relevance_page, "header", "reduce calls")]
    assert f"/cases/{CAVEATED_ID}/" not in urls[:3], urls
