"""The content contract, explained: a title, a description and examples for every schema property.

`annotate(kind, schema)` adds them to the schemas `contract.schemas()` builds, so editors show
them on hover, the `/contribute/` field reference lists them and the propose form uses them as
help. A description already in the contract is kept: it is the one place for that sentence.
Keys are field paths; `[]` stands for every item of a list.
"""

from __future__ import annotations

from collections.abc import Iterator

from typing import Any

import json

from casebook.kinds import BY_NAME, resolve

# (title, description, examples). An empty description defers to the contract's own.
Doc = tuple[str, str, list[Any]]

EXAMPLE_SOURCE = {
    "title": "Twitter shows Greater Manchester Police's 3,205 calls",
    "publisher": "BBC News",
    "url": "https://www.bbc.co.uk/news/uk-england-manchester-11549069",
    "published": "2010-10",
    "grade": "secondary",
}

SOURCE: dict[str, Doc] = {
    "title": ("Source title", "", ["Twitter shows Greater Manchester Police's 3,205 calls"]),
    "publisher": ("Publisher", "", ["BBC News"]),
    "url": (
        "Address",
        "The full web address, copied from the browser's address bar.",
        ["https://www.bbc.co.uk/news/uk-england-manchester-11549069"],
    ),
    "published": (
        "Published",
        "The date the page gives, as precisely as it gives it: YYYY, YYYY-MM or "
        "YYYY-MM-DD, or undated if it gives none.",
        ["2010-10-15", "2010-10", "undated"],
    ),
    "grade": ("Grade", "", ["primary", "secondary"]),
}

CASE: dict[str, Doc] = {
    "title": ("Title", "", ["Greater Manchester Police tweets every incident for 24 hours"]),
    "organisation": ("Organisation", "", ["Greater Manchester Police"]),
    "sector": ("Sector", "The kind of organisation that did the work.", ["policing"]),
    "country": ("Country", "", ["GB", "IE"]),
    "year": ("Year", "", [2010]),
    "audiences": (
        "Persuades",
        "Who the case would win over: tick each audience it would persuade.",
        [["executives", "elected-members"]],
    ),
    "topics": ("Topics", "What the case is about: tick each topic.", [["public-safety", "reach"]]),
    "channels": ("Channels", "Where the work happened, if on named channels: tick each one.", [["twitter"]]),
    "summary": (
        "Summary",
        "",
        ["For one day the force posted every call it handled to show how much of policing is social work."],
    ),
    "challenge": ("The situation before", "", ["League tables reduce policing to catching criminals."]),
    "approach": ("What they did", "", ["The force posted a line about every incident for a day."]),
    "outcomes": (
        "Outcomes",
        "What changed, each figure with the source that reports it. At least one.",
        [[{"measure": "Calls posted during the 24 hours", "value": "3,205 calls", "source": 1}]],
    ),
    "outcomes[]": (
        "Outcome",
        "One measured result.",
        [{"measure": "Calls posted during the 24 hours", "value": "3,205 calls", "source": 1}],
    ),
    "outcomes[].measure": ("Measure", "", ["Calls posted during the 24 hours"]),
    "outcomes[].value": (
        "Figure",
        "Copy it exactly as the source words it, units and all.",
        ["3,205 calls", "an eightfold increase"],
    ),
    "outcomes[].headline": (
        "Headline figure",
        "Tick it on the one outcome the title claims (one per case); otherwise the first outcome is the headline.",
        [True],
    ),
    "outcomes[].gloss": (
        "English gloss",
        "Only when the figure is in another language: the same figure in English. The page shows both.",
        ["118,000 people, almost 10% of the city's population"],
    ),
    "outcomes[].basis": (
        "How the figure was obtained",
        "Counted, an estimate, a survey, a platform's own metric (reach, views, followers) or modelled.",
        ["counted"],
    ),
    "outcomes[].kind": (
        "What it measures",
        "Money, contact, time, participation, reach, safety, workforce or wellbeing.",
        ["contact"],
    ),
    "outcomes[].source": (
        "From source number",
        "Which source reports this figure: its number in the list of sources, 1 for the first.",
        [1],
    ),
    "lessons": (
        "Lessons",
        "Short lessons a reader could apply, up to 300 characters each.",
        [["Show the whole of the work, not only the highlights."]],
    ),
    "lessons[]": ("Lesson", "One lesson, up to 300 characters.", ["Agree the rota before the day."]),
    "caveats": ("Caveats", "", ["Social media was one channel of several."]),
    "quote": (
        "Quote",
        "Optional: words from the source, exactly as printed, with who said them.",
        [{"text": "It has shown how social networking gets information out.", "by": "Peter Fahy", "source": 1}],
    ),
    "quote.text": (
        "Quoted words",
        "Exactly as printed in the source.",
        ["It has shown how social networking gets information out."],
    ),
    "quote.by": ("Said by", "The person's name and role.", ["Peter Fahy, Chief Constable"]),
    "quote.source": ("From source number", "Which source prints the quote: its number in the list of sources.", [1]),
    "sources": (
        "Sources",
        "Where you read it. Outcomes and the quote point at these by number, from 1.",
        [[EXAMPLE_SOURCE]],
    ),
    "sources[]": ("Source", "One page or report.", [EXAMPLE_SOURCE]),
    "related": (
        "Related cases",
        "Other cases in the library a reader should see next: their file names, without .yml.",
        [["lincolnshire-gritting-twitter"]],
    ),
    "related[]": ("Related case", "", ["lincolnshire-gritting-twitter"]),
    "distinct_from": (
        "Not a duplicate of",
        "Ids of cases in case_studies/ that share this case's organisation, "
        "year and a source or a similar title but are different cases (two results from one report).",
        [["gmp-tweets-2011"]],
    ),
    "distinct_from[]": ("Different case", "", ["gmp-tweets-2011"]),
    "added": ("Added", "The day you added the case.", ["2026-11-23"]),
    "last_verified": ("Sources last read", "The day you last read every source.", ["2026-11-23"]),
}

