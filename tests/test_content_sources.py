"""Over the real content: every source is an http(s) address, and none is a staging copy, a
document-sharing upload or a translation proxy unless it is graded unconfirmed."""

from __future__ import annotations

from casebook.model.sources import copy_reason
from support import real_casebook


def every_source(book):
    for case in book.cases.values():
        for source in case.sources:
            yield case.path, source
    for benefit in book.benefits.values():
        for item in benefit.evidence:
            if item.source:
                yield benefit.path, item.source


def test_sources_are_web_addresses_of_originals():
    book = real_casebook()
    sources = list(every_source(book))
    assert sources
    assert [(p, s.url) for p, s in sources if not s.url.startswith(("http://", "https://"))] == []
    copies = [(p, s.url) for p, s in sources if copy_reason(s.url) and s.grade != "unconfirmed"]
    assert copies == []
