"""Stage 5, pages: a `Casebook` -> the Markdown source of every generated page.

Templates live in `templates/` and render with autoescaping: contributor text reaches them as
values, is escaped or passed through the sanitising Markdown renderer, and is never evaluated as
a template. Links are relative to the page, so the site works under any base path.
"""

from __future__ import annotations

from collections.abc import Sequence

from typing import Any

import json
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from casebook.pages.countries import country_name
from casebook.pages.briefing import build_briefing, card_sentence, dated_line, headline_cases
from casebook.pages.citation import citation_html, citation_sources, citation_text, objection_text
from casebook.content.contract import STALE_AFTER_WORDS
from casebook.model.index import Casebook
from casebook.content.markup import render
from casebook.pages.statements import filter_options as statement_filters
from casebook.model.strength import KINDS, case_kind
from casebook.kinds import BY_NAME, PAGED, resolve
from casebook.pages.sitefile import SiteFile
from casebook.model.urls import (
    audience_cases_url,
    briefing_src_uri,
    briefing_url,
    explorer_url,
    relative,
    short_address,
    src_uri,
    url_for,
    url_of,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
GRADE_LABELS = {"primary": "Primary source", "secondary": "Reported second-hand", "unconfirmed": "Unconfirmed"}


@lru_cache(maxsize=4)
def environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        citation=citation_text,
        citation_html=citation_html,
        citation_sources=citation_sources,
        objection_text=objection_text,
        url_for=url_for,
        briefing_url=briefing_url,
        audience_cases_url=audience_cases_url,
        explorer_url=explorer_url,
        stale_after=STALE_AFTER_WORDS,
        card_sentence=card_sentence,
        dated_line=dated_line,
        words=joined_words,
        reader_words=reader_words,
    )
    env.filters.update(
        md=markdown_html,
        cited=cite_marks,
        text=one_line,
        country=country_name,
        grade_label=GRADE_LABELS.__getitem__,
        yaml_string=yaml_string,
    )
    return env


def joined_words(items: Sequence[str], last: str = "and") -> str:
    """['money', 'contact', 'time'] -> 'money, contact and time'."""
    items = list(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1] if len(items) > 1 else "".join(items)


def reader_words(book: Casebook) -> str:
    """Whose organisation the briefings prefer, in words: 'local government in United Kingdom'."""
    reader = book.reader
    if reader is None:
        return "the reader"
    sector = book.taxonomy.sectors.get(reader.sector)
    return f"{sector.label.lower() if sector else reader.sector} in {country_name(reader.country)}"


CITATION = re.compile(r"\s?\[(\d+(?:\s*,\s*\d+)*)\]")
# Held to the word before it: after a full stop or a closing quote a browser may otherwise break the
# line before "[", and the note number starts the next line alone.
WORD_JOINER = "&#8288;"


def cite_marks(html: Markup, anchor: str = "") -> Markup:
    """Rendered prose with its numbered citations ([1], [1, 2]) as superscripts joined to the word
    before them; with `anchor`, each number links to `#<anchor><n>` (the kit page's own list of
    sources)."""

    def sup(match: re.Match[str]) -> str:
        numbers = re.split(r"\s*,\s*", match.group(1))
        inner = ",".join(f'<a href="#{anchor}{n}">{n}</a>' if anchor else n for n in numbers)
        return f'{WORD_JOINER}<sup class="cb-cite">[{inner}]</sup>'

    return Markup(CITATION.sub(sup, str(html)))


def markdown_html(text: str) -> Markup:
    """Contributor Markdown as sanitised HTML; backticks become entities so no Markdown
    extension of the site can read a code fence in it."""
    return Markup(render(text or "").html.replace("`", "&#96;"))


def one_line(text: str) -> Markup:
    """Plain contributor text, escaped and on one line (it sits inside an HTML block)."""
    return Markup(str(escape(" ".join(str(text).split()))).replace("`", "&#96;"))


def yaml_string(text: str) -> Markup:
    """A front-matter value: HTML-escaped, since the theme prints titles without escaping, then
    written as a double-quoted YAML string."""
    return Markup(json.dumps(str(escape(" ".join(str(text).split()))), ensure_ascii=False))


def render_page(template: str, *, url: str, **values: Any) -> str:
    env = environment()
    return env.get_template(template).render(link=lambda to: relative(url, to), **values)


def page_file(template: str, src: str, source_path: str, **values: Any) -> SiteFile:
    """A generated page at `src` (under docs/); its links are relative to the url MkDocs gives it."""
    return SiteFile(src, render_page(template, url=url_of(src), **values), source_path)


def case_page(book: Casebook, case_id: str) -> SiteFile:
    case = book.cases[case_id]
    return page_file(
        "case.md.j2",
        src_uri("case", case.id),
        case.path,
        case=case,
        book=book,
        kind=case_kind(case),
        related=book.related(case),
        citing=book.benefits_citing(case.id),
        stale=book.is_stale(case),
    )


def benefit_page(book: Casebook, benefit_id: str) -> SiteFile:
    benefit = book.benefits[benefit_id]
    return page_file(
        "benefit.md.j2",
        src_uri("benefit", benefit.id),
        benefit.path,
        benefit=benefit,
        book=book,
        strength=book.strength(benefit),
        stale=book.is_stale(benefit),
    )


