"""Probable duplicates among case studies: an error on the newer file, naming the existing one.

Two cases are probably the same when they share organisation and year and either a source address
or a near-identical title (difflib ratio of at least DUPLICATE_TITLE_RATIO once case and spaces are
ignored). Genuine siblings (two cases from one report) say so with `distinct_from: [other-id]` in
either file.

Near-linear in the number of cases, on any titles: cases are bucketed by organisation and year,
equal titles grouped with a dict, and only a bucket of at most MAX_COMPARED distinct titles is
compared pair by pair. A pair's difflib ratio (the slow part) is computed only when cheap upper
bounds allow it: length, the characters' multiset, then the longest common subsequence, which
anagrams of one title cannot fool (200 anagrams once took 6 s; see `bench.py --hostile`).
"""

from __future__ import annotations

from typing import Any

import difflib
from dataclasses import replace
from collections import Counter
from itertools import combinations

from casebook.content.load import Document
from casebook.problems import Problem
from casebook.rules.context import problem

DUPLICATE_TITLE_RATIO = 0.85
MAX_COMPARED = 100  # distinct titles per organisation and year compared pair by pair


def check_probable_duplicates(docs: list[Document], new: frozenset[str] = frozenset()) -> list[Problem]:
    """One error per file that repeats an earlier case. The earlier one is the case added first (then
    by path); a path in `new` (a file checked as if added) always counts as the later one."""
    buckets: dict[tuple[Any, ...], list[Document]] = {}
    for doc in sorted(docs, key=lambda d: (d.path in new, str(d.data.get("added", "")), d.path)):
        key = (" ".join(doc.data["organisation"].casefold().split()), doc.data["year"])
        buckets.setdefault(key, []).append(doc)
    problems = []
    for bucket in buckets.values():
        if len(bucket) > 1:
            problems += _bucket_problems(bucket)
    return problems


def _bucket_problems(bucket: list[Document]) -> list[Problem]:
    leader = list(range(len(bucket)))  # union-find over the bucket's documents, earliest first
    reason: dict[int, str] = {}

    def join(i: int, j: int, why: str) -> None:
        a, b = _root(leader, i), _root(leader, j)
        if a != b:
            leader[max(a, b)] = min(a, b)
            reason.setdefault(max(i, j), why)

    by_url: dict[str, int] = {}
    for index, doc in enumerate(bucket):
        for source in doc.data.get("sources", []):
            url = _normal_url(source.get("url", ""))
            if url in by_url:
                join(by_url[url], index, f"the same source address ({source['url']})")
            by_url.setdefault(url, index)
    titles: dict[str, list[int]] = {}
    for index, doc in enumerate(bucket):
        titles.setdefault(_normal_title(doc.data["title"]), []).append(index)
    for first, *rest in titles.values():
        for index in rest:
            join(first, index, "the same title")
    for a, b in _similar_titles(list(titles)):
        join(titles[a][0], titles[b][0], "a near-identical title")
    problems: list[Problem] = []
    seen: dict[Any, list[Any]] = {}  # root -> the documents met so far in its group, earliest first
    for index, doc in enumerate(bucket):
        group = seen.setdefault(_root(leader, index), [])
        earlier = next((other for other in group if not _distinct(doc, other)), None)
        if earlier is not None:
            problems.append(_error(doc, earlier, reason.get(index, "a near-identical title")))
        group.append(doc)
    return problems


def _root(leader: list[int], index: int) -> int:
    while leader[index] != index:
        leader[index] = leader[leader[index]]
        index = leader[index]
    return index


def _error(doc: Document, first: Document, why: str) -> Problem:
    found = problem(
        doc,
        ("title",),
        f"probably the same case as {first.path}: same organisation and year, and {why}",
        "one file per case",
        f"merge this file into {first.path}; if they are different cases, add "
        f"'distinct_from: [{first.id}]' to this file",
        "case-probable-duplicate",
    )
    # `also`: a run checking only the earlier file reports it too (`validate.py FILE`).
    return replace(found, also=(first.path,))


def _distinct(a: Document, b: Document) -> bool:
    return b.id in a.data.get("distinct_from", ()) or a.id in b.data.get("distinct_from", ())


def _normal_title(title: str) -> str:
    return " ".join(title.casefold().split())


def _normal_url(url: str) -> str:
    return url.strip().rstrip("/").casefold().replace("://www.", "://").replace("http://", "https://")


def _similar_titles(names: list[str]) -> list[tuple[str, str]]:
    """Pairs joining titles that are alike (a pair already joined through others is not compared);
    none when there are too many to pair."""
    if len(names) > MAX_COMPARED or len(names) < 2:
        return []
    grams = [_bigrams(name) for name in names]
    masks = [_char_masks(name) for name in names]
    leader = list(range(len(names)))
    pairs = []
    for i, j in combinations(range(len(names)), 2):
        a, b = _root(leader, i), _root(leader, j)
        if a != b and _may_be_alike(names[i], names[j], grams[i], grams[j]) and _alike(names[i], names[j], masks[i]):
            leader[max(a, b)] = min(a, b)
            pairs.append((names[i], names[j]))
    return pairs


def _may_be_alike(a: str, b: str, grams_a: Counter[str], grams_b: Counter[str]) -> bool:
    """Cheap necessary conditions for a ratio of DUPLICATE_TITLE_RATIO: the lengths, and Ukkonen's
    q-gram lemma. A ratio r means a common subsequence of r * (len(a) + len(b)) / 2 characters, so
    at most d = (1 - r) * (len(a) + len(b)) insertions and deletions, and each destroys at most two
    of the longer title's len - 1 bigrams: anagrams of a title share few bigrams and stop here."""
    total = len(a) + len(b)
    if 2 * min(len(a), len(b)) < DUPLICATE_TITLE_RATIO * total:
        return False
    edits = (1 - DUPLICATE_TITLE_RATIO) * total
    shared = sum(min(count, grams_b[gram]) for gram, count in grams_a.items() if gram in grams_b)
    return shared >= max(len(a), len(b)) - 1 - 2 * edits


def _alike(a: str, b: str, masks_a: dict[str, int]) -> bool:
    """difflib's ratio >= DUPLICATE_TITLE_RATIO, its characters' multiset and the longest common
    subsequence tried first: each gives at least the ratio, so a pair failing one is not alike."""
    matcher = difflib.SequenceMatcher(None, a, b)
    if matcher.quick_ratio() < DUPLICATE_TITLE_RATIO:
        return False
    if 2 * _lcs_length(a, b, masks_a) < DUPLICATE_TITLE_RATIO * (len(a) + len(b)):
        return False
    return matcher.ratio() >= DUPLICATE_TITLE_RATIO


def _bigrams(text: str) -> Counter[str]:
    return Counter(text[i : i + 2] for i in range(len(text) - 1))


def _char_masks(text: str) -> dict[str, int]:
    masks: dict[str, int] = {}
    for position, char in enumerate(text):
        masks[char] = masks.get(char, 0) | (1 << position)
    return masks


def _lcs_length(a: str, b: str, masks: dict[str, int] | None = None) -> int:
    """Length of the longest common subsequence, bit-parallel (Hyyrö 2004): one pass over `b`
    with integer operations on len(a) bits. difflib's matches are a common subsequence, so
    2 * LCS / (len(a) + len(b)) is at least its ratio."""
    masks = masks if masks is not None else _char_masks(a)
    full = (1 << len(a)) - 1
    v = full
    for char in b:
        u = v & masks.get(char, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - bin(v).count("1")
