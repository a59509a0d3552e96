"""Stage 5, the records every generated file of the site is handed over as: pages, data exports
(JSON, CSV, Atom) and downloads alike, so the site generator needs to know one shape only."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteFile:
    src_uri: str  # path under docs/, e.g. cases/leeds-gritting.md or api/cases.json
    content: str | bytes  # bytes for binary downloads (the briefings' .docx, the routes' .pptx)
    source_path: str  # the YAML file it comes from, for the edit link; "" for none
