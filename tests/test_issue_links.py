"""The "Spotted a mistake?" links pre-fill the issue title with the page title decoded once
(issue 26): a title holding an apostrophe or an ampersand reaches GitHub as written, not as
`&#39;`."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

from fixture_site import write_fixture_repo

TITLE = 'Greater Manchester Police\'s "24 hours" of tweets & replies, 1 < 2'


def test_issue_titles_are_the_page_title_decoded_once(tmp_path):
    repo = write_fixture_repo(tmp_path / "repo")
    case = repo / "case_studies/gmp-tweets.yml"
    text = case.read_text(encoding="utf-8")
    case.write_text(
        text.replace(
            "title: Greater Manchester Police tweets every incident for 24 hours",
            f"title: '{TITLE.replace(chr(39), chr(39) * 2)}'",
        ),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=repo,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert built.returncode == 0, built.stderr[-3000:]
    page = (site / "cases/gmp-tweets/index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]*/issues/new\?template=(?:correction|report-source)\.yml[^"]*)"', page)
    assert len(links) == 2
    titles = sorted(parse_qs(urlsplit(html.unescape(link)).query)["title"][0] for link in links)
    assert titles == [f"Correction: {TITLE}", f"Source problem: {TITLE}"]
