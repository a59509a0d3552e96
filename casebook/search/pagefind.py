"""Stage 6, search: the site's one search engine, Pagefind, over the built HTML.

    built site/ (every page's <article>) -> pagefind binary -> site/pagefind/ (index fragments)
                                                            [+ site/pagefind-1/, ... on a large site]
                                         -> site/search/ranking.json, search/case-fragments.json

Each page says what it is (a `type` filter), pages mark their own audience, topic and sector
filters and headline figure in their templates, and `synonyms.yml` lists words a reader may use
for the same thing. ranking.json names the index bundles and the pages that rank below case
studies and kits. The browser loads nothing of this until the reader focuses a search box.
"""

from __future__ import annotations

from typing import Any

import gzip
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from html import escape, unescape
from pathlib import Path

import yaml

from casebook.kinds import BY_NAME, PAGED, SECTIONS
from casebook.model.urls import is_audience_cases_url

SYNONYMS = "synonyms.yml"
# Marked for Material's old search: navigation, copies of other pages' text, sources and metadata.
# Pages mark what stays out of Pagefind with data-pagefind-ignore (="all" also drops filters).
EXCLUDE = "[data-search-exclude], .headerlink"  # .headerlink: the ¶ after each heading
# (url prefix, page type): each registered kind's section, then the hand-written sections; the
# first match wins. Kits are typed in `page_type` (a kit's briefing is a "Briefing").
PAGE_TYPES = tuple((f"{kind.section}/", kind.search_type) for kind in PAGED if kind.name != "kit") + (
    ("guides/", "Guide"),
    ("tools/", "Tool"),
)
LISTINGS = {f"{kind.section}/" for kind in PAGED}  # each kind's list page
FACETS = ("audience", "topic", "sector", "type")  # the filters a reader can narrow by
# Ranked above other pages of similar relevance: what a manager came for. Guides and tools are
# few; guides answer the "how do I" searches ("return on investment", "frame a pilot"), and a
# tool is what a reader naming it wants ("channel shift calculator").
FIRST_TIER = {BY_NAME["case"].search_type, BY_NAME["kit"].search_type, "Guide", "Tool"}
# A site of more than this many pages is indexed as several bundles, which the browser searches
# together (Pagefind's mergeIndex). Pagefind 1.5's search did work growing with the square of the
# pages a word matched, so bundles were 500 pages; 1.6.0's does not (the same CPU for one bundle
# of 5,000 pages as for ten of 500), and each bundle costs the first search a manifest and a chunk
# per word, so a site of up to this many pages is one bundle (docs/performance.md, Search).
BUNDLE_PAGES = 10_000
BUNDLE = "pagefind"  # the first bundle: pagefind.js, its worker and WebAssembly live here
MERGED_KEEP = ("pagefind-entry.json", "index", "filter", "fragment")  # all a merged bundle needs


def page_type(url: str) -> str:
    """What a reader would call the page at `url` (a directory url like cases/x/)."""
    if url in LISTINGS or url == "":
        return "Listing" if url else "Home"
    if is_audience_cases_url(url):  # one audience's list of cases, not a case
        return "Listing"
    if url.startswith(f"{SECTIONS['kit']}/"):
        return "Briefing" if url.endswith("/briefing/") else BY_NAME["kit"].search_type
    return next((kind for prefix, kind in PAGE_TYPES if url.startswith(prefix)), "Page")


# Pages for the people who build the site, not for a manager looking for evidence: a search for
# "bin collection" must not offer the performance notes' "garbage collection".
DEVELOPER_PAGES = ("performance/", "data/", "contribute/fields/", "assets/")


def is_searchable(url: str, meta: dict[str, Any] | None = None) -> bool:
    """False for developer pages and pages whose front matter says `search: exclude: true`."""
    search = (meta or {}).get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return False
    return not url.startswith(DEVELOPER_PAGES)


def page_marker(url: str, title: str = "") -> str:
    """The hidden element that gives a page its type filter and its title in the index (the
    title given, not Pagefind's first <h1>: the home page has none in its body)."""
    # Generated pages' front matter holds the title HTML-escaped already ("Mission&#39;s").
    named = f'<span data-pagefind-meta="title">{escape(unescape(title))}</span>' if title else ""
    return f'<div hidden data-pagefind-ignore data-pagefind-filter="type:{page_type(url)}">{named}</div>'


def unsearchable(html: str) -> str:
    """A page's body kept out of the index altogether (Pagefind drops a page with no content)."""
    return f'<div data-pagefind-ignore="all">{html}</div>'


