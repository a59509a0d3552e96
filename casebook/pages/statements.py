"""Stage 5, statements page: what its filters offer. The strength labels come from
`casebook.model.strength` through `Casebook.strength`, never from strings written here."""

from __future__ import annotations

from casebook.model.index import Casebook


def filter_options(book: Casebook) -> dict[str, list[tuple[str, str]]]:
    """[(id, label)] per filter of the statements page, only values some statement has:
    audiences in kit order, topics in taxonomy order, strengths strongest first."""
    statements = list(book.benefits.values())
    audiences = {a for b in statements for a in b.audiences}
    topics = {t for b in statements for t in b.topics}
    kinds = {}
    for benefit in statements:
        kind = book.strength(benefit)
        kinds[kind.id] = kind
    return {
        "audience": [(k.id, k.name) for k in book.kits.values() if k.id in audiences],
        "topic": [(t.id, t.label) for t in book.taxonomy.topics.values() if t.id in topics],
        "strength": [(k.id, k.label) for k in sorted(kinds.values(), key=lambda k: (-k.rank, k.label))],
    }
