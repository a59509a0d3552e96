"""What goes on an audience's one-page briefing: the five strongest statements, three headline
cases and the top three objections, with the sources numbered in order of first citation."""

from __future__ import annotations

from .index import Casebook
from .model import GRADE_RANK, Benefit, Case, Kit, Source

STATEMENTS = 5
CASES = 3
OBJECTIONS = 3


def build_briefing(book: Casebook, kit: Kit) -> dict:
    notes: list[Source] = []

    def cite(source: Source) -> int:
        if source not in notes:
            notes.append(source)
        return notes.index(source) + 1

    top_benefits = []
    for benefit in book.benefits_for(kit.id)[:STATEMENTS]:
        numbers = sorted({cite(s) for s in key_sources(book, benefit)})
        top_benefits.append((benefit, numbers))
    top_cases = [(case, cite(case.sources[case.headline.source - 1]))
                 for case in headline_cases(book, kit.id)]
    return {"top_benefits": top_benefits, "top_cases": top_cases,
            "top_objections": kit.objections[:OBJECTIONS], "notes": notes}


def key_sources(book: Casebook, benefit: Benefit) -> list[Source]:
    """One source per piece of evidence: its own, or the source of the case's headline figure.
    Citing every source of every case would fill a second page with notes."""
    sources = []
    for item in benefit.evidence:
        case = book.cases[item.case] if item.case else None
        sources.append(case.sources[case.headline.source - 1] if case else item.source)
    return sources


def headline_cases(book: Casebook, audience: str, count: int | None = CASES) -> list[Case]:
    """An audience's cases, best-graded headline figure and most cited by statements first."""
    def strength(case: Case) -> tuple:
        grade = GRADE_RANK[case.sources[case.headline.source - 1].grade]
        return (-grade, -len(book.benefits_citing(case.id)), -case.year, case.id)
    return sorted(book.cases_for(audience), key=strength)[:count]
