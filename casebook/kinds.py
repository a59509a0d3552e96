"""The registry of entry kinds: one record per kind, read by every stage, script, hook and test.

A kind's names (code, content folder, url section, schema file, labels) are plain data here; the
code that serves it (schema, field docs, model builder, rules, pages, exports) is named by a dotted
"module:attribute" reference, as Django names its apps and Sphinx its extensions, so this module
imports nothing of the stages and every stage can import it. `resolve` imports a reference when it
is first used; tests/test_kinds.py resolves every reference of every kind and checks each consumer
sees each kind, so a kind added here cannot be missed silently. The generated editor settings,
pre-commit hooks and mkdocs.yml `watch:` list come from here too (`make schemas`).

Adding a kind: see HACKING.md, "A new entry type".
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import Any

TAXONOMY = "taxonomy.yml"
TAXONOMY_SCHEMA = "taxonomy.schema.json"
FIXTURE_REPO = "tests/fixtures/repo"  # where each kind's `fixture` file lives


@dataclass(frozen=True)
class Kind:
    name: str  # the one name in code: Context/Casebook keys, `case:<id>` references, rule messages
    label: str  # what a contributor calls one file of it ("Case study")
    folder: str  # content folder, one <id>.yml per entry
    section: str  # the site folder of its pages: <section>/<id>/ and the list at <section>/; "": no pages
    schema_file: str  # under schema/, named in each file's first line
    schema: str  # "module:function": Vocabulary -> the JSON Schema body
    field_docs: str  # "module:dict": field path -> (title, description, examples)
    build: str  # "module:function": (id, path, data) -> the frozen entry
    order: str  # "module:function": entry -> sort key (the order pages and exports list them)
    checks: tuple[str, ...]  # "module:function"s: Context -> [Problem], the kind's cross-file rules
    fixture: str  # one valid file under tests/fixtures/repo/, which the consumer tests use
    # What a new kind gets unless it says otherwise: the page templates/<name>.md.j2 per entry,
    # the shared list page (entries-index.md.j2), the search type `label` and the JSON export
    # api/<section>.json of every field. An entry needs `id`, `path`, `title` and `url`.
    pages: str = ""  # "module:function": (book, id, *, print_url) -> [SiteFile], every page of one entry
    listing: str = ""  # "module:function": book -> [SiteFile], the list page at <section>/
    templates: tuple[str, ...] = ()  # under templates/; () means (<name>.md.j2, entries-index.md.j2)
    search_type: str = ""  # the search box's `type` filter for its pages; "" means `label`
    # (site path, "module:function": (book, *, base_url) -> str); None: api/<section>.json
    exports: tuple[tuple[str, str], ...] | None = None
    step_target: bool = False  # a training step may name it: `page: <name>:<id>`
    cites_sources: bool = False  # its `url`s are checked by the weekly link check
    scaffold: str = ""  # under templates/: the commented file `scripts/new_<name>.py` fills in


KINDS: tuple[Kind, ...] = (
    Kind(
        name="case",
        label="Case study",
        folder="case_studies",
        section="cases",
        schema_file="case-study.schema.json",
        schema="casebook.content.contract:case_schema",
        field_docs="casebook.content.field_docs:CASE",
        build="casebook.model.entries:build_case",
        order="casebook.model.entries:case_order",
        checks=("casebook.rules.cases:check_cases",),
        pages="casebook.pages.render:case_pages",
        listing="casebook.pages.render:cases_index",
        templates=("case.md.j2", "cases-index.md.j2"),
        search_type="Case study",
        fixture="case_studies/gmp-tweets.yml",
        exports=(
            ("api/cases.json", "casebook.exports.data:cases_json"),
            ("api/cases.csv", "casebook.exports.data:cases_csv"),
        ),
        step_target=True,
        cites_sources=True,
        scaffold="new-case.yml",
    ),
    Kind(
        name="benefit",
        label="Benefit statement",
        folder="benefits",
        section="benefits",
        schema_file="benefit.schema.json",
        schema="casebook.content.contract:benefit_schema",
        field_docs="casebook.content.field_docs:BENEFIT",
        build="casebook.model.entries:build_benefit",
        order="casebook.model.entries:by_id",
        checks=("casebook.rules.benefits:check_benefits",),
        pages="casebook.pages.render:benefit_pages",
        listing="casebook.pages.render:benefits_index",
        templates=("benefit.md.j2", "benefits-index.md.j2"),
        search_type="Statement",
        fixture="benefits/tweeting-a-day-of-calls.yml",
        exports=(("api/benefits.json", "casebook.exports.data:benefits_json"),),
        step_target=True,
        cites_sources=True,
        scaffold="new-benefit.yml",
    ),
    Kind(
        name="kit",
        label="Audience kit",
        folder="kits",
        section="kits",
        schema_file="kit.schema.json",
        schema="casebook.content.contract:kit_schema",
        field_docs="casebook.content.field_docs:KIT",
        build="casebook.model.entries:build_kit",
        order="casebook.model.entries:kit_order",
        checks=("casebook.rules.kits:check_kits",),
        pages="casebook.pages.render:kit_pages",
        listing="casebook.pages.render:kits_index",
        templates=("kit.md.j2", "briefing.md.j2", "kits-index.md.j2"),
        search_type="Persuasion kit",
        fixture="kits/executives.yml",
        exports=(("api/kits.json", "casebook.exports.data:kits_json"),),
        step_target=True,
    ),
    Kind(
        name="route",
        label="Training route",
        folder="training",
        section="training",
        schema_file="training-route.schema.json",
        schema="casebook.content.contract:route_schema",
        field_docs="casebook.content.field_docs:ROUTE",
        build="casebook.model.entries:build_route",
        order="casebook.model.entries:by_id",
        checks=("casebook.rules.routes:check_routes",),
        pages="casebook.pages.training_pages:route_pages",
        listing="casebook.pages.training_pages:training_index",
        templates=(
            "training-agenda.md.j2",
            "training-step.md.j2",
            "training-presenter.md.j2",
            "training-print.md.j2",
            "training-index.md.j2",
        ),
        search_type="Training",
        fixture="training/exec-route.yml",
        exports=(),
    ),
    # A pilot has no page of its own: each kit's briefing shows the one it names (casebook/model/pilot.py).
    Kind(
        name="pilot",
        label="Pilot",
        folder="pilots",
        section="",
        schema_file="pilot.schema.json",
        schema="casebook.content.contract:pilot_schema",
        field_docs="casebook.content.field_docs:PILOT",
        build="casebook.model.pilot:build_pilot",
        order="casebook.model.entries:by_id",
        checks=("casebook.rules.pilots:check_pilots",),
        fixture="pilots/fixture-pilot.yml",
        exports=(),
    ),
    # A new kind's record goes above this line (HACKING.md, "A new entry type").
)


def _defaults(entry: Kind) -> Kind:
    """A record with its defaults spelled out, so every consumer reads the same values."""
    if not entry.section:  # no pages, so no list, search type or export of its own
        return replace(entry, exports=entry.exports or ())
    templates = entry.templates or (f"{entry.name}.md.j2", "entries-index.md.j2")
    exports = entry.exports
    if exports is None:
        exports = ((f"api/{entry.section}.json", f"casebook.exports.data:entries_json#{entry.name}"),)
    return replace(
        entry,
        templates=templates,
        search_type=entry.search_type or entry.label,
        exports=exports,
        pages=entry.pages or f"casebook.pages.render:default_pages#{entry.name}",
        listing=entry.listing or f"casebook.pages.render:default_listing#{entry.name}",
    )


KINDS = tuple(_defaults(entry) for entry in KINDS)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
NAMES: tuple[str, ...] = tuple(BY_NAME)
FOLDERS: dict[str, str] = {kind.name: kind.folder for kind in KINDS}
SECTIONS: dict[str, str] = {kind.name: kind.section for kind in KINDS if kind.section}
PAGED: tuple[Kind, ...] = tuple(kind for kind in KINDS if kind.section)  # the kinds with pages
# Every schema file, the taxonomy's last (it is not an entry kind: one file, no pages).
SCHEMA_FILES: dict[str, str] = {**{kind.name: kind.schema_file for kind in KINDS}, "taxonomy": TAXONOMY_SCHEMA}
STEP_TARGETS: tuple[str, ...] = tuple(kind.name for kind in KINDS if kind.step_target)


def kind(name: str) -> Kind:
    """The kind called `name`; a KeyError names the registered ones (a bug in the code, not content)."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"no entry kind {name!r}; registered: {', '.join(NAMES)}") from None


@cache
def resolve(reference: str) -> Any:
    """The object a "module:attribute" reference names, imported on first use. "module:function#name"
    is the function with the kind's name as its first argument: how the shared defaults serve
    any kind."""
    target, _, bound = reference.partition("#")
    module, _, attribute = target.partition(":")
    found = getattr(importlib.import_module(module), attribute)
    return partial(found, bound) if bound else found


def references(entry: Kind) -> list[str]:
    """Every code reference of a kind, for the test that resolves them all."""
    pages = [entry.pages, entry.listing] if entry.section else []
    return [
        entry.schema,
        entry.field_docs,
        entry.build,
        entry.order,
        *entry.checks,
        *pages,
        *(function for _, function in entry.exports or ()),
    ]
