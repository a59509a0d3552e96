"""Stage 4, index: how strong the evidence behind a statement is, in words a reader can check.

Each piece of evidence gets one *kind* from two things the contributor declared, never from words
in a title: the grade of its source (`primary`, `secondary`, `unconfirmed`) and the basis of the
figure (`counted`, `estimate`, `survey`, `platform-metric`, `modelled`; contract.BASES_EXPLAINED).
`evidence_kind` is the one function that decides it; every page, briefing, export, the builder's
data and the search metadata call it through `case_kind` or `Casebook.strength`. A statement
takes the best kind among its evidence. The kinds, best first:

    measured     Measured by the organisation: a count, in the organisation's own publication
    official     Official publication: a statement's own source, read in the publisher's document
    reported     Reported: a count read in a news, trade-press, award or vendor write-up
    opinion      Survey, estimate or model: what people said, guessed or worked out, not a count
    platform     Platform metric: reach, views or followers as the platform reports them
    interested   Interested party's research: published by a platform or a social media vendor
    unconfirmed  Unconfirmed: not read in any source, or only in a copy

The "How we grade evidence" page (docs/how-we-grade-evidence.md) renders `KINDS` and the grade
definitions in `contract.GRADES_EXPLAINED`, so the page and the code cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casebook.model.entries import Case, Source

PAGE = "how-we-grade-evidence/"


@dataclass(frozen=True)
class Kind:
    id: str
    label: str
    rank: int  # higher is stronger
    means: str  # one plain sentence for the grading page


KINDS = (
    Kind(
        "measured",
        "Measured by the organisation",
        5,
        "The organisation counted it (basis: counted) and published the figure itself: its own "
        "report, web page, press release or committee paper (grade: primary).",
    ),
    Kind(
        "official",
        "Official publication",
        5,
        "A statement's own source, read in the publisher's own document: guidance, statistics or "
        "a report by the body responsible for it, cited directly rather than through a case study.",
    ),
    Kind(
        "reported",
        "Reported",
        4,
        "A counted figure we read in someone else's write-up of it (grade: secondary): a newspaper, "
        "trade magazine, award entry or supplier's case study, even when it quotes an official.",
    ),
    Kind(
        "opinion",
        "Survey, estimate or model",
        3,
        "What people said in a survey or poll, a figure someone estimated, or one worked out from a "
        "model or unit costs (basis: survey, estimate or modelled). Useful for what people think "
        "or expect; it does not prove an effect.",
    ),
    Kind(
        "platform",
        "Platform metric",
        2,
        "Reach, impressions, views, clicks or followers as a platform reports them (basis: "
        "platform-metric). They show that people saw something, not that anything changed, and "
        "the platform decides how they are counted.",
    ),
    Kind(
        "interested",
        "Interested party's research",
        2,
        "Research about the value of social media published by a platform or by a company "
        "that sells social media tools. It may be right, but the publisher profits from the "
        "answer, so it is never our strongest label, whatever its grade.",
    ),
    Kind(
        "unconfirmed",
        "Unconfirmed",
        1,
        "We could not read the figure in a source of our own, only in a copy or repost, or not "
        "at all (grade: unconfirmed).",
    ),
)
BY_ID = {kind.id: kind for kind in KINDS}
# The kind each declared basis gives, before the grade is read (counted depends on the grade).
BASIS_KIND = {"estimate": "opinion", "survey": "opinion", "modelled": "opinion", "platform-metric": "platform"}
# Publishers whose research about social media is research about their own product: the
# platforms, and the companies that sell social media management and listening tools. This reads
# the publisher the contributor named, not the words of a title.
INTERESTED = re.compile(
    r"\b(twitter|x corp|meta|facebook|instagram|linkedin|youtube|google|"
    r"tiktok|snap(chat)?|whatsapp|nextdoor|sprout social|hootsuite|khoros|"
    r"lithium|sprinklr|brandwatch|meltwater|talkwalker|buffer|salesforce)\b",
    re.IGNORECASE,
)


def is_interested_party(source: Source) -> bool:
    return bool(INTERESTED.search(source.publisher))


def evidence_kind(source: Source, basis: str | None, *, own_figure: bool) -> Kind:
    """The one label function: a figure's kind from its source's grade and its declared basis.

    `own_figure` is true for a case's outcome (the organisation's own figure: a primary count is
    "measured") and false for a statement's own source (a primary count is an "official
    publication"). A statement's source without a basis is read as a count."""
    if source.grade == "unconfirmed":
        return BY_ID["unconfirmed"]
    if is_interested_party(source):
        return BY_ID["interested"]
    if basis in BASIS_KIND:
        return BY_ID[BASIS_KIND[basis]]
    if source.grade == "secondary":
        return BY_ID["reported"]
    return BY_ID["measured" if own_figure else "official"]


def case_kind(case: Case) -> Kind:
    """A case is as strong as its headline figure: that outcome's basis and its source's grade."""
    return evidence_kind(case.headline_source, case.headline.basis, own_figure=True)
