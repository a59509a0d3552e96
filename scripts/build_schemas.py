"""Write the JSON Schemas in schema/ from casebook.content.contract and the current vocabulary.

`python scripts/build_schemas.py` rewrites files that changed; `--check` writes nothing and
exits 1 if any file is out of date (run by `make test`), so editors never see a stale enum.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from casebook.content.contract import SCHEMA_FILES, schemas
from casebook.repository import current_vocabulary

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_schemas.py", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a schema file is out of date")
    parser.add_argument("--root", type=Path, default=ROOT)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    out = args.root / "schema"
    stale = []
    for kind, schema in schemas(current_vocabulary(args.root)).items():
        path = out / SCHEMA_FILES[kind]
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path.relative_to(args.root).as_posix())
        if not args.check:
            out.mkdir(exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
    if args.check and stale:
        print(f"Out of date: {', '.join(stale)}. Run 'make schemas' and commit the result.", file=sys.stderr)
        return 1
    print(f"{'Wrote' if stale else 'Up to date:'} {', '.join(stale) or 'all schemas'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
