"""Stage 3, content: the facts in a kit's prose and the numbered citations that carry them.

A kit's `framing` and each objection's `answer` cite the kit's own `sources` by number, as in
"Norfolk answered 190,000 calls in 2024-25 [1]." or "[1, 3]". This module finds the sentences,
the figures in them (any digit outside a citation or a link address), the years a sentence
speaks of, and the source numbers it cites. The rules (casebook/rules/kit_prose.py) and the pages
(casebook/pages/render.py, the briefing) read it; nothing here renders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK = re.compile(r"\s?\[(\d+(?:\s*,\s*\d+)*)\]")
LINK_ADDRESS = re.compile(r"\]\([^)]*\)")
# A sentence ends at . ! or ? followed by a space and a capital, a quote or a bracket; a number
# such as 6.55 never ends one.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"(\[])")
# A year a sentence speaks of: 1990-2099; in "2024-25" or "2024/25" only the first year counts,
# since the period starts then.
YEAR = re.compile(r"(?<![\d£$€.,])((?:19|20)\d\d)(?![\d%])")


@dataclass(frozen=True)
class Sentence:
    text: str
    offset: int  # characters from the start of the field's text
    cites: tuple[int, ...]  # source numbers, in the order written

    @property
    def has_figure(self) -> bool:
        return bool(re.search(r"\d", _bare(self.text)))

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(int(y) for y in YEAR.findall(_bare(self.text)))


def sentences(text: str) -> list[Sentence]:
    """The sentences of a Markdown text, paragraph by paragraph, with their citations."""
    found = []
    for paragraph in re.finditer(r"[^\n](?:.|\n(?!\s*\n))*", text):
        start = paragraph.start()
        pieces = SENTENCE_END.split(paragraph.group(0))
        position = 0
        for piece in pieces:
            at = paragraph.group(0).index(piece, position)
            position = at + len(piece)
            cites = tuple(int(n) for group in MARK.findall(piece) for n in re.split(r"\s*,\s*", group))
            found.append(Sentence(" ".join(piece.split()), start + at, cites))
    return found


def cited_numbers(text: str) -> list[int]:
    """Every source number the text cites, each once, in order of first citation."""
    return list(dict.fromkeys(n for sentence in sentences(text) for n in sentence.cites))


def renumber(text: str, numbers: dict[int, int]) -> str:
    """The text with each citation's numbers mapped (a kit's own -> a briefing's notes)."""

    def swap(match: re.Match[str]) -> str:
        mapped = [str(numbers.get(int(n), int(n))) for n in re.split(r"\s*,\s*", match.group(1))]
        return match.group(0).replace(match.group(1), ", ".join(mapped))

    return MARK.sub(swap, text)


def without_citations(text: str) -> str:
    """The text with its citation marks removed, for a view that cannot list the kit's sources
    beside it (the training slides and handout, which number their own references)."""
    return MARK.sub("", text)


def _bare(text: str) -> str:
    """The sentence without its citations and link addresses, whose digits are not figures."""
    return MARK.sub("", LINK_ADDRESS.sub("]", text))
