"""Rules for the facts in a kit's prose (`framing` and each objection's `answer`): a sentence with a
figure cites the kit's `sources` by number (`kit-figure-uncited`), every number cited is one of
them (`kit-citation-unknown`), and a sentence speaking of a year is not held only by sources
published before that year (`kit-figure-source-predates`). Sentences and figures are found by
casebook/content/prose.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from typing import Any

from dataclasses import replace

from casebook.content.load import Document
from casebook.content.prose import Sentence, sentences
from casebook.problems import Problem
from casebook.rules.context import problem


def check_kit_prose(doc: Document) -> list[Problem]:
    sources = doc.data.get("sources", [])
    problems = []
    for keys, text in _prose(doc.data):
        for sentence in sentences(text):
            problems += [
                _at(doc, keys, text, sentence, found) for found in _sentence_problems(doc, keys, sentence, sources)
            ]
    return problems


def _prose(data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield ("framing",), data["framing"]
    for index, objection in enumerate(data["objections"]):
        yield ("objections", index, "answer"), objection["answer"]


def _sentence_problems(doc: Document, keys: tuple[Any, ...], sentence: Sentence, sources: list[Any]) -> list[Problem]:
    quoted = _quote(sentence.text)
    if sentence.has_figure and not sentence.cites:
        return [
            problem(
                doc,
                keys,
                f"{quoted} states a figure without a citation",
                "a numbered citation such as [1] to one of the kit's sources that holds it",
                "add the source to `sources` and cite its number at the end of the sentence, or cut the figure",
                "kit-figure-uncited",
            )
        ]
    unknown = [n for n in sentence.cites if not 1 <= n <= len(sources)]
    if unknown:
        return [
            problem(
                doc,
                keys,
                f"{quoted} cites [{unknown[0]}], but the kit lists {len(sources)} "
                f"source{'' if len(sources) == 1 else 's'}",
                f"a number from 1 to {len(sources)}",
                "cite the position of the source in `sources`, or add the source",
                "kit-citation-unknown",
            )
        ]
    return _predates(doc, keys, sentence, sources, quoted)


def _predates(
    doc: Document, keys: tuple[Any, ...], sentence: Sentence, sources: list[Any], quoted: str
) -> list[Problem]:
    if not sentence.years or not sentence.cites:
        return []
    period = max(sentence.years)
    published = [_year(sources[n - 1]) for n in sentence.cites]
    if any(year is None or year >= period for year in published):
        return []
    return [
        problem(
            doc,
            keys,
            f"{quoted} speaks of {period}, but its only source"
            f"{'' if len(published) == 1 else 's'} ({', '.join(map(str, published))}) "
            f"{'was' if len(published) == 1 else 'were'} published before then",
            f"a source published in {period} or later that holds the figure",
            "cite the publication that reports that period, or cut the figure",
            "kit-figure-source-predates",
        )
    ]


def _year(source: dict[str, Any]) -> int | None:
    published = str(source["published"])
    return int(published[:4]) if published[:4].isdigit() else None


def _quote(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _at(doc: Document, keys: tuple[Any, ...], text: str, sentence: Sentence, found: Problem) -> Problem:
    """Point the problem at the line where the sentence starts, not at the key."""
    needle = text[sentence.offset :].split("\n")[0].strip()[:40]
    start = doc.where(keys)[0]
    for number in range(start, len(doc.lines) + 1):
        column = doc.lines[number - 1].find(needle)
        if column >= 0:
            return replace(found, line=number, column=column + 1)
    return found
