"""Stage 6 for `mkdocs serve` only: the search index is rebuilt in the background, so a reload
after an edit does not wait for Pagefind.

    rebuild written -> the last index put back at once (search works, a step behind the edit)
                    -> Pagefind indexes the new site in a thread -> its files join the index

Pagefind names its chunks and fragments by their content, so the new files are added beside the
old ones and the entry file is replaced last: a page that loaded the old entry keeps finding its
files, and the next search or reload uses the new index. A rebuild that starts meanwhile makes
the running one's result stale; it is then dropped. `mkdocs build` indexes in the foreground, as
before (casebook.search.pagefind.index_site).
"""

from __future__ import annotations

import atexit
import os
import tempfile
import threading
from pathlib import Path

from casebook.search.pagefind import MAPS, build_index, bundle_dirs
from mkdocs_adapter.theme import ROOT_SELECTOR

ENTRY = "pagefind-entry.json"  # what a search loads first: written last


class ServeIndex:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.generation = 0
        # The last index in memory (a few MB): its bundles' files and MAPS, by path in the site.
        # Kept in memory so that a server stopped any way leaves nothing behind.
        self.kept: dict[Path, bytes] | None = None
        self.thread: threading.Thread | None = None
        self.failed = ""  # Pagefind's message when the last background run failed

    def reset(self) -> None:
        """A serving process starts: nothing indexed yet."""
        self.wait()
        with self.lock:
            self.generation, self.failed, self.thread, self.kept = self.generation + 1, "", None, None

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
        self.kept = _read(Path(site_dir))

    def wait(self, timeout: float | None = None) -> None:
        if self.thread is not None:
            self.thread.join(timeout)

    def _index(self, site_dir: Path, generation: int) -> None:
        with tempfile.TemporaryDirectory(prefix="casebook-serve-index-") as folder:
            result = build_index(site_dir, root_selector=ROOT_SELECTOR, into=Path(folder))  # the bundles and MAPS
            made = _read(Path(folder)) if result.returncode == 0 else None
        with self.lock:
            current = generation == self.generation
            if made is None or not current:
                self.failed = (result.stderr or result.stdout) if current and made is None else ""
                return
            _merge(made, site_dir)
            self.failed, self.kept = "", made


def _read(root: Path) -> dict[Path, bytes]:
    """The index under `root` (a site, or the folder an index was written to): every file of its
    bundles, then MAPS."""
    files = {
        path.relative_to(root): path.read_bytes()
        for bundle in bundle_dirs(root)
        for path in sorted(bundle.rglob("*"))
        if path.is_file()
    }
    files.update({rel: (root / rel).read_bytes() for rel in MAPS})
    return files


def _merge(files: dict[Path, bytes], site_dir: Path) -> None:
    """Add an index's files to `site_dir`'s, replacing the entry files and the maps last."""
    last = [rel for rel in files if rel.name == ENTRY or rel in MAPS]
    for rel, data in files.items():
        if rel not in last and not (_named_by_content(rel) and (site_dir / rel).exists()):
            _put(data, site_dir / rel)
    for rel in sorted(last, key=lambda rel: rel in MAPS):  # entry files, then the maps
        _put(files[rel], site_dir / rel)


def _named_by_content(rel: Path) -> bool:
    """Pagefind's chunks, fragments, filters and metadata: a file of that name never changes."""
    return len(rel.parts) > 2 or rel.suffix == ".pf_meta"


def _put(data: bytes, target: Path) -> None:
    """Write through a temporary name, so a reader sees the old file or the new, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".part")
    temporary.write_bytes(data)
    os.replace(temporary, target)


INDEX = ServeIndex()
atexit.register(INDEX.wait)  # a server stopped with Ctrl+C lets a running index clean up after itself
