"""Stage 5, audience pages: a `Casebook` -> one plain page per audience listing its cases.

The explorer's `?audience=` lives in the query string, which only its script reads and a static
host cannot vary a page by; a reader without JavaScript (scripts blocked on a council laptop, a
text browser) following "their cases" needs a page of its own at `cases/for/<audience>/`. Each
lists the audience's cases once, newest work first, in the markup of the explorer's plain list,
and offers the explorer (with the audience ticked) to readers whose browser runs it. Kits link
here, and the explorer's plain list links to all of them. Per-topic pages were left out: a case
sits under two or three topics, so they would repeat the library several times over for a
filter the explorer already offers.
"""

from __future__ import annotations

from collections.abc import Iterable

from casebook.model.index import Casebook
from casebook.model.entries import Case
from casebook.pages.render import page_file
from casebook.pages.sitefile import SiteFile
from casebook.model.urls import audience_cases_src_uri


def newest_work_first(cases: Iterable[Case]) -> list[Case]:
    """The plain lists' order: by the year of the work, newest first; ties keep the casebook's
    order (newest added first), as the explorer page's Jinja `sort` does."""
    return sorted(cases, key=lambda case: case.year, reverse=True)


def audience_case_pages(book: Casebook) -> list[SiteFile]:
    """One page per kit (audience), even one without cases yet, so a kit's link never breaks."""
    return [
        page_file(
            "audience-cases.md.j2",
            audience_cases_src_uri(kit.id),
            "",
            book=book,
            kit=kit,
            cases=newest_work_first(book.cases_for(kit.id)),
            total=len(book.cases),
            current=kit.id,
        )
        for kit in book.kits.values()
    ]
