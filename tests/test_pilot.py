"""The pilot kind: one `pilots/<id>.yml` drives every kit's briefing. Its shared facts are worded
once (casebook/pilot.py) and must read the same on every audience's page, Word file and builder
data, over the fixtures and over the real pilot file; its numbers make the cost and the
thresholds decidable; its rules explain mistakes."""

from __future__ import annotations

import html
import io
import json
import re

import docx
import pytest

from casebook.exports.builder import builder_json
from casebook.exports.word import briefing_docx
from casebook.model.pilot import money, number, shared_facts, with_plan
from casebook.pages.briefing import plan_briefings
from casebook.pages.render import briefing_page, kit_page
from casebook.repository import load_casebook
from support import TODAY, edit, problem_lines, real_casebook

K = "kits/executives.yml"
P = "pilots/fixture-pilot.yml"
VIEW = "views:\n  executives:\n"


def book_of(repo):
    result = load_casebook(repo, today=TODAY)
    assert result.casebook is not None, [p.text() for p in result.errors]
    return result.casebook


def add_kit(repo, kit_id: str, order: int) -> None:
    text = (repo / K).read_text().replace("name: Executives", f"name: Kit {kit_id}")
    (repo / f"kits/{kit_id}.yml").write_text(text.replace("order: 1", f"order: {order}"))


def add_view(repo, kit_id: str) -> None:
    edit(
        repo,
        P,
        VIEW,
        f"views:\n  {kit_id}:\n    lead: What {kit_id} alone is told first.\n"
        f"    points:\n      - label: For {kit_id}\n        text: Only {kit_id} reads this.\n"
        "  executives:\n",
    )


FACT = re.compile(r'data-fact="([a-z]+)"><dt>([^<]*)</dt><dd>([^<]*)</dd>')


def page_facts(content: str) -> list[tuple[str, str, str]]:
    return [(key, html.unescape(label), html.unescape(text)) for key, label, text in FACT.findall(content)]


