"""Stage 4-5, model and pages: a `pilots/<id>.yml` file -> the pilot every kit's briefing shows.

One pilot, three views. The shared facts (who does the work, how long, the hours cap, the cost
and how the hours are covered, the baseline, the measures, when it continues and when it stops,
who it reports to) are worded here once, as templates over a `Plan`: the numbers a manager may
change in the pilot planner. The standard briefings fill them with the pilot file's defaults; the
planner (`docs/assets/js/pilot-core.js`) fills the same templates, sent in the builder's JSON,
with the manager's numbers, so no briefing can tell one audience something another is not told.
What only one audience is told (its `views.<audience id>`) comes after the shared facts.

The templates are code, not content: contributor text is a value put into them, never a template.
"""

from __future__ import annotations

from typing import Any

import math
from dataclasses import dataclass, field, replace


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# (key, label, template) in the order every briefing shows them. `{name}` is a value of `values()`.
FACTS = (
    ("team", "Who does the work", "{team} {voluntary}"),
    ("length", "How long", "{weeks} weeks, starting in {start}, outside the busiest season for {service}."),
    ("hours", "Hours", "No more than {hours} adviser-hours a week, {total_hours} in all, recorded every week."),
    ("cost", "Cost", "{cost} {cover}"),
    (
        "baseline",
        "Baseline",
        "Calls about {service} in the same {weeks} weeks last year and in the three "
        "months before the start. {call_reasons}",
    ),
    (
        "measures",
        "What we measure",
        "Calls about {service}, questions answered on social media, phone answer "
        "times, cost per contact by channel, the advisers' hours and their feedback.",
    ),
    (
        "continue",
        "We continue if",
        "Calls about {service} fall by at least {fall}% against the same weeks last "
        "year, and a question answered on social media costs less than a call "
        "({cost_per_call}).",
    ),
    (
        "stop",
        "We stop if",
        "Phone answer times slip by more than {slip} seconds against the baseline, the hours "
        "go over {hours} a week two weeks running, or the advisers ask to stop. Otherwise it "
        "ends after {weeks} weeks.",
    ),
    (
        "reporting",
        "Reported to",
        "{reporting}: a one-page results report against each threshold at the end; they decide whether it continues.",
    ),
)
# The parts of sentences that depend on whether a number is known.
PHRASES = {
    "start_unset": "a month agreed in advance",
    "cost_priced": "{total_hours} hours × {rate} an hour = {total_cost} for the whole pilot.",
    "cost_unpriced": "{total_hours} adviser-hours at their hourly cost including on-costs, which finance "
    "confirms before the start.",
}
COVER_SENTENCES = {
    "backfill": "Their phone time is backfilled: the phones get the same hours of paid cover.",
    "overtime": "Their phone time is covered from an overtime budget set aside for these hours.",
    "phone-target": "For these hours only, the phone answering target is relaxed by agreement, so no "
    "one else absorbs the work.",
}


@dataclass(frozen=True)
class Plan:
    """The numbers a manager sets in the planner; the pilot file gives the defaults."""

    service: str
    start: str  # YYYY-MM, or "" for a month agreed before the start
    weeks: int
    hours: float
    rate: float | None  # pounds per adviser-hour, None until finance supplies it
    cost_per_call: float
    fall: float  # continue if calls fall by at least this percentage
    slip: int  # stop if answer times slip by more than this many seconds
    reporting: str
    cover: str


@dataclass(frozen=True)
class View:
    lead: str
    points: tuple[tuple[str, str], ...]  # (label, text)


@dataclass(frozen=True)
class Pilot:
    id: str
    path: str
    title: str
    summary: str
    service: str
    choosing: tuple[str, ...]
    team: str
    voluntary: str
    weeks: int
    start: str
    hours_per_week: float
    hourly_cost: float | None
    cost_per_call: float
    cost_per_call_from: str
    cover: str
    calls_fall_percent: float
    answer_slip_seconds: int
    call_reasons: str
    reporting: str
    views: dict[str, View] = field(default_factory=dict)

    @property
    def plan(self) -> Plan:
        return Plan(
            self.service,
            self.start,
            self.weeks,
            self.hours_per_week,
            self.hourly_cost,
            self.cost_per_call,
            self.calls_fall_percent,
            self.answer_slip_seconds,
            self.reporting,
            self.cover,
        )


