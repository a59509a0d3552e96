"""Stage 5, training: a `Route` -> the steps a trainer presents, with titles, urls and timings.

What the contributor wrote stays in `Route` and `Step`; everything here is computed: the step's
title and kind, where it starts in the session, its page url, and the key figures (each with its
source) that the handout, the facilitator guide and the slides show for it.
"""

from __future__ import annotations

from collections.abc import Iterable

import re
from dataclasses import dataclass

from casebook.model.index import Casebook
from casebook.model.entries import CLOSE_MINUTES, WELCOME_MINUTES, Benefit, Case, Route, Source, Step
from casebook.content.steps import KIT_SECTIONS, Target, page_sections, parse_target, read_page
from casebook.model.urls import url_of

KIND_LABELS = {"case": "Case study", "kit": "Persuasion kit", "benefit": "Statement", "guide": "Guide"}
KEY_FIGURES = 3  # per case: what fits on a slide and a handout line
GOOD_ANSWERS = "Good answers"  # how a note paragraph about the answers to the questions opens


@dataclass(frozen=True)
class Figure:
    value: str
    measure: str
    source: Source


@dataclass(frozen=True)
class StepView:
    number: int  # 1-based position in the route
    step: Step
    target: Target
    title: str
    entry_url: str  # the page of the case, kit, statement or guide itself
    start: int  # minutes from the start of the session (after the welcome), with every step taken

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.target.kind]


@dataclass(frozen=True)
class Session:
    route: Route
    steps: tuple[StepView, ...]

    welcome: int = WELCOME_MINUTES
    close: int = CLOSE_MINUTES

    @property
    def total(self) -> int:
        """Minutes from welcome to close, every step taken."""
        return self.route.minutes

    @property
    def close_start(self) -> int:
        return self.total - self.close

    @property
    def core_total(self) -> int:
        """Minutes without the optional steps."""
        return self.total - sum(view.step.minutes for view in self.steps if view.step.optional)

    @property
    def has_optional(self) -> bool:
        return any(view.step.optional for view in self.steps)

    def step_url(self, number: int) -> str:
        return f"{self.route.url}{number}/"


def build_session(book: Casebook, route: Route) -> Session:
    views, start = [], WELCOME_MINUTES
    for number, step in enumerate(route.steps, 1):
        target = parse_target(step.page)
        title, url = describe(book, target)
        views.append(StepView(number, step, target, title, url, start))
        start += step.minutes
    return Session(route, tuple(views))


def describe(book: Casebook, target: Target) -> tuple[str, str]:
    """A step's title and the url of the page it draws on."""
    if target.kind == "case":
        return book.cases[target.ref].title, book.cases[target.ref].url
    if target.kind == "benefit":
        return book.benefits[target.ref].statement, book.benefits[target.ref].url
    if target.kind == "kit":
        kit = book.kits[target.ref]
        section = KIT_SECTIONS.get(target.section)
        title = f"{kit.name}: {section.lower()}" if section else f"{kit.name}: who they are and what moves them"
        return title, kit.url
    title, body = read_page(book.root / "docs" / target.ref)
    url = url_of(target.ref)
    if target.section:
        title = f"{title}: {page_sections(body)[target.section][0]}"
    return title, url


def note_parts(notes: str) -> tuple[str, str]:
    """Facilitator notes as (what to do, what good answers sound like): paragraphs that open with
    "Good answers" are printed under the questions they answer, the rest as notes."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", notes.strip()) if p.strip()]
    good = [p for p in paragraphs if p.startswith(GOOD_ANSWERS)]
    return "\n\n".join(p for p in paragraphs if p not in good), "\n\n".join(good)


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm, the way an agenda prints them (0:00, 0:10, 1:05)."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def key_figures(book: Casebook, target: Target) -> list[Figure]:
    """The figures a step puts in front of the room, each with the source that words it."""
    if target.kind == "case":
        return case_figures(book.cases[target.ref])
    if target.kind == "benefit":
        return benefit_figures(book, [book.benefits[target.ref]])
    if target.kind == "kit" and target.section == "statements":
        return benefit_figures(book, book.benefits_for(target.ref)[:KEY_FIGURES])
    if target.kind == "kit" and target.section == "cases":
        return [case_figures(case)[0] for case in book.cases_for(target.ref)[:KEY_FIGURES]]
    return []


def benefit_figures(book: Casebook, benefits: Iterable[Benefit]) -> list[Figure]:
    """Each statement with the first of its sources (a statement is quoted whole, as a figure is)."""
    return [Figure(b.statement, "", source) for b in benefits for source in book.evidence_sources(b)[:1]]


def key_points(book: Casebook, target: Target) -> tuple[str, ...]:
    """What a kit step puts on paper besides figures: the list the room discusses."""
    if target.kind != "kit":
        return ()
    kit = book.kits[target.ref]
    if target.section in ("", "cares"):
        return kit.cares_about
    if target.section == "objections":
        return tuple(f"“{o.objection}”" for o in kit.objections)
    return kit.asks if target.section == "asks" else ()


def case_figures(case: Case) -> list[Figure]:
    """The headline figure first, then the next outcomes in the contributor's order."""
    outcomes = [case.headline] + [o for o in case.outcomes if o != case.headline]
    return [Figure(o.value, o.measure, case.sources[o.source - 1]) for o in outcomes[:KEY_FIGURES]]


def source_line(source: Source) -> str:
    return f"{source.publisher}, {source.title} ({source.published})"
