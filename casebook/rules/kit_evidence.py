"""Rules for the evidence a kit names for its briefing: a named case or statement more than ten
years old while the casebook holds a newer one of the same sector and a kind the kit values
(`kit-briefing-dated-choice`, a warning: the editor may have a reason, but should see the choice).

A case's year is its `year`; a statement's is the newest of its evidence (a case's year, a
source's published year) and its sectors are those of the cases it cites.
"""

from __future__ import annotations

from typing import Any

from casebook.content.contract import OUTCOME_KINDS
from casebook.content.load import Document
from casebook.problems import Problem
from casebook.model.relevance import OLD_YEARS, is_old
from casebook.rules.context import Context, warning


def check_dated_choices(doc: Document, ctx: Context) -> list[Problem]:
    choice = doc.data.get("briefing", {})
    wanted = _wanted(doc.data.get("evidence", {}))
    problems = []
    for field, facts_of in (("cases", _case_facts), ("statements", _statement_facts)):
        pool = ctx.cases if field == "cases" else ctx.benefits
        candidates = [(i, facts_of(d, ctx)) for i, d in pool.items() if doc.id in d.data["audiences"]]
        for position, ref in enumerate(choice.get(field, [])):
            if ref not in pool:
                continue  # kit-reference-unknown says so
            year, sectors, _ = facts_of(pool[ref], ctx)
            if not is_old(year, ctx.today):
                continue
            newer = [
                (i, y)
                for i, (y, s, kinds) in candidates
                if y > year and s & sectors and kinds & wanted and not is_old(y, ctx.today)
            ]
            if newer:
                better, when = max(newer, key=lambda pair: (pair[1], pair[0]))
                problems.append(_dated(doc, ("briefing", field, position), ref, year, better, when, field))
    return problems


def _dated(doc: Document, keys: tuple[Any, ...], ref: str, year: int, better: str, when: int, field: str) -> Problem:
    noun = "case" if field == "cases" else "statement"
    return warning(
        doc,
        keys,
        f"'{ref}' is from {year}, more than {OLD_YEARS} years ago, while '{better}' "
        f"({when}) is a newer {noun} of the same sector and a kind this audience values",
        f"a {noun} from the last {OLD_YEARS} years where the casebook holds one",
        f"name '{better}' instead, or remove '{ref}' and let the briefing choose",
        "kit-briefing-dated-choice",
    )


def _wanted(evidence: dict[str, Any]) -> set[Any]:
    """The outcome kinds that count as "wanted": the kit's values, else any it does not avoid."""
    return set(evidence.get("values") or OUTCOME_KINDS) - set(evidence.get("never_lead_with", ()))


def _case_facts(doc: Document, ctx: Context) -> tuple[int, set[Any], set[Any]]:
    outcomes = doc.data["outcomes"]
    headline = next((o for o in outcomes if o.get("headline")), outcomes[0])
    return doc.data["year"], {doc.data["sector"]}, {headline.get("kind")}


def _statement_facts(doc: Document, ctx: Context) -> tuple[int, set[Any], set[Any]]:
    years, sectors, kinds = [], set(), set()
    for item in doc.data["evidence"]:
        if "case" in item and item["case"] in ctx.cases:
            year, sector, kind = _case_facts(ctx.cases[item["case"]], ctx)
            years.append(year)
            sectors |= sector
            kinds |= kind
        elif "source" in item:
            published = str(item["source"]["published"])
            years.append(int(published[:4]) if published[:4].isdigit() else 0)
    return max(years, default=0), sectors, kinds
