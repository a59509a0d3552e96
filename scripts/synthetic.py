"""Synthetic but valid case studies for the benchmark: varied enough that search, related cases
and the explorer do real work, built only from ids the repository declares. Used by bench.py only,
so it lives with the scripts, not in the domain package."""

from __future__ import annotations

import random
from datetime import date, timedelta

from casebook.content.contract import Vocabulary

TOWNS = [
    "Ashford",
    "Barnsley",
    "Carlisle",
    "Dudley",
    "Exeter",
    "Falkirk",
    "Gateshead",
    "Harrogate",
    "Ipswich",
    "Kendal",
    "Lancaster",
    "Medway",
    "Newport",
    "Oldham",
    "Perth",
    "Reading",
    "Salford",
    "Telford",
    "Wigan",
    "York",
]
BODIES = [
    "Borough Council",
    "County Council",
    "Police",
    "Fire and Rescue Service",
    "NHS Trust",
    "Housing Association",
    "Transport Authority",
]
MEASURES = [
    "Calls avoided in the first year",
    "Average response time on social media",
    "Residents reached during the campaign",
    "Consultation responses received",
    "Followers gained during the incident",
    "Enquiries answered in public",
]
COUNTRIES = ["GB", "IE", "US", "AU", "NZ", "CA"]
GRADES = ["primary", "primary", "secondary", "unconfirmed"]


def synthetic_case(index: int, vocab: Vocabulary, *, seed: int = 7) -> str:
    rng = random.Random(seed * 100_003 + index)
    town, body = rng.choice(TOWNS), rng.choice(BODIES)
    organisation = f"{town} {body} {index}"
    year = rng.randint(2008, 2025)
    added = date(2026, 1, 1) + timedelta(days=index % 300)
    audiences = rng.sample(vocab.audiences, rng.randint(1, len(vocab.audiences)))
    topics = rng.sample(vocab.topics, rng.randint(1, 3))
    channels = rng.sample(vocab.channels, rng.randint(0, 2))
    measure = rng.choice(MEASURES)
    return f"""\
# yaml-language-server: $schema=../schema/case-study.schema.json
title: {organisation} uses social media to improve {topics[0].replace("-", " ")} (synthetic {index})
organisation: {organisation}
sector: {rng.choice(vocab.sectors)}
country: {rng.choice(COUNTRIES)}
year: {year}
audiences: [{", ".join(audiences)}]
topics: [{", ".join(topics)}]
channels: [{", ".join(channels)}]
summary: >-
  A synthetic case for the benchmark: {organisation} answered questions in public during {year} and
  recorded how the workload and the response changed over the year.
challenge: |
  Calls to the contact centre in {town} rose every winter and residents complained that nobody
  answered online. Staff were unsure what they were allowed to say in public.
approach: |
  The team agreed a **response standard**, trained advisers and published house rules. They
  reported each month to the leadership team.
outcomes:
  - measure: {measure}
    value: "{rng.randint(2, 90) * 100:,} {rng.choice(["calls", "people", "responses", "minutes"])}"
    source: 1
    basis: counted
    kind: contact
  - measure: Share of questions answered within the hour
    value: "{rng.randint(40, 99)} per cent"
    source: 1
    basis: counted
    kind: time
lessons:
  - Agree the standard before the surge, not during it.
sources:
  - title: {town} annual customer service report {year}
    publisher: {organisation}
    url: https://example.org/{index}/report
    published: {year + 1}
    grade: {rng.choice(GRADES)}
added: {added.isoformat()}
last_verified: {added.isoformat()}
"""
