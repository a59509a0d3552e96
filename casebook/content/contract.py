"""The content contract as JSON Schemas (draft 2020-12): the one source of truth for shape.

`schemas(vocabulary)` returns one schema per content type. The enums (topics, sectors, channels,
audiences, countries) come from `taxonomy.yml` and `kits/`, so the validator, the editor schemas in
`schema/` (written by `scripts/build_schemas.py`) and the `/schema/` export always agree.
Rules a schema cannot express (references, duplicates, dates, staleness) live in `casebook.rules`.

A property whose `pattern` or `format` a value can fail carries `x-problem`: the message, what is
expected, the fix and the rule id the validator reports (`{value}` is the value as shown), so
`shape.py` never chooses words by a field's name. The keyword stays in the published schemas in
`schema/`: JSON Schema ignores unknown keywords (editors still validate the same way), and whoever
reads the schema gets the same explanation the validator gives, with no second copy.
"""

from __future__ import annotations

from typing import Any

from dataclasses import dataclass
from functools import cache

import iso3166

from casebook.content.field_docs import annotate, properties
from casebook.kinds import BY_NAME, KINDS, SCHEMA_FILES, STEP_TARGETS, resolve

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# The end of the text, in both regex dialects that read these schemas: Python's `$` also matches
# before a final newline (so "leeds\n" passed as an id), and `\Z` is not ECMA-262, which editors use.
END = r"$(?!\n)"
ID_BODY = r"[a-z0-9]+(-[a-z0-9]+)*"  # kebab-case: an entry's file name, a taxonomy key
ID_PATTERN = "^" + ID_BODY + END
ID_MAX = 80
PAGE_KINDS = STEP_TARGETS  # a training step's `page: <kind>:<id>` (the registry's step targets)
PAGE_FORMS = ", ".join(f"{kind}:<id>" for kind in PAGE_KINDS)  # "case:<id>, benefit:<id>, kit:<id>"
YEAR_FLOOR = 1990  # the earliest year a case may report: before social media in public service
STALE_AFTER_DAYS = 730  # sources last checked longer ago than this are due for re-checking
STALE_AFTER_WORDS = "two years"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}" + END
# Months 01-12, days 01-31; whether the day exists in that month is the `bad-date` rule's job.
PUBLISHED_PATTERN = r"^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?|undated)" + END
URL_PATTERN = r"^https?://[^\s]+" + END
MARKDOWN_MAX = 4000  # characters in one Markdown field: over three times the longest real one
GRADES = ("primary", "secondary", "unconfirmed")
COUNTRIES = tuple(sorted(iso3166.countries_by_alpha2))
# One wording of the grades, used by the schema, CONTRIBUTING.md and the "How we grade evidence"
# page (tests/test_docs.py checks the guide quotes it exactly).
GRADES_EXPLAINED = {
    "primary": "the organisation's own publication: its report, press release, blog, web page or committee paper.",
    "secondary": "a news, trade-press, award or vendor write-up of the work, even when it quotes an "
    "official word for word.",
    "unconfirmed": "not read in any source, or read only in a copy or repost (SlideShare, Scribd, a "
    "machine-translated copy, a staging site); cite the original whenever you can "
    "find it.",
}
GRADE_DESCRIPTION = " ".join(f"{grade}: {text}" for grade, text in GRADES_EXPLAINED.items())
# How an outcome's figure was obtained, declared by the contributor (never guessed from words).
BASES_EXPLAINED = {
    "counted": "the organisation counted it: contacts, calls, responses, applications, spend.",
    "estimate": "someone's estimate or projection, not a count.",
    "survey": "the answers of people asked in a survey or poll.",
    "platform-metric": "reach, impressions, views, clicks or followers as a platform reports them.",
    "modelled": "worked out from a model or from unit costs multiplied by volumes.",
}
BASES = tuple(BASES_EXPLAINED)
# What an outcome measures; kits say which of these their readers value and never lead with.
OUTCOME_KINDS_EXPLAINED = {
    "money": "cost, savings, spend or income.",
    "contact": "contact volumes and channels: calls, messages, visits, enquiries.",
    "time": "response or waiting times, or staff time spent.",
    "participation": "people taking part: consultation responses, applications, attendance, uptake.",
    "reach": "how many people saw or followed something.",
    "safety": "incidents, abuse, crime, harm or emergencies.",
    "workforce": "recruitment and staffing.",
    "wellbeing": "how staff or residents feel: satisfaction, stress, trust.",
}
OUTCOME_KINDS = tuple(OUTCOME_KINDS_EXPLAINED)


