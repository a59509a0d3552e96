"""The propose form and the field reference, used as a newcomer would: fill the form with two
mistakes it must flag, fix them, download the YAML and have the project's validator accept it;
the pull-request link carries the same file; answers survive a reload."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from casebook.content.contract import schemas
from casebook.content.field_docs import properties
from casebook.repository import FOLDERS, TAXONOMY, current_vocabulary, load_casebook

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
REPO = "https://github.com/example-org/casebook"


@pytest.fixture
def form(page):
    """The propose page with a repository address configured, whatever mkdocs.yml holds today."""

    def with_repo(route):
        body = route.fetch().text()
        route.fulfill(
            body=re.sub(r'"repo_url": ""', f'"repo_url": "{REPO}"', body),
            headers={"content-type": "text/html; charset=utf-8"},
        )

    page.route(re.compile(r".*/contribute/propose/$"), with_repo)
    page.goto("contribute/propose/")
    page.wait_for_selector("#cb-propose.cb-pf--ready")
    return page


def vocabulary_ids():
    vocab = current_vocabulary(ROOT)
    return vocab.sectors[0], vocab.audiences[0], vocab.topics[0]


def fill_newcomer_case(page, *, title: str, outcome_source: str):
    sector, audience, topic = vocabulary_ids()
    page.fill("#pf-title", title)
    page.fill("#pf-organisation", "Example Borough Council")
    page.select_option("#pf-sector", sector)
    page.select_option("#pf-country", "GB")
    page.fill("#pf-year", "2019")
    page.fill(
        "#pf-summary",
        "The council answered gritting questions on its own winter account, "
        "and calls about gritting fell over the season.",
    )
    page.fill("#pf-challenge", "Every cold snap the phone lines filled with the same question.")
    page.fill(
        "#pf-approach",
        "The highways team posted each gritting run and answered replies.\n\n"
        "- Posts went out before each run\n- Replies within the hour",
    )
    page.check(f'input[name="audiences"][value="{audience}"]')
    page.check(f'input[name="topics"][value="{topic}"]')
    source = page.locator('[data-items="sources"] > li').first
    source.locator('[name="sources.title"]').fill("Winter service review")
    source.locator('[name="sources.publisher"]').fill("Example Borough Council")
    source.locator('[name="sources.url"]').fill("https://www.example.gov.uk/winter-review")
    source.locator('[name="sources.published"]').fill("2019-06")
    source.locator('[name="sources.grade"]').select_option("primary")
    outcome = page.locator('[data-items="outcomes"] > li').first
    outcome.locator('[name="outcomes.measure"]').fill("Calls about gritting over the season")
    outcome.locator('[name="outcomes.value"]').fill("2.50 fewer calls per hour")
    outcome.locator('[name="outcomes.source"]').fill(outcome_source)
    outcome.locator('[name="outcomes.basis"]').select_option("counted")
    outcome.locator('[name="outcomes.kind"]').select_option("contact")


def test_newcomer_fills_the_form_fixes_two_mistakes_and_the_validator_accepts_the_file(form, tmp_path):
    page = form
    fill_newcomer_case(page, title="Gritting", outcome_source="2")
    title_error = page.locator('[data-field="title"] .cb-pf-error')
    source_error = page.locator('[data-items="outcomes"] > li [data-field="outcomes.source"] .cb-pf-error')
    assert title_error.inner_text() == "Too short: at least 10 characters (now 8)."
    assert source_error.inner_text().startswith("There is no source 2: you have listed 1 source.")
    assert "to fix" in page.locator("#pf-status").inner_text()

    page.fill("#pf-title", "Example Borough Council answers gritting questions on its winter account")
    page.locator('[name="outcomes.source"]').fill("1")
    assert title_error.inner_text() == "" and source_error.inner_text() == ""
    assert page.locator("#pf-status").inner_text().startswith("Ready")
    assert page.input_value("#pf-id") == "example-borough-council-answers-gritting-questions-on-its"

    with page.expect_download() as info:
        page.click("[data-action=download]")
    download = info.value
    name = download.suggested_filename
    repo = tmp_path / "repo"
    for folder in FOLDERS.values():
        shutil.copytree(ROOT / folder, repo / folder)
    shutil.copy(ROOT / TAXONOMY, repo / TAXONOMY)
    target = repo / "case_studies" / name
    download.save_as(target)
    problems = [p.text() for p in load_casebook(repo).problems if p.path == f"case_studies/{name}"]
    assert problems == []
    text = target.read_text(encoding="utf-8")
    assert 'value: "2.50 fewer calls per hour"' in text
    assert "    basis: counted\n    kind: contact\n" in text

    settings = json.loads(page.eval_on_selector("#cb-propose-settings", "e => e.textContent"))
    repo_url = settings["repo_url"].rstrip("/")
    assert repo_url.startswith("https://github.com/")
    link = urlsplit(page.get_attribute("#pf-pull-request", "href"))
    assert f"{link.scheme}://{link.netloc}{link.path}" == f"{repo_url}/new/{settings['branch']}/case_studies"
    query = parse_qs(link.query)
    assert query["filename"] == [name] and query["value"] == [text]
    issue = parse_qs(urlsplit(page.get_attribute("#pf-issue", "href")).query)
    assert issue["template"] == ["propose-case.yml"] and issue["yaml"] == [text]


def test_answers_survive_a_reload(form):
    page = form
    page.fill("#pf-title", "A title kept across a reload")
    page.locator('[name="outcomes.value"]').fill("3,205 calls")
    page.reload()
    page.wait_for_selector("#cb-propose.cb-pf--ready")
    assert page.input_value("#pf-title") == "A title kept across a reload"
    assert page.locator('[name="outcomes.value"]').input_value() == "3,205 calls"
    assert 'title: "A title kept across a reload"' in page.inner_text("#pf-yaml")


def test_without_a_repository_only_download_and_copy_work(page):
    def without_repo(route):
        body = route.fetch().text()
        route.fulfill(
            body=re.sub(r'"repo_url": "[^"]*"', '"repo_url": ""', body),
            headers={"content-type": "text/html; charset=utf-8"},
        )

    page.route(re.compile(r".*/contribute/propose/$"), without_repo)
    page.goto("contribute/propose/")
    page.wait_for_selector("#cb-propose.cb-pf--ready")
    assert page.get_attribute("#pf-pull-request", "aria-disabled") == "true"
    assert page.get_attribute("#pf-pull-request", "href") is None
    assert "no repository address" in page.inner_text("#pf-note")


def test_form_has_a_control_for_every_case_field(page):
    page.goto("contribute/propose/")
    case = schemas(current_vocabulary(ROOT))["case"]
    shown = set(
        page.eval_on_selector_all(
            "#cb-propose [data-field], #cb-propose [data-group]",
            "els => els.map(e => e.dataset.field || e.dataset.group)",
        )
    )
    for path, _ in properties(case):
        assert path.replace("[]", "") in shown, path


def test_field_reference_lists_every_schema_property(page):
    page.goto("contribute/fields/")
    for kind, schema in schemas(current_vocabulary(ROOT)).items():
        rows = set(
            page.eval_on_selector_all(f"#fields-{kind} ~ div tr[data-field]", "els => els.map(e => e.dataset.field)")
        )
        expected = {path for path, _ in properties(schema)}
        assert expected <= rows, (kind, expected - rows)


def fill_every_field(page):
    """The newcomer's case plus every optional field: channels, lessons, caveats, the quote, a
    second outcome with the headline box and a gloss, related and distinct_from."""
    fill_newcomer_case(
        page, title="Example Borough Council answers gritting questions on its winter account", outcome_source="1"
    )
    vocab = current_vocabulary(ROOT)
    page.check(f'input[name="channels"][value="{vocab.channels[0]}"]')
    page.fill("#pf-lessons", "Post before each run, not after.\nAnswer replies within the hour.")
    page.fill("#pf-caveats", "Calls also fell because the winter was mild.")
    quote = page.locator('[data-items="quote"] > li').first
    quote.locator('[name="quote.text"]').fill("Residents told us the posts saved them a call.")
    quote.locator('[name="quote.by"]').fill("Jo Smith, highways manager")
    quote.locator('[name="quote.source"]').fill("1")
    page.click("[data-action=add][data-group=outcomes]")
    second = page.locator('[data-items="outcomes"] > li').nth(1)
    second.locator('[name="outcomes.measure"]').fill("Replies answered within the hour")
    second.locator('[name="outcomes.value"]').fill("nine in ten replies")
    second.locator('[name="outcomes.headline"]').check()
    second.locator('[name="outcomes.gloss"]').fill("nine in ten replies")
    second.locator('[name="outcomes.basis"]').select_option("counted")
    second.locator('[name="outcomes.kind"]').select_option("contact")
    second.locator('[name="outcomes.source"]').fill("1")
    case_ids = sorted(p.stem for p in (ROOT / "case_studies").glob("*.yml"))
    page.fill("#pf-related", case_ids[0])
    page.fill("#pf-distinct_from", case_ids[1])


def test_every_field_reaches_the_file_and_the_validator_accepts_it(form, tmp_path):
    page = form
    fill_every_field(page)
    assert page.locator("#pf-status").inner_text().startswith("Ready"), page.inner_text("#pf-problems")
    with page.expect_download() as info:
        page.click("[data-action=download]")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    filled = {
        "title",
        "organisation",
        "sector",
        "country",
        "year",
        "audiences",
        "topics",
        "channels",
        "summary",
        "challenge",
        "approach",
        "outcomes",
        "lessons",
        "caveats",
        "quote",
        "sources",
        "related",
        "distinct_from",
        "added",
        "last_verified",
    }
    case = schemas(current_vocabulary(ROOT))["case"]
    assert set(data) == filled and filled - {"distinct_from"} >= set(case["required"])
    assert data["outcomes"][1] == {
        "measure": "Replies answered within the hour",
        "value": "nine in ten replies",
        "headline": True,
        "gloss": "nine in ten replies",
        "basis": "counted",
        "kind": "contact",
        "source": 1,
    }
    assert "headline" not in data["outcomes"][0]
    assert data["quote"] == {
        "text": "Residents told us the posts saved them a call.",
        "by": "Jo Smith, highways manager",
        "source": 1,
    }
    assert data["lessons"] == ["Post before each run, not after.", "Answer replies within the hour."]
    outside = tmp_path / info.value.suggested_filename
    outside.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts/validate.py"), str(outside)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == "No problems found."
    assert "move it to case_studies/" in done.stderr
    assert "What next" in page.inner_text("#pf-next")


def test_a_file_with_problems_cannot_take_the_pull_request_route(form):
    page = form
    fill_every_field(page)
    assert page.get_attribute("#pf-pull-request", "href")
    page.fill("#pf-title", "Short")  # one problem
    link = page.locator("#pf-pull-request")
    assert link.get_attribute("href") is None and link.get_attribute("aria-disabled") == "true"
    assert link.inner_text() == "Open a pull request (fix the problems first)"
    assert page.locator("[data-action=download]").inner_text() == "Download the file (1 problem remains)"
    assert [h.strip() for h in page.locator("#pf-problems h3").all_inner_texts()] == ["What happened"]
    assert page.locator("#pf-problems a").first.get_attribute("href") == "#pf-title"


def test_every_problem_is_listed_before_its_field_is_reached(form):
    page = form
    page.fill("#pf-title", "A title long enough")
    sections = [h.strip() for h in page.locator("#pf-problems h3").all_inner_texts()]
    assert "Where you read it" in sections and "What changed, in numbers" in sections
    assert "listed below by section" in page.inner_text("#pf-status")
    assert "not reached" not in page.inner_text("#pf-status")
