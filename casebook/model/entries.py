"""The domain entries as frozen dataclasses, built from documents that passed the schema.

Fields hold what the contributor wrote; anything computed (urls, best grade, headline figure)
is a property or lives in `casebook.model.index`, never written back into the loaded data.
"""

from __future__ import annotations

from typing import Any

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from casebook.model.sources import UNDATED, published_label
from casebook.kinds import SECTIONS
from casebook.model.urls import url_for

GRADE_RANK = {"primary": 3, "secondary": 2, "unconfirmed": 1}
__all__ = ["SECTIONS"]  # re-exported: where each kind's pages live is casebook/model/urls.py's to say


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Taxonomy:
    topics: dict[str, Term]
    sectors: dict[str, Term]
    channels: dict[str, Term]


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    url: str
    published: str
    grade: str
    read_on: date | None = None  # the entry's last_verified, kept only for an undated source

    @property
    def published_label(self) -> str:
        """'2014-03', or 'undated, read on 2026-11-23' for a page that carries no date."""
        return published_label(self.published, self.read_on)


@dataclass(frozen=True)
class Outcome:
    measure: str
    value: str
    source: int  # 1-based index into the case's sources
    headline: bool | None = None  # True on the figure that carries the case's claim (None: unmarked)
    basis: str | None = None  # how the figure was obtained (contract.BASES)
    kind: str | None = None  # what it measures (contract.OUTCOME_KINDS)
    gloss: str | None = None  # the figure in English, when `value` is in another language


@dataclass(frozen=True)
class Quote:
    text: str
    by: str
    source: int


@dataclass(frozen=True)
class Case:
    id: str
    path: str
    title: str
    organisation: str
    sector: str
    country: str
    year: int
    audiences: tuple[str, ...]
    topics: tuple[str, ...]
    channels: tuple[str, ...]
    summary: str
    challenge: str
    approach: str
    outcomes: tuple[Outcome, ...]
    lessons: tuple[str, ...]
    caveats: str
    quote: Quote | None
    sources: tuple[Source, ...]
    related: tuple[str, ...]
    added: date
    last_verified: date
    distinct_from: tuple[str, ...] = ()  # cases that look alike but are not the same (no page shows it)

    @property
    def url(self) -> str:
        return url_for("case", self.id)

    @property
    def best_grade(self) -> str:
        return max((s.grade for s in self.sources), key=GRADE_RANK.__getitem__)

    @property
    def headline(self) -> Outcome:
        """The outcome marked `headline: true`, else the first (the validator allows one mark)."""
        return next((o for o in self.outcomes if o.headline), self.outcomes[0])

    @property
    def figures(self) -> tuple[Outcome, ...]:
        """The outcomes with the headline first, in the order written otherwise."""
        return (self.headline,) + tuple(o for o in self.outcomes if o is not self.headline)

    @property
    def headline_source(self) -> Source:
        return self.sources[self.headline.source - 1]

    @cached_property
    def topic_set(self) -> frozenset[str]:
        return frozenset(self.topics)

    @cached_property
    def audience_set(self) -> frozenset[str]:
        return frozenset(self.audiences)


@dataclass(frozen=True)
class Evidence:
    case: str | None = None
    source: Source | None = None
    basis: str | None = None  # a source's figure: how it was obtained (contract.BASES)

    @property
    def own_source(self) -> Source:
        """The source of evidence that names no case (the contract allows exactly one of the two)."""
        if self.source is None:
            raise ValueError(f"evidence citing case {self.case!r} has no source of its own")
        return self.source


@dataclass(frozen=True)
class Benefit:
    id: str
    path: str
    statement: str
    audiences: tuple[str, ...]
    topics: tuple[str, ...]
    explanation: str
    evidence: tuple[Evidence, ...]
    added: date
    last_verified: date

    @property
    def url(self) -> str:
        return url_for("benefit", self.id)


@dataclass(frozen=True)
class Objection:
    objection: str
    answer: str
    benefits: tuple[str, ...]
    cases: tuple[str, ...]


@dataclass(frozen=True)
class Reader:
    """Whose world the briefings' automatic choices prefer: the site's `extra.reader` in mkdocs.yml."""

    sector: str
    country: str


@dataclass(frozen=True)
class BriefingChoice:
    """What the kit's editor chose to lead its briefing; the rest is chosen automatically."""

    title: str = ""
    statements: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kit:
    id: str
    path: str
    name: str
    who: str
    order: int
    cares_about: tuple[str, ...]
    framing: str
    objections: tuple[Objection, ...]
    asks: tuple[str, ...]
    training: str | None
    topics: tuple[str, ...] = ()
    pilot: str | None = None  # the id of a file in pilots/
    briefing: BriefingChoice | None = None  # None: the briefing is chosen automatically
    sources: tuple[Source, ...] = ()  # what its framing and answers cite as [1], [2]...
    evidence_values: tuple[str, ...] = ()  # outcome kinds its readers value, most valued first
    never_lead_with: tuple[str, ...] = ()  # outcome kinds a briefing for them never leads with

    @property
    def briefing_choice(self) -> BriefingChoice:
        return self.briefing or BriefingChoice()

    @property
    def url(self) -> str:
        return url_for("kit", self.id)

    @property
    def briefing_title(self) -> str:
        return self.briefing_choice.title or f"A social media pilot: briefing for {self.name}"


