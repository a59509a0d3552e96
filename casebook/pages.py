"""Stage 5, pages: a `Casebook` -> the Markdown source of every generated page.

Templates live in `templates/` and render with autoescaping: contributor text reaches them as
values, is escaped or passed through the sanitising Markdown renderer, and is never evaluated as
a template. Links are relative to the page, so the site works under any base path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .countries import country_name
from .briefing import PILOT_LABELS, build_briefing, headline_cases
from .citation import citation_html, citation_sources, citation_text, objection_text
from .index import Casebook
from .markup import render
from .statements import filter_options as statement_filters
from .strength import case_kind
from .sitefile import SiteFile

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
GRADE_LABELS = {"primary": "Primary source", "secondary": "Reported second-hand",
                "unconfirmed": "Unconfirmed"}


@lru_cache(maxsize=4)
def environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.globals.update(citation=citation_text, citation_html=citation_html,
                       citation_sources=citation_sources, objection_text=objection_text,
                       pilot_labels=PILOT_LABELS)
    env.filters.update(md=markdown_html, text=one_line, country=country_name,
                       grade_label=GRADE_LABELS.__getitem__, yaml_string=yaml_string)
    return env


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


def relative(from_url: str, to_url: str) -> str:
    """Link from one directory-style page url to another, e.g. cases/a/ -> ../../kits/b/.
    Every page url is a directory under the site root, so climbing to the root and down again
    is always right (and far cheaper than posixpath.relpath on thousands of pages)."""
    up = "../" * from_url.count("/")
    return (up + to_url) or "./"


def render_page(template: str, *, url: str, **values) -> str:
    env = environment()
    return env.get_template(template).render(link=lambda to: relative(url, to), **values)


def case_page(book: Casebook, case_id: str) -> SiteFile:
    case = book.cases[case_id]
    content = render_page("case.md.j2", url=case.url, case=case, book=book, kind=case_kind(case),
                          related=book.related(case), citing=book.benefits_citing(case.id),
                          stale=book.is_stale(case))
    return SiteFile(f"cases/{case.id}.md", content, case.path)


def benefit_page(book: Casebook, benefit_id: str) -> SiteFile:
    benefit = book.benefits[benefit_id]
    content = render_page("benefit.md.j2", url=benefit.url, benefit=benefit, book=book,
                          strength=book.strength(benefit), stale=book.is_stale(benefit))
    return SiteFile(f"benefits/{benefit.id}.md", content, benefit.path)


def kit_page(book: Casebook, kit_id: str) -> SiteFile:
    kit = book.kits[kit_id]
    cases = headline_cases(book, kit.id, None)
    content = render_page("kit.md.j2", url=kit.url, kit=kit, book=book, cases=cases,
                          case_sectors={case.sector for case in cases},
                          benefits=book.benefits_for(kit.id), route=book.routes.get(kit.training or ""))
    return SiteFile(f"kits/{kit.id}.md", content, kit.path)


def briefing_page(book: Casebook, kit_id: str, *, site_url: str = "") -> SiteFile:
    kit = book.kits[kit_id]
    content = render_page("briefing.md.j2", url=f"{kit.url}briefing/", kit=kit, book=book,
                          site_url=site_url, brief=build_briefing(book, kit))
    return SiteFile(f"kits/{kit.id}/briefing.md", content, kit.path)


def explorer_vocabulary(book: Casebook) -> dict:
    """The explorer's facet values, [id, label] pairs in display order, only those in use."""
    cases = list(book.cases.values())
    used = {"audience": {v for c in cases for v in c.audiences},
            "topic": {v for c in cases for v in c.topics},
            "channel": {v for c in cases for v in c.channels}}
    sectors = {c.sector for c in cases}
    countries = sorted({c.country for c in cases}, key=country_name)
    terms = book.taxonomy
    return {
        "audience": [[k.id, k.name] for k in book.kits.values() if k.id in used["audience"]],
        "topic": [[t.id, t.label] for t in terms.topics.values() if t.id in used["topic"]],
        "sector": [[t.id, t.label] for t in terms.sectors.values() if t.id in sectors],
        "country": [[code, country_name(code)] for code in countries],
        "channel": [[t.id, t.label] for t in terms.channels.values() if t.id in used["channel"]],
        "grade": [[grade, GRADE_LABELS[grade]] for grade in GRADE_LABELS],
        "years": sorted({c.year for c in cases}),
    }


def index_pages(book: Casebook) -> list[SiteFile]:
    return [SiteFile("cases/index.md", render_page("cases-index.md.j2", url="cases/", book=book), ""),
            SiteFile("kits/index.md", render_page("kits-index.md.j2", url="kits/", book=book), ""),
            SiteFile("benefits/index.md",
                          render_page("benefits-index.md.j2", url="benefits/", book=book,
                                      filters=statement_filters(book)), "")]


def entry_pages(book: Casebook) -> list[SiteFile]:
    pages = [case_page(book, i) for i in book.cases]
    pages += [benefit_page(book, i) for i in book.benefits]
    pages += [kit_page(book, i) for i in book.kits]
    pages += [briefing_page(book, i) for i in book.kits]
    return pages + index_pages(book)
