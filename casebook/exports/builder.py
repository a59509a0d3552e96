"""Stage 5, exports: what the briefing builder (`/briefing/`) needs, as one JSON document.

    {"kits": [{id, name, title, pilot: [[label, text]...], pilot_id, asks, statements, cases}],
     "pilots": {id: casebook.pilot.planner_data: fact templates, defaults, views},
     "statements": {id: {text, audiences, kind, label, url, sources: [source...]}},
     "cases": {id: {title, organisation, year, value, measure, audiences, kind, label, url,
                    source}}}

A source is {title, publisher, published, url}. Statements carry their citation sources (one per
piece of evidence, each once), so the page numbers them the way the standard briefing does.
"""

from __future__ import annotations

import json

from casebook.pages.briefing import Briefing, plan_briefings
from casebook.model.pilot import planner_data
from casebook.pages.citation import citation_sources
from casebook.model.index import Casebook
from casebook.model.entries import Source
from casebook.model.strength import case_kind


def builder_json(book: Casebook) -> str:
    plans = plan_briefings(book)
    kits = [{
        "id": kit.id, "name": kit.name, "title": kit.briefing_title,
        "pilot": _pilot_lines(plans[kit.id]),
        "pilot_id": kit.pilot if kit.pilot in book.pilots else None,
        "asks": list(kit.asks),
        "statements": [benefit.id for benefit, _, _ in plans[kit.id].statements],
        "cases": [case.id for case, _, _ in plans[kit.id].cases],
    } for kit in book.kits.values()]
    statements = {}
    for benefit in book.benefits.values():
        kind = book.strength(benefit)
        statements[benefit.id] = {
            "text": benefit.statement, "audiences": list(benefit.audiences), "kind": kind.id,
            "label": kind.label, "url": benefit.url,
            "sources": [_source(s) for s in citation_sources(book, benefit)]}
    cases = {}
    for case in book.cases.values():
        kind = case_kind(case)
        cases[case.id] = {
            "title": case.title, "organisation": case.organisation, "year": case.year,
            "value": case.headline.value, "measure": case.headline.measure,
            "audiences": list(case.audiences), "kind": kind.id, "label": kind.label, "url": case.url,
            "source": _source(case.headline_source)}
    pilots = {pilot.id: planner_data(pilot) for pilot in book.pilots.values()}
    return json.dumps({"kits": kits, "statements": statements, "cases": cases, "pilots": pilots},
                      ensure_ascii=False, separators=(",", ":"))


def _source(source: Source) -> dict:
    return {"title": source.title, "publisher": source.publisher,
            "published": source.published_label, "url": source.url}


def _pilot_lines(brief: Briefing) -> list[list[str]]:
    """[label, text]: the shared facts, then the audience's own points, as on the standard briefing."""
    lines = [[label, text] for _key, label, text in brief.pilot_facts]
    return lines + ([list(point) for point in brief.pilot_view.points] if brief.pilot_view else [])
