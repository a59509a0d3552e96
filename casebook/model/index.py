"""Stage 4, index: valid documents -> a `Casebook` with the lookups pages and exports need.

Cases by audience, statements ranked by the strength of their evidence, related cases,
and which statements cite a case.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from datetime import date
from typing import Any

from casebook.content.load import Document
from casebook.kinds import KINDS, resolve
from casebook.model.entries import Benefit, Case, Kit, Reader, Route, Taxonomy, build_taxonomy
from casebook.model.pilot import Pilot
from casebook.rules.context import is_stale
from casebook.model.similar import SharedTopics
from casebook.model.strength import Kind, case_kind, evidence_kind

MAX_RELATED = 5
POOL = 30  # candidates scored exactly per case


@dataclass(frozen=True)
class Casebook:
    taxonomy: Taxonomy
    entries: dict[str, dict[str, Any]]  # kind -> id -> entry, in the kind's order (casebook.kinds)
    today: date
    root: Path  # the repository, for hand-written pages a training route may visit
    reader: Reader | None = None  # the site's default reader (mkdocs.yml extra.reader), for briefings

    def pilot_for(self, kit: Kit) -> Pilot | None:
        """The pilot a kit asks its audience to support, if it names one."""
        return self.pilots.get(kit.pilot or "")

    # Shorthands for the first kinds, which templates and pages read; a new kind is entries["<kind>"].
    @property
    def cases(self) -> dict[str, Case]:  # newest added first
        return self.entries["case"]

    @property
    def benefits(self) -> dict[str, Benefit]:
        return self.entries["benefit"]

    @property
    def kits(self) -> dict[str, Kit]:  # in home-page order
        return self.entries["kit"]

    @property
    def routes(self) -> dict[str, Route]:
        return self.entries["route"]

    @property
    def pilots(self) -> dict[str, Pilot]:
        return self.entries["pilot"]

    def is_stale(self, entry: Case | Benefit) -> bool:
        return is_stale(entry.last_verified, self.today)

    def latest_cases(self, count: int) -> list[Case]:
        """The cases with the most recent figures (the year of the work), newest added first within
        a year: "latest" is what a reader means, not the order the files arrived in."""
        return sorted(self.cases.values(), key=lambda c: (-c.year, -c.added.toordinal(), c.id))[:count]

    def cases_for(self, audience: str) -> list[Case]:
        return [case for case in self.cases.values() if audience in case.audiences]

    def audience_counts(self) -> dict[str, int]:
        """Cases per audience, every kit included (0 when no case is for it yet), in one pass."""
        counts = dict.fromkeys(self.kits, 0)
        for case in self.cases.values():
            for audience in case.audiences:
                if audience in counts:
                    counts[audience] += 1
        return counts

    def benefits_for(self, audience: str) -> list[Benefit]:
        """Statements for one audience, strongest evidence first."""
        chosen = [b for b in self.benefits.values() if audience in b.audiences]
        return sorted(chosen, key=lambda b: (-self.evidence_strength(b), b.statement))

    def benefits_by_topic(self, audience: str) -> list[tuple[Any, ...]]:
        """[(topic term, statements)] in taxonomy order; a statement sits under its first topic."""
        groups: dict[str, list[Benefit]] = {}
        for benefit in self.benefits_for(audience):
            groups.setdefault(benefit.topics[0], []).append(benefit)
        return [(term, groups[key]) for key, term in self.taxonomy.topics.items() if key in groups]

    def evidence_sources(self, benefit: Benefit) -> list[Any]:
        """Every source behind a statement: its own, and those of the cases it cites."""
        sources = []
        for item in benefit.evidence:
            sources += list(self.cases[item.case].sources) if item.case else [item.own_source]
        return sources

    def evidence_kinds(self, benefit: Benefit) -> list[Kind]:
        """One kind per piece of evidence (casebook.model.strength), in the order written."""
        return [
            case_kind(self.cases[item.case])
            if item.case
            else evidence_kind(item.own_source, item.basis, own_figure=False)
            for item in benefit.evidence
        ]

    def strength(self, benefit: Benefit) -> Kind:
        """The statement's label: the best kind among its evidence."""
        return max(self.evidence_kinds(benefit), key=lambda kind: kind.rank)

    def evidence_strength(self, benefit: Benefit) -> int:
        """For sorting: the best kind first, then breadth (the ranks of all its evidence), with
        one point more per case study (a worked example beats a bare figure)."""
        ranks = [kind.rank for kind in self.evidence_kinds(benefit)]
        cases = sum(1 for item in benefit.evidence if item.case)
        return max(ranks) * 100 + sum(ranks) + cases

    def strength_label(self, benefit: Benefit) -> str:
        return self.strength(benefit).label

    def benefits_citing(self, case_id: str) -> list[Benefit]:
        return self._citing.get(case_id, [])

    @cached_property
    def _citing(self) -> dict[str, list[Benefit]]:
        citing: dict[str, list[Benefit]] = {}
        for benefit in self.benefits.values():
            for case_id in dict.fromkeys(e.case for e in benefit.evidence if e.case):
                citing.setdefault(case_id, []).append(benefit)
        return citing

    def related(self, case: Case) -> list[Case]:
        """The case's own `related` list, then the most similar cases, at most five in all."""
        chosen = [self.cases[i] for i in case.related if i in self.cases]
        chosen += [self.cases[i] for i in self._similar[case.id] if i not in case.related]
        return chosen[:MAX_RELATED]

    @cached_property
    def _similar(self) -> dict[str, list[str]]:
        # Scoring every pair is quadratic and would dominate the build at thousands of cases, so
        # each case is scored exactly only against a pool: the cases sharing most topics (ranked
        # by casebook.model.similar without counting every case) and those of the same sector and country.
        shared = SharedTopics(((case.id, case.topic_set) for case in self.cases.values()), POOL)
        by_place: dict[tuple[Any, ...], list[str]] = {}
        for case in self.cases.values():
            by_place.setdefault((case.sector, case.country), []).append(case.id)
        result = {}
        for case in self.cases.values():
            pool = set(shared.sharing(case.topics)) | set(by_place[(case.sector, case.country)][:POOL])
            pool.discard(case.id)
            scored = sorted((-similarity(case, self.cases[i]), i) for i in pool)
            result[case.id] = [i for score, i in scored[: MAX_RELATED + len(case.related)] if score < 0]
        return result


def similarity(a: Case, b: Case) -> int:
    """Shared topics weigh most, then shared audiences, then the same sector and country."""
    return (
        3 * len(a.topic_set & b.topic_set)
        + 2 * len(a.audience_set & b.audience_set)
        + 2 * (a.sector == b.sector)
        + (a.country == b.country)
    )


def build_casebook(
    taxonomy: Document, valid: dict[str, dict[str, Document]], *, today: date, root: Path, reader: Reader | None = None
) -> Casebook:
    """Every registered kind's entries, built and put in the kind's order."""
    entries = {}
    for kind in KINDS:
        build, order = resolve(kind.build), resolve(kind.order)
        built = sorted((build(d.id, d.path, d.data) for d in valid[kind.name].values()), key=order)
        entries[kind.name] = {entry.id: entry for entry in built}
    return Casebook(taxonomy=build_taxonomy(taxonomy.data), entries=entries, today=today, root=root, reader=reader)
