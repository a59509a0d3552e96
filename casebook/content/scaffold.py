"""Scaffolds: a commented template -> a new entry file, with a contributor's first answers filled in.

`scripts/new_case.py` and `scripts/new_benefit.py` call these. Values the contributor must decide
(year, country, a source's date and grade...) stay `TODO`, which the validator reports once each
as `placeholder-left`, so a half-filled file can never pass. Each answer is checked here, by the
same rule the validator applies, so the interactive prompts refuse a bad answer as it is typed.
"""

from __future__ import annotations

from typing import Any

import json
import re
from datetime import date
from pathlib import Path

from casebook.content.contract import BASES, COUNTRIES, ID_PATTERN, OUTCOME_KINDS, YEAR_FLOOR
from casebook.kinds import BY_NAME, KINDS
from casebook.problems import Problem
from casebook.repository import current_vocabulary

# The kinds with a commented template for a new file (the registry's `scaffold`), and their folders.
TEMPLATES = {kind.name: kind.scaffold for kind in KINDS if kind.scaffold}
FOLDERS = {name: BY_NAME[name].folder for name in TEMPLATES}
ID = re.compile(ID_PATTERN)


def template(kind: str, root: Path, today: date, answers: dict[str, Any] | None = None) -> str:
    """The commented template with the allowed ids listed and `answers` written in."""
    vocab = current_vocabulary(root)
    text = (root / "templates" / TEMPLATES[kind]).read_text(encoding="utf-8")
    for marker, values in (
        ("SECTORS", vocab.sectors),
        ("AUDIENCES", vocab.audiences),
        ("TOPICS", vocab.topics),
        ("CHANNELS", vocab.channels),
        ("OUTCOME_KINDS", OUTCOME_KINDS),
        ("BASES", BASES),
    ):
        text = text.replace(marker, ", ".join(values))
    text = text.replace("TODAY", today.isoformat())
    for key, value in (answers or {}).items():
        text = _fill(text, key, value)
    return text


def _fill(text: str, key: str, value: Any) -> str:
    """Replace a top-level key's value (and any indented lines of a block value) with `value`."""
    if isinstance(value, list):
        written = "[" + ", ".join(value) + "]"
    elif isinstance(value, int) or (isinstance(value, str) and ID.fullmatch(value)) or key == "country":
        written = str(value)
    else:
        written = json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
    pattern = re.compile(rf"^{re.escape(key)}:.*\n(?:[ \t]+.*\n)*", re.MULTILINE)
    return pattern.sub(lambda _: f"{key}: {written}\n", text, count=1)


def still_to_do(problems: list[Problem], rel: str) -> list[str]:
    """One line per field of `rel` that still needs work, in file order."""
    lines, seen = [], set()
    for problem in problems:
        if problem.path != rel or problem.field in seen:
            continue
        seen.add(problem.field)
        lines.append(f"line {problem.line}: {problem.field or '(file)'}: {problem.message}")
    return lines


# Checks for one answer each: None when it is fine, else what to change.


def check_id(value: str, root: Path, kind: str) -> str | None:
    if not ID.fullmatch(value) or len(value) > 80:
        return "lowercase letters, digits and single hyphens, at most 80 characters, e.g. leeds-council-gritting"
    if (root / FOLDERS[kind] / f"{value}.yml").exists():
        return f"{FOLDERS[kind]}/{value}.yml already exists: pick another id"
    return None


def check_length(value: str, low: int, high: int) -> str | None:
    size = len(value.strip())
    if size < low:
        return f"at least {low} characters (now {size})"
    return f"at most {high} characters (now {size})" if size > high else None


def check_year(value: str, today: date) -> str | None:
    if not value.strip().isdigit() or not YEAR_FLOOR <= int(value) <= today.year:
        return f"a year from {YEAR_FLOOR} to {today.year}"
    return None


def check_choice(value: str, choices: tuple[str, ...]) -> str | None:
    return None if value in choices else "choose one of the ids offered (Tab completes)"


def check_country(value: str) -> str | None:
    return None if value in COUNTRIES else "a two-letter ISO code in capitals, e.g. GB, IE, US"
