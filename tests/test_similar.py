"""Related cases' candidate pool (casebook.model.similar) gives exactly what counting shared topics with
`Counter.most_common` gave, which is quadratic at thousands of cases."""

from __future__ import annotations

from collections import Counter
from itertools import permutations

from hypothesis import given
from hypothesis import strategies as st

from casebook.model.index import MAX_RELATED, POOL, similarity
from casebook.repository import load_casebook
from casebook.model.similar import SharedTopics
from support import TODAY

TOPICS = ["a", "b", "c", "d", "e"]


def counted(cases: list[tuple[str, tuple[str, ...]]], topics: tuple[str, ...], size: int) -> list[str]:
    """The straightforward computation: count every case of each topic, keep the most common."""
    by_topic: dict[str, list[str]] = {}
    for case_id, case_topics in cases:
        for topic in case_topics:
            by_topic.setdefault(topic, []).append(case_id)
    shared = Counter()
    for topic in topics:
        shared.update(by_topic.get(topic, []))
    return [case_id for case_id, _ in shared.most_common(size)]


topic_lists = st.lists(st.sampled_from(TOPICS), min_size=1, max_size=4, unique=True).map(tuple)


@given(
    st.lists(topic_lists, max_size=60),
    st.lists(topic_lists, min_size=1, max_size=8),
    st.integers(min_value=1, max_value=12),
)
def test_shared_topics_ranks_as_counting_does(case_topics, queries, size):
    cases = [(f"case-{i}", topics) for i, topics in enumerate(case_topics)]
    shared = SharedTopics(((case_id, frozenset(topics)) for case_id, topics in cases), size)
    for topics in queries + [topics for _, topics in cases]:
        assert shared.sharing(topics) == counted(cases, topics, size)


def test_shared_topics_keeps_the_order_of_ties_when_groups_are_larger_than_the_pool():
    # Many cases per topic set, so groups are cut to the pool's size and ties decide everything.
    cases = [(f"case-{i:03d}", TOPICS[i % 3 : i % 3 + 1 + i % 2]) for i in range(120)]
    for size in (1, 5, 30):
        shared = SharedTopics(((case_id, frozenset(topics)) for case_id, topics in cases), size)
        for count in (1, 2, 3):
            for topics in permutations(TOPICS[:4], count):
                assert shared.sharing(topics) == counted(cases, topics, size)


def straightforward_related(book) -> dict[str, list[str]]:
    """What Casebook's related-case pool was before casebook.model.similar: Counter over every case."""
    pairs = [(case.id, case.topics) for case in book.cases.values()]
    by_place: dict[tuple, list[str]] = {}
    for case in book.cases.values():
        by_place.setdefault((case.sector, case.country), []).append(case.id)
    result = {}
    for case in book.cases.values():
        pool = set(counted(pairs, case.topics, POOL)) | set(by_place[(case.sector, case.country)][:POOL])
        pool.discard(case.id)
        scored = sorted((-similarity(case, book.cases[i]), i) for i in pool)
        chosen = [i for score, i in scored[: MAX_RELATED + len(case.related)] if score < 0]
        own = [book.cases[i] for i in case.related if i in book.cases]
        result[case.id] = [c.id for c in (own + [book.cases[i] for i in chosen if i not in case.related])][:MAX_RELATED]
    return result


def test_related_cases_are_those_of_the_straightforward_computation(repo):
    taxonomy = repo / "taxonomy.yml"
    extra = "".join(
        f"  {t}:\n    label: Topic {t}\n    description: A test topic.\n" for t in ("t-one", "t-two", "t-three")
    )
    taxonomy.write_text(taxonomy.read_text().replace("sectors:\n", extra + "sectors:\n", 1))
    original = (repo / "case_studies/gmp-tweets.yml").read_text()
    names = ["public-safety", "reach", "t-one", "t-two", "t-three"]
    for i in range(80):  # more cases per topic set than the pool holds
        topics = [names[(i + k) % 5] for k in range(1 + i % 3)]
        (repo / f"case_studies/copy-{i:02d}.yml").write_text(
            original.replace("topics: [public-safety, reach]", f"topics: [{', '.join(topics)}]")
            .replace("country: GB", "country: " + ("GB" if i % 4 else "IE"))
            .replace("title: Greater Manchester Police tweets", f"title: Force {i} tweets")
            .replace("organisation: Greater Manchester Police", f"organisation: Force {i}")
            .replace("added: 2026-11-20", f"added: 2026-{1 + i % 10:02d}-{1 + i % 27:02d}")
        )
    result = load_casebook(repo, today=TODAY)
    assert result.casebook is not None, [p.text() for p in result.errors]
    book = result.casebook
    assert len(book.cases) == 81
    expected = straightforward_related(book)
    assert {case_id: [c.id for c in book.related(case)] for case_id, case in book.cases.items()} == expected
    assert any(len(ids) == MAX_RELATED for ids in expected.values())
