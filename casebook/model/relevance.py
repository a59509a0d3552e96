"""Stage 4, index: how well a piece of evidence suits one audience's reader, for the automatic
choices of a briefing and the order of a kit's cases.

A reader is the site's default organisation (`extra.reader` in mkdocs.yml: a sector and a
country), and a kit says which outcome kinds its readers value and never lead with
(`evidence: {values, never_lead_with}`). Evidence ranks, best first, by
  1. not measuring what the kit never leads with (executives never lead with reach), and not
     unconfirmed (a figure we could not read in its source never leads),
  2. recency: the figure's year in the last five years,
  3. the reader's world: the same sector and country, then the same sector or country,
  4. basis: counted, then estimate or modelled, then survey, then platform metric,
  5. the evidence label (casebook.strength: grade, basis and who published it),
  6. the kind the kit values, in the kit's order,
  7. the more recent year.
Nothing here reads the wall clock: `today` is the one the casebook was built with.
"""

from __future__ import annotations

from typing import Any

from dataclasses import dataclass
from datetime import date

from casebook.model.entries import Benefit, Case, Evidence, Kit, Reader
from casebook.model.strength import Kind, case_kind, evidence_kind

RECENT_YEARS = 5  # "the last five years": a figure from 2021 or later in 2026
OLD_YEARS = 10  # a kit's named choice older than this is worth replacing when a newer one exists
BASIS_ORDER = {"counted": 0, "estimate": 1, "modelled": 1, "survey": 2, "platform-metric": 3}


@dataclass(frozen=True)
class Facts:
    """What the ranking reads about one piece of evidence."""

    year: int
    sector: str | None  # None for a statement's own source: its sector is not declared
    country: str | None
    basis: str
    label: Kind
    measures: str | None  # the outcome kind (contract.OUTCOME_KINDS), None when not declared


def case_facts(case: Case) -> Facts:
    headline = case.headline
    return Facts(case.year, case.sector, case.country, headline.basis or "counted", case_kind(case), headline.kind)


def source_facts(item: Evidence) -> Facts:
    published = item.own_source.published
    year = int(published[:4]) if published[:4].isdigit() else 0
    return Facts(
        year, None, None, item.basis or "counted", evidence_kind(item.own_source, item.basis, own_figure=False), None
    )


def statement_facts(cases: dict[str, Case], benefit: Benefit) -> list[Facts]:
    return [case_facts(cases[item.case]) if item.case else source_facts(item) for item in benefit.evidence]


def is_recent(year: int, today: date) -> bool:
    return year >= today.year - RECENT_YEARS


def is_old(year: int, today: date) -> bool:
    return year < today.year - OLD_YEARS


def relevance(facts: Facts, kit: Kit, reader: Reader | None, today: date) -> tuple[Any, ...]:
    """A sort key: smaller is more relevant (see the module docstring for the order)."""
    values = kit.evidence_values
    same = [
        reader is not None and facts.sector == reader.sector,
        reader is not None and facts.country == reader.country,
    ]
    return (
        facts.measures in kit.never_lead_with or facts.label.id == "unconfirmed",
        not is_recent(facts.year, today),
        0 if all(same) else 1 if any(same) else 2,
        BASIS_ORDER.get(facts.basis, 1),
        -facts.label.rank,
        values.index(facts.measures) if facts.measures in values else len(values),
        -facts.year,
    )


def case_relevance(case: Case, kit: Kit, reader: Reader | None, today: date) -> tuple[Any, ...]:
    return relevance(case_facts(case), kit, reader, today)


def statement_relevance(
    cases: dict[str, Case], benefit: Benefit, kit: Kit, reader: Reader | None, today: date
) -> tuple[Any, ...]:
    """A statement is as relevant as its most relevant piece of evidence."""
    return min(relevance(facts, kit, reader, today) for facts in statement_facts(cases, benefit))


def newest_year(cases: list[Case]) -> int | None:
    return max((case.year for case in cases), default=None)


def reader_from(settings: Any) -> Reader | None:
    """The site's `extra.reader` ({sector, country}) as a Reader; None when the site sets none.
    A mistake in mkdocs.yml raises ValueError with the fix, which the build hook turns into a stop."""
    if not settings:
        return None
    if not isinstance(settings, dict) or set(settings) != {"sector", "country"}:
        raise ValueError(
            "extra.reader in mkdocs.yml must have exactly two keys, sector (an id from "
            f"taxonomy.yml) and country (a code such as GB); found {settings!r}"
        )
    return Reader(str(settings["sector"]), str(settings["country"]))
