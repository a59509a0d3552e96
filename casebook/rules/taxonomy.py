"""Rule for the taxonomy: a declared id that no entry uses is reported as a warning."""

from __future__ import annotations

from typing import Any

from casebook.content.load import Document
from casebook.problems import Problem
from casebook.rules.context import warning

USES = {"topics": ("topics",), "sectors": ("sector",), "channels": ("channels",)}


def check_unused_terms(taxonomy: Document, docs: list[Document]) -> list[Problem]:
    """`docs` are all parsed entries, valid or not: a term is in use even in a broken file."""
    used: dict[str, set[Any]] = {group: set() for group in USES}
    for doc in docs:
        if not isinstance(doc.data, dict):
            continue
        for group, (key,) in USES.items():
            value = doc.data.get(key, [])
            values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
            used[group].update(v for v in values if isinstance(v, str))
    problems = []
    for group in USES:
        for term in taxonomy.data[group]:
            if term not in used[group]:
                problems.append(
                    warning(
                        taxonomy,
                        (group, term),
                        f"'{term}' is declared but no entry uses it",
                        "every declared id in use",
                        "use it in an entry or remove it",
                        "taxonomy-unused",
                    )
                )
    return problems
