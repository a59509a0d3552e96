"""The files around contributing agree with the site: the issue forms the propose page opens, the
chooser's link to the site's form, and the editor and pre-commit settings' schema paths."""

from __future__ import annotations

import json
import re

import yaml

from casebook.content.contract import SCHEMA_FILES
from casebook.repository import FOLDERS
from support import ROOT

TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"


def mkdocs_default(key: str) -> str:
    """A setting of mkdocs.yml, as written or as the default of its !ENV tag."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(rf'^{key}: (?:!ENV \[\w+, "([^"]*)"\]|"?([^"\n]*)"?)$', text, re.MULTILINE)
    return match.group(1) or match.group(2)


def test_propose_issue_form_has_the_field_the_page_fills():
    form = yaml.safe_load((TEMPLATES / "propose-case.yml").read_text(encoding="utf-8"))
    ids = {item.get("id") for item in form["body"]}
    assert "yaml" in ids  # propose-core.js: issueUrl(...) adds &yaml=
    assert '"&yaml="' in (ROOT / "docs/assets/js/propose-core.js").read_text(encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "issue_template: propose-case.yml" in config


def test_issue_chooser_points_at_the_sites_form():
    config = yaml.safe_load((TEMPLATES / "config.yml").read_text(encoding="utf-8"))
    urls = [link["url"] for link in config["contact_links"]]
    assert mkdocs_default("site_url").rstrip("/") + "/contribute/propose/" in urls


def test_editor_settings_map_every_content_folder_to_its_schema():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    expected = {f"./schema/{SCHEMA_FILES[kind]}": [f"{folder}/*.yml"] for kind, folder in FOLDERS.items()}
    expected["./schema/taxonomy.schema.json"] = ["taxonomy.yml"]
    assert settings == expected
    for path in settings:
        assert (ROOT / path).is_file()
    extensions = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_pre_commit_checks_each_folder_against_its_schema():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    pairs = {hook["files"]: hook["args"][1] for hook in hooks if hook["id"] == "check-jsonschema"}
    for kind, folder in FOLDERS.items():
        assert pairs[f"^{folder}/.*\\.yml$"] == f"schema/{SCHEMA_FILES[kind]}"
    assert all(repo.get("rev") for repo in config["repos"] if repo["repo"] != "local")  # pinned
    assert {"casebook-validate", "yamllint"} <= {hook["id"] for hook in hooks}


# Each required key of a case, and the issue-form field a person without the site's form answers
# it in (`added` and `last_verified` are the day the editor writes the file).
ISSUE_FIELDS = {
    "title": "title",
    "organisation": "organisation",
    "sector": "sector",
    "country": "where",
    "year": "where",
    "audiences": "audiences",
    "topics": "topics",
    "summary": "summary",
    "challenge": "story",
    "approach": "story",
    "outcomes": "figures",
    "sources": "sources",
    "added": None,
    "last_verified": None,
}


def test_the_issue_form_carries_every_required_key_of_a_case():
    from casebook.content.contract import Vocabulary, schemas

    form = yaml.safe_load((TEMPLATES / "propose-case.yml").read_text(encoding="utf-8"))
    ids = {item.get("id") for item in form["body"]}
    required = set(schemas(Vocabulary())["case"]["required"])
    assert required == set(ISSUE_FIELDS), required ^ set(ISSUE_FIELDS)
    assert {field for field in ISSUE_FIELDS.values() if field} <= ids
