"""Stage 1, load: YAML files -> `Document`s that remember the line and column of every key.

Refuses, before any rule runs, what the content contract forbids at the file level: files over
100 kB, non-UTF-8 bytes, tabs in indentation, anchors and aliases, explicit tags, duplicate keys
and several documents in one file; and YAML's silent traps: text cut at ` #` and values starting
`{{` (`yaml_hints` words those messages). A number whose written form would change when read
(`2.50`, `007`) keeps the text as written, so figures are never altered. Parsing uses libyaml's C
parser where installed; values are built from the parser's events so that positions survive and
nothing but plain data is created.
Hostile files are refused too (`refuse` holds the checks): links, folders, pipes and devices;
nesting deeper than the contract needs; control characters in any key or value; a top level that
is not a mapping.
"""

from __future__ import annotations

from collections.abc import Iterator

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from collections.abc import Mapping

import yaml

from casebook.problems import Problem
from casebook.content.refuse import MAX_DEPTH, NotRegular, TooDeep, bounded, control_character, read_regular
from casebook.content.yaml_hints import brace_hint, comment_cuts_text, quoted_line, short_tag, syntax_hint

MAX_BYTES = 100_000
PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")

FieldPath = tuple[str | int, ...]  # a field path such as ("outcomes", 0, "value")


@dataclass(frozen=True)
class Document:
    """One parsed content file: what the contributor wrote, plus where each part of it is."""

    path: str  # relative to the repository root, with forward slashes
    data: Any
    positions: Mapping[FieldPath, tuple[int, int]] = field(repr=False)
    # Fields the loader already reported (an alias, a tag, a `{{` value): later stages skip them,
    # so one mistake gives one message.
    reported: frozenset[Any] = field(default=frozenset(), repr=False)
    lines: tuple[str, ...] = field(default=(), repr=False)  # the source, to point inside a value

    @property
    def id(self) -> str:
        return Path(self.path).stem

    def where(self, keys: FieldPath) -> tuple[int, int]:
        """Line and column of the deepest part of `keys` that exists in the file."""
        keys = tuple(keys)
        while keys and keys not in self.positions:
            keys = keys[:-1]
        return self.positions.get(keys, (1, 1))


