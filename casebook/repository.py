"""Load, check and index the whole repository: the one call scripts, hooks and tests make.

    root/taxonomy.yml, <folder>/*.yml for each kind in casebook.kinds
        -> load (positions) -> shape (JSON Schema) -> rules (cross-file) -> Casebook

Every problem in every file is collected; the caller decides what to do with them.
"""

from __future__ import annotations

from typing import Any

import os
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from casebook import clock, rules
from casebook.kinds import FOLDERS, KINDS, TAXONOMY, resolve
from casebook.content.contract import Vocabulary, schemas
from casebook.model.index import Casebook, build_casebook
from casebook.content.load import Document, load_file
from casebook.model.entries import Reader
from casebook.problems import Problem, cap_per_file, sort_problems
from casebook.content.refuse import describe, is_regular
from casebook.rules.context import Context
from casebook.content.shape import check_shape, validator_for


@dataclass(frozen=True)
class LoadResult:
    casebook: Casebook | None  # None when there is any error
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def content_files(root: Path) -> dict[str, list[Path]]:
    """Each content folder's files (hidden ones apart, see `folder_problems`). A folder that is a
    link, or not a folder, is never listed: globbing it would read outside the repository."""
    files = {
        kind: sorted(p for p in _listing(root / folder) if not p.name.startswith("."))
        for kind, folder in FOLDERS.items()
    }
    files["taxonomy"] = [root / TAXONOMY]
    return files


def _listing(folder: Path) -> list[Path]:
    try:
        mode = folder.lstat().st_mode
    except OSError:  # a missing folder holds no entries
        return []
    return list(folder.iterdir()) if stat.S_ISDIR(mode) else []


def folder_problems(root: Path) -> list[Problem]:
    """A content folder that is a link or not a folder (nothing in it is read, and where it points
    is never printed), and hidden files, which the site would otherwise leave out without a word."""
    problems = []
    for folder in FOLDERS.values():
        path = root / folder
        if os.path.lexists(path) and not stat.S_ISDIR(path.lstat().st_mode):
            what = describe(path.lstat().st_mode)
            problems.append(
                Problem(
                    folder,
                    1,
                    1,
                    field="",
                    message=f"'{folder}' is {what}, not a folder",
                    expected="the folder itself, committed with its files",
                    fix=f"replace the link by a real '{folder}' folder holding the files",
                    rule="folder-not-plain",
                )
            )
            continue
        for hidden in sorted(p for p in _listing(path) if p.name.startswith(".")):
            shown = hidden.name.lstrip(".") or "an-id.yml"
            problems.append(
                Problem(
                    f"{folder}/{hidden.name}",
                    1,
                    1,
                    field="",
                    message=f"'{hidden.name}' is a hidden file, so the site would leave it out",
                    expected="a name that does not start with '.'",
                    fix=f"rename it to {folder}/{shown}, or delete it",
                    rule="file-hidden",
                )
            )
    return problems


def load_casebook(
    root: Path,
    *,
    today: date | None = None,
    memo: Any = None,
    added: dict[str, list[Path]] | None = None,
    reader: Reader | None = None,
) -> LoadResult:
    """`memo` (`mkdocs serve` only, a buildcache.EntryMemo) keeps each file's own checks between
    rebuilds, by its bytes and the vocabulary, so a rebuild parses only the files that changed.
    `added` (kind -> files outside the content folders) checks those files as if they were added
    to the repository, cross-file rules included; they count as the newest (validate.py PATH).
    `reader` (the site's `extra.reader`) is whose sector and country briefings prefer."""
    root = Path(root).resolve()
    today = today or clock.today()
    files = content_files(root)
    for kind, paths in (added or {}).items():
        files[kind] = files[kind] + list(paths)
    problems: list[Problem] = folder_problems(root)
    taxonomy, found = _load_taxonomy(root, files["taxonomy"][0])
    problems += found
    ids = {kind: frozenset(p.stem for p in files[kind] if p.suffix == ".yml") for kind in FOLDERS}
    vocabulary = _vocabulary(taxonomy, ids["kit"])
    validators = {kind: validator_for(schema) for kind, schema in schemas(vocabulary).items()}
    if memo is not None:
        memo.start(repr(vocabulary))
    valid: dict[str, dict[str, Document]] = {kind: {} for kind in FOLDERS}
    parsed: list[Document] = []  # valid or not, for counting which terms are in use
    unreadable = False  # a file that could not be parsed may use any term
    for kind in FOLDERS:
        for path in files[kind]:
            doc, found = _load_entry(path, kind, root, validators[kind], memo)
            problems += found
            parsed += [doc] if doc is not None else []
            unreadable = unreadable or (doc is None and path.suffix == ".yml")
            if doc is not None and not found:
                valid[kind][doc.id] = doc
    new = frozenset(_shown(path, root) for paths in (added or {}).values() for path in paths)
    ctx = Context(root, today, valid, ids, new)
    problems += [found for kind in KINDS for check in kind.checks for found in resolve(check)(ctx)]
    if taxonomy is not None and not unreadable:
        problems += rules.check_unused_terms(taxonomy, parsed)
    problems = cap_per_file(sort_problems(problems))
    if taxonomy is None or any(p.is_error for p in problems):  # no taxonomy is always an error
        return LoadResult(None, problems)
    return LoadResult(build_casebook(taxonomy, valid, today=today, root=root, reader=reader), problems)


