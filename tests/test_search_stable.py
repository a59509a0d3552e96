"""Pagefind 1.5.2 writes filter values and the filter list in a random order; casebook.search.stable
rewrites them so two builds of one tree give the same bytes (the build test checks a whole site)."""

from __future__ import annotations

import gzip
import json

from casebook.search.stable import MARK, decode, encode, stabilise


def write_bundle(folder, values, filters):
    (folder / "filter").mkdir(parents=True)
    names = {}
    for i, (name, entries) in enumerate(filters(values)):
        names[name] = f"en_{i:07d}"
        (folder / "filter" / f"{names[name]}.pf_filter").write_bytes(gzip.compress(MARK + encode([name, entries])))
    meta = [
        "1.5.2",
        [["en_page001", 12]],
        [["en_chunk01", "a", "z", 3]],
        [[n, h] for n, h in names.items()],
        [],
        ["title"],
    ]
    (folder / "pagefind.en_meta000001.pf_meta").write_bytes(gzip.compress(MARK + encode(meta)))
    (folder / "pagefind-entry.json").write_text(
        json.dumps({"version": "1.5.2", "languages": {"en": {"hash": "en_meta000001", "wasm": "en", "page_count": 1}}}),
        encoding="utf-8",
    )


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cbor_round_trip():
    value = ["1.5.2", [["Elected members", [0, 3, 24, 300, 70000]], ["Rôle", []]], [-1]]
    assert decode(encode(value)) == (value, len(encode(value)))


def test_two_orders_of_the_same_index_become_the_same_bytes(tmp_path):
    values = [["Executives", [0, 2]], ["Customer service", [1]], ["Elected members", [3, 4]]]
    write_bundle(tmp_path / "a", values, lambda v: [("audience", v), ("type", [["Case study", [0, 1]]])])
    write_bundle(tmp_path / "b", values[::-1], lambda v: [("type", [["Case study", [0, 1]]]), ("audience", v)])
    assert tree(tmp_path / "a") != tree(tmp_path / "b")
    stabilise(tmp_path / "a")
    stabilise(tmp_path / "b")
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    entry = json.loads((tmp_path / "a" / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_name = f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
    meta, _ = decode(gzip.decompress((tmp_path / "a" / meta_name).read_bytes()), len(MARK))
    assert [name for name, _ in meta[3]] == ["audience", "type"]
    audience = gzip.decompress((tmp_path / "a" / "filter" / f"{meta[3][0][1]}.pf_filter").read_bytes())
    assert decode(audience, len(MARK))[0] == ["audience", sorted(values)]
