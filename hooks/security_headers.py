"""MkDocs hook: once the site is written (Pagefind's files included), every page gets the site's
Content-Security-Policy as a meta tag and `_headers` gets it for hosts that read one. The policy
is computed from the built pages by `casebook.security.csp`; see SECURITY.md."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from casebook.security.csp import MissingPolicy, apply_to_site

_RUN = {"command": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _RUN["command"] = command


@event_priority(-100)  # after every other post-build step, so their files are surveyed too
def on_post_build(config) -> None:
    # `mkdocs serve` injects its live-reload script into each response, after this point, so a
    # policy there would stop live reload. The policy is for built sites; browser tests use one.
    if _RUN["command"] != "serve":
        try:
            apply_to_site(Path(config.site_dir))
        except MissingPolicy as missing:  # a page without the policy is never published
            raise Abort(str(missing)) from None
