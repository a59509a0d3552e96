"""Stage 5, export: a `Casebook` -> JSON (and, for cases, CSV and Atom) for other systems.

Each JSON entry holds `id`, `url` and every contract field as the contributor wrote it (dates as
ISO text); computed values (`best_grade`, `strength`) are named as such in `/data/`.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from .index import Casebook
from .model import Benefit, Case, Kit, Route

_RENAMES = {"attendees": "for"}
_SKIP = {"id", "path"}


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {_RENAMES.get(k, k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def entry_record(entry: Case | Benefit | Kit | Route, *, base_url: str = "") -> dict:
    data = _plain(asdict(entry))
    record = {"id": entry.id, "url": base_url + entry.url}
    record.update((k, v) for k, v in data.items() if k not in _SKIP and v not in ("", []))
    return record


def cases_json(book: Casebook, *, base_url: str = "") -> str:
    records = []
    for case in book.cases.values():
        record = entry_record(case, base_url=base_url)
        record["best_grade"] = case.best_grade
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
    return _dump([entry_record(kit, base_url=base_url) for kit in book.kits.values()])


def _dump(records: list) -> str:
    return json.dumps(records, ensure_ascii=False, separators=(",", ":"))
