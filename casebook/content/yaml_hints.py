"""Stage 1, load (helpers): YAML's traps for people who have never written YAML, in their terms.

The parser reports where it gave up, which is often far from the mistake: an unclosed quote is
only noticed at the next quote, maybe eleven lines later. These functions read the source lines
to find the line the contributor has to change, and write the fixed line for them to copy.
"""

from __future__ import annotations

import re

# A key, then a value that opens with a quote: `title: "text` or `- "text`.
_OPENS_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+)?(["'])(.*)$""")
_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+)(.*?)\s*$")
# A comment that reads like a hashtag (#OurDay), or any comment after text of several words.
_HASHTAG_COMMENT = re.compile(r"\s+#\S")
_COMMENT = re.compile(r"\s+#")


def quoted_line(line: str) -> str:
    """`title: Leeds: #OurDay` -> `title: "Leeds: #OurDay"`, the line as it should be written."""
    match = _KEY_VALUE.match(line)
    if not match:
        return line.strip()
    prefix, value = match.groups()
    if value[:1] in ("'", '"'):  # a quote opened, closed or not: keep only the text
        value = value[1:-1] if len(value) >= 2 and value[-1] == value[0] else value[1:]
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{prefix.strip()} "{escaped}"'


def short_tag(tag: str) -> str:
    """'tag:yaml.org,2002:int' -> '!!int', as the contributor typed it."""
    return "!!" + tag.rsplit(":", 1)[1] if tag.startswith("tag:yaml.org,2002:") else tag


def closes(quote: str, rest: str) -> bool:
    """Whether a quoted value that opened with `quote` ends on this line."""
    if quote == "'":
        return bool(re.search(r"(?<!')'(?!')", rest.replace("''", "")))
    return bool(re.search(r'(?<!\\)"', rest))


def unclosed_quote_line(lines: list[str], up_to: int) -> int | None:
    """The last line (1-based) at or before `up_to` whose value opens a quote it never closes."""
    found = None
    for number, line in enumerate(lines[:up_to], start=1):
        match = _OPENS_QUOTE.match(line)
        if match and not line.lstrip().startswith("#") and not closes(*match.groups()):
            found = number
    return found


def value_of(line: str) -> str:
    match = _KEY_VALUE.match(line)
    return match.group(2) if match else ""


def comment_cuts_text(value: str, rest_of_line: str) -> bool:
    """Whether ` #...` after a plain value is text the contributor meant, not a comment.

    A hashtag (`#FiveReasons`) always is; any comment after a value of several words probably is.
    A comment after a one-word value (`sector: policing  # or health`) is left alone.
    """
    if _HASHTAG_COMMENT.match(rest_of_line):
        return True
    return bool(_COMMENT.match(rest_of_line)) and any(c.isspace() for c in value)


def syntax_hint(lines: list[str], line: int, reason: str) -> tuple[int, str, str, str, str] | None:
    """(line, message, expected, fix, rule) naming the line to change, or None for the parser's."""
    opened = unclosed_quote_line(lines, line)
    if opened is not None:
        opening = _OPENS_QUOTE.match(lines[opened - 1])
        assert opening is not None  # unclosed_quote_line found this line by the same pattern
        quote = opening.group(1)
        return (
            opened,
            f"the quote {quote} opened on this line is never closed",
            f"the text to end with {quote} on the same line",
            f"write it as {quoted_line(lines[opened - 1])}",
            "yaml-syntax",
        )
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    value = value_of(text)
    if value.startswith("{{"):
        return (line, *brace_hint(text), "yaml-brace-value")
    if value and "mapping values are not allowed" in reason:
        return (
            line,
            "text holding ': ' is read as a new key",
            "the whole text in double quotes",
            f"write it as {quoted_line(text)}",
            "yaml-syntax",
        )
    return None


def brace_hint(line: str) -> tuple[str, str, str]:
    """(message, expected, fix) for a value that starts with `{{`."""
    return (
        "text starting with '{' is read by YAML as a mapping, not as text",
        "the whole text in double quotes (it is shown exactly as written, never filled in)",
        f"write it as {quoted_line(line)}",
    )
