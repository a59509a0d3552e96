"""Stage 5 for `mkdocs serve` only: a page whose inputs did not change since the last good rebuild
is not converted or themed again; the serving process replays what that rebuild made of it.

A page's key covers everything its written HTML is made from:

    site key   the theme and package versions, mkdocs.yml and the configuration MkDocs resolved
               from it, every file under docs/, overrides/, templates/, hooks/ and casebook/, the
               list of every page and file of the site, and the source of every page that names
               its own title in the navigation (the nav is drawn on every page)
    page key   the site key, the page's address, edit link and nav title, and its source: for a
               generated page the Markdown the casebook made for it, so a change to a case changes
               the key of every page that shows that case (its page, the indexes, the kits,
               briefings and statements that cite it, the related cases of others)

Pages that run macros (`render_macros` anywhere in their source) read the whole casebook, so
their key takes the Markdown the macros wrote instead of the file. Also kept between rebuilds:
case pages' generated sources (`case_pages`), each content file's own checks (`EntryMemo`) and the
theme's compiled templates (`MemoryBytecodeCache`). Pages are kept only from a rebuild that
finished without an error or a warning (a replayed page would not warn again), and only those
that rebuild used. `mkdocs build` never enables any of it: built sites stay exactly as they are.
MkDocs re-imports hook files on every rebuild; this module, imported once, is what survives.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Callable, Iterable

import jinja2
import jinja2.bccache

MACROS_MARKER = b"render_macros"  # a page that may run macros: its HTML depends on every entry
SOURCE_TREES = ("docs", "overrides", "templates", "hooks", "casebook", "mkdocs_adapter")
SOURCE_FILES = ("mkdocs.yml", "macros.py", "synonyms.yml")
SKIPPED_DIRS = {"__pycache__", ".pytest_cache"}


@dataclass(frozen=True)
class Rendered:
    """What one rebuild made of a page: enough for MkDocs to write it again unchanged and for
    other pages' anchor links to it to be checked."""

    meta: dict
    title: str | None  # the title the page's own content gave it (MkDocs' _title_from_render)
    toc: Any  # MkDocs' TableOfContents, read only by the theme
    anchor_ids: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]]  # linked page's src_uri -> {anchor: link}
    html: str  # the theme's output, before any on_post_page event


