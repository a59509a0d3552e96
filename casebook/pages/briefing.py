"""Stage 5, pages: what goes on an audience's one-page briefing.

A briefing holds the pilot the kit asks for (shared facts, then its audience's view), four
statements, three cases' headline figures, one objection and three asks, with every source
numbered once in order of first citation.

What leads it: the kit's `briefing: {statements, cases}` first, in the editor's order; any place
left is filled automatically from the entries tagged for the audience (only those are candidates
at all), preferring
  1. evidence not already on the same briefing (a statement resting only on a case already
     cited, or a case a statement already cites, comes last),
  2. the most relevant to the reader (casebook.model.relevance: never what the kit never leads with,
     the last five years, the reader's sector and country, counted before estimated before
     surveyed before a platform's metric, the stronger label, the kinds the kit values),
  3. entries on more of the kit's `topics` (what moves this audience),
and never a case that leads another audience's briefing: a case leads more than one standard
briefing only when kits choose it. When none of the briefing's cases is from the last five years,
`dated` holds the newest year among them, and the briefing says so in one plain line.
"""

from __future__ import annotations

from typing import Any

from dataclasses import dataclass

from casebook.content.prose import cited_numbers, renumber
from casebook.model.index import Casebook
from casebook.model.entries import Benefit, Case, Kit, Objection, Source
from casebook.model.pilot import Pilot, View, shared_facts
from casebook.model.relevance import case_relevance, is_recent, newest_year, statement_relevance
from casebook.model.strength import Kind, case_kind

STATEMENTS = 4
CASES = 3
OBJECTIONS = 1
ASKS = 3


@dataclass(frozen=True)
class Briefing:
    kit: Kit
    statements: tuple[tuple[Benefit, tuple[int, ...], Kind], ...]  # statement, note numbers, kind
    cases: tuple[tuple[Case, int, Kind], ...]  # case, note number of its headline figure, kind
    objections: tuple[Objection, ...]
    asks: tuple[str, ...]
    notes: tuple[Source, ...]
    pilot: Pilot | None = None  # the pilot the kit asks for (casebook.pilot), if it names one
    dated: int | None = None  # the newest case's year when every case is older than five years
    answers: tuple[str, ...] = ()  # each objection's answer, its citations renumbered to `notes`

    @property
    def pilot_facts(self) -> tuple[tuple[str, str, str], ...]:
        """What every audience is told about the pilot, worded once (casebook.pilot)."""
        return shared_facts(self.pilot) if self.pilot else ()

    @property
    def pilot_view(self) -> View | None:
        """What only this kit's audience is told about the pilot."""
        return self.pilot.views.get(self.kit.id) if self.pilot else None


def build_briefing(book: Casebook, kit: Kit) -> Briefing:
    """The kit's briefing, chosen together with every other kit's (see the module docstring)."""
    return plan_briefings(book)[kit.id]


_PLANS: dict[int, tuple[Casebook, dict[str, Briefing]]] = {}


def plan_briefings(book: Casebook) -> dict[str, Briefing]:
    """Every kit's briefing, chosen in kit order so a case leads one briefing at most."""
    if id(book) in _PLANS and _PLANS[id(book)][0] is book:
        return _PLANS[id(book)][1]
    reserved = {case_id for kit in book.kits.values() for case_id in kit.briefing_choice.cases}
    plans = {}
    for kit in book.kits.values():
        statements = choose_statements(book, kit)
        cases = choose_cases(book, kit, statements, taken=reserved)
        reserved |= {case.id for case in cases}
        plans[kit.id] = number_sources(book, kit, statements, cases)
    _PLANS.clear()
    _PLANS[id(book)] = (book, plans)
    return plans


def choose_statements(book: Casebook, kit: Kit) -> list[Benefit]:
    chosen = [book.benefits[i] for i in kit.briefing_choice.statements]
    candidates = [b for b in book.benefits_for(kit.id) if b not in chosen]
    while len(chosen) < STATEMENTS and candidates:
        used = {case for benefit in chosen for case in _cases_of(benefit)}
        best = min(
            candidates,
            key=lambda b: (
                bool(_cases_of(b)) and _cases_of(b) <= used,  # adds nothing new to the page
                statement_relevance(book.cases, b, kit, book.reader, book.today),
                -len(set(b.topics) & set(kit.topics)),
                -book.evidence_strength(b),
                b.id,
            ),
        )
        chosen.append(best)
        candidates.remove(best)
    return chosen


def choose_cases(book: Casebook, kit: Kit, statements: list[Benefit], *, taken: set[str]) -> list[Case]:
    chosen = [book.cases[i] for i in kit.briefing_choice.cases]
    cited = {case for benefit in statements for case in _cases_of(benefit)}
    candidates = [c for c in book.cases_for(kit.id) if c.id not in taken and c not in chosen]
    ranked = sorted(
        candidates,
        key=lambda c: (
            c.id in cited,
            case_relevance(c, kit, book.reader, book.today),
            -len(set(c.topics) & set(kit.topics)),
            -len(book.benefits_citing(c.id)),
            c.id,
        ),
    )
    return chosen + ranked[: max(0, CASES - len(chosen))]


def number_sources(book: Casebook, kit: Kit, statements: list[Benefit], cases: list[Case]) -> Briefing:
    notes: list[Source] = []

    def cite(source: Source) -> int:
        if source not in notes:
            notes.append(source)
        return notes.index(source) + 1

    numbered = tuple((b, tuple(sorted({cite(s) for s in key_sources(book, b)})), book.strength(b)) for b in statements)
    figures = tuple((c, cite(c.headline_source), case_kind(c)) for c in cases)
    objections = kit.objections[:OBJECTIONS]
    answers = tuple(
        renumber(o.answer, {n: cite(kit.sources[n - 1]) for n in cited_numbers(o.answer)}) for o in objections
    )
    newest = newest_year(cases)
    dated = newest if newest is not None and not is_recent(newest, book.today) else None
    return Briefing(
        kit, numbered, figures, objections, kit.asks[:ASKS], tuple(notes), book.pilot_for(kit), dated, answers
    )


def card_sentence(case: Case) -> str:
    """A comparable organisation in one sentence a reader can repeat: who, the year of the figure,
    what was measured and the result in the source's own words (quoted, so it is never reworded),
    with its English gloss when the source is in another language."""
    gloss = f" ({case.headline.gloss})" if case.headline.gloss else ""
    return f"{case.organisation}, {case.year}: {case.headline.measure}, “{case.headline.value}”{gloss}"


def dated_line(brief: Briefing) -> str:
    """The one plain line a briefing carries when its newest comparable figure is over five years old."""
    return (
        f"These figures are from {brief.dated} or earlier, more than five years ago: check whether the "
        "organisations have published newer ones."
    )


def key_sources(book: Casebook, benefit: Benefit) -> list[Source]:
    """One source per piece of evidence: its own, or the source of the case's headline figure.
    Citing every source of every case would fill a second page with notes."""
    return [book.cases[item.case].headline_source if item.case else item.own_source for item in benefit.evidence]


def headline_cases(book: Casebook, kit: Kit, count: int | None = CASES) -> list[Case]:
    """An audience's cases, most relevant to its reader first (casebook.model.relevance), then the
    most cited by statements."""

    def relevant(case: Case) -> tuple[Any, ...]:
        return (case_relevance(case, kit, book.reader, book.today), -len(book.benefits_citing(case.id)), case.id)

    return sorted(book.cases_for(kit.id), key=relevant)[:count]


def _cases_of(benefit: Benefit) -> frozenset[str]:
    return frozenset(item.case for item in benefit.evidence if item.case)
