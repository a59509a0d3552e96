"""Stage 5, where every generated page lives and how one page links to another.

The one place for it, as MkDocs keeps it in `File._get_url` and `url_relative_to`: an entry's
source path under docs/ (`src_uri`), its page url (directory style: `cases/leeds-gritting/`), and the
relative link between two pages. Templates ask `url_for(kind, id)` and `link(url)`; nothing else
joins strings into a site path. The site is built with `use_directory_urls: true` (the MkDocs
default); the build hook refuses any other setting with a clear message (see `DIRECTORY_URLS_ONLY`),
since these urls, the explorer's links and Pagefind's page markers all assume it.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from casebook.kinds import SECTIONS  # the site folder of each kind's pages: `<section>/<id>/`

DIRECTORY_URLS_ONLY = (
    "use_directory_urls: false is not supported: every generated page and link is "
    "directory-style (cases/<id>/, see casebook/model/urls.py). Remove the setting from "
    "mkdocs.yml, or set it to true."
)


def src_uri(kind: str, entry_id: str) -> str:
    """The page's source path under docs/, e.g. cases/leeds-gritting.md."""
    return f"{SECTIONS[kind]}/{entry_id}.md"


def briefing_src_uri(kit_id: str) -> str:
    return f"{SECTIONS['kit']}/{kit_id}/briefing.md"


def url_of(src: str) -> str:
    """The directory-style url MkDocs gives a source path: a/index.md -> a/, a/b.md -> a/b/."""
    path = src[: -len(".md")] if src.endswith(".md") else src
    if path == "index" or path.endswith("/index"):
        return path[: -len("index")]
    return path + "/"


def url_for(kind: str, entry_id: str) -> str:
    """The page url of an entry, e.g. url_for("kit", "executives") -> kits/executives/."""
    return url_of(src_uri(kind, entry_id))


def relative(from_url: str, to_url: str) -> str:
    """Link from one directory-style page url to another, e.g. cases/a/ -> ../../kits/b/.
    Every page url is a directory under the site root, so climbing to the root and down again
    is always right (and far cheaper than posixpath.relpath on thousands of pages)."""
    up = "../" * from_url.count("/")
    return (up + to_url) or "./"


def briefing_url(kit_id: str) -> str:
    return url_of(briefing_src_uri(kit_id))


def briefing_docx_url(kit_id: str) -> str:
    """The Word file of a kit's standard briefing."""
    return f"downloads/briefing-{kit_id}.docx"


# One audience's cases as a plain page (cases/for/executives/): what the explorer's `?audience=`
# shows, for readers without JavaScript, since a static host cannot vary a page by query string.
# Under cases/ with a third path part, so it never takes a case's address (cases/<id>/).
AUDIENCE_CASES = "cases/for/"


def audience_cases_src_uri(kit_id: str) -> str:
    return f"{AUDIENCE_CASES}{kit_id}.md"


def audience_cases_url(kit_id: str) -> str:
    """The plain list of one audience's cases, e.g. cases/for/executives/."""
    return url_of(audience_cases_src_uri(kit_id))


def is_audience_cases_url(url: str) -> bool:
    """Whether `url` is an audience's page; cases/for/ alone would be a case whose id is "for"."""
    return url.startswith(AUDIENCE_CASES) and url.count("/") == AUDIENCE_CASES.count("/") + 1


def explorer_url(**facets: str) -> str:
    """The case explorer with facets in its address, e.g. explorer_url(audience="executives") ->
    cases/?audience=executives. Only the explorer's script reads the query: link readers without
    JavaScript to `audience_cases_url` instead."""
    query = urlencode(facets, safe=",")
    return f"{SECTIONS['case']}/" + (f"?{query}" if query else "")


LOOPBACK = ("127.0.0.1", "localhost", "::1", "0.0.0.0")


def printed_address(site_url: str, public_url: str = "") -> str:
    """The site address printed on briefings and Word files: `site_url`, unless it is this
    computer (`make serve` sets it to 127.0.0.1 for the preview's own links), when the public
    address from mkdocs.yml (`extra.public_url`) is printed instead; a reader cannot open localhost."""
    host = urlsplit(site_url).hostname or ""
    chosen = public_url if (not site_url or host in LOOPBACK) and public_url else site_url
    return chosen if not chosen or chosen.endswith("/") else chosen + "/"


def short_address(url: str) -> str:
    """'https://example.org/casebook/kits/executives/' -> 'example.org/casebook/kits/executives':
    the form a reader types from paper."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/") if parts.netloc else url


def site_of(url: str) -> str:
    """The host of an address without 'www.', the part of it a reader recognises."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")
