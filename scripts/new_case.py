"""Start a case study: `python scripts/new_case.py ID [--title ...]` or `--interactive`.

Writes case_studies/ID.yml from a commented template (each key marked required or optional, with
the ids it accepts), refuses to overwrite, then validates it and lists, once each, what is left to
fill in. Values you must decide (year, country, each source's date and grade) start as TODO and
fail validation until you do. `--interactive` asks for the id and the first answers, offering the
taxonomy's ids with completion and checking each answer as you type.
Exit 0 when the file was written, 2 on bad usage or an existing file.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from casebook.content import scaffold
from casebook.repository import current_vocabulary, load_casebook

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ("title", "organisation", "sector", "country", "year")


def case_template(root: Path, today: date, answers: dict | None = None) -> str:
    return scaffold.template("case", root, today, answers)


def check_flags(args, root: Path, today: date) -> tuple[dict, list[str]]:
    """The answers given as flags, and what is wrong with them."""
    vocab = current_vocabulary(root)
    checks = {
        "title": lambda v: scaffold.check_length(v, 10, 120),
        "organisation": lambda v: scaffold.check_length(v, 1, 200),
        "sector": lambda v: scaffold.check_choice(v, vocab.sectors),
        "country": scaffold.check_country,
        "year": lambda v: scaffold.check_year(v, today),
    }
    answers, errors = {}, []
    for name in FLAGS:
        value = getattr(args, name)
        if value is None:
            continue
        error = checks[name](value)
        if error:
            errors.append(f"--{name} {value!r}: expected {error}")
        answers[name] = int(value) if name == "year" and not error else value
    return answers, errors


def ask(root: Path, today: date, **io) -> tuple[str, dict] | None:
    """The interactive questions; `io` is prompt_toolkit's input and output (tests pass pipes)."""
    import questionary  # only the interactive mode needs it

    vocab = current_vocabulary(root)

    def checked(check):
        return lambda value: True if check(value) is None else check(value)

    def text(message, check, **extra):
        return questionary.text(message, validate=checked(check), **extra, **io).unsafe_ask()

    def choose(message, choices, check, **extra):
        return questionary.autocomplete(
            message, choices=list(choices), validate=checked(check), **extra, **io
        ).unsafe_ask()

    def pick(message, choices):
        return questionary.checkbox(message, choices=list(choices), **io).unsafe_ask()

    case_id = text(
        "File name (the case's id, e.g. leeds-council-gritting):", lambda v: scaffold.check_id(v, root, "case")
    )
    answers = {
        "title": text(
            "Title, what happened in a line (10-120 characters):", lambda v: scaffold.check_length(v, 10, 120)
        ),
        "organisation": text("Organisation, as they call themselves:", lambda v: scaffold.check_length(v, 1, 200)),
        "sector": choose("Sector (Tab lists them):", vocab.sectors, lambda v: scaffold.check_choice(v, vocab.sectors)),
        "country": choose(
            "Country, two-letter code (e.g. GB):", scaffold.COUNTRIES, scaffold.check_country, default="GB"
        ),
        "year": int(text("Year the work happened:", lambda v: scaffold.check_year(v, today))),
    }
    for key, choices, message in (
        ("audiences", vocab.audiences, "Who would it persuade? (space ticks)"),
        ("topics", vocab.topics, "What is it about? (space ticks)"),
        ("channels", vocab.channels, "Which channels? (space ticks, optional)"),
    ):
        picked = pick(message, choices)
        if picked:
            answers[key] = picked
    return case_id, answers


def main(argv: list[str] | None = None, **io) -> int:
    parser = argparse.ArgumentParser(prog="new_case.py", description=__doc__.splitlines()[0])
    parser.add_argument("id", nargs="?", help="the new case's id: lowercase kebab-case, e.g. leeds-council-gritting")
    parser.add_argument("-i", "--interactive", action="store_true", help="ask for the id and first answers")
    for name in FLAGS:
        parser.add_argument(f"--{name}", help=f"fill in {name} (checked as the validator would)")
    parser.add_argument("--root", type=Path, default=ROOT)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    today = date.today()
    if args.interactive:
        case_id, answers = ask(args.root, today, **io)
    elif not args.id:
        print("new_case.py: give an id (e.g. leeds-council-gritting) or --interactive", file=sys.stderr)
        return 2
    else:
        case_id = args.id
        problem = scaffold.check_id(case_id, args.root, "case")
        answers, errors = check_flags(args, args.root, today)
        if problem:
            errors.insert(0, f"'{case_id}' is not a valid id: use {problem}" if "exists" not in problem else problem)
        if errors:
            print("\n".join(f"new_case.py: {e}" for e in errors), file=sys.stderr)
            return 2
    path = args.root / "case_studies" / f"{case_id}.yml"
    path.write_text(case_template(args.root, today, answers), encoding="utf-8")
    return report(path, args.root)


def report(path: Path, root: Path) -> int:
    rel = path.relative_to(root).as_posix()
    left = scaffold.still_to_do(load_casebook(root).problems, rel)
    print(f"Wrote {rel}. Fill in the TODOs, then run: make validate FILE={rel}")
    if left:
        print(f"Still to do ({len(left)}):")
        for line in left:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
