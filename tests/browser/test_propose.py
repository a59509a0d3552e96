"""The propose form and the field reference, used as a newcomer would: fill the form with two
mistakes it must flag, fix them, download the YAML and have the project's validator accept it;
the pull-request link carries the same file; answers survive a reload."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

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
        route.fulfill(body=re.sub(r'"repo_url": ""', f'"repo_url": "{REPO}"', body),
                      headers={"content-type": "text/html; charset=utf-8"})
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
    page.fill("#pf-summary", "The council answered gritting questions on its own winter account, "
                             "and calls about gritting fell over the season.")
    page.fill("#pf-challenge", "Every cold snap the phone lines filled with the same question.")
    page.fill("#pf-approach", "The highways team posted each gritting run and answered replies.\n\n"
                              "- Posts went out before each run\n- Replies within the hour")
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
        route.fulfill(body=re.sub(r'"repo_url": "[^"]*"', '"repo_url": ""', body),
                      headers={"content-type": "text/html; charset=utf-8"})
    page.route(re.compile(r".*/contribute/propose/$"), without_repo)
    page.goto("contribute/propose/")
    page.wait_for_selector("#cb-propose.cb-pf--ready")
    assert page.get_attribute("#pf-pull-request", "aria-disabled") == "true"
    assert page.get_attribute("#pf-pull-request", "href") is None
    assert "no repository address" in page.inner_text("#pf-note")


def test_form_has_a_control_for_every_case_field(page):
    page.goto("contribute/propose/")
    case = schemas(current_vocabulary(ROOT))["case"]
    shown = set(page.eval_on_selector_all("#cb-propose [data-field], #cb-propose [data-group]",
                                          "els => els.map(e => e.dataset.field || e.dataset.group)"))
    for path, _ in properties(case):
        assert path.replace("[]", "") in shown, path


def test_field_reference_lists_every_schema_property(page):
    page.goto("contribute/fields/")
    for kind, schema in schemas(current_vocabulary(ROOT)).items():
        rows = set(page.eval_on_selector_all(f"#fields-{kind} ~ div tr[data-field]", "els => els.map(e => e.dataset.field)"))
        expected = {path for path, _ in properties(schema)}
        assert expected <= rows, (kind, expected - rows)