def load_file(file: Path, *, root: Path, rel: str | None = None) -> tuple[Document | None, list[Problem]]:
    rel = rel or file.relative_to(root).as_posix()
    try:
        raw = read_regular(file, MAX_BYTES)
    except NotRegular as refused:
        return None, [not_regular(rel, refused.what)]
    if len(raw) > MAX_BYTES:
        size = max(file.stat().st_size, len(raw))
        shown = f"{size:,} bytes" if size > len(raw) else f"over {MAX_BYTES:,} bytes"
        return None, [
            Problem(
                rel,
                1,
                1,
                field="",
                message=f"file is {shown}",
                expected=f"at most {MAX_BYTES:,} bytes",
                fix="split the entry or shorten long text",
                rule="file-too-large",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return None, [
            Problem(
                rel,
                line,
                column,
                field="",
                message=f"byte 0x{raw[err.start]:02x} is not UTF-8",
                expected="UTF-8 text",
                fix="save the file as UTF-8 in your editor",
                rule="file-not-utf8",
            )
        ]
    return parse_text(text, rel)


def not_regular(rel: str, what: str) -> Problem:
    return Problem(
        rel,
        1,
        1,
        field="",
        message=f"is {what}, not a regular file",
        expected="a plain .yml file",
        fix="commit the file itself (content folders hold no links, folders or devices)",
        rule="file-not-regular",
    )


def parse_text(text: str, rel: str) -> tuple[Document | None, list[Problem]]:
    tabs = list(_tab_problems(text, rel))
    if tabs:
        return None, tabs
    try:
        events = list(bounded(yaml.parse(text, Loader=PARSER)))
    except TooDeep as deep:
        mark = deep.event.start_mark
        assert mark is not None  # the parser marks every event
        return None, [
            Problem(
                rel,
                mark.line + 1,
                mark.column + 1,
                field="",
                message=f"lists and mappings nested more than {MAX_DEPTH} levels deep",
                expected="the shape of the template",
                fix="indent only as the template does",
                rule="yaml-too-deep",
            )
        ]
    except yaml.YAMLError as err:
        return None, [_syntax_problem(err, text, rel)]
    except (ValueError, RecursionError, OverflowError) as err:  # never a traceback, whatever the bytes
        return None, [_unreadable(rel, err)]
    builder = _Builder(events, rel, text.splitlines())
    try:
        data = builder.build()
    except (ValueError, RecursionError, OverflowError, IndexError) as err:
        event = builder.events[max(builder.pos - 1, 0)]
        return None, builder.problems + [_unreadable(rel, err, event)]
    if data is None and not builder.problems:
        builder.problems.append(
            Problem(
                rel,
                1,
                1,
                field="",
                message="file has no content",
                expected="a mapping of keys",
                fix="start from the template in CONTRIBUTING.md",
                rule="file-empty",
            )
        )
    elif data is not None and not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        builder.problems.append(
            Problem(
                rel,
                1,
                1,
                field="",
                message=f"the file holds {kind}, not keys and values",
                expected="a mapping of keys such as 'title: ...'",
                fix="start from the template in CONTRIBUTING.md",
                rule="file-not-mapping",
            )
        )
    # After a duplicate key, anchor or tag the rest of the file is still worth checking.
    doc = (
        Document(rel, data, builder.positions, frozenset(builder.reported), tuple(builder.lines))
        if isinstance(data, dict)
        else None
    )
    return doc, builder.problems


def _unreadable(rel: str, err: Exception, event: Any = None) -> Problem:
    line, column = (event.start_mark.line + 1, event.start_mark.column + 1) if event is not None else (1, 1)
    return Problem(
        rel,
        line,
        column,
        field="",
        message=f"YAML syntax error: this value cannot be read ({type(err).__name__})",
        expected="valid YAML",
        fix="check the value on this line; text starting with a symbol goes in double quotes",
        rule="yaml-syntax",
    )


def _syntax_problem(err: yaml.YAMLError, text: str, rel: str) -> Problem:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    reason = getattr(err, "problem", None) or str(err)
    hint = syntax_hint(text.splitlines(), line, reason)
    if hint:
        at, message, expected, fix, rule = hint
        return Problem(
            rel,
            at,
            1 if at != line else column,
            field="",
            message=f"YAML syntax error: {message}",
            expected=expected,
            fix=fix,
            rule=rule,
        )
    return Problem(
        rel,
        line,
        column,
        field="",
        message=f"YAML syntax error: {reason}",
        expected="valid YAML",
        fix="check indentation and quoting near this line; text holding ': ', ' #' or "
        "starting with a symbol goes in double quotes",
        rule="yaml-syntax",
    )


def _tab_problems(text: str, rel: str) -> Iterator[Problem]:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            yield Problem(
                rel,
                number,
                indent.index("\t") + 1,
                field="",
                message="tab used for indentation",
                expected="spaces",
                fix="indent with two spaces per level",
                rule="yaml-tab-indent",
            )


class _Builder:
    """Turns a list of parser events into plain Python data and a position for every key."""

    def __init__(self, events: list[Any], rel: str, lines: list[str]):
        self.events = events
        self.lines = lines
        self.reported: set[FieldPath] = set()
        self.pos = 0
        self.rel = rel
        self.positions: dict[FieldPath, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.anchors = 0
        self.first_anchor = 0

    def build(self) -> Any:
        self._next()  # StreamStart
        documents = []
        while not isinstance(self._peek(), yaml.StreamEndEvent):
            self._next()  # DocumentStart
            documents.append(self._node(()))
            self._next()  # DocumentEnd
        self._count_anchors()
        if len(documents) > 1:
            self._problem(
                (),
                "file holds several YAML documents",
                "one entry per file",
                "remove the extra '---' and move the other entry to its own file",
                "yaml-multiple-documents",
            )
        return documents[0] if documents else None

    def _anchor(self, keys: FieldPath, message: str, expected: str, fix: str, event: Any) -> None:
        """One problem per file for anchors and aliases, however many (32,000 aliases once printed
        64,677 lines); the fields they stand in are all marked reported, so none gets a follow-on."""
        self.anchors += 1
        self.reported.add(tuple(keys))
        if self.anchors == 1:
            self._problem(keys, message, expected, fix, "yaml-anchor", event)
            self.first_anchor = len(self.problems) - 1

    def _count_anchors(self) -> None:
        if self.anchors > 1:
            first = self.problems[self.first_anchor]
            more = self.anchors - 1
            self.problems[self.first_anchor] = replace(
                first,
                message=f"{first.message}, and {more:,} more "
                f"{'anchor or alias' if more == 1 else 'anchors or aliases'} in this file",
            )

    def _peek(self) -> Any:
        return self.events[self.pos]

    def _next(self) -> Any:
        self.pos += 1
        return self.events[self.pos - 1]

    def _problem(self, keys: FieldPath, message: str, expected: str, fix: str, rule: str, event: Any = None) -> None:
        self.reported.add(tuple(keys))
        line, column = self._mark(event) if event else self.positions.get(keys, (1, 1))
        self.problems.append(
            Problem(self.rel, line, column, field=dotted(keys), message=message, expected=expected, fix=fix, rule=rule)
        )

    @staticmethod
    def _mark(event: Any) -> tuple[int, int]:
        return event.start_mark.line + 1, event.start_mark.column + 1

    def _node(self, keys: FieldPath) -> Any:
        event = self._next()
        self.positions.setdefault(keys, self._mark(event))
        if isinstance(event, yaml.AliasEvent):
            self._anchor(
                keys,
                f"alias '*{event.anchor}' used",
                "the value written out in full",
                "copy the value instead of using '*'",
                event,
            )
            return None
        if event.anchor:
            self._anchor(
                keys,
                f"anchor '&{event.anchor}' used",
                "no anchors",
                "remove the '&' anchor and write values out in full",
                event,
            )
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, keys)
        if isinstance(event, yaml.MappingStartEvent) and self._starts_with_braces(event):
            self._problem(
                keys,
                *brace_hint(self.lines[event.start_mark.line if event.start_mark else 0]),
                "yaml-brace-value",
                event,
            )
            self.pos -= 1
            self._skip_value()
            return None
        if not event.implicit:
            self._problem(
                keys, f"explicit tag '{short_tag(event.tag)}' used", "plain values", "remove the tag", "yaml-tag", event
            )
        if isinstance(event, yaml.SequenceStartEvent):
            return self._sequence(keys)
        return self._mapping(keys)

    def _sequence(self, keys: FieldPath) -> list[Any]:
        items: list[Any] = []
        while not isinstance(self._peek(), yaml.SequenceEndEvent):
            items.append(self._node(keys + (len(items),)))
        self._next()
        return items

    def _mapping(self, keys: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while not isinstance(self._peek(), yaml.MappingEndEvent):
            key_event = self._next()
            if not isinstance(key_event, yaml.ScalarEvent):
                self._problem(
                    keys,
                    "a list or mapping is used as a key",
                    "text keys",
                    "write the key as a single word",
                    "yaml-key-type",
                    key_event,
                )
                self.pos -= 1
                self._skip_value()
                self._skip_value()
                continue
            key = key_event.value
            self._refuse_controls(keys + (key,), key, key_event, "key")
            if key in result:
                first = self.positions[keys + (key,)][0]
                self._problem(
                    keys + (key,),
                    f"duplicate key '{key}' (first set on line {first})",
                    "each key once",
                    "delete one of the two",
                    "yaml-duplicate-key",
                    key_event,
                )
                self._skip_value()
                continue
            self.positions[keys + (key,)] = self._mark(key_event)
            result[key] = self._node(keys + (key,))
        self._next()
        return result

    def _skip_value(self) -> None:
        depth = 0
        while True:
            event = self._next()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
            if depth == 0:
                return

    def _starts_with_braces(self, event: Any) -> bool:
        mark = event.start_mark
        return bool(self.lines[mark.line][mark.column :].startswith("{{"))

    def _refuse_controls(self, keys: FieldPath, text: str, event: Any, what: str) -> None:
        found = control_character(text)
        if found:
            self._problem(
                keys,
                f"{what} holds the invisible character {found}",
                "printable text",
                "delete the character (an escape such as \\u001b in quotes writes one)",
                "text-control-char",
                event,
            )

    def _scalar(self, event: Any, keys: FieldPath) -> Any:
        value = event.value
        self._refuse_controls(keys, value, event, "text")
        if event.tag:
            # `!!int 2024` too: CONTRIBUTING promises content is plain data, with no tag at all.
            self._problem(
                keys,
                f"explicit tag '{short_tag(event.tag)}' used",
                "plain values",
                "remove the tag and write the value alone",
                "yaml-tag",
                event,
            )
        if event.style:
            return value
        self._check_comment(event, keys)
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]  # untyped in PyYAML's stubs
        try:
            return _plain_value(tag, value)
        except ValueError:  # Python reads at most 4,300 digits of an integer
            self._problem(
                keys,
                f"number is {len(value):,} characters long",
                "a number of at most 4,300 digits, or text in double quotes",
                "write the figure as the source words it, in double quotes",
                "number-too-long",
                event,
            )
            return value

    def _check_comment(self, event: Any, keys: FieldPath) -> None:
        end = event.end_mark
        line = self.lines[end.line] if end.line < len(self.lines) else ""
        if keys and comment_cuts_text(event.value, line[end.column :]):
            self._problem(
                keys,
                f"text stops before ' #': YAML reads '{line[end.column :].strip()[:40]}' as a comment and drops it",
                "the whole text in double quotes",
                f"write it as {quoted_line(line)}",
                "yaml-comment-in-text",
                event,
            )


def _plain_value(tag: str, value: str) -> Any:
    """Plain data only. Dates stay text (checked by the schema); 'yes', 'no' and 'NO' stay text.
    A number is a number only if it reads back as written: `2.50` and `007` stay text."""
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool") and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if tag.endswith(":int") and _INT.fullmatch(value) and str(int(value)) == value:
        return int(value)
    if tag.endswith(":float") and _FLOAT.fullmatch(value) and repr(float(value)) == value:
        return float(value)
    return value


def dotted(keys: FieldPath) -> str:
    """('outcomes', 0, 'value') -> 'outcomes[0].value'."""
    text = ""
    for key in keys:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text