@dataclass
class PageCache:
    enabled: bool = False
    kept: dict[str, Rendered] = field(default_factory=dict)  # key -> page, from the last good rebuild
    fresh: dict[str, Rendered] = field(default_factory=dict)  # this rebuild's pages, kept or made
    keys: dict[str, str] = field(default_factory=dict)  # src_uri -> key, this rebuild
    replayed: set[str] = field(default_factory=set)  # src_uris, this rebuild
    hits: int = 0
    misses: int = 0
    warnings: _Counter | None = None
    sources: str = ""  # this rebuild's source_digest
    made_kept: dict[str, Any] = field(default_factory=dict)  # key -> a generated page's source
    made_fresh: dict[str, Any] = field(default_factory=dict)
    made_hits: int = 0
    entries: EntryMemo = field(default_factory=lambda: EntryMemo())

    def begin(self, sources: str) -> None:
        """A rebuild starts: count warnings from here, forget the last rebuild's bookkeeping."""
        self.fresh, self.keys, self.replayed, self.hits, self.misses = {}, {}, set(), 0, 0
        self.made_fresh, self.made_hits, self.sources = {}, 0, sources
        if self.warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
        self.warnings = _Counter()
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def lookup(self, src_uri: str, key: str) -> Rendered | None:
        """The kept page for `key` (counted as a hit), or None (the page is made and stored)."""
        self.keys[src_uri] = key
        found = self.kept.get(key)
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        self.replayed.add(src_uri)
        self.fresh[key] = found
        return found

    def store(self, src_uri: str, rendered: Rendered) -> None:
        key = self.keys.get(src_uri)
        if key is not None:
            self.fresh[key] = rendered

    def finish(self) -> None:
        """The rebuild wrote every page: keep its pages, unless anything warned."""
        clean = self.warnings is None or self.warnings.count == 0
        self.kept, self.made_kept = (self.fresh, self.made_fresh) if clean else ({}, {})
        self.fresh, self.made_fresh = {}, {}

    def clear(self) -> None:
        """A serving process starts, or a rebuild failed: nothing made before is replayed."""
        self.kept, self.fresh, self.keys, self.replayed, self.hits, self.misses = {}, {}, {}, set(), 0, 0
        self.made_kept, self.made_fresh, self.made_hits, self.entries = {}, {}, 0, EntryMemo()

    def remembered(self, key: str, make: Callable[[], Any]) -> Any:
        """What `make()` returned for `key` in the last good rebuild, else `make()` now."""
        found = self.made_kept.get(key)
        if found is None:
            found = make()
        else:
            self.made_hits += 1
        self.made_fresh[key] = found
        return found


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept in memory between rebuilds. Jinja checks each entry against
    its template's source; `prefix` separates theme configurations."""

    def __init__(self) -> None:
        self.prefix = ""
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(self.prefix + bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[self.prefix + bucket.key] = bucket.bytecode_to_string()


class EntryMemo:
    """Each content file's own checks (stage 1 and 2: parsed, shaped, its own rules), kept between
    serve's rebuilds by the file's bytes and the vocabulary it was checked against; only the
    files the last load read are kept. Cross-file rules always run on every entry."""

    def __init__(self) -> None:
        self.kept: dict[tuple, tuple] = {}
        self.fresh: dict[tuple, tuple] = {}
        self.vocabulary = ""
        self.hits = 0

    def start(self, vocabulary: str) -> None:
        """A load begins: what the last load read is what may be reused."""
        self.kept, self.fresh, self.vocabulary, self.hits = self.fresh, {}, vocabulary, 0

    def get(self, path: Path, rel: str, kind: str, check: Callable[[], tuple]) -> tuple:
        data = path.read_bytes()
        key = (rel, kind, hashlib.sha256(data).hexdigest(), self.vocabulary)
        found = self.kept.get(key)
        if found is not None:
            self.hits += 1
        else:
            found = check()
            if path.read_bytes() != data:  # saved again meanwhile: the next rebuild reads it anew
                return found
        self.fresh[key] = found
        return (found[0], list(found[1]))


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


CACHE = PageCache()
THEME_BYTECODE = MemoryBytecodeCache()


def digest(parts: Iterable[bytes | str]) -> str:
    """One SHA-256 over `parts`, each length-prefixed so no two sequences collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def source_digest(root: Path) -> str:
    """Every file the site's pages are made from, outside the content YAML: path and bytes."""
    root = Path(root)
    paths = [root / name for name in SOURCE_FILES]
    for tree in SOURCE_TREES:
        paths += _files_under(root / tree)
    parts: list[bytes | str] = []
    for path in sorted(paths):
        parts.append(path.relative_to(root).as_posix())
        parts.append(path.read_bytes() if path.is_file() else b"\0missing")
    return digest(parts)


def _files_under(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not SKIPPED_DIRS.intersection(path.relative_to(folder).parts):
            found.append(path)
    return found


def runs_macros(source: bytes) -> bool:
    return MACROS_MARKER in source


def case_pages(book, make: Callable, cache: PageCache = CACHE) -> list:
    """`make(book, case_id)` for every case (stage 5, the pages' sources). While serving, a case's
    page is made again only when what it shows can have changed: the case itself, the cases shown
    as related to it, any entry other than a case (statements citing it, kits, taxonomy labels,
    training routes), the date, the templates or the code; otherwise the last rebuild's is kept."""
    if not cache.enabled or not cache.sources:
        return [make(book, case_id) for case_id in book.cases]
    own = {case_id: digest([repr(case)]) for case_id, case in book.cases.items()}
    rest = digest(
        [
            cache.sources,
            book.today.isoformat(),
            str(book.root),
            repr(book.taxonomy),
            repr(book.kits),
            repr(book.benefits),
            repr(book.routes),
        ]
    )
    pages = []
    for case_id, case in book.cases.items():
        related = [other.id for other in book.related(case)]
        key = digest([rest, case_id, own[case_id], *related, *(own[i] for i in related)])
        pages.append(cache.remembered(key, lambda case_id=case_id: make(book, case_id)))
    return pages
