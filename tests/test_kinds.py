"""Every registered kind reaches every consumer (issue 20): a kind added to casebook/kinds.py is
loaded, checked, built, paged, listed, typed for search, exported, documented and named in the
generated settings, or this fails naming the kind and the consumer that missed it."""

from __future__ import annotations

import json
import sys

import pytest
import yaml

from casebook import kinds
from casebook.content.contract import SCHEMA_FILES, markdown_paths, schemas
from casebook.content.field_docs import docs_for
from casebook.content.load import load_file
from casebook.content.scaffold import TEMPLATES as SCAFFOLDS
from casebook.kinds import KINDS, resolve
from casebook.model.urls import url_for
from casebook.pages.contribute import KIND_NAMES
from casebook.repository import content_files, current_vocabulary, load_casebook
from casebook.rules.common import schema_comment
from casebook.search.pagefind import LISTINGS, page_type
from casebook.site import site_files
from support import FIXTURE, ROOT, TODAY

NAMES = [kind.name for kind in KINDS]


@pytest.fixture(scope="module")
def book():
    result = load_casebook(FIXTURE, today=TODAY)
    assert result.casebook is not None, [p.text() for p in result.errors]
    return result.casebook


@pytest.fixture(scope="module")
def files(book):
    return {file.src_uri: file for file in site_files(book, ROOT)}


def fixture_id(kind: kinds.Kind) -> str:
    return kind.fixture.rsplit("/", 1)[-1].removesuffix(".yml")


@pytest.mark.parametrize("kind", KINDS, ids=NAMES)
def test_every_reference_resolves(kind):
    for reference in kinds.references(kind):
        target = resolve(reference)
        assert callable(target) or isinstance(target, dict), f"{kind.name}: {reference}"


@pytest.mark.parametrize("kind", KINDS, ids=NAMES)
def test_names_are_one_per_kind(kind):
    for field in ("folder", "section", "schema_file", "fixture"):
        values = [getattr(other, field) for other in KINDS if getattr(other, field)]
        assert values.count(getattr(kind, field)) == (1 if getattr(kind, field) else 0), (
            f"{kind.name}: {field} shared with another kind"
        )


@pytest.mark.parametrize("kind", KINDS, ids=NAMES)
def test_the_contract_and_its_docs_know_the_kind(kind):
    schema = schemas(current_vocabulary(ROOT))[kind.name]
    assert schema["$id"] == kind.schema_file == SCHEMA_FILES[kind.name]
    assert (ROOT / "schema" / kind.schema_file).is_file()
    assert docs_for(kind.name), f"{kind.name}: no field docs"
    assert KIND_NAMES[kind.name][1] == f"{kind.folder}/<id>.yml"  # the contributing page's table
    for path in markdown_paths(kind.name):
        assert path.split(".")[0].removesuffix("[]") in schema["properties"]


@pytest.mark.parametrize("kind", KINDS, ids=NAMES)
def test_the_fixture_is_loaded_built_and_paged(kind, book, files):
    doc, problems = load_file(FIXTURE / kind.fixture, root=FIXTURE)
    assert problems == [] and doc is not None
    assert (FIXTURE / kind.fixture).read_text(encoding="utf-8").splitlines()[0] == schema_comment(kind.name)
    assert FIXTURE / kind.fixture in content_files(FIXTURE)[kind.name]
    entry_id = fixture_id(kind)
    assert entry_id in book.entries[kind.name]
    for path, _ in kind.exports or ():
        assert files[path].content, f"{kind.name}: export {path} is empty"
    if not kind.section:  # no pages of its own (a pilot shows on the kits' briefings)
        assert not any(src.startswith(f"{kind.folder}/") for src in files)
        return
    url = url_for(kind.name, entry_id)
    assert url == f"{kind.section}/{entry_id}/"
    assert f"{kind.section}/{entry_id}.md" in files or f"{kind.section}/{entry_id}/index.md" in files
    assert f"{kind.section}/index.md" in files, f"{kind.name}: no list page"
    assert f"{kind.section}/" in LISTINGS
    assert page_type(url) == kind.search_type
    for template in kind.templates:
        assert (ROOT / "templates" / template).is_file()


@pytest.mark.parametrize("kind", KINDS, ids=NAMES)
def test_every_check_of_the_kind_runs(kind, monkeypatch):
    """`load_casebook` runs each registered check (no rule module is called by name)."""
    called = []
    for reference in kind.checks:
        module, _, name = reference.partition(":")
        real = getattr(sys.modules[module], name)
        monkeypatch.setattr(
            sys.modules[module], name, lambda ctx, real=real, reference=reference: called.append(reference) or real(ctx)
        )
    resolve.cache_clear()
    try:
        load_casebook(FIXTURE, today=TODAY)
    finally:
        monkeypatch.undo()
        resolve.cache_clear()
    assert called == list(kind.checks)


@pytest.mark.parametrize("kind", KINDS, ids=NAMES)
def test_generated_settings_name_the_kind(kind):
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert settings[f"./schema/{kind.schema_file}"] == [f"{kind.folder}/*.yml"]
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    for hook in hooks:
        if hook["id"] in ("casebook-validate", "yamllint"):
            assert f"|{kind.folder}|" in hook["files"].replace("(", "|").replace(")", "|")
    assert any(hook.get("args", [None, None])[1:2] == [f"schema/{kind.schema_file}"] for hook in hooks)
    watch = yaml.safe_load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nwatch:\n")[1].split("\n\n")[0].replace("  - ", "- ")
    )
    assert kind.folder in watch
    if kind.scaffold:
        assert SCAFFOLDS[kind.name] == kind.scaffold and (ROOT / "templates" / kind.scaffold).is_file()


def test_generated_files_are_current():
    """`make schemas` has been run: schemas and the settings above match the registry."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_schemas import wanted

    stale = [name for name, text in wanted(ROOT).items() if (ROOT / name).read_text(encoding="utf-8") != text]
    assert stale == [], f"run 'make schemas' and commit: {stale}"


def test_an_unknown_kind_is_named_with_the_registered_ones():
    with pytest.raises(KeyError, match="no entry kind 'event'; registered: case, benefit, kit, route, pilot"):
        kinds.kind("event")


def test_rule_coverage_records_problems_and_judges_only_a_whole_run():
    """tests/rule_coverage.py: every Problem made here is recorded; only a whole run is judged."""
    from types import SimpleNamespace

    import rule_coverage
    from casebook.problems import Problem

    Problem("x.yml", 1, 1, field="", message="m", rule="file-empty")
    assert "file-empty" in rule_coverage.SEEN

    def config(args: list[str], **changed: object) -> SimpleNamespace:
        option = {
            "keyword": "",
            "markexpr": "",
            "deselect": None,
            "ignore": None,
            "ignore_glob": None,
            "collectonly": False,
            **changed,
        }
        return SimpleNamespace(args=args, option=SimpleNamespace(**option))

    tests = str(rule_coverage.TESTS)
    assert rule_coverage.whole_suite(config([tests]))
    assert rule_coverage.whole_suite(config([str(rule_coverage.TESTS.parent)]))
    assert not rule_coverage.whole_suite(config([tests + "/test_kinds.py"]))
    for narrowed in (
        {"keyword": "kinds"},
        {"markexpr": "browser"},
        {"ignore": ["tests/browser"]},
        {"collectonly": True},
    ):
        assert not rule_coverage.whole_suite(config([tests], **narrowed)), narrowed
