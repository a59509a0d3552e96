"""One evidence label per case and statement, the same wherever it is shown: the case page and its
search metadata, the statement's page and its search metadata, the kit page, the standard briefing,
the builder's data, the explorer's index and the JSON and CSV exports (issue 21).

The fixture repository gets one case per (grade, basis) pair below, each with a statement citing
it; the expected labels are written here, not computed, so a wrong mapping fails as well as a
place that computes its own label."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest

from casebook.repository import load_casebook
from casebook.site import site_files
from casebook.model.urls import briefing_src_uri, src_uri
from support import ROOT, TODAY

C = "case_studies/gmp-tweets.yml"
B = "benefits/tweeting-a-day-of-calls.yml"
# case id -> (grade of the headline source, basis of the headline figure, the label readers see)
CASES = {
    "gmp-tweets": ("primary", "counted", "Measured by the organisation"),
    "counted-secondary": ("secondary", "counted", "Reported"),
    "survey-primary": ("primary", "survey", "Survey, estimate or model"),
    "estimate-secondary": ("secondary", "estimate", "Survey, estimate or model"),
    "platform-primary": ("primary", "platform-metric", "Platform metric"),
    "counted-unconfirmed": ("unconfirmed", "counted", "Unconfirmed"),
}


@pytest.fixture
def site(repo):
    template = (repo / C).read_text(encoding="utf-8")
    statement = (repo / B).read_text(encoding="utf-8")
    for case_id, (grade, basis, _) in CASES.items():
        text = template.replace("grade: primary", f"grade: {grade}").replace("basis: counted", f"basis: {basis}")
        if case_id != "gmp-tweets":
            text = text.replace(
                "Greater Manchester Police tweets every incident", f"Force {case_id} tweets every incident"
            )
            text = text.replace("organisation: Greater Manchester Police", f"organisation: Force {case_id}")
            (repo / f"benefits/about-{case_id}.yml").write_text(
                statement.replace("case: gmp-tweets", f"case: {case_id}").replace(
                    "Showing a day of real calls", f"Showing {case_id}'s day of real calls"
                ),
                encoding="utf-8",
            )
        (repo / f"case_studies/{case_id}.yml").write_text(text, encoding="utf-8")
    result = load_casebook(repo, today=TODAY)
    assert result.casebook is not None, [p.text() for p in result.errors]
    book = result.casebook
    return book, {f.src_uri: f.content for f in site_files(book, ROOT)}


def statement_of(case_id: str) -> str:
    return "tweeting-a-day-of-calls" if case_id == "gmp-tweets" else f"about-{case_id}"


def page(files: dict, kind: str, entry_id: str) -> str:
    return files[src_uri(kind, entry_id)]


def test_every_place_shows_the_same_label_for_each_case_and_statement(site):
    book, files = site
    exported = {r["id"]: r["strength"] for r in json.loads(files["api/cases.json"])}
    statements = {r["id"]: r["strength"] for r in json.loads(files["api/benefits.json"])}
    rows = {row["id"]: row["strength"] for row in csv.DictReader(io.StringIO(files["api/cases.csv"]))}
    builder = json.loads(files["api/briefing-builder.json"])
    explorer = json.loads(files["cases/explorer.json"])
    explored = {row[0]: explorer["v"]["strength"][row[14]][1] for row in explorer["c"]}
    kit_page = html.unescape(page(files, "kit", "executives"))
    for case_id, (_, _, label) in CASES.items():
        case_page = html.unescape(page(files, "case", case_id))
        assert re.search(r'cb-strength--[a-z]+" href="[^"]*">' + re.escape(label) + "</a>", case_page), case_id
        assert f'data-pagefind-meta="evidence" data-pagefind-filter="evidence">{label}<' in case_page
        assert exported[case_id] == rows[case_id] == explored[case_id] == label, case_id
        assert builder["cases"][case_id]["label"] == label
        benefit_id = statement_of(case_id)
        statement_page = html.unescape(page(files, "benefit", benefit_id))
        assert f'data-pagefind-meta="evidence" data-pagefind-filter="evidence">{label}<' in statement_page
        assert "Evidence: " in statement_page and f">{label}</a>" in statement_page
        evidence = statement_page[statement_page.index('<ol class="cb-evidence">') :].split("</ol>")[0]
        assert re.search(r'<li class="cb-evidence__case">.*>' + re.escape(label) + "</a></li>", evidence), case_id
        assert statements[benefit_id] == builder["statements"][benefit_id]["label"] == label
        item = re.search(rf'data-benefit-id="{benefit_id}".*?</li>', kit_page, re.S).group(0)
        assert f">{label}</a>" in item, benefit_id


def test_the_briefing_shows_the_label_of_each_of_its_cases_and_statements(site):
    book, files = site
    brief = html.unescape(files[briefing_src_uri("executives")])
    labels = {case_id: label for case_id, (_, _, label) in CASES.items()}
    builder = json.loads(files["api/briefing-builder.json"])["kits"][0]
    assert builder["cases"] and builder["statements"]
    for case_id in builder["cases"]:
        org = book.cases[case_id].organisation
        assert re.search(
            re.escape(org) + r", \d{4}: [^\n]*<a [^>]*>" + re.escape(labels[case_id]) + "</a></li>", brief
        ), case_id
    for benefit_id in builder["statements"]:
        statement = book.benefits[benefit_id].statement
        label = labels[book.benefits[benefit_id].evidence[0].case]
        assert re.search(re.escape(statement) + r".*?<a [^>]*>" + re.escape(label) + "</a>", brief), benefit_id


def test_the_explorer_filters_by_the_label_every_page_shows(site):
    # Its "Evidence" facet is the label set (strongest first, only the labels in use), not the
    # sources' grades: a secondary source's counted figure is "Reported", a primary platform metric
    # is "Platform metric" whatever its grade. Each value selects the cases the export labels so.
    book, files = site
    explorer = json.loads(files["cases/explorer.json"])
    exported = {r["id"]: r["strength"] for r in json.loads(files["api/cases.json"])}
    labels = [label for _, label in explorer["v"]["strength"]]
    order = ["Measured by the organisation", "Reported", "Survey, estimate or model", "Platform metric", "Unconfirmed"]
    assert labels == [label for label in order if label in set(exported.values())]
    assert {label for _, _, label in CASES.values()} <= set(labels)
    for position, label in enumerate(labels):
        selected = {row[0] for row in explorer["c"] if row[14] == position}
        assert selected == {case_id for case_id, shown in exported.items() if shown == label}, label
