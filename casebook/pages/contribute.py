"""Stage 5, pages (contributing): the JSON Schemas -> the field reference and the propose form.

Both are read from the same schemas the validator uses (with the titles, descriptions and
examples of `field_docs`), so neither can drift from the contract. Allowed ids carry their labels
from taxonomy.yml and kits/. Output is plain data for the autoescaping templates
`field-reference.html.j2` and `propose-form.html.j2`.
"""

from __future__ import annotations

from typing import Any

import json
from dataclasses import dataclass

from casebook.content.contract import (
    BASES_EXPLAINED,
    DATE_PATTERN,
    ID_PATTERN,
    OUTCOME_KINDS_EXPLAINED,
    PAGE_FORMS,
    PUBLISHED_PATTERN,
    URL_PATTERN,
)
from casebook.pages.countries import country_name
from casebook.content.field_docs import properties
from casebook.kinds import KINDS, SCHEMA_FILES, TAXONOMY
from casebook.model.index import Casebook
from casebook.model.urls import relative
from casebook.pages.render import GRADE_LABELS, render_page

# Each file kind's table heading and file pattern: the registry's kinds, then the taxonomy.
KIND_NAMES = {
    **{kind.name: (kind.label, f"{kind.folder}/<id>.yml") for kind in KINDS},
    "taxonomy": ("Taxonomy", TAXONOMY),
}
PATTERN_WORDS = {
    DATE_PATTERN: "an ISO date, YYYY-MM-DD",
    ID_PATTERN: "an id: lowercase letters, digits and single hyphens",
    URL_PATTERN: "an address starting http:// or https://",
    PUBLISHED_PATTERN: "YYYY, YYYY-MM, YYYY-MM-DD or undated",
}
TYPE_WORDS = {
    "string": "text",
    "integer": "whole number",
    "number": "number",
    "array": "list",
    "object": "group of keys",
    "boolean": "true or false",
}


@dataclass(frozen=True)
class Field:
    path: str  # e.g. outcomes[].measure
    title: str
    description: str
    required: bool
    kind: str  # in words: text, Markdown text, list of ids...
    rule: str  # the constraints in words
    example: str  # as it would be written in YAML
    choices: tuple[tuple[str, str], ...]  # (id, label) for enums


def choices_for(path: str, node: dict[str, Any], book: Casebook) -> tuple[tuple[str, str], ...]:
    """Allowed ids with the labels readers see."""
    enum = node.get("enum") or (node.get("items") or {}).get("enum")
    if not enum:
        return ()
    name = path.rsplit(".", 1)[-1].rstrip("[]")
    labels = {"sector": book.taxonomy.sectors, "topics": book.taxonomy.topics, "channels": book.taxonomy.channels}.get(
        name
    )
    if labels is not None:
        return tuple((i, labels[i].label if i in labels else i) for i in enum)
    if name == "audiences":
        return tuple((i, book.kits[i].name if i in book.kits else i) for i in enum)
    if name == "country":
        return tuple(sorted(((i, country_name(i)) for i in enum), key=lambda pair: pair[1]))
    if name == "grade":
        return tuple((i, GRADE_LABELS.get(i, i)) for i in enum)
    explained = {"basis": BASES_EXPLAINED, "kind": OUTCOME_KINDS_EXPLAINED}.get(name)
    if explained:  # the contract's one wording, e.g. "counted: the organisation counted it..."
        return tuple((i, f"{i}: {explained[i]}") for i in enum)
    return tuple((str(i), str(i)) for i in enum)


def fields(schema: dict[str, Any], book: Casebook) -> list[Field]:
    """Every property of one schema, nested ones included, in contract order."""
    required = _required_paths(schema)
    result = []
    for path, node in properties(schema):
        result.append(
            Field(
                path,
                node.get("title", path),
                node.get("description", ""),
                path in required,
                _kind_words(path, node),
                _rule_words(node),
                _example(node),
                choices_for(path, node, book),
            )
        )
    return result


