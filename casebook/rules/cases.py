"""Rules for case studies: source numbers, related cases, the year, probable duplicates."""

from __future__ import annotations

import difflib
from itertools import combinations

from casebook.content.contract import YEAR_FLOOR
from casebook.content.hints import Hints
from casebook.content.load import Document
from casebook.problems import Problem
from casebook.rules.common import check_entry_dates
from casebook.rules.context import Context, problem, warning
from casebook.rules.sources import check_source_hosts

DUPLICATE_TITLE_RATIO = 0.85
MAX_COMPARED = 200  # distinct titles per organisation and year compared pair by pair (under 1 s)


def check_cases(ctx: Context) -> list[Problem]:
    problems = []
    for doc in ctx.cases.values():
        problems += check_source_numbers(doc)
        problems += check_one_headline(doc)
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


def check_one_headline(doc: Document) -> list[Problem]:
    """At most one outcome carries the case's claim; two would make the headline a guess."""
    marked = [i for i, o in enumerate(doc.data["outcomes"]) if o.get("headline") is True]
    return [problem(doc, ("outcomes", i, "headline"),
                    f"outcome {marked[0] + 1} is already the headline",
                    "headline: true on one outcome only",
                    "keep it on the outcome your title claims and delete the others",
                    "case-headline-repeat") for i in marked[1:]]


def check_related(doc: Document, ctx: Context) -> list[Problem]:
    problems = []
    hints = Hints()
    for index, other in enumerate(doc.data.get("related", [])):
        keys = ("related", index)
        if other == doc.id:
            problems.append(problem(doc, keys, "a case cannot be related to itself", "another case's id",
                                    "remove this item", "related-self"))
        elif other not in ctx.ids["case"]:
            close = hints.closest(other, ctx.ids["case"])
            hint = f"did you mean '{close}'? " if close else ""
            problems.append(problem(doc, keys, f"no case '{other}' in case_studies/",
                                    "the id of an existing case", hint + "use a file name from case_studies/",
                                    "related-unknown"))
    return problems


def check_year(doc: Document, ctx: Context) -> list[Problem]:
    year = doc.data["year"]
    if year <= ctx.today.year:
        return []
    return [problem(doc, ("year",), f"{year} is in the future", f"{YEAR_FLOOR} to {ctx.today.year}",
                    "give the year the work happened", "year-future")]


def check_probable_duplicates(docs: list[Document]) -> list[Problem]:
    """Same organisation and year with near-identical titles: probably the same case twice.

    Near-linear in the number of cases: cases are bucketed by organisation and year, titles that
    are equal once normalised are grouped with a dict, and only a bucket of at most
    MAX_COMPARED distinct titles is compared pair by pair. Each group of duplicates gets one
    warning, however many files it holds (5,000 copies once gave 12.5 million)."""
    buckets: dict[tuple, dict[str, list[Document]]] = {}
    for doc in sorted(docs, key=lambda d: d.path):
        key = (doc.data["organisation"].casefold().strip(), doc.data["year"])
        buckets.setdefault(key, {}).setdefault(_normal_title(doc.data["title"]), []).append(doc)
    problems = []
    for titles in buckets.values():
        for group in _similar_groups(titles):
            problems.append(_duplicate_warning(group))
    return problems


def _normal_title(title: str) -> str:
    return " ".join(title.casefold().split())


def _similar_groups(titles: dict[str, list[Document]]) -> list[list[Document]]:
    """Groups of two or more documents whose titles are alike, first-found document first."""
    names = list(titles)
    if len(names) > MAX_COMPARED:  # identical titles only: pairs would be quadratic
        return [docs for docs in titles.values() if len(docs) > 1]
    leader = list(range(len(names)))  # union-find over the distinct titles
    for i, j in combinations(range(len(names)), 2):
        matcher = difflib.SequenceMatcher(None, names[i], names[j])
        if leader[j] == j and matcher.real_quick_ratio() >= DUPLICATE_TITLE_RATIO \
                and matcher.quick_ratio() >= DUPLICATE_TITLE_RATIO and matcher.ratio() >= DUPLICATE_TITLE_RATIO:
            leader[j] = leader[i]
    groups: dict[int, list[Document]] = {}
    for index, name in enumerate(names):
        groups.setdefault(leader[index], []).extend(titles[name])
    return [sorted(group, key=lambda d: d.path) for group in groups.values() if len(group) > 1]


def _duplicate_warning(group: list[Document]) -> Problem:
    first, second, rest = group[0], group[1], len(group) - 2
    others = f" and {rest:,} other file{'s' if rest != 1 else ''}" if rest else ""
    files = "the two files" if len(group) == 2 else "the files"
    return warning(second, ("title",), f"probably the same case as {first.path}{others}", "one file per case",
                   f"merge {files}, or make the titles say how the cases differ", "case-probable-duplicate")
