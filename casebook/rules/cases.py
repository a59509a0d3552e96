"""Rules for case studies: source numbers, related cases, the year, probable duplicates."""

from __future__ import annotations

import difflib
from itertools import combinations

from ..load import Document
from ..problems import Problem
from .common import check_entry_dates
from .context import Context, problem, warning
from .sources import check_source_hosts

DUPLICATE_TITLE_RATIO = 0.85


def check_cases(ctx: Context) -> list[Problem]:
    problems = []
    for doc in ctx.cases.values():
        problems += check_source_numbers(doc)
        problems += check_related(doc, ctx)
        problems += check_year(doc, ctx)
        problems += check_entry_dates(doc, ctx)
        problems += check_source_hosts(doc, "case")
    problems += check_probable_duplicates(list(ctx.cases.values()))
    return problems


def check_source_numbers(doc: Document) -> list[Problem]:
    count = len(doc.data["sources"])
    problems = []
    items = [(("outcomes", i, "source"), o["source"]) for i, o in enumerate(doc.data["outcomes"])]
    if "quote" in doc.data:
        items.append((("quote", "source"), doc.data["quote"]["source"]))
    for keys, number in items:
        if number > count:
            rule = "case-quote-source-range" if keys[0] == "quote" else "case-outcome-source-range"
            problems.append(problem(doc, keys, f"source {number} does not exist ({count} listed)",
                                    f"a number from 1 to {count}",
                                    "use the position of the source in 'sources', or add the source", rule))
    return problems


def check_related(doc: Document, ctx: Context) -> list[Problem]:
    problems = []
    for index, other in enumerate(doc.data.get("related", [])):
        keys = ("related", index)
        if other == doc.id:
            problems.append(problem(doc, keys, "a case cannot be related to itself", "another case's id",
                                    "remove this item", "related-self"))
        elif other not in ctx.ids["case"]:
            close = difflib.get_close_matches(other, ctx.ids["case"], n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.append(problem(doc, keys, f"no case '{other}' in case_studies/",
                                    "the id of an existing case", hint + "use a file name from case_studies/",
                                    "related-unknown"))
    return problems


def check_year(doc: Document, ctx: Context) -> list[Problem]:
    year = doc.data["year"]
    if year <= ctx.today.year:
        return []
    return [problem(doc, ("year",), f"{year} is in the future", f"1990 to {ctx.today.year}",
                    "give the year the work happened", "year-future")]


def check_probable_duplicates(docs: list[Document]) -> list[Problem]:
    """Same organisation and year with near-identical titles: probably the same case twice."""
    groups: dict[tuple, list[Document]] = {}
    for doc in docs:
        groups.setdefault((doc.data["organisation"].casefold(), doc.data["year"]), []).append(doc)
    problems = []
    for group in groups.values():
        for first, second in combinations(sorted(group, key=lambda d: d.path), 2):
            ratio = difflib.SequenceMatcher(None, first.data["title"].casefold(),
                                            second.data["title"].casefold()).ratio()
            if ratio >= DUPLICATE_TITLE_RATIO:
                problems.append(warning(second, ("title",), f"probably the same case as {first.path}",
                                        "one file per case", "merge the two files, or make the titles "
                                        "say how the cases differ", "case-probable-duplicate"))
    return problems