def _required_paths(schema: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for path, node in [("", schema), *properties(schema)]:
        # Either-or branches (evidence is a case or a source) make no single key required.
        if node.get("type") == "array" and isinstance(node.get("items"), dict):
            found.update(f"{path}[].{key}" for key in node["items"].get("required", []))
        else:
            found.update((f"{path}." if path else "") + key for key in node.get("required", []))
        terms = node.get("additionalProperties")
        if isinstance(terms, dict):
            found.update(f"{path}.*.{key}" for key in terms.get("required", []))
    return found


def _kind_words(path: str, node: dict[str, Any]) -> str:
    types = node.get("type", "object" if "oneOf" in node else "")
    types = types if isinstance(types, list) else [types]
    words = " or ".join(str(TYPE_WORDS.get(t, t)) for t in types if t)
    if node.get("x-markdown"):
        return "Markdown text"
    items = node.get("items") or {}
    if "array" in types and items.get("enum"):
        return "list of ids"
    if "array" in types and items.get("type") == "string":
        return "list of text"
    if "array" in types and (items.get("type") == "object" or "oneOf" in items):
        return "list of groups"
    return "id" if node.get("enum") else words


def _rule_words(node: dict[str, Any]) -> str:
    parts = []
    low, high = node.get("minLength"), node.get("maxLength")
    if high:
        parts.append(f"{low}-{high} characters" if low else f"up to {high} characters")
    elif low and low > 1:
        parts.append(f"at least {low} characters")
    if node.get("pattern") in PATTERN_WORDS:
        parts.append(PATTERN_WORDS[node["pattern"]])
    elif node.get("pattern") and node.get("pattern") != r"\S":
        parts.append(f"{PAGE_FORMS} or a page path like guides/index.md")
    if "minimum" in node and "maximum" in node:
        parts.append(f"{node['minimum']} to {node['maximum']}")
    elif "minimum" in node:
        parts.append(f"from {node['minimum']}")
    if node.get("minItems"):
        parts.append(f"at least {node['minItems']} item")
    if node.get("uniqueItems"):
        parts.append("no repeats")
    if node.get("enum") or (node.get("items") or {}).get("enum"):
        parts.append("one of the ids listed")
    if node.get("additionalProperties") is False:
        parts.append("no other keys")
    return "; ".join(parts)


def _example(node: dict[str, Any]) -> str:
    examples = node.get("examples") or []
    if not examples:
        return ""
    value = examples[0]
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def field_reference(schemas: dict[str, dict[str, Any]], book: Casebook, *, url: str) -> str:
    """The field reference's HTML: one table per entry type."""
    kinds = [(kind, *KIND_NAMES[kind], SCHEMA_FILES[kind], fields(schemas[kind], book)) for kind in KIND_NAMES]
    return render_page("field-reference.html.j2", url=url, kinds=kinds)


# The propose form: the case contract in the order a newcomer tells the story.
FORM_GROUPS = (
    (
        "what",
        "What happened",
        "The story in your own words. Copy nothing but figures and quotes.",
        ("title", "organisation", "sector", "country", "year", "summary", "challenge", "approach", "channels"),
    ),
    ("who", "Who it persuades", "Which audiences the case would move, and what it is about.", ("audiences", "topics")),
    (
        "sources",
        "Where you read it",
        "Every page or report the figures come from. Number 1 is the first.",
        ("sources",),
    ),
    (
        "numbers",
        "What changed, in numbers",
        "At least one measured result, copied exactly as the source "
        "words it, with the number of the source above that reports it.",
        ("outcomes",),
    ),
    (
        "more",
        "Anything else (optional)",
        "A quote, lessons, what limits the evidence, related cases.",
        ("quote", "lessons", "caveats", "related", "distinct_from"),
    ),
    ("entry", "About this entry", "Today's date, usually, for both.", ("added", "last_verified")),
)
LONG_TEXT = {"summary", "challenge", "approach", "caveats", "lessons", "text"}


@dataclass(frozen=True)
class FormField:
    name: str  # the key, or `outcomes.measure` for a key of a repeated group
    label: str
    help: str
    required: bool
    control: str  # text, textarea, number, date, select, checkbox, checkboxes, group
    choices: tuple[tuple[str, str], ...] = ()
    example: str = ""
    children: tuple[FormField, ...] = ()


def form_fields(schema: dict[str, Any], book: Casebook) -> dict[str, FormField]:
    """One form control per case property, nested groups with their own fields."""
    by_path = {f.path: f for f in fields(schema, book)}
    return {name: _form_field(name, by_path) for name in schema["properties"]}


def _form_field(path: str, by_path: dict[str, Field], parent_required: bool = True) -> FormField:
    field = by_path[path]
    name = path.replace("[]", "")
    key = name.rsplit(".", 1)[-1]
    # A key required inside an optional group (the quote's text) is not required of the form.
    required = field.required and parent_required
    prefix = path + ("[]." if path + "[]" in by_path else ".")
    children = tuple(
        _form_field(p, by_path, required)
        for p in by_path
        if p.startswith(prefix) and p.count(".") == path.count(".") + 1
    )
    # Only the limits a newcomer can act on while typing; formats are in the description.
    limits = [part for part in field.rule.split("; ") if "characters" in part or part.startswith("from ")]
    help_text = field.description + (f" {'; '.join(limits).capitalize()}." if limits and not children else "")
    control = _control(key, field, children)
    example = "" if children or control in ("checkbox", "checkboxes", "select") else _plain_example(field.example)
    return FormField(name, field.title, help_text, required, control, field.choices, example, children)


def _plain_example(example: str) -> str:
    """An example as a person writes it in the form: a list as its items, not as JSON."""
    if example.startswith("["):
        try:
            items = json.loads(example)
        except ValueError:
            return example
        return "; ".join(str(item) for item in items) if isinstance(items, list) else example
    return example


def _control(key: str, field: Field, children: tuple[Any, ...]) -> str:
    if children:
        return "group"
    if field.kind == "true or false":
        return "checkbox"
    if field.choices:
        return "checkboxes" if field.kind == "list of ids" else "select"
    if key in LONG_TEXT or field.kind == "Markdown text":
        return "textarea"
    if field.kind in ("whole number",):
        return "number"
    if key in ("added", "last_verified"):
        return "date"
    return "text"


def propose_form(schema: dict[str, Any], book: Casebook, *, url: str, settings: dict[str, Any]) -> str:
    """The propose form's HTML; `settings` are the site's repository and e-mail settings."""
    controls = form_fields(schema, book)
    groups = [(gid, title, intro, [controls[name] for name in names]) for gid, title, intro, names in FORM_GROUPS]
    settings = {
        "branch": "main",
        "email": "",
        "issue_template": "propose-case.yml",
        **settings,
        "schema": relative(url, f"schema/{SCHEMA_FILES['case']}"),
    }
    return render_page("propose-form.html.j2", url=url, groups=groups, settings=settings, case_ids=sorted(book.cases))
