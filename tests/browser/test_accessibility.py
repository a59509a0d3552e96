"""axe-core (shipped offline by axe-playwright-python) finds no serious or critical violation."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import wait_until

pytestmark = pytest.mark.browser
PAGES = ["", "kits/executives/", "kits/customer-service/briefing/", "tools/channel-shift/",
         "tools/readiness/", "cases/{case}/", "benefits/",
         "cases/?audience=executives", "training/briefing-elected-members/", "data/",
         "benefits/{benefit}/", "briefing/?audience=elected-members",
         "how-we-grade-evidence/", "tools/readiness/?signs=silos,slow", "contribute/",
         "contribute/propose/", "contribute/fields/"]


@pytest.mark.parametrize("url", PAGES, ids=lambda u: u or "home")
def test_no_serious_or_critical_violations(page, site_dir, url):
    # An entry page of each kind, its id read from the exports: real content may change freely.
    first = {name: json.loads((site_dir / f"api/{name}s.json").read_text())[0]["id"] for name in ("case", "benefit")}
    page.goto(url.format(**first))
    if url.startswith("cases/?"):
        wait_until(page, "window.cbExplorer && window.cbExplorer.ready")
    if url.startswith("briefing/"):
        wait_until(page, "window.cbBuilder && window.cbBuilder.ready")
    results = Axe().run(page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []
