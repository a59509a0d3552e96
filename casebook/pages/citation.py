"""Stage 5, pages: a statement as a reader pastes it into a report, in plain text and in HTML.

    “The statement.” [1, 2]
    The site's explanation, outside the quotation marks: it is our reading, not the source's.
    Sources
    1. Title. Publisher, date. https://...
    From Buy-in Casebook: <the statement's address, added by the page>

Each source is listed once, in order of first citation; the count a statement's list shows is
the count here.
"""

from __future__ import annotations

import re
from html import unescape

from markupsafe import Markup

from casebook.model.index import Casebook
from casebook.content.markup import render
from casebook.content.prose import cited_numbers, renumber
from casebook.model.entries import Benefit, Objection, Source

TAG = re.compile(r"<[^>]+>")


def citation_sources(book: Casebook, benefit: Benefit) -> list[Source]:
    """One source per piece of evidence (a case's is the source of its headline figure), each
    once: the same list the briefing numbers."""
    sources = [book.cases[item.case].headline_source if item.case else item.own_source for item in benefit.evidence]
    return list(dict.fromkeys(sources))


def citation_text(book: Casebook, benefit: Benefit) -> str:
    sources = citation_sources(book, benefit)
    marks = ", ".join(str(n) for n in range(1, len(sources) + 1))
    lines = [f"“{benefit.statement}” [{marks}]"]
    if benefit.explanation:
        lines.append(plain_text(render(benefit.explanation).html))
    lines.append("Sources")
    lines += [f"{n}. {_source_text(s)}" for n, s in enumerate(sources, 1)]
    return "\n".join(lines)


def citation_html(book: Casebook, benefit: Benefit) -> Markup:
    sources = citation_sources(book, benefit)
    marks = ", ".join(str(n) for n in range(1, len(sources) + 1))
    parts = [Markup("<p>“{}” [{}]</p>").format(benefit.statement, marks)]
    if benefit.explanation:
        parts.append(Markup(render(benefit.explanation).html))
    items = [
        Markup('<li>{}. {}, {}. <a href="{}">{}</a></li>').format(s.title, s.publisher, _date(s), s.url, s.url)
        for s in sources
    ]
    parts.append(Markup("<p>Sources</p><ol>{}</ol>").format(Markup("").join(items)))
    return Markup("").join(parts)


def objection_text(objection: Objection, sources: tuple[Source, ...] = ()) -> str:
    """An objection and its answer, to paste into notes for the meeting: the kit's sources the
    answer cites are renumbered from 1 and listed after it."""
    cited = cited_numbers(objection.answer)
    answer = renumber(objection.answer, {n: i for i, n in enumerate(cited, 1)})
    lines = [f"“{objection.objection}”", plain_text(render(answer).html)]
    if cited:
        lines.append("Sources")
        lines += [f"{i}. {_source_text(sources[n - 1])}" for i, n in enumerate(cited, 1)]
    return "\n".join(lines)


def _source_text(source: Source) -> str:
    return f"{source.title}. {source.publisher}, {_date(source)}. {source.url}"


def _date(source: Source) -> str:
    return source.published_label


def plain_text(html: str) -> str:
    """Rendered Markdown as one plain paragraph (entities decoded)."""
    return " ".join(unescape(TAG.sub(" ", html)).split())
