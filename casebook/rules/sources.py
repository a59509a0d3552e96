"""Rules for sources in cases and statements: an address should be the original publication."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from casebook.content.load import Document
from casebook.problems import Problem
from casebook.model.sources import copy_reason
from casebook.rules.context import warning


def source_paths(doc: Document, kind: str) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """(field path, source mapping) for every source an entry cites."""
    if kind == "case":
        for index, source in enumerate(doc.data.get("sources", [])):
            yield ("sources", index), source
    elif kind == "benefit":
        for index, item in enumerate(doc.data.get("evidence", [])):
            if "source" in item:
                yield ("evidence", index, "source"), item["source"]


def check_source_hosts(doc: Document, kind: str) -> list[Problem]:
    """A staging host, document-sharing site or translation proxy is a copy, not the original.
    A copy graded unconfirmed has been dealt with as the fix says, so it is not reported again."""
    problems = []
    for keys, source in source_paths(doc, kind):
        if source.get("grade") == "unconfirmed":
            continue
        reason = copy_reason(str(source.get("url", "")))
        if reason:
            problems.append(
                warning(
                    doc,
                    keys + ("url",),
                    f"{source['url'][:80]!r} is {reason}",
                    "the address of the original page on the publisher's own site",
                    "cite the original; if you cannot find it, grade the source unconfirmed and say why in caveats",
                    "source-not-original",
                )
            )
    return problems
