"""Stage 5 for `mkdocs serve` only: content problems -> one page that lists them in the browser.

While content has errors, `make serve` shows this page at every address instead of failing (or
hanging on the last good build); its script reloads the page once a rebuild brings the site back.
`SERVING` is set by the MkDocs hook at start-up; it lives here because MkDocs re-imports hook files
on every rebuild, and this module survives that.
"""

from __future__ import annotations

from itertools import groupby
from urllib.parse import urlsplit

from casebook.pages.render import environment
from casebook.problems import Problem

SERVING = {"command": "build", "problems": False}
MARKER = "data-casebook-problems"  # the script reloads once a fetched page no longer has it


def is_serving() -> bool:
    return SERVING["command"] == "serve"


def showing_problems() -> bool:
    """True while `mkdocs serve` builds only the problem page (set by the hook in on_config)."""
    return SERVING["problems"]


def problem_page(problems: list[Problem], *, site_url: str) -> str:
    """A standalone HTML page (served at any depth, so its links start at the site's root)."""
    base = urlsplit(site_url or "/").path or "/"
    base = base if base.endswith("/") else base + "/"
    errors = [p for p in problems if p.is_error]
    files = [(path, list(group)) for path, group in groupby(errors, key=lambda p: p.path)]
    return (
        environment()
        .get_template("serve-problems.html.j2")
        .render(files=files, count=len(errors), base=base, marker=MARKER)
    )
