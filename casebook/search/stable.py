"""Stage 6, search: Pagefind 1.5.2's index made byte-for-byte reproducible.

    bundle/filter/<hash>.pf_filter, bundle/pagefind.<hash>.pf_meta, bundle/pagefind-entry.json
        -> the same files with the filter values and the filter list in sorted order, renamed
           after their new content (the names are content hashes the browser only looks up)

Pagefind 1.5.2 writes each filter's values, and the list of filters in its metadata, in the order
of a Rust HashMap, which changes from run to run; so two builds of one tree differed in these
files and in the names that point at them. Pagefind 1.6.0 (npm only; the wheel the build pins is
1.5.2) writes them in a stable order. These files are gzip'd CBOR after a "pagefind_dcd" marker;
the decoder and encoder below cover the types Pagefind writes (unsigned integers, text, arrays).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

MARK = b"pagefind_dcd"
Cbor = int | str | list["Cbor"]  # what Pagefind's index files hold


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for code, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | code]) + n.to_bytes(size, "big")
    raise ValueError(f"integer too large for CBOR: {n}")


def encode(value: Cbor) -> bytes:
    if isinstance(value, bool) or value is None:
        raise ValueError(f"Pagefind's index holds no {value!r}")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(item) for item in value)
    raise ValueError(f"unexpected type in Pagefind's index: {type(value).__name__}")


def decode(data: bytes, at: int = 0) -> tuple[Cbor, int]:
    """(value, next position) of the CBOR item at `at`."""
    major, extra = data[at] >> 5, data[at] & 31
    at += 1
    if extra < 24:
        n = extra
    elif extra <= 27:
        size = 1 << (extra - 24)
        n, at = int.from_bytes(data[at : at + size], "big"), at + size
    else:
        raise ValueError(f"unexpected CBOR item {data[at - 1]:#x}")
    if major == 0:
        return n, at
    if major == 1:
        return -1 - n, at
    if major == 3:
        return data[at : at + n].decode("utf-8"), at + n
    if major == 4:
        items: list[Cbor] = []
        for _ in range(n):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"unexpected CBOR major type {major}")


def _read(path: Path) -> Any:  # a list whose shape the caller knows
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MARK):
        raise ValueError(f"{path}: not a Pagefind file")
    value, end = decode(data, len(MARK))
    if end != len(data):
        raise ValueError(f"{path}: trailing bytes")
    return value


def _write(folder: Path, prefix: str, suffix: str, digits: int, value: Cbor) -> str:
    """Write `value` under a name made from its content; returns the hash part of the name."""
    data = MARK + encode(value)
    name = f"en_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name


def _first(pair: Any) -> str:
    return str(pair[0])  # a filter value's text, before its page numbers


def stabilise(bundle: Path) -> None:
    """Rewrite one index bundle's filters, metadata and entry file in a reproducible order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    renamed: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        name, values = _read(path)
        path.unlink()
        renamed[path.name[: -len(".pf_filter")]] = _write(
            bundle / "filter", "", ".pf_filter", 7, [name, sorted(values, key=_first)]
        )
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        meta[3] = sorted([name, renamed.get(old, old)] for name, old in meta[3])
        meta_path.unlink()
        language["hash"] = _write(bundle, "pagefind.", ".pf_meta", 10, meta)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
