"""Rules for every content file: its id, its schema comment, its Markdown and its dates."""

from __future__ import annotations

from collections.abc import Iterator

from typing import Any

import os
import re
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

from casebook.content.contract import ID_BODY, STALE_AFTER_WORDS, markdown_paths
from casebook.kinds import SCHEMA_FILES, SECTIONS
from casebook.content.load import Document
from casebook.content.markup import MAX_BRACKETS, MAX_LINES, complexity, is_web_link, render
from casebook.problems import Problem
from casebook.rules.context import Context, is_stale, problem, warning

ID = re.compile(ID_BODY)  # matched in full: '$' would allow a final newline
PUBLISHED_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
TAG = re.compile(r"</?[A-Za-z!?][^>]*>?")


def schema_comment(kind: str, *, nested: bool = True) -> str:
    prefix = "../schema/" if nested else "schema/"
    return f"# yaml-language-server: $schema={prefix}{SCHEMA_FILES[kind]}"


def check_file_rules(doc: Document, kind: str, first_line: str) -> list[Problem]:
    problems = []
    if kind != "taxonomy":
        problems += check_id(doc)
    expected = schema_comment(kind, nested=kind != "taxonomy")
    if first_line.strip() != expected:
        problems.append(
            problem(
                doc,
                (),
                "first line is not the schema comment",
                expected,
                "make this exact line the first line so editors check the file",
                "schema-comment",
            )
        )
    return problems


def check_id(doc: Document) -> list[Problem]:
    if ID.fullmatch(doc.id) and len(doc.id) <= 80:
        return []
    folder = doc.path.rsplit("/", 1)[0] + "/" if "/" in doc.path else ""
    fix = f"rename the file to {folder}{suggested_id(doc.id)}.yml"
    return [
        problem(
            doc,
            (),
            f"file name '{doc.id}' is not a valid id",
            "lowercase ascii kebab-case, at most 80 characters, e.g. leeds-council-gritting",
            fix,
            "id-format",
        )
    ]


def suggested_id(name: str) -> str:
    """'Café Tweets_2010' -> 'cafe-tweets-2010': the nearest valid id to a file name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    return "-".join(words)[:80].strip("-") or "entry"


def check_reserved_id(doc: Document, kind: str, root: Path) -> list[Problem]:
    """An id whose page address the site already uses: the section's index, or a hand-written
    page in docs/ at the same place. Either would win, and the entry's page would be lost."""
    if kind not in SECTIONS:
        return []
    section = root / "docs" / SECTIONS[kind]
    taken = doc.id == "index" or any(os.path.lexists(section / name) for name in (doc.id, doc.id + ".md"))
    if not taken:
        return []
    address = f"{SECTIONS[kind]}/" if doc.id == "index" else f"{SECTIONS[kind]}/{doc.id}/"
    return [
        problem(
            doc,
            (),
            f"id '{doc.id}' would give the page {address}, which another page already has",
            "an id no other page uses",
            f"rename the file, e.g. to {doc.id}-1.yml or a more specific name",
            "id-reserved",
        )
    ]


def check_markdown_fields(doc: Document, kind: str) -> list[Problem]:
    problems = []
    for keys in _markdown_keys(doc, kind):
        text = _get(doc.data, keys)
        if isinstance(text, str):
            problems += _check_markdown(doc, keys, text)
    return problems


def _check_markdown(doc: Document, keys: tuple[Any, ...], text: str) -> list[Problem]:
    too_complex = complexity(text)
    if too_complex:  # never rendered: rendering it is what would take too long
        return [
            problem(
                doc,
                keys,
                f"Markdown too complex to show: {too_complex}",
                f"at most {MAX_BRACKETS} links or brackets and {MAX_LINES} lines",
                "shorten the text; link only the sources that matter",
                "markdown-too-complex",
            )
        ]
    rendered = render(text)
    problems = [
        _inside(
            doc,
            keys,
            _tag_or(chunk),
            problem(
                doc,
                keys,
                f"raw HTML {chunk.strip()[:40]!r} in Markdown",
                "Markdown without HTML tags",
                "use Markdown (**bold**, [text](https://...)) instead of HTML",
                "markdown-html",
            ),
        )
        for chunk in rendered.raw_html[:1]
    ]
    problems += [
        problem(
            doc,
            keys,
            f"link {url[:60]!r} is not http(s)",
            "links starting http:// or https://",
            "link to the full web address",
            "link-scheme",
        )
        for url in rendered.links
        if not is_web_link(url)
    ]
    if problems:
        return problems
    if "img" in rendered.dropped:
        problems.append(
            problem(
                doc,
                keys,
                "image in Markdown ('![...](...)'); the page would drop it",
                "text and links only",
                "describe what the image shows, or link to it with [text](https://...)",
                "markdown-image",
            )
        )
    if {"h1", "h2"} & set(rendered.dropped):
        problems.append(
            problem(
                doc,
                keys,
                "heading above level 3 ('#', '##' or an underlined line); the page would drop it",
                "headings written '###' or deeper, or none",
                "start the heading with '###', or make it a bold line",
                "markdown-heading",
            )
        )
    return problems