def build_pilot(id: str, path: str, data: dict[str, Any]) -> Pilot:
    thresholds = data["thresholds"]
    views = {
        audience: View(view["lead"], tuple((p["label"], p["text"]) for p in view["points"]))
        for audience, view in data["views"].items()
    }
    return Pilot(
        id=id,
        path=path,
        title=data["title"],
        summary=data["summary"],
        service=data["service"],
        choosing=tuple(data["choosing"]),
        team=data["team"],
        voluntary=data["voluntary"],
        weeks=data["weeks"],
        start=data.get("start", ""),
        hours_per_week=data["hours_per_week"],
        hourly_cost=data.get("hourly_cost"),
        cost_per_call=data["cost_per_call"]["amount"],
        cost_per_call_from=data["cost_per_call"]["from"],
        cover=data["cover"],
        calls_fall_percent=thresholds["calls_fall_percent"],
        answer_slip_seconds=thresholds["answer_slip_seconds"],
        call_reasons=data["call_reasons"],
        reporting=data["reporting"],
        views=views,
    )


def _hundredths(value: float) -> int:
    """Rounded half up, as JavaScript's Math.round does (Python's round() rounds half to even)."""
    return math.floor(value * 100 + 0.5)


def number(value: float) -> str:
    """1234.5 -> '1,234.5', 10.0 -> '10': as pilot-core.js `number` writes it."""
    hundredths = _hundredths(value)
    return f"{hundredths // 100:,}.{hundredths % 100:02d}".rstrip("0").rstrip(".")


def money(value: float) -> str:
    """2400 -> '£2,400', 4.08 -> '£4.08', 4.5 -> '£4.50': pence only when there are any."""
    pence = _hundredths(value)
    return f"£{pence // 100:,}" if pence % 100 == 0 else f"£{pence // 100:,}.{pence % 100:02d}"


def month(start: str) -> str:
    """'2027-03' -> 'March 2027'."""
    year, number_ = start.split("-")
    return f"{MONTHS[int(number_) - 1]} {year}"


def values(pilot: Pilot, plan: Plan | None = None) -> dict[str, str]:
    """Every `{name}` the fact templates use, worded from the pilot's text and the plan's numbers."""
    plan = plan or pilot.plan
    total_hours = plan.hours * plan.weeks
    found = {
        "team": pilot.team,
        "voluntary": pilot.voluntary,
        "service": plan.service,
        "weeks": str(plan.weeks),
        "hours": number(plan.hours),
        "total_hours": number(total_hours),
        "start": month(plan.start) if plan.start else PHRASES["start_unset"],
        "call_reasons": pilot.call_reasons,
        "fall": number(plan.fall),
        "slip": str(plan.slip),
        "cost_per_call": money(plan.cost_per_call) + " a call",
        "reporting": plan.reporting,
        "cover": COVER_SENTENCES[plan.cover],
        "rate": money(plan.rate) if plan.rate else "",
        "total_cost": money(total_hours * plan.rate) if plan.rate else "",
    }
    found["cost"] = fill(PHRASES["cost_priced" if plan.rate else "cost_unpriced"], found)
    return found


def fill(template: str, names: dict[str, str]) -> str:
    """`{name}` -> its value; values are data and are not read again (as pilot-core.js `fill`)."""
    return template.format_map(names)


def shared_facts(pilot: Pilot, plan: Plan | None = None) -> tuple[tuple[str, str, str], ...]:
    """(key, label, sentence) for every fact all audiences are told, in order."""
    names = values(pilot, plan)
    return tuple((key, label, _sentence(fill(template, names))) for key, label, template in FACTS)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text[0].upper() + text[1:] if text else text


def with_plan(pilot: Pilot, **changes: Any) -> Plan:
    """The pilot's default plan with some numbers changed (tests, and the planner's contract)."""
    return replace(pilot.plan, **changes)


def planner_data(pilot: Pilot) -> dict[str, Any]:
    """What the planner needs to word the facts itself: templates, phrases and defaults."""
    plan = pilot.plan
    return {
        "id": pilot.id,
        "title": pilot.title,
        "summary": pilot.summary,
        "facts": [list(fact) for fact in FACTS],
        "phrases": PHRASES,
        "covers": COVER_SENTENCES,
        "months": list(MONTHS),
        "text": {
            "team": pilot.team,
            "voluntary": pilot.voluntary,
            "call_reasons": pilot.call_reasons,
            "cost_per_call_from": pilot.cost_per_call_from,
        },
        "defaults": {
            "service": plan.service,
            "start": plan.start,
            "weeks": plan.weeks,
            "hours": plan.hours,
            "rate": plan.rate,
            "cost_per_call": plan.cost_per_call,
            "fall": plan.fall,
            "slip": plan.slip,
            "reporting": plan.reporting,
            "cover": plan.cover,
        },
        "choosing": list(pilot.choosing),
        "views": {
            audience: {"lead": view.lead, "points": [list(p) for p in view.points]}
            for audience, view in pilot.views.items()
        },
        "shared": [[key, label, text] for key, label, text in shared_facts(pilot)],
    }
