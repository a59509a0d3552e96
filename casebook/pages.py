"""Stage 5, pages: a `Casebook` -> the Markdown source of every generated page.

Templates live in `templates/` and render with autoescaping: contributor text reaches them as
values, is escaped or passed through the sanitising Markdown renderer, and is never evaluated as
a template. Links are relative to the page, so the site works under any base path.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .countries import country_name
from .index import Casebook
from .markup import render

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
GRADE_LABELS = {"primary": "Primary source", "secondary": "Reported second-hand",
                "unconfirmed": "Unconfirmed"}


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # e.g. cases/leeds-gritting.md
    content: str
    source_path: str  # the YAML file it comes from, for the edit link


@lru_cache(maxsize=4)
def environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.globals.update(citation=citation)
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


def citation(book: Casebook, benefit) -> str:
    """The statement in quotes and a short citation of its sources; the page adds its address."""
    cited = []
    for source in book.evidence_sources(benefit):
        short = f"{source.publisher}, {source.title} ({str(source.published)[:4]})"
        if short not in cited:
            cited.append(short)
    return f"“{benefit.statement}”\nSources: {'; '.join(cited)}."


def relative(from_url: str, to_url: str) -> str:
    """Link from one directory-style page url to another, e.g. cases/a/ -> ../../kits/b/."""
    target = posixpath.relpath(to_url or ".", from_url or ".")
    if target == ".":
        return "./"
    return target + "/" if to_url in ("", ".") or to_url.endswith("/") else target


def render_page(template: str, *, url: str, **values) -> str:
    env = environment()
    return env.get_template(template).render(link=lambda to: relative(url, to), url=url, **values)


def case_page(book: Casebook, case_id: str) -> GeneratedPage:
    case = book.cases[case_id]
    content = render_page("case.md.j2", url=case.url, case=case, book=book,
                          related=book.related(case), citing=book.benefits_citing(case.id),
                          stale=book.is_stale(case))
    return GeneratedPage(f"cases/{case.id}.md", content, case.path)


def benefit_page(book: Casebook, benefit_id: str) -> GeneratedPage:
    benefit = book.benefits[benefit_id]
    content = render_page("benefit.md.j2", url=benefit.url, benefit=benefit, book=book,
                          strength=book.strength_label(benefit), stale=book.is_stale(benefit))
    return GeneratedPage(f"benefits/{benefit.id}.md", content, benefit.path)


def index_pages(book: Casebook) -> list[GeneratedPage]:
    return [GeneratedPage("cases/index.md", render_page("cases-index.md.j2", url="cases/", book=book), ""),
            GeneratedPage("benefits/index.md",
                          render_page("benefits-index.md.j2", url="benefits/", book=book), "")]


def entry_pages(book: Casebook) -> list[GeneratedPage]:
    pages = [case_page(book, i) for i in book.cases]
    pages += [benefit_page(book, i) for i in book.benefits]
    return pages + index_pages(book)
