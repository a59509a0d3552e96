"""Stage 5, exports: what the briefing builder (`/briefing/`) needs, as one JSON document.

    {"kits": [{id, name, title, pilot: [[label, text]...], pilot_id, asks, statements, cases}],
     "pilots": {id: casebook.model.pilot.planner_data: fact templates, defaults, views},
     "statements": {id: {text, audiences, kind, label, url, sources: [source...],
                         sectors, countries, years}},
     "cases": {id: {title, organisation, year, value, measure, gloss, audiences, kind, label, url,
                    source, sector, country}},
     "facets": {sectors: {id: label}, countries: {code: name}, kinds: [[id, label, rank]...], year}}

A statement's sectors, countries and years are those of the cases it cites, so the builder's add
panel filters statements and cases alike; `facets.year` is the build's year (casebook.clock), from
which "the last five years" counts; kinds are the evidence labels, strongest first.

A source is {title, publisher, published, url}. Statements carry their citation sources (one per
piece of evidence, each once), so the page numbers them the way the standard briefing does.
"""

from __future__ import annotations

from typing import Any

import json

from casebook.pages.briefing import Briefing, card_sentence, plan_briefings
from casebook.model.pilot import planner_data
from casebook.model.urls import short_address
from casebook.pages.citation import citation_sources
from casebook.model.index import Casebook
from casebook.model.entries import Source
from casebook.clock import today
from casebook.model.strength import KINDS, case_kind
from casebook.pages.countries import country_name


def builder_json(book: Casebook, *, print_url: str = "") -> str:
    plans = plan_briefings(book)
    kits = [
        {
            "id": kit.id,
            "name": kit.name,
            "title": kit.briefing_title,
            "url": kit.url,
            "pilot": _pilot_lines(plans[kit.id]),
            "pilot_id": kit.pilot if kit.pilot in book.pilots else None,
            "asks": list(kit.asks),
            "statements": [benefit.id for benefit, _, _ in plans[kit.id].statements],
            "cases": [case.id for case, _, _ in plans[kit.id].cases],
        }
        for kit in book.kits.values()
    ]
    statements = {}
    for benefit in book.benefits.values():
        kind = book.strength(benefit)
        cited = [book.cases[e.case] for e in benefit.evidence if e.case and e.case in book.cases]
        statements[benefit.id] = {
            "text": benefit.statement,
            "audiences": list(benefit.audiences),
            "kind": kind.id,
            "label": kind.label,
            "url": benefit.url,
            "sources": [_source(s) for s in citation_sources(book, benefit)],
            "sectors": sorted({c.sector for c in cited}),
            "countries": sorted({c.country for c in cited}),
            "years": sorted({c.year for c in cited}),
        }
    cases = {}
    for case in book.cases.values():
        kind = case_kind(case)
        cases[case.id] = {
            "title": case.title,
            "organisation": case.organisation,
            "year": case.year,
            "value": case.headline.value,
            "measure": case.headline.measure,
            "gloss": case.headline.gloss or "",
            "sentence": card_sentence(case),
            "audiences": list(case.audiences),
            "kind": kind.id,
            "label": kind.label,
            "url": case.url,
            "source": _source(case.headline_source),
            "sector": case.sector,
            "country": case.country,
        }
    pilots = {pilot.id: planner_data(pilot) for pilot in book.pilots.values()}
    site = {"address": print_url, "short": short_address(print_url)} if print_url else {}
    return json.dumps(
        {
            "kits": kits,
            "statements": statements,
            "cases": cases,
            "pilots": pilots,
            "site": site,
            "facets": _facets(book, cases),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _facets(book: Casebook, cases: dict[str, Any]) -> dict[str, Any]:
    """What the add panel offers: only the sectors and countries some case has."""
    sectors = sorted({c["sector"] for c in cases.values()})
    countries = sorted({c["country"] for c in cases.values()})
    return {
        "sectors": {s: book.taxonomy.sectors[s].label if s in book.taxonomy.sectors else s for s in sectors},
        "countries": {c: country_name(c) for c in countries},
        "kinds": [[kind.id, kind.label, kind.rank] for kind in sorted(KINDS, key=lambda k: -k.rank)],
        "year": today().year,
    }


def _source(source: Source) -> dict[str, Any]:
    return {
        "title": source.title,
        "publisher": source.publisher,
        "published": source.published_label,
        "url": source.url,
    }


def _pilot_lines(brief: Briefing) -> list[list[str]]:
    """[label, text]: the shared facts, then the audience's own points, as on the standard briefing."""
    lines = [[label, text] for _key, label, text in brief.pilot_facts]
    return lines + ([list(point) for point in brief.pilot_view.points] if brief.pilot_view else [])