def _tag_or(chunk: str) -> str:
    tag = TAG.search(chunk)
    return tag.group(0) if tag else chunk.strip()


def _inside(doc: Document, keys: tuple[Any, ...], needle: str, found: Problem) -> Problem:
    """Point `found` at the line of a Markdown value that holds `needle`, not at its key."""
    start = doc.where(keys)[0]
    for number in range(start, len(doc.lines) + 1):
        column = doc.lines[number - 1].find(needle)
        if column >= 0:
            return replace(found, line=number, column=column + 1)
    return found


def check_plain_text(doc: Document, kind: str) -> list[Problem]:
    """Plain-text fields are shown as text; a tag in one is a mistake (or an attack)."""
    markdown = set(_markdown_keys(doc, kind))
    problems = []
    for keys, text in _strings(doc.data, ()):
        if text.lstrip().startswith("TODO") or "/TODO" in text:
            problems.append(
                problem(
                    doc,
                    keys,
                    "still holds the template's TODO",
                    "your own text",
                    "replace the TODO, or delete the key if it is optional",
                    "placeholder-left",
                )
            )
        elif keys not in markdown and (tag := TAG.search(text)):
            problems.append(
                problem(
                    doc,
                    keys,
                    f"HTML tag {tag.group(0)!r} in plain text",
                    "text without HTML tags",
                    "remove the tag; plain-text fields are shown exactly as written",
                    "text-html",
                )
            )
    return problems


def _strings(data: Any, keys: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every text value in a document, with its field path."""
    if isinstance(data, str):
        yield keys, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, keys + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, keys + (index,))


def _markdown_keys(doc: Document, kind: str) -> Iterator[tuple[Any, ...]]:
    """Field paths of Markdown fields (the contract's `x-markdown`), each list item on its own.
    Runs on entries whose shape failed too (for text-html), so a list of the wrong type is passed
    over, not iterated."""
    for path in markdown_paths(kind):
        yield from _expand(doc.data, path.split("."), ())


def _expand(data: Any, parts: list[str], keys: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
    if not parts:
        yield keys
        return
    head, rest = parts[0], parts[1:]
    if not head.endswith("[]"):
        yield from _expand(data.get(head) if isinstance(data, dict) else None, rest, keys + (head,))
        return
    items = data.get(head[:-2]) if isinstance(data, dict) else None
    for index, item in enumerate(items if isinstance(items, list) else []):
        yield from _expand(item, rest, keys + (head[:-2], index))


def _get(data: Any, keys: tuple[Any, ...]) -> Any:
    for key in keys:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def check_real_dates(doc: Document) -> list[Problem]:
    """A source's `published` day must exist: 2024-02-30 fits the pattern but is no day."""
    problems = []
    for keys, text in _strings(doc.data, ()):
        if keys and keys[-1] == "published" and PUBLISHED_DAY.match(text):
            try:
                date.fromisoformat(text)
            except ValueError:
                problems.append(
                    problem(
                        doc,
                        keys,
                        f"{text!r} is not a day in the calendar",
                        "a real date: YYYY, YYYY-MM or YYYY-MM-DD",
                        "check the day against the source, or give only YYYY-MM",
                        "bad-date",
                    )
                )
    return problems


def check_entry_dates(doc: Document, ctx: Context) -> list[Problem]:
    """`added` and `last_verified`: one check per rule."""
    return check_dates_not_future(doc, ctx) + check_date_order(doc) + check_staleness(doc, ctx)


def _dates(doc: Document) -> tuple[date, date]:
    return date.fromisoformat(doc.data["added"]), date.fromisoformat(doc.data["last_verified"])


def check_dates_not_future(doc: Document, ctx: Context) -> list[Problem]:
    added, verified = _dates(doc)
    problems = []
    if added > ctx.today:
        problems.append(
            problem(
                doc,
                ("added",),
                f"{added} is in the future",
                f"on or before {ctx.today}",
                "use the date you added the entry",
                "date-future",
            )
        )
    if verified > ctx.today:
        problems.append(
            problem(
                doc,
                ("last_verified",),
                f"{verified} is in the future",
                f"on or before {ctx.today}",
                "use the date you last checked the sources",
                "date-future",
            )
        )
    return problems


def check_date_order(doc: Document) -> list[Problem]:
    added, verified = _dates(doc)
    if verified >= added:
        return []
    return [
        problem(
            doc,
            ("last_verified",),
            f"{verified} is before added ({added})",
            "a date on or after 'added'",
            "check both dates",
            "date-order",
        )
    ]


def check_staleness(doc: Document, ctx: Context) -> list[Problem]:
    verified = _dates(doc)[1]
    if not is_stale(verified, ctx.today):
        return []
    return [
        warning(
            doc,
            ("last_verified",),
            f"sources last checked {verified}, over {STALE_AFTER_WORDS} ago",
            f"a check within {STALE_AFTER_WORDS}",
            "re-read each source, then update last_verified",
            "stale-entry",
        )
    ]