@dataclass(frozen=True)
class Step:
    page: str
    minutes: int
    purpose: str
    facilitator_notes: str
    discussion: tuple[str, ...]
    optional: bool = False


# Every session opens with a welcome and ends with a close (the asks, what happens next) that are
# not steps of the route; a route's steps leave time for them.
WELCOME_MINUTES = 5
CLOSE_MINUTES = 5


@dataclass(frozen=True)
class Route:
    id: str
    path: str
    title: str
    attendees: str  # the contract's `for`, a Python keyword
    goal: str
    steps: tuple[Step, ...]
    prepare: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return url_for("route", self.id)

    @property
    def minutes(self) -> int:
        """The whole session: welcome, every step, close."""
        return WELCOME_MINUTES + sum(step.minutes for step in self.steps) + CLOSE_MINUTES


def _source(data: dict[str, Any], last_verified: date | None) -> Source:
    published = str(data["published"])
    return Source(
        data["title"],
        data["publisher"],
        data["url"],
        published,
        data["grade"],
        last_verified if published == UNDATED else None,
    )


def build_taxonomy(data: dict[str, Any]) -> Taxonomy:
    def terms(group: str) -> dict[str, Term]:
        return {key: Term(key, value["label"], value["description"]) for key, value in data[group].items()}

    return Taxonomy(terms("topics"), terms("sectors"), terms("channels"))


def build_case(id: str, path: str, data: dict[str, Any]) -> Case:
    quote = data.get("quote")
    verified = date.fromisoformat(data["last_verified"])
    return Case(
        id=id,
        path=path,
        title=data["title"],
        organisation=data["organisation"],
        sector=data["sector"],
        country=data["country"],
        year=data["year"],
        audiences=tuple(data["audiences"]),
        topics=tuple(data["topics"]),
        channels=tuple(data.get("channels", ())),
        summary=data["summary"],
        challenge=data["challenge"],
        approach=data["approach"],
        outcomes=tuple(
            Outcome(
                o["measure"],
                str(o["value"]),
                o["source"],
                o.get("headline") or None,
                o.get("basis"),
                o.get("kind"),
                o.get("gloss"),
            )
            for o in data["outcomes"]
        ),
        lessons=tuple(data.get("lessons", ())),
        caveats=data.get("caveats", ""),
        quote=Quote(quote["text"], quote["by"], quote["source"]) if quote else None,
        sources=tuple(_source(s, verified) for s in data["sources"]),
        related=tuple(data.get("related", ())),
        added=date.fromisoformat(data["added"]),
        last_verified=verified,
        distinct_from=tuple(data.get("distinct_from", ())),
    )


def build_benefit(id: str, path: str, data: dict[str, Any]) -> Benefit:
    verified = date.fromisoformat(data["last_verified"])
    evidence = tuple(
        Evidence(case=item["case"])
        if "case" in item
        else Evidence(source=_source(item["source"], verified), basis=item.get("basis"))
        for item in data["evidence"]
    )
    return Benefit(
        id=id,
        path=path,
        statement=data["statement"],
        audiences=tuple(data["audiences"]),
        topics=tuple(data["topics"]),
        explanation=data.get("explanation", ""),
        evidence=evidence,
        added=date.fromisoformat(data["added"]),
        last_verified=verified,
    )


def build_kit(id: str, path: str, data: dict[str, Any]) -> Kit:
    objections = tuple(
        Objection(o["objection"], o["answer"], tuple(o.get("benefits", ())), tuple(o.get("cases", ())))
        for o in data["objections"]
    )
    return Kit(
        id=id,
        path=path,
        name=data["name"],
        who=data["who"],
        order=data["order"],
        cares_about=tuple(data["cares_about"]),
        framing=data["framing"],
        objections=objections,
        asks=tuple(data["asks"]),
        training=data.get("training"),
        topics=tuple(data.get("topics", ())),
        pilot=data.get("pilot"),
        briefing=_briefing_choice(data["briefing"]) if "briefing" in data else None,
        sources=tuple(_source(s, None) for s in data.get("sources", ())),
        evidence_values=tuple(data.get("evidence", {}).get("values", ())),
        never_lead_with=tuple(data.get("evidence", {}).get("never_lead_with", ())),
    )


def _briefing_choice(data: dict[str, Any]) -> BriefingChoice:
    values: dict[str, Any] = {key: value if key == "title" else tuple(value) for key, value in data.items()}
    return BriefingChoice(**values)


def build_route(id: str, path: str, data: dict[str, Any]) -> Route:
    steps = tuple(
        Step(
            s["page"],
            s["minutes"],
            s["purpose"],
            s.get("facilitator_notes", ""),
            tuple(s.get("discussion", ())),
            s.get("optional", False),
        )
        for s in data["steps"]
    )
    return Route(
        id=id,
        path=path,
        title=data["title"],
        attendees=data["for"],
        goal=data["goal"],
        steps=steps,
        prepare=tuple(data.get("prepare", ())),
    )


# Sort keys, named in the registry (`Kind.order`): the order pages, lists and exports show entries.
def case_order(case: Case) -> tuple[Any, ...]:
    return (-case.added.toordinal(), case.title.casefold())  # newest added first


def kit_order(kit: Kit) -> tuple[Any, ...]:
    return (kit.order, kit.id)  # the home page's order


def by_id(entry: Any) -> str:
    return str(entry.id)
