"""Stage 5, training: a `Session` -> what a trainer prints or sends for it, and the numbered
source references the handout and the facilitator guide end with.

Materials: the participant handout; a one-page worksheet for each activity (the pilot proposal,
filled in by pairs, in every route, since every kit asks for a pilot; an objection-handling card
for each kit whose objections a step rehearses); and the Word briefing of each audience the route
is for (the kits that name the route, or else the kits its steps show), to send beforehand.
"""

from __future__ import annotations

from typing import Any

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from casebook.model.entries import Kit
from casebook.model.index import Casebook
from casebook.model.urls import briefing_docx_url
from casebook.pages.deck import Slide
from casebook.pages.training import Session

LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")


@dataclass(frozen=True)
class Material:
    title: str
    url: str  # from the site root
    use: str  # how many, and when
    page: str = ""  # the worksheet template, when this site makes the page
    kit: str = ""  # the kit an objection card is for


@dataclass(frozen=True)
class Reference:
    number: int
    text: str  # "Publisher, Title (2018)" or a guide's own link text
    url: str

    @property
    def site(self) -> str:
        """The address's host, which is what a reader types or recognises."""
        return urlsplit(self.url).netloc.removeprefix("www.")


def objection_kits(book: Casebook, session: Session) -> list[Kit]:
    ids = [v.target.ref for v in session.steps if v.target.kind == "kit" and v.target.section == "objections"]
    return [book.kits[kit_id] for kit_id in dict.fromkeys(ids)]


def audience_kits(book: Casebook, session: Session) -> list[Kit]:
    named = [kit for kit in book.kits.values() if kit.training == session.route.id]
    shown = dict.fromkeys(v.target.ref for v in session.steps if v.target.kind == "kit")
    return named or [book.kits[kit_id] for kit_id in shown]


def route_materials(book: Casebook, session: Session) -> list[Material]:
    base = session.route.url
    items = [
        Material("Participant handout", f"{base}handout/", "one each, to keep"),
        Material(
            "Pilot proposal worksheet", f"{base}pilot-proposal/", "one per pair", "training-worksheet-pilot.md.j2"
        ),
    ]
    items += [
        Material(
            f"Objection-handling card: {kit.name.lower()}",
            f"{base}objections-{kit.id}/",
            "one each",
            "training-worksheet-objections.md.j2",
            kit.id,
        )
        for kit in objection_kits(book, session)
    ]
    items += [
        Material(
            f"One-page briefing for {kit.name.lower()} (Word)",
            briefing_docx_url(kit.id),
            "send a week before, or print one each",
        )
        for kit in audience_kits(book, session)
    ]
    return items


def references(slides: dict[int, tuple[Slide, ...]]) -> dict[str, Reference]:
    """Every source the slides cite and every web link in their text, numbered in order of first
    use, by address (one number for a source cited twice)."""
    found: dict[str, Reference] = {}

    def add(text: str, url: str) -> None:
        if url not in found:
            found[url] = Reference(len(found) + 1, text, url)

    for number in sorted(slides):
        for slide in slides[number]:
            for figure in slide.figures:
                add(source_text(figure.source), figure.source.url)
            for source in slide.sources:
                add(source_text(source), source.url)
            for text, url in LINK.findall(slide.markdown + "\n" + slide.guide):
                add(" ".join(text.split()), url)
    return found


def source_text(source: Any) -> str:
    return f"{source.publisher}, {source.title} ({source.published})"