@dataclass(frozen=True)
class Vocabulary:
    """Ids that content may use, as declared in taxonomy.yml and kits/."""

    topics: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()


def _problem(message: str, expected: str, fix: str, rule: str) -> dict[str, Any]:
    """The explanation `shape.py` gives when a value fails this property's pattern or format."""
    return {"x-problem": {"message": message, "expected": expected, "fix": fix, "rule": rule}}


BLANK = _problem(
    "{value} is blank", "some text, not only spaces", "write the text, or remove the key if it is optional", "too-short"
)
KEBAB = "lowercase letters, digits and single hyphens"
ENTRY_ID = _problem(
    "{value} is not an id", KEBAB + " (kebab-case)", "use the file name of the entry without .yml", "bad-id"
)


def _text(min_length: int = 1, max_length: int | None = None, description: str = "") -> dict[str, Any]:
    schema = {"type": "string", "minLength": min_length, "pattern": r"\S", **BLANK}
    if max_length:
        schema["maxLength"] = max_length
    if description:
        schema["description"] = description
    return schema


def _markdown(description: str) -> dict[str, Any]:
    # `x-markdown` is the one statement that a field is Markdown: the rules render and check it,
    # pages render it and the field reference says so (`markdown_paths`).
    return {**_text(1, MARKDOWN_MAX, "Markdown: " + description), "x-markdown": True}


def _vocabulary_id(enum: tuple[str, ...], description: str) -> dict[str, Any]:
    # With no vocabulary (taxonomy.yml itself is broken) fall back to the id shape.
    if enum:
        return {"type": "string", "enum": list(enum), "description": description}
    return {"type": "string", "pattern": ID_PATTERN, "description": description, **ENTRY_ID}


def _ids(enum: tuple[str, ...], description: str, *, required: bool = True) -> dict[str, Any]:
    return {
        "type": "array",
        "items": _vocabulary_id(enum, description),
        "uniqueItems": True,
        "minItems": 1 if required else 0,
        "description": description,
    }


def _object(properties: dict[str, Any], required: list[str], description: str = "") -> dict[str, Any]:
    schema = {"type": "object", "properties": properties, "required": required, "additionalProperties": False}
    if description:
        schema["description"] = description
    return schema


DATE = {
    "type": "string",
    "pattern": DATE_PATTERN,
    "format": "date",
    "description": "An ISO date, e.g. 2026-11-21.",
    **_problem(
        "{value} is not a valid date", "an ISO date such as 2026-11-21", "write the date as YYYY-MM-DD", "bad-date"
    ),
}
CASE_ID = {
    "type": "string",
    "pattern": ID_PATTERN,
    "maxLength": ID_MAX,
    "description": "The id of an entry: its file name without .yml.",
    **ENTRY_ID,
}
SOURCE = _object(
    {
        "title": _text(description="The title of the page or report."),
        "publisher": _text(description="Who published it, e.g. BBC News or the Cabinet Office."),
        "url": {
            "type": "string",
            "pattern": URL_PATTERN,
            "description": "An http(s) address.",
            **_problem(
                "{value} is not an http(s) address",
                "an address starting http:// or https://",
                "copy the full address from your browser",
                "url-scheme",
            ),
        },
        "published": {
            "type": ["string", "integer"],
            "pattern": PUBLISHED_PATTERN,
            "minimum": 1900,
            "maximum": 2100,
            "description": "When it was published: YYYY, YYYY-MM or YYYY-MM-DD, or undated when "
            "the page carries no date (shown as 'undated, read on <last_verified>').",
            **_problem(
                "{value} is not a real year, month or day",
                "YYYY, YYYY-MM, YYYY-MM-DD (months 01-12) or undated",
                "give the date as precisely as the source does, e.g. 2024-03, or undated if it has none",
                "bad-date",
            ),
        },
        "grade": {"type": "string", "enum": list(GRADES), "description": GRADE_DESCRIPTION},
    },
    ["title", "publisher", "url", "published", "grade"],
    "Where the evidence comes from.",
)
BASIS = {
    "type": "string",
    "enum": list(BASES),
    "description": " ".join(f"{b}: {t}" for b, t in BASES_EXPLAINED.items()),
}
OUTCOME_KIND = {
    "type": "string",
    "enum": list(OUTCOME_KINDS),
    "description": " ".join(f"{k}: {t}" for k, t in OUTCOME_KINDS_EXPLAINED.items()),
}
SOURCE_INDEX = {"type": "integer", "minimum": 1, "description": "The 1-based position of an entry in `sources`."}


