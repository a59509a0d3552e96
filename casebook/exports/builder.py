"""Stage 5, exports: what the briefing builder (`/briefing/`) needs, as one JSON document.

    {"kits": [{id, name, title, pilot: [[label, text]...], asks, statements, cases}],
     "statements": {id: {text, audiences, kind, label, url, sources: [source...]}},
     "cases": {id: {title, organisation, year, value, measure, audiences, kind, label, url,
                    source}}}

A source is {title, publisher, published, url}. Statements carry their citation sources (one per
piece of evidence, each once), so the page numbers them the way the standard briefing does.
"""

from __future__ import annotations

import json

from casebook.pages.briefing import PILOT_LABELS, plan_briefings
from casebook.pages.citation import citation_sources
from casebook.model.index import Casebook
from casebook.model.entries import Source
from casebook.model.strength import case_kind


def builder_json(book: Casebook) -> str:
    plans = plan_briefings(book)
    kits = [{
        "id": kit.id, "name": kit.name, "title": kit.briefing_title,
        "pilot": [[label, getattr(kit.pilot, key)] for key, label in PILOT_LABELS] if kit.pilot else [],
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
    return json.dumps({"kits": kits, "statements": statements, "cases": cases},
                      ensure_ascii=False, separators=(",", ":"))


def _source(source: Source) -> dict:
    return {"title": source.title, "publisher": source.publisher,
            "published": source.published_label, "url": source.url}