BENEFIT: dict[str, Doc] = {
    "statement": ("Statement", "", ["Answering customers on social media costs less than answering them by phone."]),
    "audiences": ("Persuades", "", [["executives"]]),
    "topics": ("Topics", "", [["channel-shift"]]),
    "explanation": ("Explanation", "", ["Use it when leaders ask what the channel saves."]),
    "evidence": ("Evidence", "Cases or sources that back the statement. At least one.", [[{"case": "gmp-tweets"}]]),
    "evidence[]": (
        "Evidence",
        "A case (`case: <id>`) or a source (`source:` with five keys).",
        [{"case": "gmp-tweets"}],
    ),
    "evidence[].case": ("Case", "", ["gmp-tweets"]),
    "evidence[].source": ("Source", "", [EXAMPLE_SOURCE]),
    "evidence[].basis": (
        "How the source's figure was obtained",
        "As for an outcome: counted, estimate, survey, platform-metric or modelled. Leave it out for a count.",
        ["survey"],
    ),
    "added": CASE["added"],
    "last_verified": CASE["last_verified"],
}

_OBJECTION = {
    "objection": "You can't prove a return on it.",
    "answer": "Measure outcomes, not likes.",
    "benefits": ["tweeting-a-day-of-calls"],
}
KIT: dict[str, Doc] = {
    "name": ("Audience name", "", ["Executives"]),
    "who": ("Who they are", "", ["Chief executives, directors and senior managers."]),
    "order": ("Order", "", [1]),
    "cares_about": ("Cares about", "What this audience weighs when deciding.", [["Cost", "Risk"]]),
    "cares_about[]": ("Concern", "One thing they care about.", ["Cost"]),
    "framing": ("Framing", "", ["Lead with outcomes, not activity."]),
    "objections": ("Objections", "What they say against it, each with an answer.", [[_OBJECTION]]),
    "objections[]": ("Objection", "One objection and its answer.", [_OBJECTION]),
    "objections[].objection": ("Objection", "What they say, in their words.", ["You can't prove a return on it."]),
    "objections[].answer": ("Answer", "", ["Measure outcomes, not likes."]),
    "objections[].benefits": (
        "Statements",
        "Ids of statements in benefits/ that answer it.",
        [["tweeting-a-day-of-calls"]],
    ),
    "objections[].benefits[]": ("Statement", "", ["tweeting-a-day-of-calls"]),
    "objections[].cases": ("Cases", "Ids of cases in case_studies/ that answer it.", [["gmp-tweets"]]),
    "objections[].cases[]": ("Case", "", ["gmp-tweets"]),
    "asks": ("Asks", "What to ask this audience for.", [["Sponsor a pilot."]]),
    "asks[]": ("Ask", "One request, up to 300 characters.", ["Sponsor a pilot."]),
    "training": ("Training route", "", ["exec-route"]),
    "topics": ("Topics", "", [["channel-shift", "customer-service"]]),
    "pilot": ("Pilot", "", ["answering-residents"]),
    "sources": (
        "Sources",
        "What the framing and answers cite as [1], [2]...: every sentence with a "
        "figure cites the source that holds it.",
        [[EXAMPLE_SOURCE]],
    ),
    "sources[]": ("Source", "One page or report the prose cites by its number.", [EXAMPLE_SOURCE]),
    "evidence": (
        "Evidence they value",
        "The outcome kinds this audience values, most valued first, and those a briefing for them never leads with.",
        [{"values": ["money", "contact", "time"], "never_lead_with": ["reach"]}],
    ),
    "evidence.values": ("Values", "Outcome kinds, most valued first.", [["money", "contact", "time"]]),
    "evidence.values[]": ("Outcome kind", "", ["money"]),
    "evidence.never_lead_with": ("Never lead with", "Outcome kinds a briefing never leads with.", [["reach"]]),
    "evidence.never_lead_with[]": ("Outcome kind", "", ["reach"]),
    "briefing": ("Briefing", "", [{"title": "A social media pilot: briefing for the senior management team"}]),
    "briefing.title": ("Briefing title", "", ["A social media pilot: briefing for the senior management team"]),
    "briefing.statements": ("Lead statements", "", [["inbound-call-costs-6-55-on-average"]]),
    "briefing.cases": ("Lead cases", "", [["gmp-tweets"]]),
}