def word_paragraphs(data: bytes) -> list:
    """Body paragraphs, then those in table cells (the pilot's terms sit two to a row)."""
    document = docx.Document(io.BytesIO(data))
    cells = [p for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return list(document.paragraphs) + cells


def word_facts(data: bytes, labels: list[str]) -> list[tuple[str, str]]:
    found = []
    for paragraph in word_paragraphs(data):
        label, _, text = paragraph.text.partition(": ")
        if label in labels:
            found.append((label, text))
    return found


def assert_same_facts_everywhere(book) -> None:
    """Every kit asking for a pilot shows its shared facts, word for word, on the kit page, the
    briefing, the Word file and the builder's data; so no audience is told something else."""
    builder = {kit["id"]: kit for kit in json.loads(builder_json(book))["kits"]}
    plans = plan_briefings(book)
    seen = []
    for kit in book.kits.values():
        pilot = book.pilot_for(kit)
        if pilot is None:
            continue
        facts = list(shared_facts(pilot))
        labels = [label for _, label, _ in facts]
        assert page_facts(briefing_page(book, kit.id).content) == facts
        assert page_facts(kit_page(book, kit.id).content) == facts
        pairs = [(label, text) for _, label, text in facts]
        assert word_facts(briefing_docx(plans[kit.id]), labels) == pairs
        assert [tuple(pair) for pair in builder[kit.id]["pilot"][: len(facts)]] == pairs
        seen.append(facts)
    assert seen, "no kit asks for a pilot"
    assert all(facts == seen[0] for facts in seen)


def test_shared_facts_are_identical_on_every_view_of_the_fixture_pilot(repo):
    add_kit(repo, "members", 2)
    add_view(repo, "members")
    book = book_of(repo)
    assert_same_facts_everywhere(book)
    members = briefing_page(book, "members").content
    executives = briefing_page(book, "executives").content
    assert "Only members reads this." in members and "Only members reads this." not in executives
    assert "Approve the fixture hours cap." in executives and "Approve the fixture hours cap." not in members


def test_shared_facts_are_identical_on_every_view_of_the_real_pilot():
    book = real_casebook()
    assert book.pilots, "the casebook has no pilot file"
    assert_same_facts_everywhere(book)


def test_every_real_kit_asks_for_a_pilot_with_its_own_view():
    book = real_casebook()
    for kit in book.kits.values():
        pilot = book.pilot_for(kit)
        assert pilot is not None and kit.id in pilot.views, kit.id


def test_a_broken_fact_is_caught(repo):
    """The check above fails when one view words a fact differently (the bug it guards against)."""
    book = book_of(repo)
    content = briefing_page(book, "executives").content
    facts = list(shared_facts(book.pilots["fixture-pilot"]))
    broken = content.replace("48 in all", "50 in all")
    assert page_facts(content) == facts and page_facts(broken) != facts


def test_the_numbers_make_the_cost_and_thresholds_decidable(repo):
    facts = {key: text for key, _, text in shared_facts(book_of(repo).pilots["fixture-pilot"])}
    assert facts["hours"] == "No more than 6 adviser-hours a week, 48 in all, recorded every week."
    assert facts["cost"].startswith("48 hours × £25.50 an hour = £1,224 for the whole pilot.")
    assert "phone answering target is relaxed by agreement" in facts["cost"]
    assert facts["length"] == "8 weeks, starting in March 2027, outside the busiest season for fixture bins."
    assert "fall by at least 12.5% against the same weeks last year" in facts["continue"]
    assert "(£4.08 a call)" in facts["continue"]
    assert facts["stop"].startswith("Phone answer times slip by more than 45 seconds")
    assert "same 8 weeks last year and in the three months before the start" in facts["baseline"]


def test_a_plan_changes_every_number_it_touches(repo):
    pilot = book_of(repo).pilots["fixture-pilot"]
    plan = with_plan(
        pilot, service="gritting", start="", hours=10, weeks=12, rate=None, fall=20, slip=60, cover="overtime"
    )
    facts = {key: text for key, _, text in shared_facts(pilot, plan)}
    assert (
        facts["length"] == "12 weeks, starting in a month agreed in advance, outside the busiest season for gritting."
    )
    assert facts["cost"].startswith("120 adviser-hours at their hourly cost including on-costs")
    assert "overtime budget" in facts["cost"] and "absorb" not in facts["cost"]
    assert "at least 20%" in facts["continue"] and "more than 60 seconds" in facts["stop"]


@pytest.mark.parametrize(
    "value, words",
    [
        (2400, "£2,400"),
        (4.08, "£4.08"),
        (4.5, "£4.50"),
        (1224.0, "£1,224"),
        (0.155, "£0.16"),
        (1234567.891, "£1,234,567.89"),
    ],
)
def test_money(value, words):
    assert money(value) == words


@pytest.mark.parametrize("value, words", [(10, "10"), (12.5, "12.5"), (1200, "1,200"), (0.25, "0.25")])
def test_number(value, words):
    assert number(value) == words


def test_contributor_text_is_a_value_not_a_template(repo):
    edit(
        repo,
        P,
        "team: Two fixture advisers answer on the fixture accounts.",
        'team: "Advisers {weeks} and {{ 7*7 }} answer Q&A."',
    )
    book = book_of(repo)
    team = dict((k, t) for k, _, t in shared_facts(book.pilots["fixture-pilot"]))["team"]
    assert team.startswith("Advisers {weeks} and {{ 7*7 }} answer Q&A.")
    assert "Advisers {weeks} and {{ 7*7 }} answer Q&amp;A." in briefing_page(book, "executives").content


def test_pilot_view_missing(repo):
    (repo / P).write_text((repo / P).read_text().split(VIEW)[0] + "views: {}\n")
    assert (
        "kits/executives.yml:18:1: warning: pilot: the pilot 'fixture-pilot' has no view for the audience "
        "'executives' (expected a views.executives entry in pilots/fixture-pilot.yml; fix: add views.executives "
        "(lead and points) to pilots/fixture-pilot.yml, saying what Executives need to know beyond the shared "
        "facts) [pilot-view-missing]"
    ) in problem_lines(repo)


def test_kit_names_an_unknown_pilot(repo):
    edit(repo, K, "pilot: fixture-pilot", "pilot: fixture-pilots")
    assert (
        "kits/executives.yml:18:1: pilot: no entry 'fixture-pilots' in pilots/ (expected a file name from "
        "pilots/; fix: did you mean 'fixture-pilot'? fix the id or remove it) [kit-reference-unknown]"
    ) in problem_lines(repo)


def test_pilot_is_validated_field_by_field(repo):
    edit(repo, P, "cover: phone-target", "cover: absorbed")
    edit(repo, P, "weeks: 8\n", "")
    lines = problem_lines(repo)
    assert any(
        line.startswith("pilots/fixture-pilot.yml:") and "'weeks'" in line and "[missing-key]" in line for line in lines
    ), lines
    assert any("cover: 'absorbed'" in line for line in lines), lines


def test_a_view_for_an_audience_without_a_kit_is_refused(repo):
    edit(repo, P, VIEW, "views:\n  councillors:\n")
    assert any(line.startswith("pilots/fixture-pilot.yml:") and "councillors" in line for line in problem_lines(repo))


def test_the_kit_names_the_briefing_the_pilot_leads_in_a_plain_sentence(repo):
    """Issue 24: the kit read "The briefing: A three-month ... carries it."; it names the briefing
    after saying what the pilot does for it."""
    book = book_of(repo)
    kit = book.kits["executives"]
    text = re.sub(r"<[^>]+>", "", html.unescape(kit_page(book, kit.id).content))
    assert f"It leads their one-page briefing, “{kit.briefing_title}”." in text
    assert "carries it" not in text and "The briefing:" not in text
