"""Stage 5, training pages: every route -> its agenda, one page per step, the presenter view, the
participant handout, the facilitator guide and the PowerPoint file; plus the /training/ index.

Facilitator notes reach only the presenter view and the facilitator guide, and both (like the step
pages, which repeat entries found elsewhere) are kept out of the search index by front matter.
"""

from __future__ import annotations

from collections.abc import Callable

from typing import Any


import posixpath
import re

from markupsafe import Markup

from mkdocs_adapter.markdown_engine import convert

from casebook.model.index import Casebook
from casebook.model.urls import relative
from casebook.pages.render import render_page
from casebook.pages.sitefile import SiteFile
from casebook.exports.slides import route_pptx
from casebook.content.steps import lift_headings, page_sections, read_page
from casebook.pages.training import Session, StepView, build_session, clock, key_figures, note_parts
from casebook.model.urls import url_of
from casebook.pages.deck import step_slides
from casebook.pages.materials import audience_kits, references, route_materials

# The hand-written pages' own Markdown extensions (mkdocs.yml), so a guide looks the same in a step.
GUIDE_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "fenced_code"]
# Where the pilot proposal worksheet takes its one-paragraph template from: the guide's section.
PROPOSAL = ("guides/frame-it-as-a-pilot.md", "a-one-paragraph-proposal")
PAGE_LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)\s]+?\.md)(#[^)\s]*)?\)")


def training_pages(book: Casebook) -> list[SiteFile]:
    """The list of routes and every page of every route (the site makes them through the registry)."""
    return training_index(book) + [page for route_id in book.routes for page in route_pages(book, route_id)]


def training_index(book: Casebook) -> list[SiteFile]:
    sessions = [build_session(book, route) for route in book.routes.values()]
    audiences = {s.route.id: [k.name for k in book.kits.values() if k.training == s.route.id] for s in sessions}
    return [
        SiteFile(
            "training/index.md",
            render_page("training-index.md.j2", url="training/", sessions=sessions, audiences=audiences),
            "",
        )
    ]


def route_pages(book: Casebook, route_id: str, *, print_url: str = "") -> list[SiteFile]:
    """A route's agenda, presenter view, handout, guide, one page per step and its slides."""
    return session_pages(book, build_session(book, book.routes[route_id]))


def session_pages(book: Casebook, session: Session) -> list[SiteFile]:
    route, base = session.route, f"training/{session.route.id}"
    values = {
        "route": route,
        "session": session,
        "book": book,
        "clock": clock,
        "note_parts": note_parts,
        "materials": route_materials(book, session),
    }
    slides = {view.number: step_slides(book, view) for view in session.steps}
    pages = [
        SiteFile(f"{base}/index.md", render_page("training-agenda.md.j2", url=route.url, **values), route.path),
        SiteFile(
            f"{base}/presenter.md",
            render_page("training-presenter.md.j2", url=f"{route.url}presenter/", **values),
            route.path,
        ),
    ]
    pages += print_pages(book, session, slides, values)
    pages += worksheet_pages(book, session, values)
    pages += [step_page(book, session, view, slides[view.number], values) for view in session.steps]
    pages.append(SiteFile(f"{base}/{route.id}.pptx", route_pptx(book, session), ""))
    return pages


def print_pages(book: Casebook, session: Session, slides: dict[int, Any], values: dict[str, Any]) -> list[SiteFile]:
    """The handout and the facilitator guide: the slides with numbered references to sources."""
    refs = references(slides)
    asks = [ask for kit in audience_kits(book, session) for ask in kit.asks]
    pages = []
    for name, facilitator in (("handout", False), ("guide", True)):
        url = f"{session.route.url}{name}/"
        chunkers = {view.number: chunker(book, view, url) for view in session.steps}
        content = render_page(
            "training-print.md.j2",
            url=url,
            facilitator=facilitator,
            slides_for=slides,
            chunkers=chunkers,
            references=list(refs.values()),
            asks=asks,
            cite=lambda source: Markup(f"[{refs[source.url].number}]"),
            **values,
        )
        pages.append(SiteFile(f"training/{session.route.id}/{name}.md", content, session.route.path))
    return pages


def worksheet_pages(book: Casebook, session: Session, values: dict[str, Any]) -> list[SiteFile]:
    """One printable page per activity: the pilot proposal, and a card per kit's objections."""
    route, pages = session.route, []
    for item in values["materials"]:
        if not item.page:
            continue
        content = render_page(
            item.page,
            url=item.url,
            kit=book.kits[item.kit] if item.kit else None,
            proposal=pilot_proposal(book, item.url),
            **values,
        )
        pages.append(SiteFile(f"{item.url.rstrip('/')}.md", content, route.path))
    return pages


def pilot_proposal(book: Casebook, url: str) -> Markup:
    """The guide's one-paragraph proposal (PROPOSAL), for the worksheet; empty where it is not."""
    path = book.root / "docs" / PROPOSAL[0]
    if not path.is_file():
        return Markup("")
    section = page_sections(read_page(path)[1]).get(PROPOSAL[1])
    if not section:
        return Markup("")
    body = "\n".join(line for line in section[1].splitlines() if line.startswith(">"))
    return guide_markdown_at(PROPOSAL[0], url, body)


def step_page(
    book: Casebook, session: Session, view: StepView, slides: tuple[Any, ...], values: dict[str, Any]
) -> SiteFile:
    url = session.step_url(view.number)
    steps = session.steps
    kit = view.target.ref if view.target.kind == "kit" else None
    content = render_page(
        "training-step.md.j2",
        url=url,
        view=view,
        figures=key_figures(book, view.target),
        previous=steps[view.number - 2] if view.number > 1 else None,
        next=steps[view.number] if view.number < len(steps) else None,
        kit_benefits=book.benefits_for(kit) if kit else [],
        kit_cases=book.cases_for(kit) if kit else [],
        guide_html=guide_html(book, view, url) if view.target.kind == "guide" else "",
        slides=slides,
        guide_chunk=chunker(book, view, url),
        cite=lambda source: f"{source.publisher}, {source.published}",
        **values,
    )
    return SiteFile(f"training/{session.route.id}/{view.number}.md", content, session.route.path)


def chunker(book: Casebook, view: StepView, url: str) -> Callable[[str], Markup]:
    """A slide's guide Markdown -> HTML for a page at `url`."""
    return lambda text: guide_markdown(book, view, url, text)


def guide_html(book: Casebook, view: StepView, url: str) -> Markup:
    """A hand-written page (or one `##` section of it) as HTML for a step page. These pages are the
    maintainers' own, not contributor YAML; their links to other pages are re-pointed from the
    page's folder to the step's address."""
    _, body = read_page(book.root / "docs" / view.target.ref)
    if view.target.section:
        body = lift_headings(page_sections(body)[view.target.section][1])
    return guide_markdown(book, view, url, body)


def guide_markdown(book: Casebook, view: StepView, url: str, body: str) -> Markup:
    """Markdown from the step's guide page as HTML at the step's address."""
    return guide_markdown_at(view.target.ref, url, body)


def guide_markdown_at(page: str, url: str, body: str) -> Markup:
    """Markdown from the hand-written page `page` (under docs/) as HTML for a page at `url`."""
    folder = posixpath.dirname(page)

    def repoint(match: re.Match[str]) -> str:
        page = url_of(posixpath.normpath(posixpath.join(folder, match.group(1))))
        return f"]({relative(url, page)}{match.group(2) or ''})"

    html, _ = convert(PAGE_LINK.sub(repoint, body), GUIDE_EXTENSIONS, output_format="xhtml")
    return Markup(html)