def first_tier(url: str) -> bool:
    """Case studies and persuasion kits rank above other pages of similar relevance."""
    return page_type(url) in FIRST_TIER


def load_synonyms(root: Path) -> list[list[str]]:
    """Groups of words meaning the same to a reader, from `synonyms.yml` (a list of lists)."""
    path = Path(root) / SYNONYMS
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    groups = data.get("synonyms", []) if isinstance(data, dict) else []
    return [
        [str(term).strip() for term in group if str(term).strip()]
        for group in groups
        if isinstance(group, list) and len(group) > 1
    ]


def synonyms_json(root: Path) -> str:
    return json.dumps(load_synonyms(root), ensure_ascii=False, separators=(",", ":"))


# Pagefind comes from npm, pinned in tools/node/package-lock.json and installed there by `make
# setup` (npm ci): PyPI's wheel stops at 1.5.2, and 1.6.0 searches a large site faster
# (docs/performance.md, Search). npm installs only this platform's binary package.
NODE_TOOLS = Path("tools") / "node"
BINARIES = ("pagefind_extended", "pagefind", "pagefind_extended.exe", "pagefind.exe")
OVERRIDE = "CASEBOOK_PAGEFIND"  # another Pagefind binary, for trying a version


def pagefind_executable() -> str | None:
    """The Pagefind binary npm installed, or None. Looked for beside this package and beside the
    Python environment's folder (.venv), so a copy of the repository that the tests or the
    benchmark build without node_modules finds the one `make setup` installed."""
    if os.environ.get(OVERRIDE):
        return os.environ[OVERRIDE]
    roots = dict.fromkeys((Path(__file__).resolve().parents[2], Path(sys.prefix).resolve().parent))
    for root in roots:
        packages = root / NODE_TOOLS / "node_modules" / "@pagefind"
        for name in BINARIES:
            found = sorted(packages.glob(f"*/bin/{name}"))
            if found:
                return str(found[0])
    return None


def _pagefind(site: Path, output: Path, root_selector: str) -> subprocess.CompletedProcess[str]:
    """One bundle. Pagefind 1.6.0 writes the same bytes for the same pages (1.5.2 wrote its filters
    and metadata in a random order), so two builds of one tree are identical."""
    executable = pagefind_executable()
    if executable is None:
        return subprocess.CompletedProcess([], 127, "", f"Pagefind is not installed in {NODE_TOOLS}: run `make setup`.")
    command = [
        executable,
        "--site",
        str(site),
        "--output-path",
        str(output),
        "--root-selector",
        root_selector,
        "--exclude-selectors",
        EXCLUDE,
        "--force-language",
        "en",
        "--glob",
        "**/index.html",
        "--silent",
    ]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def bundle_dirs(root: Path) -> list[Path]:
    """The index bundles under `root` (a site, or a folder an index was written to), the first
    (with the search's script) first."""
    root = Path(root)
    merged = [path for path in root.glob(f"{BUNDLE}-*") if path.name[len(BUNDLE) + 1 :].isdigit()]
    return [root / BUNDLE] + sorted(merged, key=lambda path: int(path.name[len(BUNDLE) + 1 :]))


def _link_tree(pages: list[Path], site_dir: Path, into: Path) -> None:
    """The pages of one bundle, at their own paths under `into` (hard links: nothing copied)."""
    for page in pages:
        target = into / page.relative_to(site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(page, target)
        except OSError:
            shutil.copyfile(page, target)


def index_site(
    site_dir: Path, *, root_selector: str, output: Path | None = None, bundle_pages: int = BUNDLE_PAGES
) -> subprocess.CompletedProcess[str]:
    """Run Pagefind over a built site; the index lands in site_dir/pagefind/ (or `output`), and
    for a site of more than `bundle_pages` pages in further bundles beside it, pagefind-1/,
    pagefind-2/, ... Pages are dealt out in turn by path, so each bundle holds a like mix.
    `root_selector` is the theme's page body (no header, nav or footer): the theme knows it, so
    the MkDocs adapter passes it in (mkdocs_adapter.theme.ROOT_SELECTOR)."""
    site_dir = Path(site_dir)
    output = Path(output) if output else site_dir / BUNDLE
    for old in bundle_dirs(output.parent):  # Pagefind adds to an output folder; start from none
        shutil.rmtree(old, ignore_errors=True)
    pages = sorted(site_dir.glob("**/index.html"))
    count = max(1, math.ceil(len(pages) / bundle_pages))
    if count == 1:
        return _pagefind(site_dir, output, root_selector)
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=output.parent) as tmp:
        for number in range(count):
            tree = Path(tmp) / str(number)
            _link_tree(pages[number::count], site_dir, tree)
            bundle = output if number == 0 else output.parent / f"{BUNDLE}-{number}"
            result = _pagefind(tree, bundle, root_selector)
            if result.returncode != 0:
                return result
            if number:  # the script, worker and WebAssembly come from the first bundle
                for extra in bundle.iterdir():
                    if extra.name not in MERGED_KEEP and not extra.name.endswith(".pf_meta"):
                        shutil.rmtree(extra) if extra.is_dir() else extra.unlink()
    return result


