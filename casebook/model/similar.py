"""Stage 4, index: the cases sharing most topics with a case, the pool "related cases" are scored in.

Counting, for every case, how many topics each other case shares with it touches every case
that shares a topic: quadratic, and the largest part of the build that grew faster than the
library. Cases with the same set of topics always rank together, so this ranks those groups
instead (a few hundred at most for the taxonomy's topics, however many cases there are) and
remembers the answer for each list of topics, which many cases repeat.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from itertools import combinations, islice

Group = frozenset[str]  # a set of topic ids


class SharedTopics:
    """`sharing(topics)` gives the first `size` cases in the order `Counter.most_common` would
    give them when counting each topic's cases in turn: more shared topics first; among equals,
    those having an earlier topic of the list (counted first), then the casebook's order."""

    def __init__(self, cases: Iterable[tuple[str, Group]], size: int) -> None:
        self._size = size
        # Group -> its first `size` cases as (position in the casebook, id): within a group the
        # rank is the casebook's order, so no later member can ever be chosen. The same for each
        # topic, which is the whole answer for a case of one topic.
        self._groups: dict[Group, list[tuple[int, str]]] = {}
        self._first_with: dict[str, list[tuple[int, str]]] = {}
        for position, (case_id, topics) in enumerate(cases):
            for members in [self._groups.setdefault(frozenset(topics), [])] + [
                self._first_with.setdefault(topic, []) for topic in topics
            ]:
                if len(members) < size:
                    members.append((position, case_id))
        self._containing: dict[str, list[Group]] = {}
        self._with_pair: dict[tuple[str, str], list[Group]] = {}
        for group in self._groups:
            for topic in group:
                self._containing.setdefault(topic, []).append(group)
            for pair in combinations(sorted(group), 2):
                self._with_pair.setdefault(pair, []).append(group)
        self._ranked: dict[tuple[str, ...], list[str]] = {}

    def sharing(self, topics: tuple[str, ...]) -> list[str]:
        """Case ids (the asking case among them if it is ranked) for a list of distinct topics."""
        if topics not in self._ranked:
            self._ranked[topics] = self._rank(tuple(topics))
        return self._ranked[topics]

    def _rank(self, topics: tuple[str, ...]) -> list[str]:
        if len(topics) == 1:
            return [case_id for _, case_id in self._first_with.get(topics[0], [])]
        # Groups sharing two topics or more rank above the rest: when they hold enough cases,
        # no group sharing one topic (most of them) needs looking at.
        groups = {group for pair in combinations(sorted(topics), 2) for group in self._with_pair.get(pair, ())}
        if sum(len(self._groups[group]) for group in groups) < self._size:
            groups = {group for topic in topics for group in self._containing.get(topic, ())}
        wanted = frozenset(topics)
        ranks: dict[tuple[int, int], list[list[tuple[int, str]]]] = {}
        for group in groups:
            first = next(i for i, topic in enumerate(topics) if topic in group)  # counted first
            ranks.setdefault((-len(group & wanted), first), []).append(self._groups[group])
        chosen: list[tuple[int, str]] = []
        for rank in sorted(ranks):
            chosen += islice(heapq.merge(*ranks[rank]), self._size - len(chosen))
            if len(chosen) >= self._size:
                break
        return [case_id for _, case_id in chosen]
