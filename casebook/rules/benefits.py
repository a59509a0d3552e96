"""Rules for benefit statements: every piece of evidence points at a real case."""

from __future__ import annotations

from casebook.content.hints import Hints
from casebook.content.load import Document
from casebook.problems import Problem
from casebook.rules.common import check_entry_dates
from casebook.rules.context import Context, problem
from casebook.rules.sources import check_source_hosts


def check_benefits(ctx: Context) -> list[Problem]:
    problems = []
    for doc in ctx.benefits.values():
        hints = Hints()
        for index, item in enumerate(doc.data["evidence"]):
            if "case" in item:
                problems += _check_case_reference(doc, ("evidence", index, "case"), item["case"], ctx, hints)
        problems += check_entry_dates(doc, ctx)
        problems += check_source_hosts(doc, "benefit")
    return problems


def _check_case_reference(
    doc: Document, keys: tuple[str | int, ...], case_id: str, ctx: Context, hints: Hints
) -> list[Problem]:
    if case_id == doc.id:
        return [
            problem(
                doc,
                keys,
                "evidence cannot point at the statement itself",
                "the id of a case study",
                "link a case that backs the statement",
                "evidence-self",
            )
        ]
    if case_id in ctx.ids["case"]:
        return []
    close = hints.closest(case_id, ctx.ids["case"])
    hint = f"did you mean '{close}'? " if close else ""
    return [
        problem(
            doc,
            keys,
            f"no case '{case_id}' in case_studies/",
            "the id of an existing case",
            hint + "use a file name from case_studies/ or cite a source instead",
            "evidence-unknown-case",
        )
    ]
