"""The planner words the pilot's facts in the browser (docs/assets/js/pilot-core.js) from the
templates casebook/model/pilot.py sends; for the same plan, both must give the same words, or a
planned briefing would tell an audience something the standard one does not."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from casebook.model.pilot import planner_data, shared_facts, with_plan
from casebook.repository import load_casebook
from support import ROOT, TODAY, real_casebook

CORE = ROOT / "docs/assets/js/pilot-core.js"
NODE = shutil.which("node")
PLANS = [
    {},
    {
        "service": "gritting",
        "start": "2027-10",
        "weeks": 16,
        "hours": 7.5,
        "rate": 23.4,
        "cost_per_call": 6.55,
        "fall": 15,
        "slip": 20,
        "cover": "overtime",
        "reporting": "the cabinet member for customer services",
    },
    {"start": "", "rate": None, "hours": 12.25, "cover": "phone-target", "fall": 7.5, "cost_per_call": 1234.567},
    {"rate": 0.125, "hours": 3, "weeks": 4},
]


def js_facts(data: dict, plans: list[dict]) -> list:
    script = (
        "const core = require(process.argv[1]); const input = JSON.parse(require('fs').readFileSync(0));"
        "process.stdout.write(JSON.stringify(input.plans.map(p => core.facts(input.pilot, "
        "Object.assign(core.defaults(input.pilot), p)))));"
    )
    out = subprocess.run(
        [NODE, "-e", script, str(CORE)],
        input=json.dumps({"pilot": data, "plans": plans}),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize("where", ["fixture", "real"])
def test_planner_and_site_word_every_plan_alike(where):
    book = real_casebook() if where == "real" else load_casebook(ROOT / "tests/fixtures/repo", today=TODAY).casebook
    for pilot in book.pilots.values():
        expected = [[list(fact) for fact in shared_facts(pilot, with_plan(pilot, **plan))] for plan in PLANS]
        assert js_facts(planner_data(pilot), PLANS) == expected


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_comparison_notices_a_difference():
    book = load_casebook(ROOT / "tests/fixtures/repo", today=TODAY).casebook
    pilot = book.pilots["fixture-pilot"]
    data = planner_data(pilot)
    data["facts"][2][2] = data["facts"][2][2].replace("a week", "per week")
    assert js_facts(data, [{}]) != [[list(fact) for fact in shared_facts(pilot)]]
