"""Stage 4, index: how strong the evidence behind a statement is, in words a reader can check.

Each piece of evidence (a case, or a source a statement cites directly) gets one *kind*, from the
grade of its source and what the evidence is; a statement takes the best kind among its
evidence. The kinds, best first:

    measured     Measured by the organisation: its own publication of a figure it counted
    official     Official publication: a statement's own source, read in the publisher's document
    reported     Reported: a news, trade-press, award or vendor write-up of a measured figure
    opinion      Survey, estimate or opinion: what people said or guessed, not what was counted
    interested   Interested party's research: published by a platform that profits from the answer
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
    Kind("measured", "Measured by the organisation", 5,
         "The organisation counted it and published the figure itself: its own report, web page, "
         "press release or committee paper."),
    Kind("official", "Official publication", 5,
         "Read in the publisher's own document: guidance, statistics or a report by the body "
         "responsible for it, cited directly rather than through a case study."),
    Kind("reported", "Reported", 4,
         "A counted figure we read in someone else's write-up of it: a newspaper, trade magazine, "
         "award entry or supplier's case study, even when it quotes an official."),
    Kind("opinion", "Survey, estimate or opinion", 3,
         "What people said in a survey or poll, or a figure the organisation estimated rather "
         "than counted. Useful for what people think; it does not prove an effect."),
    Kind("interested", "Interested party's research", 2,
         "Research about the value of social media published by a platform or by a company "
         "that sells social media tools. It may be right, but the publisher profits from the "
         "answer, so it is never our strongest label, whatever its grade."),
    Kind("unconfirmed", "Unconfirmed", 1,
         "We could not read the figure in a source of our own, only in a copy or repost, or not "
         "at all."),
)
BY_ID = {kind.id: kind for kind in KINDS}

# Words that mark a survey, poll or estimate in a case's title, summary or headline figure, or
# in a source's title: contributors must already call a survey a survey (CONTRIBUTING.md).
OPINION = re.compile(r"\b(surveys?|surveyed|poll(ed|s)?|respondents|study|estimated?|estimates|"
                     r"believed|would have)\b", re.IGNORECASE)
# Publishers whose research about social media is research about their own product: the
# platforms, and the companies that sell social media management and listening tools.
INTERESTED = re.compile(r"\b(twitter|x corp|meta|facebook|instagram|linkedin|youtube|google|"
                        r"tiktok|snap(chat)?|whatsapp|nextdoor|sprout social|hootsuite|khoros|"
                        r"lithium|sprinklr|brandwatch|meltwater|talkwalker|buffer|salesforce)\b",
                        re.IGNORECASE)


def is_interested_party(source: Source) -> bool:
    return bool(INTERESTED.search(source.publisher))


def source_kind(source: Source, *, about: str = "", primary: str = "official") -> Kind:
    """The kind of one source; `about` is any text that says what the figure is, `primary` the
    kind a primary source that is neither survey nor estimate gets."""
    if source.grade == "unconfirmed":
        return BY_ID["unconfirmed"]
    if is_interested_party(source):
        return BY_ID["interested"]
    if OPINION.search(f"{source.title} {about}"):
        return BY_ID["opinion"]
    return BY_ID["reported" if source.grade == "secondary" else primary]


def case_kind(case: Case) -> Kind:
    """A case is as strong as the source of its headline figure, read with what the case is."""
    about = f"{case.title} {case.summary} {case.headline.measure} {case.headline.value}"
    return source_kind(case.headline_source, about=about, primary="measured")
