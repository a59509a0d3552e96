"""The real build: a temporary copy of the repository with one more case builds with --strict and
the case is in its page, the explorer list and api/cases.json; a bad case fails the build."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path


from support import ROOT

IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "tests", "node_modules")
EXTRA_CASE = """\
# yaml-language-server: $schema=../schema/case-study.schema.json
title: Test council answers gritting questions on Twitter
organisation: Testshire County Council
sector: local-government
country: GB
year: 2012
audiences: [customer-service]
topics: [emergencies]
summary: >-
  A made-up case for the build test. {{ 7*7 }} must show literally and never be evaluated by any
  template engine.
challenge: |
  Snow brought {% if true %}a flood{% endif %} of calls. *Emphasis* is Markdown.
approach: |
  Advisers answered on Twitter. See [the council](https://example.org/gritting).
outcomes:
  - measure: Calls compared with the winter before
    value: "11,000 fewer calls"
    basis: counted
    kind: contact
    source: 1
sources:
  - title: A test source
    publisher: Test Publisher
    url: https://example.org/source
    published: 2013
    grade: unconfirmed
added: 2026-11-21
last_verified: 2026-11-21
"""


def copy_repo(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=IGNORE)
    return target


SITE_URL = "https://casebook.example/sub/"  # a site in a sub-folder, as on GitHub Pages
REPO_URL = "https://github.com/example-org/casebook"


def mkdocs_build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")],
        capture_output=True,
        text=True,
        cwd=root,
        env={
            "NO_MKDOCS_2_WARNING": "1",
            "PATH": "/usr/bin:/bin",
            "CASEBOOK_SITE_URL": SITE_URL,
            "CASEBOOK_REPO_URL": REPO_URL,
        },
    )


def build_copy_with_extra_case(folder: Path) -> None:
    """The `built` fixture's site (tests/conftest.py): `folder/repo`, a copy with EXTRA_CASE, built
    into `folder/repo/site`."""
    root = copy_repo(folder / "repo")
    (root / "case_studies/test-council-gritting.yml").write_text(EXTRA_CASE, encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr


def test_case_page_has_outcomes_and_sources(built):
    html = (built / "cases/test-council-gritting/index.html").read_text(encoding="utf-8")
    assert "Test council answers gritting questions on Twitter" in html
    assert "11,000 fewer calls" in html
    assert 'href="https://example.org/source"' in html
    assert "Unconfirmed" in html


def test_contributor_text_is_never_a_template(built):
    html = (built / "cases/test-council-gritting/index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in html and "49" not in html.split("{{ 7*7 }}")[0][-20:]
    assert "{% if true %}a flood{% endif %}" in html
    assert "<em>Emphasis</em>" in html


def test_case_is_in_the_export(built):
    cases = json.loads((built / "api/cases.json").read_text(encoding="utf-8"))
    record = next(c for c in cases if c["id"] == "test-council-gritting")
    assert record["url"] == f"{SITE_URL}cases/test-council-gritting/"
    assert record["outcomes"] == [
        {
            "measure": "Calls compared with the winter before",
            "value": "11,000 fewer calls",
            "source": 1,
            "basis": "counted",
            "kind": "contact",
        }
    ]
    assert record["strength"] == "Unconfirmed"  # its source is unconfirmed, whatever the basis
    assert record["added"] == "2026-11-21" and record["best_grade"] == "unconfirmed"
    assert {
        "title",
        "organisation",
        "sector",
        "country",
        "year",
        "audiences",
        "topics",
        "summary",
        "challenge",
        "approach",
        "sources",
        "last_verified",
    } <= record.keys()


def test_case_is_in_the_plain_list(built):
    html = (built / "cases/index.html").read_text(encoding="utf-8")
    assert 'href="../cases/test-council-gritting/"' in html


def test_every_export_is_a_list_with_ids_and_urls(built):
    for name in ("cases", "benefits", "kits"):
        records = json.loads((built / f"api/{name}.json").read_text(encoding="utf-8"))
        assert records and all({"id", "url"} <= r.keys() for r in records)
    assert json.loads((built / "schema/case-study.schema.json").read_text())["$schema"].endswith("2020-12/schema")


def test_bad_case_fails_the_build_and_names_the_file(tmp_path):
    root = copy_repo(tmp_path / "repo")
    bad = EXTRA_CASE.replace("country: GB", "country: UK").replace("source: 1", "source: 4")
    (root / "case_studies/test-council-gritting.yml").write_text(bad, encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert "case_studies/test-council-gritting.yml:5:1: country: 'UK' is not one of" in result.stderr
    assert not (root / "site/cases/test-council-gritting/index.html").exists()


JOURNALISTS = """\
# yaml-language-server: $schema=../schema/kit.schema.json
name: Journalists
who: Local reporters and editors who follow the organisation's accounts.
order: 4
cares_about:
  - Fast, accurate facts
framing: |
  Offer facts first.
objections:
  - objection: You only post press releases.
    answer: |
      Show the questions you answer every day.
    cases: [test-council-gritting]
asks:
  - Follow the account.
"""


def test_a_fourth_audience_needs_no_code_change(tmp_path):
    root = copy_repo(tmp_path / "repo")
    (root / "kits/journalists.yml").write_text(JOURNALISTS, encoding="utf-8")
    (root / "case_studies/test-council-gritting.yml").write_text(  # the test's own case, not a real one
        EXTRA_CASE.replace("audiences: [", "audiences: [journalists, ", 1), encoding="utf-8"
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    kit = (site / "kits/journalists/index.html").read_text(encoding="utf-8")
    assert "Journalists" in kit and 'data-case-id="test-council-gritting"' in kit
    assert kit.count("data-case-id=") == 1 and "data-benefit-id=" not in kit
    assert (site / "kits/journalists/briefing/index.html").exists()
    cases = (site / "cases/for/journalists/index.html").read_text(encoding="utf-8")  # its cases without JavaScript
    assert cases.count("<li data-case-id=") == 1 and 'data-case-id="test-council-gritting"' in cases
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.index('data-kit-id="elected-members"') < home.index('data-kit-id="journalists"')
    explorer = json.loads((site / "cases/explorer.json").read_text(encoding="utf-8"))
    assert ["journalists", "Journalists"] in explorer["v"]["audience"]
    plain = (site / "cases/index.html").read_text(encoding="utf-8")
    listed = plain[plain.index('data-case-id="test-council-gritting"') :]
    assert "Journalists" in listed[: listed.index("</li>")]
    kits = json.loads((site / "api/kits.json").read_text())
    assert [k["id"] for k in kits][-1] == "journalists"


def test_theme_scripts_wait_for_the_page_instead_of_the_first_paint(built):
    """Material's bundle and extra_javascript load with defer (overrides/main.html), in their order;
    Lighthouse counted them render-blocking. The shared helpers (helpers.js) load in the head with
    defer, so they run before every other deferred script. The projector-mode script in the head
    must stay."""
    for page in ("index.html", "kits/executives/index.html", "benefits/index.html"):
        html = (built / page).read_text(encoding="utf-8")
        head = re.findall(r'<script src="[^"]*"[^>]*>', html[: html.index("</head>")])
        assert head and head[0].endswith('assets/js/helpers.js" defer>'), head
        theme = re.findall(r'<script src="[^"]*"[^>]*>', html[html.index('id="__config"') :])
        assert theme and all(tag.endswith(" defer>") for tag in theme), theme
        assert "bundle." in theme[0] and "casebook.js" in theme[1]
    training = (built / "training/index.html").read_text(encoding="utf-8")
    head = training[: training.index("</head>")]
    assert re.search(r'<script src="[^"]*training-early\.js">', head)


def test_statement_lists_copy_from_the_statement_page_instead_of_carrying_every_citation(built):
    benefit = json.loads((built / "api/benefits.json").read_text(encoding="utf-8"))[0]
    own = (built / f"benefits/{benefit['id']}/index.html").read_text(encoding="utf-8")
    assert f'id="cite-{benefit["id"]}"' in own and f'id="cite-{benefit["id"]}-html"' in own
    kit_id = json.loads((built / "api/kits.json").read_text(encoding="utf-8"))[0]["id"]
    for page in ("benefits/index.html", f"kits/{kit_id}/index.html"):
        html = (built / page).read_text(encoding="utf-8")
        assert 'id="cite-' not in html and "<template" not in html
        buttons = re.findall(r'<button[^>]*data-copy-target="cite-[^>]*>', html)
        assert buttons and all("data-copy-from-page" in b and 'data-copy-url="../' in b for b in buttons)
