"""The fixture site of the search relevance suite: tests/fixture_site.py's content plus cases and
statements written for the queries in scripts/relevance.py, so each query has pages that answer it
and pages that only brush against its words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fixture_site import case, write_fixture_repo

LG, POLICE = "local-government", "policing"
CASES = dict(
    [
        case(
            "eastmoor-bin-collection-reminders",
            title="Eastmoor posts bin collection reminders on Facebook before each holiday",
            organisation="Eastmoor Borough Council",
            sector=LG,
            audiences="customer-service",
            topics="reach",
            year=2023,
            added="2026-11-01",
            summary="Reminders of changed bin collection days, posted on the council's Facebook page before each holiday, cut the calls about missed bins.",
            challenge="Every bank holiday moved the bin collection round and the phones rang about missed bins.",
            approach="The waste team posted the new collection days on Facebook a week ahead and again the night before.",
            value="31% fewer calls",
            measure="Calls about missed bins over the holidays",
        ),
        case(
            "westbury-contact-centre-twitter-pilot",
            title="Westbury's contact centre pilots answering residents on Twitter",
            organisation="Westbury City Council",
            sector=LG,
            audiences="customer-service",
            topics="reach",
            year=2021,
            added="2026-11-01",
            summary="For three months two contact centre advisers answered residents' questions on Twitter as a pilot, and the council kept the service afterwards.",
            challenge="Questions arrived on Twitter that nobody in the contact centre was asked to answer.",
            approach="Two advisers took the account for a three-month pilot with agreed hours and a weekly report.",
            value="1,200 questions",
            measure="Questions answered during the pilot",
        ),
        case(
            "hallford-councillors-online-abuse-survey",
            title="Two in three Hallford councillors faced abuse online, a survey finds",
            organisation="Hallford District Council",
            sector=LG,
            audiences="executives",
            topics="public-safety",
            year=2024,
            added="2026-11-01",
            summary="A survey of Hallford's councillors found that two in three had faced abuse or threats online in the past year.",
            challenge="Members stopped posting after threats and the council had no policy for supporting them.",
            approach="The council surveyed its members and agreed a protocol for reporting and blocking abuse.",
            value="two in three",
            measure="Councillors who had faced online abuse in a year",
        ),
        case(
            "riverton-flood-warnings",
            title="Riverton's flood warnings on Twitter reach residents before the river peaks",
            organisation="Riverton County Council",
            sector=LG,
            audiences="executives",
            topics="emergencies",
            year=2020,
            added="2026-11-01",
            summary="During the 2020 floods the council posted warnings and sandbag points on Twitter hours before the river peaked.",
            challenge="Flooding cut roads and the emergency line was overwhelmed.",
            approach="The emergency planning team posted every warning on Twitter with a map of sandbag points.",
            value="40,000 residents",
            measure="Residents reached by the flood warnings",
        ),
        case(
            "kingsford-police-recruitment-video",
            title="Kingsford Police's recruitment video brings 900 applicants",
            organisation="Kingsford Police",
            sector=POLICE,
            audiences="executives",
            topics="reach",
            year=2022,
            added="2026-11-01",
            summary="A one-minute recruitment video posted by the force on TikTok and Instagram brought 900 applications for officer posts.",
            challenge="The force was short of officers and its adverts reached few young people.",
            approach="Serving officers filmed a short recruitment video about a real shift.",
            value="900 applicants",
            measure="Applications after the recruitment video",
        ),
        case(
            "easton-police-missing-person-appeals",
            title="Easton Police finds missing people faster with appeals on Facebook",
            organisation="Easton Police",
            sector=POLICE,
            audiences="executives",
            topics="public-safety",
            year=2019,
            added="2026-11-01",
            summary="Missing person appeals on the force's Facebook page led to most people being found within a day in 2019.",
            challenge="Missing person appeals in the local paper came out days too late.",
            approach="The control room posted each missing person appeal on Facebook within the hour.",
            value="83%",
            measure="Missing people found within a day of the appeal",
        ),
        case(
            "ashby-town-council-streams-meetings",
            title="Ashby Town Council live streams its council meetings on YouTube",
            organisation="Ashby Town Council",
            sector=LG,
            audiences="executives",
            topics="reach",
            year=2020,
            added="2026-11-01",
            summary="The town council began to live stream its full council meeting on YouTube in 2020 and kept doing so.",
            challenge="Few residents came to meetings in the town hall.",
            approach="The clerk streamed each council meeting live with a laptop and kept the recordings online.",
            value="2,300 views",
            measure="Views of the council meeting streams in a year",
        ),
        case(
            "lowbridge-parking-permits-whatsapp",
            title="Lowbridge answers parking permit questions on WhatsApp",
            organisation="Lowbridge Borough Council",
            sector=LG,
            audiences="customer-service",
            topics="reach",
            year=2024,
            added="2026-11-01",
            summary="Residents asked about parking permits on WhatsApp instead of phoning, and the council answered most within the hour.",
            challenge="Parking permit renewals filled the phone queue every spring.",
            approach="The parking team answered permit questions on WhatsApp with saved replies.",
            value="4,500 messages",
            measure="Parking permit questions answered on WhatsApp",
        ),
        case(
            "dunmore-response-time-within-the-hour",
            title="Dunmore cuts its response time on social media to under an hour",
            organisation="Dunmore City Council",
            sector=LG,
            audiences="customer-service",
            topics="reach",
            year=2022,
            added="2026-11-01",
            summary="The council's average response time to questions on social media fell from three days to 45 minutes after a rota.",
            challenge="Questions on social media waited days for an answer.",
            approach="Advisers took turns on a rota with a target response time of one hour.",
            value="45 minutes",
            measure="Average response time on social media",
        ),
        case(
            "northby-reduce-calls-council-tax",
            title="Northby's council tax posts reduce calls in billing month",
            organisation="Northby District Council",
            sector=LG,
            audiences="customer-service",
            topics="reach",
            year=2018,
            added="2026-11-01",
            summary="Posts explaining the new council tax bills helped reduce calls to the contact centre in the month the bills arrived.",
            challenge="Every March the bills brought thousands of calls with the same few questions.",
            approach="The team posted short answers to the five commonest questions as the bills landed.",
            value="2,000 fewer calls",
            measure="Calls in billing month compared with the year before",
        ),
    ]
)

# Pages that brush against a query's words as a phrase, or name it, without answering it: a case
# whose caveat says it cannot show it "reduced calls" (caveats are not indexed), a case with
# "customer service" in a short title (the kit of that name comes first); and a third audience's
# kit, as the real site has, which "elected member" names.
CAVEATED_ID = "harwick-digital-desk-contacts"
CAVEAT = "The report does not show whether the desk reduced calls; quillbrook figures were not kept."
CASES[CAVEATED_ID] = (
    case(
        CAVEATED_ID,
        title="Harwick's digital desk takes calls, messages and reports in one queue",
        organisation="Harwick Borough Council",
        sector=LG,
        audiences="customer-service",
        topics="reach",
        year=2021,
        added="2026-11-01",
        summary="Harwick's digital desk took calls, messages and online reports in one queue, beside 40,000 calls a month to its contact centre.",
        challenge="Calls to the contact centre rose every month and callers waited on hold for calls about the same few things.",
        approach="One desk answered calls, messages and reports, and logged calls and messages alike.",
        value="40,000 calls a month",
        measure="Calls to the contact centre each month",
    )[1]
    + f"caveats: |\n  {CAVEAT}\n"
)
CASES.update(
    [
        case(
            "lowmoor-customer-service-team-twitter",
            title="Lowmoor hands its Twitter account to the customer service team",
            organisation="Lowmoor District Council",
            sector=LG,
            audiences="customer-service",
            topics="reach",
            year=2016,
            added="2026-11-01",
            summary="Lowmoor moved its Twitter account from the press office to the customer service team, who answer it between calls.",
            challenge="Questions on Twitter waited for the press office, which passed them to customer service anyway.",
            approach="The customer service team took over the account and answered it between calls.",
            value="1,200 questions a month",
            measure="Questions answered on Twitter each month",
        )
    ]
)
ELECTED_MEMBERS_KIT = """\
# yaml-language-server: $schema=../schema/kit.schema.json
name: Elected members
who: Councillors, cabinet members and committee chairs.
order: 3
cares_about:
  - Hearing from residents
