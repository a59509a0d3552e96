"""Exports other systems rely on: JSON records, a CSV a spreadsheet opens, a valid Atom feed."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from casebook.exports.data import CSV_COLUMNS, FEED_SIZE, benefits_json, cases_csv, cases_json, feed_xml
from casebook.repository import load_casebook
from casebook.model.strength import KINDS
from fixture_site import write_fixture_repo
from support import TODAY, edit

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """The fixture site's content (several cases, statements and kits), on the fixture's day."""
    result = load_casebook(write_fixture_repo(tmp_path_factory.mktemp("export") / "repo"), today=TODAY)
    assert result.casebook is not None, [p.text() for p in result.errors]
    assert len(result.casebook.cases) > 1
    return result.casebook


def test_cases_json_holds_every_case_with_contract_fields(book):
    records = json.loads(cases_json(book))
    assert [r["id"] for r in records] == list(book.cases)
    first = records[0]
    assert first["url"] == f"cases/{first['id']}/"
    assert isinstance(first["year"], int) and isinstance(first["outcomes"][0]["source"], int)
    assert "path" not in first


def test_benefit_evidence_keeps_its_either_or_shape(book):
    for record in json.loads(benefits_json(book)):
        for item in record["evidence"]:
            assert list(item) in (["case"], ["source"], ["source", "basis"])
        assert record["strength"] in {kind.label for kind in KINDS}


def test_csv_has_one_row_per_case_and_joins_lists(book):
    rows = list(csv.DictReader(io.StringIO(cases_csv(book))))
    assert len(rows) == len(book.cases)
    assert tuple(rows[0]) == CSV_COLUMNS
    case = next(iter(book.cases.values()))
    assert rows[0]["audiences"] == ";".join(case.audiences)
    assert rows[0]["headline_value"] == case.headline.value
    assert rows[0]["year"] == str(case.year)


def test_csv_defuses_formulas(repo):
    edit(
        repo,
        "case_studies/gmp-tweets.yml",
        "organisation: Greater Manchester Police",
        'organisation: =HYPERLINK("https://example.org")',
    )
    book = load_casebook(repo, today=TODAY).casebook
    row = next(csv.DictReader(io.StringIO(cases_csv(book))))
    assert row["organisation"].startswith("'=")


def test_atom_feed_is_valid_and_newest_first(book):
    root = ET.fromstring(feed_xml(book).encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == min(FEED_SIZE, len(book.cases))
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        for required in ("id", "title", "updated", "link", "summary"):
            assert entry.find(f"{ATOM}{required}") is not None, required
    published = [e.find(f"{ATOM}published").text for e in entries]
    assert published == sorted(published, reverse=True)


def test_atom_feed_uses_the_site_address_when_set(book):
    root = ET.fromstring(feed_xml(book, site_url="https://casebook.example/").encode("utf-8"))
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}id").text.startswith("https://casebook.example/cases/")
    assert entry.find(f"{ATOM}link").get("href").startswith("https://casebook.example/cases/")


def test_feed_takes_the_twenty_newest_by_date_added(repo):
    source = (repo / "case_studies/gmp-tweets.yml").read_text()
    for day in range(1, 26):
        text = source.replace("title: Greater Manchester Police tweets", f"title: Case {day:02d} tweets")
        text = text.replace("added: 2026-11-20", f"added: 2026-10-{day:02d}").replace(
            "organisation: Greater Manchester Police", f"organisation: Force {day}"
        )
        (repo / f"case_studies/case-{day:02d}.yml").write_text(text)
    book = load_casebook(repo, today=date(2026, 11, 22)).casebook
    entries = ET.fromstring(feed_xml(book).encode()).findall(f"{ATOM}entry")
    ids = [e.find(f"{ATOM}id").text.rsplit("/", 1)[1] for e in entries]
    assert ids[0] == "gmp-tweets" and ids[1] == "case-25" and len(ids) == 20
    assert "case-01" not in ids
