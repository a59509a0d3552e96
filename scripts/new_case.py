"""Start a case study: `python scripts/new_case.py ID`.

Writes case_studies/ID.yml from a commented template (each key marked required or optional, with
the ids it accepts), refuses to overwrite, then validates it and lists what is left to fill in.
Exit 0 when the file was written, 2 on bad usage or an existing file.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from casebook.repository import current_vocabulary, load_casebook
from casebook.rules.common import ID

ROOT = Path(__file__).resolve().parent.parent


def case_template(root: Path, today: date) -> str:
    vocab = current_vocabulary(root)
    text = (root / "templates" / "new-case.yml").read_text(encoding="utf-8")
    for marker, values in (("SECTORS", vocab.sectors), ("AUDIENCES", vocab.audiences),
                           ("TOPICS", vocab.topics), ("CHANNELS", vocab.channels)):
        text = text.replace(marker, ", ".join(values))
    return text.replace("YEAR", str(today.year)).replace("TODAY", today.isoformat())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="new_case.py", description=__doc__.splitlines()[0])
    parser.add_argument("id", help="the new case's id: lowercase kebab-case, e.g. leeds-council-gritting")
    parser.add_argument("--root", type=Path, default=ROOT)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    if not ID.match(args.id) or len(args.id) > 80:
        print(f"new_case.py: '{args.id}' is not a valid id: use lowercase letters, digits and single "
              "hyphens, at most 80 characters (e.g. leeds-council-gritting)", file=sys.stderr)
        return 2
    path = args.root / "case_studies" / f"{args.id}.yml"
    if path.exists():
        print(f"new_case.py: {path.relative_to(args.root)} already exists; pick another id or edit it",
              file=sys.stderr)
        return 2
    path.write_text(case_template(args.root, date.today()), encoding="utf-8")
    rel = path.relative_to(args.root).as_posix()
    left = [p for p in load_casebook(args.root).problems if p.path == rel]
    print(f"Wrote {rel}. Fill in the TODOs; still to do:")
    for problem in left:
        print(f"  line {problem.line}: {problem.field or '(file)'}: {problem.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
