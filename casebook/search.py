"""Stage 6, search: the site's one search engine, Pagefind, over the built HTML.

    built site/ (every page's <article>) -> pagefind binary -> site/pagefind/ (index fragments)

Each page says what it is (a `type` filter and a ranking `tier`), pages mark their own audience,
topic and sector filters and headline figure in their templates, and `synonyms.yml` lists words
a reader may use for the same thing. The browser loads nothing of this until the reader types.
"""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

import yaml

from .urls import is_audience_cases_url

SYNONYMS = "synonyms.yml"
ROOT_SELECTOR = "article.md-content__inner"  # Material's page body: no header, nav or footer
# Marked for Material's old search: navigation, copies of other pages' text, sources and metadata.
# Pages mark what stays out of Pagefind with data-pagefind-ignore (="all" also drops filters).
EXCLUDE = "[data-search-exclude], .headerlink"  # .headerlink: the ¶ after each heading
# (url prefix, page type); the first match wins, so the longer prefixes come first.
PAGE_TYPES = (("cases/", "Case study"), ("benefits/", "Statement"), ("training/", "Training"),
              ("guides/", "Guide"), ("tools/", "Tool"))
LISTINGS = {"cases/", "benefits/", "kits/", "training/"}
FIRST_TIER = {"Case study", "Persuasion kit"}  # ranked above other pages of similar relevance


def page_type(url: str) -> str:
    """What a reader would call the page at `url` (a directory url like cases/x/)."""
    if url in LISTINGS or url == "":
        return "Listing" if url else "Home"
    if is_audience_cases_url(url):  # one audience's list of cases, not a case
        return "Listing"
    if url.startswith("kits/"):
        return "Briefing" if url.endswith("/briefing/") else "Persuasion kit"
    return next((kind for prefix, kind in PAGE_TYPES if url.startswith(prefix)), "Page")


def page_marker(url: str) -> str:
    """The empty element that gives a page its type filter and ranking tier in the index."""
    kind = page_type(url)
    tier = 1 if kind in FIRST_TIER else 2
    return (f'<div hidden data-pagefind-filter="type:{kind}"></div>'
            f'<div hidden data-pagefind-filter="tier:{tier}"></div>')


def load_synonyms(root: Path) -> list[list[str]]:
    """Groups of words meaning the same to a reader, from `synonyms.yml` (a list of lists)."""
    path = Path(root) / SYNONYMS
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    groups = data.get("synonyms", []) if isinstance(data, dict) else []
    return [[str(term).strip() for term in group if str(term).strip()] for group in groups
            if isinstance(group, list) and len(group) > 1]


def synonyms_json(root: Path) -> str:
    return json.dumps(load_synonyms(root), ensure_ascii=False, separators=(",", ":"))


def pagefind_executable() -> str:
    """The binary from the pinned `pagefind-bin` wheel (no download at build time)."""
    from pagefind_bin import get_executable
    return str(get_executable())


def index_site(site_dir: Path, *, output: Path | None = None) -> subprocess.CompletedProcess:
    """Run Pagefind over a built site; the index lands in site_dir/pagefind/ (or `output`)."""
    command = [pagefind_executable(), "--site", str(site_dir), "--root-selector", ROOT_SELECTOR,
               "--exclude-selectors", EXCLUDE, "--force-language", "en", "--glob", "**/index.html",
               "--silent"] + (["--output-path", str(output)] if output else [])
    return subprocess.run(command, capture_output=True, text=True, check=False)


def fragment_urls(site_dir: Path) -> dict[str, str]:
    """Pagefind's page hash -> page url, read from the index it wrote. The explorer uses this to
    turn a ranked list of hashes into case ids without fetching one fragment per case."""
    urls = {}
    for path in (Path(site_dir) / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[len(b"pagefind_dcd"):])
        urls[path.name[:-len(".pf_fragment")]] = fragment["url"]
    return urls


def case_fragments_json(site_dir: Path) -> str:
    """{page hash: case id} for every case page in the index."""
    cases = {}
    for fragment, url in fragment_urls(site_dir).items():
        parts = url.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "cases":
            cases[fragment] = parts[1]
    return json.dumps(cases, separators=(",", ":"), sort_keys=True)