framing: |
  Start from the residents who already write to them.
objections:
  - objection: Residents who matter do not use social media.
    answer: |
      Most residents in every age group now use at least one platform, and the people who write to
      councillors are among them. The accounts reach people who never come to a ward surgery, and
      answers given once in public save the same reply being written to each resident by hand.
    benefits: []
    cases: []
  - objection: One bad post and we are on the front page.
    answer: |
      The risk is real, and it is why the accounts would be run under a written policy, with house
      rules and an escalation route. Silence is also a risk: people talk about the
      council online whether or not it answers, and a rumour left alone travels further than a
      correction posted early.
    benefits: []
    cases: []
  - objection: Officers should not speak for the council in public.
    answer: |
      Officers already answer residents by phone, letter and e-mail every day. Posting the same
      answers in public, in the council's name and within its policy, changes the channel, not who
      speaks, and members can see every answer given.
    benefits: []
    cases: []
  - objection: It will turn into a stream of complaints about members.
    answer: |
      Complaints arrive today by phone and e-mail and are read by nobody else. Answered in public,
      with the facts and what happens next, the same complaint shows others that the council
      listens, and the record of answers is there for members to point to at election time.
    benefits: []
    cases: []
asks:
  - Champion the pilot in committee.
"""

STATEMENTS = {
    "airline-investment-returned-more": """\
# yaml-language-server: $schema=../schema/benefit.schema.json
statement: An airline reported that a small investment in replies on social media returned more than it cost within a month.
audiences: [executives]
topics: [reach]
evidence:
  - case: gmp-tweets
added: 2026-11-01
last_verified: 2026-11-01
""",
}


def write_relevance_repo(target: Path) -> Path:
    repo = write_fixture_repo(target)
    for case_id, text in CASES.items():
        (repo / "case_studies" / f"{case_id}.yml").write_text(text, encoding="utf-8")
    for benefit_id, text in STATEMENTS.items():
        (repo / "benefits" / f"{benefit_id}.yml").write_text(text, encoding="utf-8")
    (repo / "kits" / "elected-members.yml").write_text(ELECTED_MEMBERS_KIT, encoding="utf-8")
    return repo


def build_relevance_site(tmp: Path) -> Path:
    repo = write_relevance_repo(tmp / "repo")
    out = tmp / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=repo,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    if result.returncode != 0:
        raise AssertionError(f"relevance site failed to build:\n{result.stderr[-4000:]}")
    return out