# How the advisers' usual phone time is covered while they answer online: never "absorbed".
COVERS_EXPLAINED = {
    "backfill": "paid cover for the same hours on the phones.",
    "overtime": "an overtime budget set aside for those hours.",
    "phone-target": "an agreed relaxation of the phone answering target for those hours only.",
}
COVERS = tuple(COVERS_EXPLAINED)
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])" + END


def _pilot_view() -> dict[str, Any]:
    point = _object(
        {
            "label": _text(1, 40, "A short heading, e.g. Your decision."),
            "text": _text(10, 300, "Plain text: what this audience needs to know."),
        },
        ["label", "text"],
    )
    return _object(
        {
            "lead": _text(10, 300, "One or two sentences: the pilot as this audience judges it."),
            "points": {
                "type": "array",
                "minItems": 1,
                "maxItems": 4,
                "items": point,
                "description": "What only this audience is told, up to four points.",
            },
        },
        ["lead", "points"],
        "The pilot from one audience's side; the shared facts are added to it.",
    )


def pilot_schema(vocab: Vocabulary) -> dict[str, Any]:
    view = _pilot_view()
    if vocab.audiences:
        views = _object({audience: view for audience in vocab.audiences}, [], "One view per audience id from kits/.")
    else:
        views = {"type": "object", "additionalProperties": view}
    return _object(
        {
            "title": _text(10, 120, "The pilot in a line."),
            "summary": _text(20, 300, "Plain text, one or two sentences: what happens and why."),
            "service": _text(3, 80, "The service it starts with unless the manager picks another."),
            "choosing": {
                "type": "array",
                "minItems": 1,
                "maxItems": 6,
                "items": _text(10, 200),
                "description": "How to pick the service: one test per item.",
            },
            "team": _text(20, 300, "Who does the work, in one or two sentences."),
            "voluntary": _text(20, 300, "How taking part is voluntary: the same words on every briefing."),
            "weeks": {"type": "integer", "minimum": 4, "maximum": 52, "description": "How many weeks it runs."},
            "start": {
                "type": "string",
                "pattern": MONTH_PATTERN,
                "description": "The month it starts, YYYY-MM; leave it out for 'a month outside the service's peak'.",
                **_problem("{value} is not a month", "YYYY-MM, e.g. 2027-03", "write the month as YYYY-MM", "bad-date"),
            },
            "hours_per_week": {
                "type": "integer",
                "minimum": 1,
                "maximum": 200,
                "description": "The weekly cap on adviser-hours.",
            },
            "hourly_cost": {
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": 1000,
                "description": "Pounds per adviser-hour including on-costs; leave it out when "
                "finance supplies it before the start.",
            },
            "cost_per_call": _object(
                {
                    "amount": {
                        "type": "number",
                        "exclusiveMinimum": 0,
                        "maximum": 1000,
                        "description": "Pounds per phone call.",
                    },
                    "from": _text(10, 300, "Where the figure comes from."),
                },
                ["amount", "from"],
                "The cost of a call the pilot compares social contacts with.",
            ),
            "cover": {
                "type": "string",
                "enum": list(COVERS),
                "description": " ".join(f"{c}: {t}" for c, t in COVERS_EXPLAINED.items()),
            },
            "thresholds": _object(
                {
                    "calls_fall_percent": {
                        "type": "number",
                        "exclusiveMinimum": 0,
                        "maximum": 100,
                        "description": "Continue if calls on the service fall by at least this "
                        "percentage against the same weeks last year.",
                    },
                    "answer_slip_seconds": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": 3600,
                        "description": "Stop if phone answer times slip by more than this.",
                    },
                },
                ["calls_fall_percent", "answer_slip_seconds"],
                "Agreed before the start.",
            ),
            "call_reasons": _text(20, 400, "What to do if the contact centre does not record why people call."),
            "reporting": _text(5, 120, "Who receives the results and decides whether it continues."),
            "views": views,
        },
        [
            "title",
            "summary",
            "service",
            "choosing",
            "team",
            "voluntary",
            "weeks",
            "hours_per_week",
            "cost_per_call",
            "cover",
            "thresholds",
            "call_reasons",
            "reporting",
            "views",
        ],
        "The pilot the kits ask for, defined once.",
    )