def fragments(site_dir: Path) -> dict[str, dict[str, Any]]:
    """Pagefind's page hash -> the fragment it stored for the page (url, title, filters...)."""
    found = {}
    for bundle in bundle_dirs(site_dir):
        for path in (bundle / "fragment").glob("*.pf_fragment"):
            data = gzip.decompress(path.read_bytes())
            found[path.name[: -len(".pf_fragment")]] = json.loads(data[len(b"pagefind_dcd") :])
    return found


def fragment_urls(site_dir: Path) -> dict[str, str]:
    """Pagefind's page hash -> page url, read from the index it wrote. The explorer uses this to
    turn a ranked list of hashes into case ids without fetching one fragment per case."""
    return {page: fragment["url"] for page, fragment in fragments(site_dir).items()}


def _page_url(url: str) -> str:
    """Pagefind's "/cases/x/" as MkDocs writes a page url: "cases/x/", and "" for the home page."""
    path = url.strip("/")
    return path + "/" if path else ""


def case_fragments_json(site_dir: Path, urls: dict[str, str] | None = None) -> str:
    """{page hash: case id} for every case page in the index (`urls`: fragment_urls, if read)."""
    cases = {}
    for fragment, url in (fragment_urls(site_dir) if urls is None else urls).items():
        parts = url.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "cases":
            cases[fragment] = parts[1]
    return json.dumps(cases, separators=(",", ":"), sort_keys=True)


def ranking_json(root: Path, found: dict[str, dict[str, Any]]) -> str:
    """What the search box needs beyond Pagefind's script, in one small file: the bundles to
    merge (paths from the site root); the hashes of second-tier pages (every page not a case
    study or kit: few, and not growing with the cases), so one search ranks cases and kits first
    without a search per tier; each kit's audience name (`names`: page hash -> name); and each
    facet's values, so the box can offer its filters without downloading every filter index (they
    grow with the cases; a search loads one when used)."""
    root = Path(root)
    second = sorted(page for page, fragment in found.items() if not first_tier(_page_url(fragment["url"])))
    bundles = [path.relative_to(root).as_posix() + "/" for path in bundle_dirs(root)]
    # A persuasion kit's name is its audience's (its <h1>, the page's audience filter): a query
    # that is that name puts the kit first (SearchCore.namedPages).
    kit = BY_NAME["kit"].search_type
    names = {
        page: fragment["filters"]["audience"][0]
        for page, fragment in sorted(found.items())
        if fragment.get("filters", {}).get("type") == [kit] and fragment["filters"].get("audience")
    }
    facets: dict[str, set[Any]] = {name: set() for name in FACETS}
    for fragment in found.values():
        for name, values in fragment.get("filters", {}).items():
            if name in facets:
                facets[name].update(values)
    return json.dumps(
        {
            "bundles": bundles,
            "second": second,
            "names": names,
            "facets": {name: sorted(values) for name, values in facets.items()},
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


MAPS = (Path("search") / "case-fragments.json", Path("search") / "ranking.json")


def build_index(
    site_dir: Path, *, root_selector: str, into: Path | None = None, bundle_pages: int = BUNDLE_PAGES
) -> subprocess.CompletedProcess[str]:
    """Index a built site into `into` (default: the site itself) and write beside the index the
    two maps the browser reads (MAPS): search/case-fragments.json (the explorer: page hash ->
    case id) and search/ranking.json."""
    into = Path(into) if into else Path(site_dir)
    result = index_site(site_dir, root_selector=root_selector, output=into / BUNDLE, bundle_pages=bundle_pages)
    if result.returncode == 0:
        found = fragments(into)
        urls = {page: fragment["url"] for page, fragment in found.items()}
        (into / "search").mkdir(parents=True, exist_ok=True)
        (into / MAPS[0]).write_text(case_fragments_json(into, urls), encoding="utf-8")
        (into / MAPS[1]).write_text(ranking_json(into, found), encoding="utf-8")
    return result
