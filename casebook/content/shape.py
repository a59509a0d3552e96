"""Stage 2, shape: a `Document` and its JSON Schema -> `Problem`s a contributor can act on.

jsonschema finds what is wrong; this module says where (file, line, field) and what to do about
it, in the contributor's terms rather than the schema's.
"""

from __future__ import annotations

from typing import Any

import difflib
import json
from datetime import date

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from casebook.content.hints import Hints
from casebook.content.load import Document, dotted
from casebook.problems import Problem, more_problems

FORMATS = FormatChecker(["date"])
MAX_SHAPE_ERRORS = 200  # per file


class ShapeChecker:
    """A schema, checked fast and explained fully.

    Most files are valid, so a compiled fastjsonschema function answers first (about fifteen
    times quicker at thousands of cases); only when it rejects a file does jsonschema, the
    reference implementation, list the errors. If the two ever disagree, jsonschema decides.
    """

    def __init__(self, schema: dict[str, Any]):
        self.schema = schema
        # fastjsonschema knows drafts up to 7; the keywords the contract uses mean the same there.
        draft7 = {**schema, "$schema": "http://json-schema.org/draft-07/schema#"}
        self.fast = fastjsonschema.compile(draft7, formats={"date": _is_date})
        self._full: Draft202012Validator | None = None

    @property
    def full(self) -> Draft202012Validator:
        if self._full is None:
            self._full = Draft202012Validator(self.schema, format_checker=FORMATS)
        return self._full


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def validator_for(schema: dict[str, Any]) -> ShapeChecker:
    """A checker per distinct schema, compiled once per process (compiling takes most of the time
    a small repository needs to validate; `mkdocs serve` and the tests load it many times)."""
    key = json.dumps(schema, sort_keys=True)
    if key not in _CHECKERS:
        _CHECKERS[key] = ShapeChecker(schema)
    return _CHECKERS[key]


_CHECKERS: dict[str, ShapeChecker] = {}