def case_schema(vocab: Vocabulary) -> dict[str, Any]:
    return _object(
        {
            "title": _text(10, 120, "What happened, in a line."),
            "organisation": _text(description="Who did the work."),
            "sector": _vocabulary_id(vocab.sectors, "A sector id from taxonomy.yml."),
            "country": {"type": "string", "enum": list(COUNTRIES), "description": "ISO 3166-1 alpha-2 code, e.g. GB."},
            "year": {"type": "integer", "minimum": YEAR_FLOOR, "description": "The year the work happened."},
            "audiences": _ids(vocab.audiences, "Who this case persuades: audience ids from kits/."),
            "topics": _ids(vocab.topics, "Topic ids from taxonomy.yml."),
            "channels": _ids(vocab.channels, "Channel ids from taxonomy.yml.", required=False),
            "summary": _text(50, 300, "Plain text, one or two sentences."),
            "challenge": _markdown("the situation before."),
            "approach": _markdown("what they did."),
            "outcomes": {
                "type": "array",
                "minItems": 1,
                "items": _object(
                    {
                        "measure": _text(1, 120, "What was measured."),
                        "value": {"type": ["string", "number"], "description": "The figure as the source words it."},
                        "source": SOURCE_INDEX,
                        "basis": BASIS,
                        "kind": OUTCOME_KIND,
                        "headline": {
                            "type": "boolean",
                            "description": "true on the one outcome that carries the case's claim (its "
                            "title); when no outcome says so, the first is the headline.",
                        },
                        "gloss": _text(
                            1,
                            160,
                            "The figure in English, when the source words it in another "
                            "language; shown beside the original.",
                        ),
                    },
                    ["measure", "value", "source", "basis", "kind"],
                ),
            },
            "lessons": {"type": "array", "items": _text(1, 300)},
            "caveats": _markdown("what limits the evidence."),
            "quote": _object({"text": _text(), "by": _text(), "source": SOURCE_INDEX}, ["text", "by", "source"]),
            "sources": {"type": "array", "minItems": 1, "items": SOURCE},
            "related": {"type": "array", "items": CASE_ID, "uniqueItems": True},
            "distinct_from": {"type": "array", "items": CASE_ID, "uniqueItems": True},
            "added": DATE,
            "last_verified": DATE,
        },
        [
            "title",
            "organisation",
            "sector",
            "country",
            "year",
            "audiences",
            "topics",
            "summary",
            "challenge",
            "approach",
            "outcomes",
            "sources",
            "added",
            "last_verified",
        ],
        "A case study with measured outcomes.",
    )


def benefit_schema(vocab: Vocabulary) -> dict[str, Any]:
    return _object(
        {
            "statement": _text(20, 200, "Plain text, quotable on its own."),
            "audiences": _ids(vocab.audiences, "Audience ids from kits/."),
            "topics": _ids(vocab.topics, "Topic ids from taxonomy.yml."),
            "explanation": _markdown("why the statement holds."),
            "evidence": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "oneOf": [
                        _object({"case": CASE_ID}, ["case"], "A case study that backs the statement."),
                        _object(
                            {"source": SOURCE, "basis": BASIS},
                            ["source"],
                            "A published source that backs it; `basis` says how its figure was obtained "
                            "(a count when left out).",
                        ),
                    ]
                },
            },
            "added": DATE,
            "last_verified": DATE,
        },
        ["statement", "audiences", "topics", "evidence", "added", "last_verified"],
        "A benefit statement with its evidence.",
    )


def kit_schema(vocab: Vocabulary) -> dict[str, Any]:
    return _object(
        {
            "name": _text(1, 60, "The audience's name, e.g. Executives."),
            "who": _text(description="Who belongs to this audience."),
            "order": {"type": "integer", "minimum": 1, "description": "Position on the home page."},
            "cares_about": {"type": "array", "minItems": 1, "items": _text(1, 200)},
            "framing": _markdown("how to pitch to them."),
            "objections": {
                "type": "array",
                "items": _object(
                    {
                        "objection": _text(1, 200),
                        "answer": _markdown("the answer to the objection."),
                        "benefits": {"type": "array", "items": CASE_ID, "uniqueItems": True},
                        "cases": {"type": "array", "items": CASE_ID, "uniqueItems": True},
                    },
                    ["objection", "answer"],
                ),
            },
            "asks": {"type": "array", "items": _text(1, 300)},
            "training": CASE_ID,
            "topics": _ids(
                vocab.topics,
                "Topic ids from taxonomy.yml for what moves this audience; "
                "the automatic briefing choice prefers statements and cases on them.",
                required=False,
            ),
            "pilot": {
                **CASE_ID,
                "description": "The id of the pilot this audience is asked to support (a file in pilots/).",
            },
            "sources": {
                "type": "array",
                "items": SOURCE,
                "description": "The sources the kit's framing and answers cite by number, [1] for "
                "the first; every sentence with a figure cites one.",
            },
            "evidence": _object(
                {
                    "values": {
                        "type": "array",
                        "items": OUTCOME_KIND,
                        "uniqueItems": True,
                        "minItems": 1,
                        "description": "The outcome kinds this audience values, most valued first; the "
                        "automatic briefing choice prefers them.",
                    },
                    "never_lead_with": {
                        "type": "array",
                        "items": OUTCOME_KIND,
                        "uniqueItems": True,
                        "description": "Outcome kinds a briefing for this audience never leads "
                        "with (executives: reach).",
                    },
                },
                ["values"],
                "What evidence this audience's readers value and what must never lead.",
            ),
            "briefing": _object(
                {
                    "title": _text(
                        10,
                        90,
                        "The briefing's title; name the audience, e.g. 'A social media "
                        "pilot: briefing for the senior management team'.",
                    ),
                    "statements": {
                        "type": "array",
                        "items": CASE_ID,
                        "uniqueItems": True,
                        "maxItems": 5,
                        "description": "Statement ids that lead the briefing, in order.",
                    },
                    "cases": {
                        "type": "array",
                        "items": CASE_ID,
                        "uniqueItems": True,
                        "maxItems": 3,
                        "description": "Case ids whose headline figures lead the briefing, in order.",
                    },
                },
                [],
                "What leads this audience's one-page briefing; anything left out is chosen "
                "automatically (see CONTRIBUTING.md).",
            ),
        },
        ["name", "who", "order", "cares_about", "framing", "objections", "asks"],
        "An audience and its persuasion kit.",
    )