_STEP = {"page": "kit:executives", "minutes": 10, "purpose": "Read the framing."}
ROUTE: dict[str, Doc] = {
    "title": ("Title", "The session's name, 5-120 characters.", ["Briefing executives"]),
    "for": ("For", "", ["Communications leads"]),
    "goal": ("Goal", "", ["Prepare a ten-minute pitch to the board."]),
    "prepare": ("Prepare", "", [["Invite a finance colleague.", "Print the pilot proposal, one per pair."]]),
    "steps": ("Steps", "The pages to walk through, in order.", [[_STEP]]),
    "steps[]": ("Step", "One page and what to do on it.", [_STEP]),
    "steps[].page": ("Page", "", ["kit:executives", "kit:executives#objections", "guides/index.md"]),
    "steps[].minutes": (
        "Minutes",
        "How long the step takes: a whole number, 1-240; a route adds up to at most 240.",
        [10],
    ),
    "steps[].purpose": ("Purpose", "What the group gets from this page.", ["Read the framing."]),
    "steps[].facilitator_notes": ("Facilitator notes", "", ["Ask who has pitched before."]),
    "steps[].discussion": ("Discussion", "Questions to put to the room.", [["What does our board care about?"]]),
    "steps[].discussion[]": ("Question", "", ["What does our board care about?"]),
    "steps[].optional": ("Optional", "", [True]),
}

_TERMS = (
    "An id in kebab-case for each term, with its label and description.",
    [{"channel-shift": {"label": "Channel shift", "description": "Moving contact to cheaper channels."}}],
)
_LABEL = ("Label", "The name readers see, up to 60 characters.", ["Channel shift"])
_DESCRIPTION = (
    "Description",
    "One line saying what the term covers, up to 200 characters.",
    ["Moving contact to cheaper channels."],
)
TAXONOMY: dict[str, Doc] = {}
for _group in ("topics", "sectors", "channels"):
    TAXONOMY[_group] = (_group.capitalize(), *_TERMS)
    TAXONOMY[f"{_group}.*.label"] = _LABEL
    TAXONOMY[f"{_group}.*.description"] = _DESCRIPTION

