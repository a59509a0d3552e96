"""Rules for case studies: source numbers, related cases, the year, probable duplicates."""

from __future__ import annotations

from typing import Any
import re

from casebook.content.contract import YEAR_FLOOR
from casebook.content.hints import Hints
from casebook.content.load import Document
from casebook.problems import Problem
from casebook.rules.common import check_entry_dates
from casebook.rules.context import Context, problem
from casebook.rules.duplicates import check_probable_duplicates
from casebook.rules.sources import check_source_hosts


def check_cases(ctx: Context) -> list[Problem]:
    problems = []
    for doc in ctx.cases.values():
        problems += check_source_numbers(doc)
        problems += check_one_headline(doc)
        problems += check_abbreviated_values(doc)
        problems += check_related(doc, ctx)
        problems += check_year(doc, ctx)
        problems += check_entry_dates(doc, ctx)
        problems += check_source_hosts(doc, "case")
    problems += check_probable_duplicates(list(ctx.cases.values()), ctx.new)
    return problems


def check_source_numbers(doc: Document) -> list[Problem]:
    count = len(doc.data["sources"])
    problems = []
    items: list[tuple[tuple[str | int, ...], Any]] = [
        (("outcomes", i, "source"), o["source"]) for i, o in enumerate(doc.data["outcomes"])
    ]
    if "quote" in doc.data:
        items.append((("quote", "source"), doc.data["quote"]["source"]))
    for keys, number in items:
        if number > count:
            rule = "case-quote-source-range" if keys[0] == "quote" else "case-outcome-source-range"
            problems.append(
                problem(
                    doc,
                    keys,
                    f"source {number} does not exist ({count} listed)",
                    f"a number from 1 to {count}",
                    "use the position of the source in 'sources', or add the source",
                    rule,
                )
            )
    return problems


# `2.4k`, `1.2m`, `3bn`, `~300`: a figure shortened or rounded by the writer, not as the source words it.
ABBREVIATED = re.compile(r"~\s*\d|\d(?:k|m|bn)\b", re.IGNORECASE)


def check_abbreviated_values(doc: Document) -> list[Problem]:
    return [
        problem(
            doc,
            ("outcomes", i, "value"),
            f"'{o['value']}' abbreviates the figure",
            "the figure as the source words it",
            "write the figure as the source words it, e.g. 'more than 2,400' (keep the short form only if "
            "the source itself writes it so)",
            "value-abbreviated",
        )
        for i, o in enumerate(doc.data["outcomes"])
        if isinstance(o.get("value"), str) and ABBREVIATED.search(o["value"])
    ]


def check_one_headline(doc: Document) -> list[Problem]:
    """At most one outcome carries the case's claim; two would make the headline a guess."""
    marked = [i for i, o in enumerate(doc.data["outcomes"]) if o.get("headline") is True]
    return [
        problem(
            doc,
            ("outcomes", i, "headline"),
            f"outcome {marked[0] + 1} is already the headline",
            "headline: true on one outcome only",
            "keep it on the outcome your title claims and delete the others",
            "case-headline-repeat",
        )
        for i in marked[1:]
    ]


def check_related(doc: Document, ctx: Context) -> list[Problem]:
    problems = []
    hints = Hints()
    for index, other in enumerate(doc.data.get("related", [])):
        keys = ("related", index)
        if other == doc.id:
            problems.append(
                problem(
                    doc,
                    keys,
                    "a case cannot be related to itself",
                    "another case's id",
                    "remove this item",
                    "related-self",
                )
            )
        elif other not in ctx.ids["case"]:
            close = hints.closest(other, ctx.ids["case"])
            hint = f"did you mean '{close}'? " if close else ""
            problems.append(
                problem(
                    doc,
                    keys,
                    f"no case '{other}' in case_studies/",
                    "the id of an existing case",
                    hint + "use a file name from case_studies/",
                    "related-unknown",
                )
            )
    return problems


def check_year(doc: Document, ctx: Context) -> list[Problem]:
    year = doc.data["year"]
    if year <= ctx.today.year:
        return []
    return [
        problem(
            doc,
            ("year",),
            f"{year} is in the future",
            f"{YEAR_FLOOR} to {ctx.today.year}",
            "give the year the work happened",
            "year-future",
        )
    ]