def route_schema(vocab: Vocabulary) -> dict[str, Any]:
    page = {
        "type": "string",
        "pattern": (
            rf"^((case|benefit):{ID_BODY}|kit:{ID_BODY}(#[a-z0-9-]+)?"
            rf"|[A-Za-z0-9_./-]+\.md(#[a-z0-9-]+)?)" + END
        ),
        "description": f"{PAGE_FORMS} (or kit:<id>#<section>), or a page path under docs/, optionally "
        "with #<heading anchor>.",
        **_problem(
            "{value} is not a page reference",
            f"{PAGE_FORMS}, kit:<id>#<section> or a path like guides/index.md",
            "use one of those forms",
            "bad-page-ref",
        ),
    }
    return _object(
        {
            "title": _text(5, 120),
            "for": _text(description="Who attends."),
            "goal": _text(description="What the session achieves."),
            "prepare": {
                "type": "array",
                "items": _text(1, 300),
                "description": "What the trainer prepares: materials, who to invite, pre-reading.",
            },
            "steps": {
                "type": "array",
                "minItems": 1,
                "items": _object(
                    {
                        "page": page,
                        "minutes": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": 240,
                            "description": "Planned minutes, a whole number; a route totals at most 240.",
                        },
                        "purpose": _text(),
                        "facilitator_notes": _markdown(
                            "notes for the trainer, shown only in the presenter view and the facilitator guide."
                        ),
                        "discussion": {"type": "array", "items": _text()},
                        "optional": {
                            "type": "boolean",
                            "description": "true if the step can be dropped when time is short.",
                        },
                    },
                    ["page", "minutes", "purpose"],
                ),
            },
        },
        ["title", "for", "goal", "steps"],
        "A training route: an ordered walk through pages.",
    )


def taxonomy_schema(vocab: Vocabulary) -> dict[str, Any]:
    term = _object({"label": _text(1, 60), "description": _text(1, 200)}, ["label", "description"])
    key = {
        "pattern": ID_PATTERN,
        "maxLength": ID_MAX,
        **_problem("{value} is not an id", KEBAB, "rename the id in kebab-case, e.g. channel-shift", "bad-id"),
    }
    terms = {"type": "object", "propertyNames": key, "additionalProperties": term, "minProperties": 1}
    return _object(
        {"topics": terms, "sectors": terms, "channels": terms},
        ["topics", "sectors", "channels"],
        "Controlled vocabularies.",
    )


def schemas(vocab: Vocabulary) -> dict[str, dict[str, Any]]:
    """One complete schema per content kind, keyed by kind (the registry's, then the taxonomy)."""
    builders = {kind.name: resolve(kind.schema) for kind in KINDS} | {"taxonomy": taxonomy_schema}
    result = {}
    for kind, build in builders.items():
        result[kind] = annotate(
            kind, {"$schema": DIALECT, "$id": SCHEMA_FILES[kind], "title": f"Buy-in Casebook {kind}", **build(vocab)}
        )
    return result


@cache
def markdown_paths(kind: str) -> tuple[str, ...]:
    """The Markdown fields of a kind as field paths (`objections[].answer`), from `x-markdown`."""
    if kind == "taxonomy":
        return ()
    schema = resolve(BY_NAME[kind].schema)(Vocabulary())
    return tuple(path for path, node in properties(schema) if node.get("x-markdown"))
