"""Start a benefit statement: `python scripts/new_benefit.py ID [--statement ...]` or `--interactive`.

Writes benefits/ID.yml from a commented template (each key marked required or optional, with the
ids it accepts, a case as evidence and a commented source as the other kind), refuses to
overwrite, validates it and lists, once each, what is left to fill in.
Exit 0 when the file was written, 2 on bad usage or an existing file.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from casebook.content import scaffold
from casebook.repository import current_vocabulary
from new_case import report  # this script's folder is on sys.path when run

ROOT = Path(__file__).resolve().parent.parent


def ask(root: Path, **io) -> tuple[str, dict]:
    """The interactive questions; `io` is prompt_toolkit's input and output (tests pass pipes)."""
    import questionary  # only the interactive mode needs it

    vocab = current_vocabulary(root)

    def checked(check):
        return lambda value: True if check(value) is None else check(value)

    benefit_id = questionary.text(
        "File name (the statement's id, e.g. web-visits-cost-less-than-calls):",
        validate=checked(lambda v: scaffold.check_id(v, root, "benefit")),
        **io,
    ).unsafe_ask()
    answers = {
        "statement": questionary.text(
            "Statement, quotable on its own (20-200 characters):",
            validate=checked(lambda v: scaffold.check_length(v, 20, 200)),
            **io,
        ).unsafe_ask()
    }
    for key, choices, message in (
        ("audiences", vocab.audiences, "Who would it persuade? (space ticks)"),
        ("topics", vocab.topics, "What is it about? (space ticks)"),
    ):
        picked = questionary.checkbox(message, choices=list(choices), **io).unsafe_ask()
        if picked:
            answers[key] = picked
    return benefit_id, answers


def main(argv: list[str] | None = None, **io) -> int:
    parser = argparse.ArgumentParser(prog="new_benefit.py", description=__doc__.splitlines()[0])
    parser.add_argument("id", nargs="?", help="the new statement's id: lowercase kebab-case")
    parser.add_argument("-i", "--interactive", action="store_true", help="ask for the id and first answers")
    parser.add_argument("--statement", help="fill in the statement (20-200 characters)")
    parser.add_argument("--root", type=Path, default=ROOT)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    if args.interactive:
        benefit_id, answers = ask(args.root, **io)
    elif not args.id:
        print("new_benefit.py: give an id or --interactive", file=sys.stderr)
        return 2
    else:
        benefit_id, answers = args.id, {}
        errors = [e for e in [scaffold.check_id(args.id, args.root, "benefit")] if e]
        if args.statement is not None:
            error = scaffold.check_length(args.statement, 20, 200)
            errors += [f"--statement: expected {error}"] if error else []
            answers["statement"] = args.statement
        if errors:
            print("\n".join(f"new_benefit.py: {e}" for e in errors), file=sys.stderr)
            return 2
    path = args.root / "benefits" / f"{benefit_id}.yml"
    path.write_text(scaffold.template("benefit", args.root, date.today(), answers), encoding="utf-8")
    return report(path, args.root)


if __name__ == "__main__":
    sys.exit(main())
