"""Write the JSON Schemas in schema/ from casebook.content.contract and the current vocabulary,
and the settings that list the content folders from the registry of kinds (generated_files.py).

`python scripts/build_schemas.py` rewrites files that changed; `--check` writes nothing and
exits 1 if any file is out of date (run by `make test`), so editors never see a stale enum and
no kind is left out of the editor, pre-commit or `mkdocs serve` settings.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from casebook.content.contract import SCHEMA_FILES, schemas
from generated_files import GENERATED
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
    stale = [name for name, text in wanted(args.root).items() if not _current(args.root / name, text)]
    if not args.check:
        for name in stale:
            _write(args.root / name, wanted(args.root)[name])
    if args.check and stale:
        print(f"Out of date: {', '.join(stale)}. Run 'make schemas' and commit the result.", file=sys.stderr)
        return 1
    print(f"{'Wrote' if stale else 'Up to date:'} {', '.join(stale) or 'all schemas and settings'}")
    return 0


def wanted(root: Path) -> dict[str, str]:
    """Every generated file's path (from `root`) and the text it should have."""
    files = {
        f"schema/{SCHEMA_FILES[kind]}": json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        for kind, schema in schemas(current_vocabulary(root)).items()
    }
    for name, generate in GENERATED.items():
        path = root / name
        if path.exists():  # a copy of the repository without editor settings needs none
            files[name] = generate(path.read_text(encoding="utf-8"))
    return files


def _current(path: Path, text: str) -> bool:
    return path.exists() and path.read_text(encoding="utf-8") == text


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


if __name__ == "__main__":
    sys.exit(main())