def _load_taxonomy(root: Path, path: Path) -> tuple[Document | None, list[Problem]]:
    if not os.path.lexists(path):
        return None, [
            Problem(
                TAXONOMY,
                1,
                1,
                field="",
                message="taxonomy.yml is missing",
                expected="the vocabulary file",
                fix="restore taxonomy.yml from the repository",
                rule="file-missing",
            )
        ]
    doc, problems = load_file(path, root=root)
    if doc is None:
        return None, problems
    problems += check_shape(doc, validator_for(schemas(Vocabulary())["taxonomy"]))
    problems += rules.check_file_rules(doc, "taxonomy", _first_line(path))
    problems += rules.check_plain_text(doc, "taxonomy")  # labels reach every page, like any field
    return (None if problems else doc), problems


def _shown(path: Path, root: Path) -> str:
    """A file's name in problems: relative to the repository, or as given when it is elsewhere."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _load_entry(
    path: Path, kind: str, root: Path, validator: Any, memo: Any = None
) -> tuple[Document | None, list[Problem]]:
    rel = _shown(path, root)
    if not is_regular(path):  # a link or folder is refused whatever its name
        return load_file(path, root=root, rel=rel)
    if path.suffix != ".yml":
        return None, [
            Problem(
                rel,
                1,
                1,
                field="",
                message=f"'{path.name}' is not a .yml file",
                expected="one <id>.yml file per entry",
                fix="rename it to end in .yml, or move it out of this folder",
                rule="file-extension",
            )
        ]
    doc, problems = (
        _check_entry(path, kind, root, validator)
        if memo is None
        else memo.get(path, rel, kind, lambda: _check_entry(path, kind, root, validator))
    )
    if doc is None:
        return None, problems
    # Not kept by the memo: it depends on docs/, not on the file.
    return doc, problems + rules.check_reserved_id(doc, kind, root)


def _check_entry(path: Path, kind: str, root: Path, validator: Any) -> tuple[Document | None, list[Problem]]:
    """Everything checked of one entry file on its own (and against the vocabulary)."""
    doc, problems = load_file(path, root=root, rel=_shown(path, root))
    if doc is None:
        return None, problems
    problems += rules.check_file_rules(doc, kind, _first_line(path))
    shape = check_shape(doc, validator)
    plain = rules.check_plain_text(doc, kind)
    # A template's TODO is reported once, as placeholder-left, not again as a wrong type or id.
    todo = {p.field for p in plain if p.rule == "placeholder-left"}
    shape = [p for p in shape if p.field not in todo]
    problems += shape + plain + rules.check_real_dates(doc)
    if not shape:
        problems += rules.check_markdown_fields(doc, kind)
    return doc, problems


def _first_line(path: Path) -> str:
    with path.open(encoding="utf-8") as handle:
        return handle.readline()


def _vocabulary(taxonomy: Document | None, audiences: frozenset[str]) -> Vocabulary:
    data = taxonomy.data if taxonomy else {}
    return Vocabulary(
        tuple(data.get("topics", {})),
        tuple(data.get("sectors", {})),
        tuple(data.get("channels", {})),
        tuple(sorted(audiences)),
    )


_CACHE: dict[tuple[Any, ...], LoadResult] = {}


def load_cached(root: Path, *, today: date | None = None, memo: Any = None, reader: Reader | None = None) -> LoadResult:
    """`load_casebook`, reused while no content file changed: the build hook and the macros
    module both ask for it, and `mkdocs serve` asks again on every rebuild."""
    root = Path(root).resolve()
    key = (root, today or clock.today(), reader, _fingerprint(root))
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load_casebook(root, today=today, memo=memo, reader=reader)
    return _CACHE[key]


def _fingerprint(root: Path) -> tuple[Any, ...]:
    stats = []
    for paths in content_files(root).values():
        for path in paths:
            try:
                stat = path.lstat()  # never follow a link: it may loop or point anywhere
            except OSError:
                continue
            stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stats)


def current_vocabulary(root: Path) -> Vocabulary:
    """The ids declared now in taxonomy.yml and kits/ (an unreadable taxonomy gives none)."""
    root = Path(root).resolve()
    taxonomy, problems = _load_taxonomy(root, root / TAXONOMY)
    kits = frozenset(p.stem for p in content_files(root)["kit"] if p.suffix == ".yml")
    return _vocabulary(taxonomy, kits)
