"""Stage 5, export: a `Casebook` -> JSON, CSV and an Atom feed for other systems.

Each JSON entry holds `id`, `url` and every contract field as the contributor wrote it (dates as
ISO text); computed values (`best_grade`, `strength`) are named as such in `/data/`; `strength` is the
evidence label every page shows (casebook.strength).
"""

from __future__ import annotations

from typing import Any

import csv
import io
import json
from dataclasses import fields
from datetime import date, datetime, UTC

from feedgen.feed import FeedGenerator

from casebook.model.index import Casebook
from casebook.security.inert import defuse_cell
from casebook.model.entries import Benefit, Case, Kit, Route
from casebook.model.strength import case_kind

_RENAMES = {"attendees": "for"}
_SKIP = {"id", "path"}


def _plain(value: Any) -> Any:
    """Dataclasses, tuples and dates -> JSON data (dataclasses.asdict deep-copies everything,
    which costs seconds at thousands of cases)."""
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        value = {f.name: getattr(value, f.name) for f in fields(value)}
    if isinstance(value, dict):
        return {_RENAMES.get(k, k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def entry_record(entry: Case | Benefit | Kit | Route, *, base_url: str = "") -> dict[str, Any]:
    data = _plain(entry)
    record = {"id": entry.id, "url": base_url + entry.url}
    record.update((k, v) for k, v in data.items() if k not in _SKIP and v not in ("", []))
    return record


def cases_json(book: Casebook, *, base_url: str = "") -> str:
    records = []
    for case in book.cases.values():
        record = entry_record(case, base_url=base_url)
        record["best_grade"] = case.best_grade
        record["strength"] = case_kind(case).label
        records.append(record)
    return _dump(records)


def benefits_json(book: Casebook, *, base_url: str = "") -> str:
    records = []
    for benefit in book.benefits.values():
        record = entry_record(benefit, base_url=base_url)
        record["strength"] = book.strength_label(benefit)
        records.append(record)
    return _dump(records)


def kits_json(book: Casebook, *, base_url: str = "") -> str:
    records = []
    for kit in book.kits.values():
        record = entry_record(kit, base_url=base_url)
        # The contract's `evidence: {values, never_lead_with}`, held as two fields on the Kit.
        values, never = record.pop("evidence_values", None), record.pop("never_lead_with", None)
        if values:
            record["evidence"] = {"values": values, **({"never_lead_with": never} if never else {})}
        records.append(record)
    return _dump(records)


def entries_json(kind: str, book: Casebook, *, base_url: str = "") -> str:
    """Every entry of a kind with all its fields: a new kind's export unless it names its own."""
    return _dump([entry_record(entry, base_url=base_url) for entry in book.entries[kind].values()])


def _dump(records: list[Any]) -> str:
    return json.dumps(records, ensure_ascii=False, separators=(",", ":"))


CSV_COLUMNS = (
    "id",
    "url",
    "title",
    "organisation",
    "sector",
    "country",
    "year",
    "audiences",
    "topics",
    "channels",
    "summary",
    "headline_measure",
    "headline_value",
    "outcomes",
    "best_grade",
    "strength",
    "sources",
    "related",
    "added",
    "last_verified",
)


def cases_csv(book: Casebook, *, base_url: str = "") -> str:
    """One row per case; lists joined with ';', outcomes as 'measure: value' and sources as
    'publisher, title (published) <url> [grade]'."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for case in book.cases.values():
        writer.writerow(
            defuse_cell(value)
            for value in [
                case.id,
                base_url + case.url,
                case.title,
                case.organisation,
                case.sector,
                case.country,
                case.year,
                ";".join(case.audiences),
                ";".join(case.topics),
                ";".join(case.channels),
                case.summary,
                case.headline.measure,
                case.headline.value,
                ";".join(f"{o.measure}: {o.value}" for o in case.outcomes),
                case.best_grade,
                case_kind(case).label,
                ";".join(f"{s.publisher}, {s.title} ({s.published_label}) <{s.url}> [{s.grade}]" for s in case.sources),
                ";".join(case.related),
                case.added.isoformat(),
                case.last_verified.isoformat(),
            ]
        )
    return out.getvalue()


FEED_SIZE = 20


def feed_xml(book: Casebook, *, site_url: str = "", title: str = "Buy-in Casebook") -> str:
    """An Atom feed of the 20 newest cases by date added. Without a site_url, ids are tag: URIs
    and links are relative to the feed, which sits at the site root."""
    feed = FeedGenerator()
    feed.id(site_url or "tag:buy-in-casebook,2026:feed")
    feed.title(f"{title}: new case studies")
    feed.subtitle("Case studies with measured outcomes, newest first by date added.")
    feed.author({"name": f"{title} contributors"})
    feed.link(href=(site_url or "") + "feed.xml", rel="self")
    feed.link(href=site_url or "./", rel="alternate")
    feed.language("en")
    newest = list(book.cases.values())[:FEED_SIZE]  # the casebook keeps cases newest-added first
    feed.updated(_moment(newest[0].added) if newest else _moment(book.today))
    for case in reversed(newest):  # feedgen puts the last added entry first
        entry = feed.add_entry()
        entry.id(site_url + case.url if site_url else f"tag:buy-in-casebook,2026:cases/{case.id}")
        entry.title(case.title)
        entry.link(href=(site_url or "") + case.url, rel="alternate")
        source = case.sources[case.headline.source - 1]
        entry.summary(
            f"{case.summary} Headline: {case.headline.value} ({case.headline.measure}). "
            f"Source: {source.publisher}, {source.published_label}."
        )
        entry.published(_moment(case.added))
        entry.updated(_moment(max(case.added, case.last_verified)))
        for audience in case.audiences:
            entry.category(term=audience, label=book.kits[audience].name if audience in book.kits else audience)
    atom: bytes = feed.atom_str(pretty=True)
    return atom.decode("utf-8")


def _moment(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