def kit_page(book: Casebook, kit_id: str) -> SiteFile:
    kit = book.kits[kit_id]
    cases = headline_cases(book, kit, None)
    return page_file(
        "kit.md.j2",
        src_uri("kit", kit.id),
        kit.path,
        kit=kit,
        book=book,
        cases=cases,
        brief=build_briefing(book, kit),
        case_sectors={case.sector for case in cases},
        benefits=book.benefits_for(kit.id),
        route=book.routes.get(kit.training or ""),
    )


def briefing_page(book: Casebook, kit_id: str, *, site_url: str = "") -> SiteFile:
    kit = book.kits[kit_id]
    address = f"{site_url}{kit.url}" if site_url else ""
    return page_file(
        "briefing.md.j2",
        briefing_src_uri(kit.id),
        kit.path,
        kit=kit,
        book=book,
        address=address,
        short_address=short_address(address) if address else "",
        site_url=site_url,
        brief=build_briefing(book, kit),
    )


def explorer_vocabulary(book: Casebook) -> dict[str, Any]:
    """The explorer's facet values, [id, label] pairs in display order, only those in use (and the
    source grades, for its sort)."""
    cases = list(book.cases.values())
    used = {
        "audience": {v for c in cases for v in c.audiences},
        "topic": {v for c in cases for v in c.topics},
        "channel": {v for c in cases for v in c.channels},
    }
    sectors = {c.sector for c in cases}
    kinds = {case_kind(c).id for c in cases}
    countries = sorted({c.country for c in cases}, key=country_name)
    terms = book.taxonomy
    return {
        "audience": [[k.id, k.name] for k in book.kits.values() if k.id in used["audience"]],
        "topic": [[t.id, t.label] for t in terms.topics.values() if t.id in used["topic"]],
        "sector": [[t.id, t.label] for t in terms.sectors.values() if t.id in sectors],
        "country": [[code, country_name(code)] for code in countries],
        "channel": [[t.id, t.label] for t in terms.channels.values() if t.id in used["channel"]],
        # The evidence label every page shows (model.strength), strongest first: the filter and
        # each card's label. The source's grade only breaks ties in the "strongest" sort.
        "strength": [[kind.id, kind.label] for kind in KINDS if kind.id in kinds],
        "grade": [[grade, GRADE_LABELS[grade]] for grade in GRADE_LABELS],
        "years": sorted({c.year for c in cases}),
    }


# Every page of one entry, and each kind's list page: what the registry names (`Kind.pages`,
# `Kind.listing`) and `entry_pages` calls for every kind. `print_url` is for the printed ones.
def case_pages(book: Casebook, case_id: str, *, print_url: str = "") -> list[SiteFile]:
    return [case_page(book, case_id)]


def benefit_pages(book: Casebook, benefit_id: str, *, print_url: str = "") -> list[SiteFile]:
    return [benefit_page(book, benefit_id)]


def kit_pages(book: Casebook, kit_id: str, *, print_url: str = "") -> list[SiteFile]:
    return [kit_page(book, kit_id), briefing_page(book, kit_id, site_url=print_url)]


def default_pages(kind: str, book: Casebook, entry_id: str, *, print_url: str = "") -> list[SiteFile]:
    """A new kind's page unless it names its own: templates/<kind>.md.j2 with `entry` and `book`."""
    entry = book.entries[kind][entry_id]
    return [page_file(f"{kind}.md.j2", src_uri(kind, entry_id), entry.path, entry=entry, book=book)]


def default_listing(kind: str, book: Casebook) -> list[SiteFile]:
    """A new kind's list page unless it names its own: each entry's title, linked."""
    return [
        page_file(
            "entries-index.md.j2",
            src_uri(kind, "index"),
            "",
            kind=BY_NAME[kind],
            entries=list(book.entries[kind].values()),
        )
    ]


def cases_index(book: Casebook) -> list[SiteFile]:
    return [page_file("cases-index.md.j2", src_uri("case", "index"), "", book=book)]


def kits_index(book: Casebook) -> list[SiteFile]:
    return [page_file("kits-index.md.j2", src_uri("kit", "index"), "", book=book)]


def benefits_index(book: Casebook) -> list[SiteFile]:
    return [
        page_file("benefits-index.md.j2", src_uri("benefit", "index"), "", book=book, filters=statement_filters(book))
    ]


def entry_pages(book: Casebook, *, case_pages: Any = None, print_url: str = "") -> list[SiteFile]:
    """Every registered kind's entry pages, then every list page. `case_pages(book, case_page)`,
    when given, makes the case pages: `mkdocs serve`'s cache, which knows when a case page can be
    kept (mkdocs_adapter/buildcache.py). `print_url` is the address printed on paper."""
    pages: list[SiteFile] = []
    for kind in PAGED:
        if kind.name == "case" and case_pages:
            pages += case_pages(book, case_page)
            continue
        make = resolve(kind.pages)
        pages += [page for entry_id in book.entries[kind.name] for page in make(book, entry_id, print_url=print_url)]
    return pages + [page for kind in PAGED for page in resolve(kind.listing)(book)]
