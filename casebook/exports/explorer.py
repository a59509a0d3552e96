"""Stage 5, explorer index: a `Casebook` -> the compact JSON the case explorer filters in the page.

Only what the explorer shows and filters on: per case its id, title, organisation, headline
figure (value and measure), year, date added (days since 1970), best grade, number of sources,
its facet values as positions in the vocabulary `v`, its evidence label
(`casebook.model.strength.case_kind`, the label its page shows, and the explorer's "Evidence"
filter) as a position in `v.strength` and, last, the English gloss of a headline figure quoted in
another language ("" when there is none).
Everything else stays in `api/cases.json` for other systems; the page fetches a twentieth of it.
"""

from __future__ import annotations

from typing import Any

import json
from datetime import date

from casebook.model.index import Casebook
from casebook.pages.render import explorer_vocabulary
from casebook.model.strength import case_kind

EPOCH = date(1970, 1, 1).toordinal()


def explorer_index(book: Casebook, vocab: dict[str, Any] | None = None) -> str:
    vocab = vocab or explorer_vocabulary(book)
    position = {
        name: {pair[0]: i for i, pair in enumerate(vocab[name])}
        for name in ("audience", "topic", "sector", "country", "channel", "grade", "strength")
    }
    rows = []
    for case in book.cases.values():
        headline = case.headline
        rows.append(
            [
                case.id,
                case.title,
                case.organisation,
                headline.value,
                headline.measure,
                case.year,
                case.added.toordinal() - EPOCH,
                position["grade"][case.best_grade],
                len(case.sources),
                position["sector"][case.sector],
                position["country"][case.country],
                [position["audience"][a] for a in case.audiences if a in position["audience"]],
                [position["topic"][t] for t in case.topics],
                [position["channel"][c] for c in case.channels],
                position["strength"][case_kind(case).id],
                headline.gloss or "",
            ]
        )
    return json.dumps({"v": vocab, "c": rows}, ensure_ascii=False, separators=(",", ":"))