_POINT = {"label": "Your decision", "text": "Approve the hours and how they are covered."}
_VIEW = {"lead": "A twelve-week test with a cost cap and a stop rule agreed in advance.", "points": [_POINT]}
PILOT: dict[str, Doc] = {
    "title": ("Title", "", ["Answering one service's questions on social media"]),
    "summary": (
        "Summary",
        "",
        [
            "Two advisers answer questions about one service on our accounts for twelve "
            "weeks, and we count what happens to the calls."
        ],
    ),
    "service": ("Service", "", ["bin collections and recycling"]),
    "choosing": ("Choosing the service", "", [["High volume: thousands of calls a year."]]),
    "choosing[]": ("Test", "One test a service should pass.", ["High volume: thousands of calls a year."]),
    "team": ("Team", "", ["Two customer service advisers answer on the council's accounts."]),
    "voluntary": ("Voluntary", "", ["Advisers volunteer and may step back at any time."]),
    "weeks": ("Weeks", "", [12]),
    "start": ("Start month", "", ["2027-03"]),
    "hours_per_week": ("Hours a week", "", [10]),
    "hourly_cost": ("Hourly cost", "", [25.5]),
    "cost_per_call": ("Cost per call", "", [{"amount": 4.08, "from": "The channel-shift calculator's default."}]),
    "cost_per_call.amount": ("Amount", "", [4.08]),
    "cost_per_call.from": ("From", "", ["The channel-shift calculator's default."]),
    "cover": ("Cover", "", ["backfill"]),
    "thresholds": ("Thresholds", "", [{"calls_fall_percent": 10, "answer_slip_seconds": 30}]),
    "thresholds.calls_fall_percent": ("Calls fall by", "", [10]),
    "thresholds.answer_slip_seconds": ("Answer time slip", "", [30]),
    "call_reasons": (
        "If call reasons are not recorded",
        "",
        ["Advisers tag calls on the service for four weeks before the start."],
    ),
    "reporting": ("Reported to", "", ["the senior management team"]),
    "views": ("Views", "What each audience is told beyond the shared facts, by audience id.", [{"executives": _VIEW}]),
    "views.*": ("View", "", [_VIEW]),
    "views.*.lead": ("Lead", "", [_VIEW["lead"]]),
    "views.*.points": ("Points", "", [[_POINT]]),
    "views.*.points[]": ("Point", "One heading and its text.", [_POINT]),
    "views.*.points[].label": ("Label", "", ["Your decision"]),
    "views.*.points[].text": ("Text", "", [_POINT["text"]]),
}


def annotate(kind: str, schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of `schema` with a title, description and examples on every property."""
    schema = json.loads(json.dumps(schema))  # unlike deepcopy, unshares nodes such as DATE
    for path, node in properties(schema):
        title, description, examples = _doc(kind, path)
        node["title"] = title
        if description or not node.get("description"):
            node["description"] = description or title
        node["examples"] = examples
    return schema


def docs_for(kind: str) -> dict[str, Doc]:
    """A kind's field docs: the registry names them (`Kind.field_docs`); the taxonomy's are here."""
    return TAXONOMY if kind == "taxonomy" else resolve(BY_NAME[kind].field_docs)


def _doc(kind: str, path: str) -> Doc:
    docs = docs_for(kind)
    if kind == "pilot" and path.startswith("views."):  # one view per audience: documented once
        head, _, rest = path[len("views.") :].partition(".")
        path = "views.*" + ("." + rest if rest else "")
    if path in docs:
        return docs[path]
    for prefix in ("sources[].", "evidence[].source.", "quote."):
        if path.startswith(prefix) and path[len(prefix) :] in SOURCE:
            return SOURCE[path[len(prefix) :]]
    # A field added to the contract but not here yet: the build goes on, and
    # tests/test_docs.py fails until it has a title, a description and examples.
    key = path.rsplit(".", 1)[-1].replace("[]", "")
    return key.replace("_", " ").capitalize(), "", []


def properties(node: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, schema) for every property below `node`: list items as `name[]`, the terms of a
    taxonomy group as `group.*`."""
    for key, child in node.get("properties", {}).items():
        path = prefix + key
        yield path, child
        yield from properties(child, path + ".")
        items, terms = child.get("items"), child.get("additionalProperties")
        if isinstance(items, dict):
            if items.get("type") == "object" or "oneOf" in items or path + "[]" in _TEXT_ITEMS:
                yield path + "[]", items
            yield from properties(items, path + "[].")
        if isinstance(terms, dict):
            yield from properties(terms, path + ".*.")
    for branch in node.get("oneOf", []):
        yield from properties(branch, prefix)


# Lists of plain text or ids whose items are documented too (the others are enums of ids).
_TEXT_ITEMS = {
    "lessons[]",
    "related[]",
    "distinct_from[]",
    "cares_about[]",
    "asks[]",
    "objections[].benefits[]",
    "objections[].cases[]",
    "steps[].discussion[]",
    "choosing[]",
}
