"""Pick figures and quotes at random to check against their sources: `python scripts/audit_sample.py --seed S -n N`.

Every outcome and quote in case_studies/ is a candidate; the same seed over the same content picks
the same items. For each it prints the figure (or quote), its measure, the cited source's
publisher, date, grade and address, and the file:line to open, so a reviewer can read the source
and mark the item exact, right, wrong or not found. Exit 0, or 2 on bad usage.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date
from pathlib import Path
from typing import NamedTuple

from casebook.content.load import Document, load_file
from casebook.repository import content_files
from casebook.model.sources import published_label

ROOT = Path(__file__).resolve().parent.parent


class Item(NamedTuple):
    """One checkable claim: a figure with its measure, or a quote with its speaker."""

    where: str  # file:line of the figure or quote
    kind: str  # outcome or quote
    figure: str
    measure: str
    source: str  # publisher, date, grade and address of the cited source


def case_items(doc: Document) -> list[Item]:
    """The outcomes and the quote of one case file, in file order."""
    data = doc.data if isinstance(doc.data, dict) else {}
    sources = data.get("sources") if isinstance(data.get("sources"), list) else []
    claims = [
        (("outcomes", i), o, "outcome", "value", "measure")
        for i, o in enumerate(data.get("outcomes") or [])
        if isinstance(o, dict)
    ]
    if isinstance(data.get("quote"), dict):
        claims.append((("quote",), data["quote"], "quote", "text", "by"))
    items = []
    for keys, claim, kind, figure, measure in claims:
        line, _ = doc.where(keys + (figure,))
        label = str(claim.get(measure, "")) if kind == "outcome" else f"quote by {claim.get(measure, '')}"
        items.append(
            Item(
                f"{doc.path}:{line}",
                kind,
                str(claim.get(figure, "")),
                label,
                describe_source(sources, claim.get("source"), data.get("last_verified")),
            )
        )
    return items


def describe_source(sources: list, number, last_verified) -> str:
    if not isinstance(number, int) or not 1 <= number <= len(sources) or not isinstance(sources[number - 1], dict):
        return f"[{number}] no such source"
    source = sources[number - 1]
    read_on = _date(last_verified)
    when = published_label(str(source.get("published", "")), read_on)
    return f"[{number}] {source.get('publisher', '?')}, {when}, {source.get('grade', '?')}: {source.get('url', '?')}"


def _date(value) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:  # an invalid date is the validator's to report, not the audit's
        return None


def all_items(root: Path) -> list[Item]:
    items = []
    for path in content_files(root)["case"]:
        if path.suffix != ".yml" or not path.is_file():
            continue
        doc, _ = load_file(path, root=root)
        if doc is not None:
            items += case_items(doc)
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="audit_sample.py", description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True, help="the same seed picks the same items")
    parser.add_argument("-n", type=int, default=20, help="how many items (default 20)")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this one)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    if args.n < 1:
        print("audit_sample.py: -n must be at least 1", file=sys.stderr)
        return 2
    items = all_items(args.root.resolve())
    chosen = random.Random(args.seed).sample(items, min(args.n, len(items)))
    print(
        f"Audit sample: seed {args.seed}, {len(chosen)} of {len(items)} figures and quotes. "
        "Mark each: exact, right, wrong or not found."
    )
    for number, item in enumerate(chosen, 1):
        print(
            f"\n{number}. {item.where} ({item.kind})\n   figure:  {item.figure}\n"
            f"   measure: {item.measure}\n   source:  {item.source}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
