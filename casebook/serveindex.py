"""Stage 6 for `mkdocs serve` only: the search index is rebuilt in the background, so a reload
after an edit does not wait for Pagefind.

    rebuild written -> the last index put back at once (search works, a step behind the edit)
                    -> Pagefind indexes the new site in a thread -> its files join the index

Pagefind names its chunks and fragments by their content, so the new files are added beside the
old ones and the entry file is replaced last: a page that loaded the old entry keeps finding its
files, and the next search or reload uses the new index. A rebuild that starts meanwhile makes
the running one's result stale; it is then dropped. `mkdocs build` indexes in the foreground, as
before (casebook.search.index_site).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
from pathlib import Path

from .search import MAPS, build_index, bundle_dirs

ENTRY = "pagefind-entry.json"  # what a search loads first: written last


class ServeIndex:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.generation = 0
        self.kept: Path | None = None  # a folder holding pagefind/ (and pagefind-1/, ...) and MAPS
        self.thread: threading.Thread | None = None
        self.failed = ""  # Pagefind's message when the last background run failed

    def reset(self) -> None:
        """A serving process starts: nothing indexed yet."""
        self.wait()
        with self.lock:
            self.generation, self.failed, self.thread = self.generation + 1, "", None
            self._replace_kept(None)

    def rebuild_started(self) -> None:
        """A rebuild is about to clean the site: any index being made now is of the old site."""
        with self.lock:
            self.generation += 1

    def refresh(self, site_dir: Path) -> bool:
        """After a rebuild wrote `site_dir`: the last index back in place, a new one on its way.
        False (nothing done) before the first index exists: the caller indexes in the foreground."""
        with self.lock:
            kept, generation, failed = self.kept, self.generation, self.failed
        if kept is None or failed:  # a failed background run: the foreground one reports why
            return False
        _merge(kept, Path(site_dir))
        self.thread = threading.Thread(target=self._index, args=(Path(site_dir), generation), daemon=True)
        self.thread.start()
        return True

    def keep(self, site_dir: Path) -> None:
        """Remember the index a foreground run just wrote into `site_dir`."""
        folder = Path(tempfile.mkdtemp(prefix="casebook-serve-index-"))
        for bundle in bundle_dirs(site_dir):
            shutil.copytree(bundle, folder / bundle.name)
        for rel in MAPS:
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(Path(site_dir) / rel, folder / rel)
        self._replace_kept(folder)

    def wait(self, timeout: float | None = None) -> None:
        if self.thread is not None:
            self.thread.join(timeout)

    def _index(self, site_dir: Path, generation: int) -> None:
        folder = Path(tempfile.mkdtemp(prefix="casebook-serve-index-"))
        result = build_index(site_dir, into=folder)  # the bundles and MAPS
        with self.lock:
            current = generation == self.generation
            if result.returncode != 0 or not current:
                shutil.rmtree(folder, ignore_errors=True)
                self.failed = (result.stderr or result.stdout) if current and result.returncode else ""
                return
            _merge(folder, site_dir)
            self.failed = ""
            self._replace_kept(folder)

    def _replace_kept(self, folder: Path | None) -> None:
        old, self.kept = self.kept, folder
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _merge(source: Path, site_dir: Path) -> None:
    """Add `source`'s index files to `site_dir`'s, replacing the entry files and the maps last."""
    last = []
    for path in sorted(p for bundle in bundle_dirs(source) for p in bundle.rglob("*")):
        if path.is_dir():
            continue
        rel = path.relative_to(source)
        if rel.name == ENTRY:
            last.append(rel)
        elif not (_named_by_content(rel) and (site_dir / rel).exists()):
            _put(path, site_dir / rel)
    for rel in last + list(MAPS):
        _put(source / rel, site_dir / rel)


def _named_by_content(rel: Path) -> bool:
    """Pagefind's chunks, fragments, filters and metadata: a file of that name never changes."""
    return len(rel.parts) > 2 or rel.suffix == ".pf_meta"


def _put(source: Path, target: Path) -> None:
    """Copy through a temporary name, so a reader sees the old file or the new, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".part")
    shutil.copyfile(source, temporary)
    os.replace(temporary, target)


INDEX = ServeIndex()
atexit.register(INDEX.reset)  # the kept copy lives in a temporary folder
