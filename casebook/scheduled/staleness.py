"""Staleness report: entries whose sources were last checked too long ago, oldest first.

    Casebook -> [StaleEntry] -> text (terminal), Markdown (the scheduled issue) or JSON

The two-year limit is the content contract's (`STALE_AFTER_DAYS`); a shorter window finds what
will fall due soon.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date

from casebook.model.index import Casebook
from casebook.content.contract import STALE_AFTER_DAYS


@dataclass(frozen=True)
class StaleEntry:
    path: str
    kind: str  # "case" or "statement"
    title: str
    url: str
    last_verified: date
    age_days: int


def stale_entries(book: Casebook, *, today: date, days: int = STALE_AFTER_DAYS) -> list[StaleEntry]:
    """Cases and statements last verified more than `days` days before `today`, oldest first."""
    entries = [
        StaleEntry(c.path, "case", c.title, c.url, c.last_verified, (today - c.last_verified).days)
        for c in book.cases.values()
    ]
    entries += [
        StaleEntry(b.path, "statement", b.statement, b.url, b.last_verified, (today - b.last_verified).days)
        for b in book.benefits.values()
    ]
    due = [e for e in entries if e.age_days > days]
    return sorted(due, key=lambda e: (e.last_verified, e.path))


def as_text(entries: list[StaleEntry], *, days: int) -> str:
    lines = [f"{e.path}: last verified {e.last_verified} ({e.age_days} days ago): {e.title}" for e in entries]
    lines.append(f"{len(entries)} {'entry' if len(entries) == 1 else 'entries'} last verified over {days} days ago.")
    return "\n".join(lines)


def as_markdown(entries: list[StaleEntry], *, days: int, site_url: str = "") -> str:
    if not entries:
        return f"No entry was last verified over {days} days ago."
    rows = [
        f"| [{_cell(e.title)}]({site_url}{e.url}) | `{e.path}` | {e.last_verified} | {e.age_days} |" for e in entries
    ]
    return "\n".join(
        [
            f"{len(entries)} entries were last verified over {days} days ago. Re-read each "
            "source, correct the entry, then set `last_verified` to the day you checked.",
            "",
            "| Entry | File | Last verified | Days |",
            "|---|---|---|---|",
            *rows,
        ]
    )


def as_json(entries: list[StaleEntry]) -> str:
    return json.dumps(
        [{**asdict(e), "last_verified": e.last_verified.isoformat()} for e in entries], indent=2, ensure_ascii=False
    )


def _cell(text: str) -> str:
    """Table-safe text: a pipe or bracket in a title must not break the Markdown table or link."""
    return text.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]").replace("\n", " ")
