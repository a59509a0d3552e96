"""A small built site for browser tests of code (search, explorer, statements filter): the
project's code and hand-written pages with the fixture content of tests/fixtures/repo plus a few
cases written here, so a test never depends on the real library's ids or counts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from casebook.kinds import FOLDERS, TAXONOMY
from casebook.clock import epoch_of
from support import FIXTURE, ROOT, TODAY

CONTENT = (*FOLDERS.values(), TAXONOMY)  # every registered kind's folder, and the taxonomy
IGNORE = shutil.ignore_patterns(
    ".venv", "site", ".git", "tests", "__pycache__", ".pytest_cache", *CONTENT, "node_modules"
)

TAXONOMY_EXTRA = """\
  emergencies:
    label: Emergencies and disruption
    description: Severe weather, incidents and service disruption.
"""
SECTOR_EXTRA = """\
  local-government:
    label: Local government
    description: Councils.
"""
KIT = """\
# yaml-language-server: $schema=../schema/kit.schema.json
name: Customer service
who: Contact-centre managers and advisers.
order: 2
cares_about:
  - Fewer repeat calls
framing: |
  Start from the calls they already take.
objections:
  - objection: We cannot staff another channel.
    answer: |
      Answer in public once, for everyone who asks the same.
    benefits: []
    cases: [northshire-gritter-twitter]
asks:
  - Lend an adviser for the winter.
"""


def case(
    case_id: str,
    *,
    title: str,
    organisation: str,
    sector: str,
    audiences: str,
    topics: str,
    summary: str,
    challenge: str,
    approach: str,
    value: str,
    measure: str,
    year: int,
    added: str,
) -> tuple[str, str]:
    return (
        case_id,
        f"""\
# yaml-language-server: $schema=../schema/case-study.schema.json
title: {title}
organisation: {organisation}
sector: {sector}
country: GB
year: {year}
audiences: [{audiences}]
topics: [{topics}]
summary: >-
  {summary}
challenge: |
  {challenge}
approach: |
  {approach}
outcomes:
  - measure: {measure}
    value: "{value}"
    basis: counted
    kind: contact
    source: 1
sources:
  - title: Annual report of {organisation}
    publisher: {organisation}
    url: https://example.org/{case_id}
    published: {year + 1}
    grade: primary
added: {added}
last_verified: {added}
""",
    )


CASES = dict(
    [
        case(
            "northshire-gritter-twitter",
            title="Northshire's Gritter Twitter account answers winter questions",
            organisation="Northshire County Council",
            sector="local-government",
            audiences="customer-service",
            topics="emergencies",
            year=2012,
            added="2026-11-10",
            summary="The council's gritter crews posted their routes on Twitter each night, so residents stopped phoning to ask whether their road was treated.",
            challenge="Every cold night the contact centre took hundreds of calls about the gritters.",
            approach="Drivers' routes were posted as the lorries left the depot.",
            value="9,000 fewer calls",
            measure="Calls about the gritters compared with the winter before",
        ),
        case(
            "southvale-winter-roads-page",
            title="Southvale's winter roads page lists every gritter route",
            organisation="Southvale Borough Council",
            sector="local-government",
            audiences="executives",
            topics="emergencies",
            year=2014,
            added="2026-11-09",
            summary="One page listed the gritter routes, salt bins and school closures, and the council pointed every social post at it.",
            challenge="Winter information was spread over six pages and residents phoned instead.",
            approach="The web team built a single winter page and linked it from every post.",
            value="4,000 phone calls",
            measure="Phone calls saved over the winter",
        ),
        case(
            "manchester-council-contacts",
            title="A Manchester council answers a surge of messages after an incident",
            organisation="Manchester Test Council",
            sector="local-government",
            audiences="executives, customer-service",
            topics="emergencies",
            year=2017,
            added="2026-11-08",
            summary="After a major incident in Manchester the council answered questions on social media and saw contacts rise eightfold there.",
            challenge="Phone lines were swamped within an hour of the incident.",
            approach="Advisers moved to answering messages in public with one agreed line.",
            value="eightfold",
            measure="Rise in contacts through social media",
        ),
    ]
)

BENEFIT = """\
# yaml-language-server: $schema=../schema/benefit.schema.json
statement: Manchester residents turned to social media first when the phone lines were swamped.
audiences: [executives]
topics: [emergencies]
explanation: |
  Manchester, Manchester, Manchester: a statement that names the city more often than the cases do.
evidence:
  - case: manchester-council-contacts
added: 2026-11-20
last_verified: 2026-11-20
"""
# A hand-written page whose facilitator notes must never be found by the public search.
NOTES_PAGE = """\
---
title: Facilitator notes test
---
# Facilitator notes test

A page with notes for the trainer only.

<div class="notes" data-pagefind-ignore="all" markdown>
Say the word quokkafrost to the room, never on screen.
</div>
"""

# A table wider than a phone, so the accessibility test meets a region that scrolls sideways.
WIDE_TABLE_PAGE = """\
---
title: Wide table test
---
# Wide table test

| cases | 2019 | 2020 | 2021 | 2022 | 2023 | 2024 | 2025 | 2026 |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
| bytes | 1,234,567 | 2,345,678 | 3,456,789 | 4,567,890 | 5,678,901 | 6,789,012 | 7,890,123 | 8,901,234 |
"""


def write_fixture_repo(target: Path) -> Path:
    """The project's code and pages, the fixture content and the cases above."""
    shutil.copytree(ROOT, target, ignore=IGNORE)
    return write_fixture_content(target)


def write_fixture_content(target: Path) -> Path:
    """Only the content: tests/fixtures/repo, its pages and the cases above (enough to load)."""
    for name in CONTENT:
        source = FIXTURE / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    # The fixture's own hand-written pages (those its training routes visit) join the real ones.
    shutil.copytree(FIXTURE / "docs", target / "docs", dirs_exist_ok=True)
    taxonomy = (target / "taxonomy.yml").read_text(encoding="utf-8")
    taxonomy = taxonomy.replace("sectors:\n", TAXONOMY_EXTRA + "sectors:\n", 1)
    taxonomy = taxonomy.replace("channels:\n", SECTOR_EXTRA + "channels:\n", 1)
    (target / "taxonomy.yml").write_text(taxonomy, encoding="utf-8")
    (target / "kits" / "customer-service.yml").write_text(KIT, encoding="utf-8")
    for case_id, text in CASES.items():
        (target / "case_studies" / f"{case_id}.yml").write_text(text, encoding="utf-8")
    (target / "benefits" / "manchester-residents-turned-to-social.yml").write_text(BENEFIT, encoding="utf-8")
    (target / "docs" / "notes-test.md").write_text(NOTES_PAGE, encoding="utf-8")
    (target / "docs" / "wide-table-test.md").write_text(WIDE_TABLE_PAGE, encoding="utf-8")
    return target


def build_fixture_site(tmp: Path) -> Path:
    repo = write_fixture_repo(tmp / "repo")
    out = tmp / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=repo,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": epoch_of(TODAY)},
    )  # the fixture's day, not the wall clock
    if result.returncode != 0:
        raise AssertionError(f"fixture site failed to build:\n{result.stderr[-4000:]}")
    return out