def check_shape(doc: Document, checker: ShapeChecker) -> list[Problem]:
    try:
        checker.fast(doc.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    problems: list[Problem] = []
    errors = checker.full.iter_errors(doc.data)
    for count, error in enumerate(errors):
        if count == MAX_SHAPE_ERRORS:  # each costs a did-you-mean search; the file fails anyway
            line, column = (problems[-1].line, problems[-1].column) if problems else (1, 1)
            return problems + [more_problems(doc.path, line, column, 1 + sum(1 for _ in errors))]
        problems.extend(_explain(doc, error))
    return problems


def _explain(doc: Document, error: ValidationError) -> list[Problem]:
    if _already_reported(doc, tuple(error.absolute_path)):
        return []
    if error.validator == "oneOf":
        return _explain_either(doc, error)
    keys = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(error.schema.get("properties", {}))
        hints = Hints()
        return [_unknown_key(doc, keys, key, allowed, hints) for key in error.instance if key not in allowed]
    return [_problem(doc, keys, *_describe(error, keys))]


def _already_reported(doc: Document, keys: tuple[Any, ...]) -> bool:
    """The loader explained this field (an alias, a tag, a `{{` value): one mistake, one message."""
    return any(keys[: len(done)] == done for done in doc.reported)


def _problem(doc: Document, keys: tuple[Any, ...], message: str, expected: str, fix: str, rule: str) -> Problem:
    line, column = doc.where(keys)
    return Problem(doc.path, line, column, field=dotted(keys), message=message, expected=expected, fix=fix, rule=rule)


def _unknown_key(doc: Document, keys: tuple[Any, ...], key: str, allowed: list[str], hints: Hints) -> Problem:
    close = hints.closest(key, allowed)
    fix = f"did you mean '{close}'?" if close else "remove it or move its text into a known key"
    return _problem(doc, keys + (key,), f"unknown key '{key}'", "one of " + ", ".join(allowed), fix, "unknown-key")


def _explain_either(doc: Document, error: ValidationError) -> list[Problem]:
    """Evidence is a case or a source: report only the branch the contributor meant."""
    keys = tuple(error.absolute_path)
    instance = error.instance
    meant = next((k for k in ("case", "source") if isinstance(instance, dict) and k in instance), None)
    branch = [e for e in error.context if meant and e.relative_schema_path[0] == (0 if meant == "case" else 1)]
    if meant and branch:
        return [p for e in branch for p in _explain(doc, e)]
    return [
        _problem(
            doc,
            keys,
            "is neither a case nor a source",
            "'case: <case id>' or 'source:' with title, publisher, url, published and grade",
            "write one of the two forms shown in CONTRIBUTING.md",
            "evidence-kind",
        )
    ]


def _describe(error: ValidationError, keys: tuple[Any, ...]) -> tuple[str, str, str, str]:
    """(message, expected, fix, rule) for one schema error."""
    kind, value = error.validator, error.instance
    name = next((k for k in reversed(keys) if isinstance(k, str)), "value")
    if kind == "required":
        missing = error.message.split("'")[1]
        choices = error.schema.get("properties", {}).get(missing, {}).get("enum")
        # A key with a short list of values (an outcome's basis and kind) names them in the fix.
        values = f" with one of {', '.join(choices)}" if choices and len(choices) <= 12 else ""
        return (
            f"required key '{missing}' is missing",
            f"key '{missing}'",
            f"add '{missing}:'{values} (see the template in CONTRIBUTING.md)",
            "missing-key",
        )
    if kind == "type":
        wanted = _type_words(error.validator_value)
        found = _type_words(_json_type(value))
        message = f"found {found}" if isinstance(value, (dict, list)) else f"{_show(value)} is {found}"
        return (message, wanted, f"write {name} as {wanted}" + (" in quotes" if wanted == "text" else ""), "wrong-type")
    if kind == "enum":
        return _describe_enum(value, error.validator_value, name)
    if kind in ("minLength", "maxLength"):
        size = len(value)
        limit = error.validator_value
        if kind == "minLength":
            return (
                f"text is {size} characters",
                f"at least {limit}",
                "write more, or remove the key if it is optional",
                "too-short",
            )
        return (f"text is {size} characters", f"at most {limit}", "shorten it", "too-long")
    if kind == "minItems":
        return ("list is empty", f"at least {error.validator_value} item", "add an item", "empty-list")
    if kind == "minProperties":
        return ("mapping is empty", "at least one entry", "add an entry", "empty-list")
    if kind == "uniqueItems":
        return ("list repeats an item", "each item once", "remove the repeat", "repeated-item")
    if kind in ("minimum", "maximum"):
        bound = "at least" if kind == "minimum" else "at most"
        return (
            f"{_show(value)} is out of range",
            f"{bound} {error.validator_value}",
            "check the number",
            "out-of-range",
        )
    if kind in ("pattern", "format") and "x-problem" in error.schema:
        return _describe_pattern(error.schema["x-problem"], value)
    return (error.message, "", "see CONTRIBUTING.md", "schema-other")


def _describe_pattern(explained: dict[str, Any], value: Any) -> tuple[str, str, str, str]:
    """The contract's own explanation of the property (its `x-problem`, see contract.py)."""
    message = explained["message"].format(value=_show(value))
    return (message, explained["expected"], explained["fix"], explained["rule"])


# Where each list of ids is declared: (the list's name, the file or folder that holds it).
_ENUM_HOMES = {
    "sector": ("sectors in taxonomy.yml", "taxonomy.yml"),
    "topics": ("topics in taxonomy.yml", "taxonomy.yml"),
    "channels": ("channels in taxonomy.yml", "taxonomy.yml"),
    "audiences": ("audiences, the files in kits/", "kits/"),
    "country": ("ISO 3166-1 alpha-2 codes", ""),
    "grade": ("grades", ""),
}
# Codes people write that ISO 3166-1 spells otherwise.
_COUNTRY_HINTS = {
    "UK": "use GB for the United Kingdom",
    "EN": "use GB for England",
    "SC": "use GB for Scotland",
    "WA": "use GB for Wales",
    "NI": "use GB for Northern Ireland",
}


def _describe_enum(value: Any, choices: list[Any], name: str) -> tuple[str, str, str, str]:
    where, home = _ENUM_HOMES.get(name, ("allowed values", ""))
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    expected = ", ".join(map(str, choices)) if len(choices) <= 12 else f"one of the {where}"
    fix = hint + (f"use an id listed there, or add it to {home}" if home else f"use one of the {where}")
    if name == "country":
        fix = _COUNTRY_HINTS.get(str(value).strip().upper()) or (
            hint + "use the two-letter code, e.g. GB for the United Kingdom, IE for Ireland, US for the United States"
        )
    rule = {"country": "unknown-country", "grade": "unknown-grade"}.get(name, "unknown-id")
    return (f"{_show(value)} is not one of the {where}", expected, fix, rule)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    for python, words in (
        (bool, "boolean"),
        (int, "integer"),
        (float, "number"),
        (str, "string"),
        (list, "array"),
        (dict, "object"),
    ):
        if isinstance(value, python):
            return words
    return "unknown"


def _type_words(types: Any) -> str:
    names = {
        "string": "text",
        "integer": "a whole number",
        "number": "a number",
        "array": "a list",
        "object": "a mapping of keys",
        "boolean": "true or false",
        "null": "empty",
    }
    if isinstance(types, list):
        return " or ".join(str(names.get(t, t)) for t in types)
    return str(names.get(types, types))


def _show(value: Any) -> str:
    """A value as the message quotes it: shortened inside its quotes, so every quote closes."""
    if isinstance(value, (dict, list)):
        return _type_words(_json_type(value))
    if isinstance(value, str) and len(value) > 56:
        return repr(value[:53] + "…")
    text = repr(value)
    return text if len(text) <= 60 else text[:56] + "…"
