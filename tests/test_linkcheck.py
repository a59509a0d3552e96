"""The scheduled link check, against a local HTTP server that answers 200, 301, 404, 429 with
Retry-After and slowly: each problem is reported on the file, line and field that cites it. No
test touches the network."""

from __future__ import annotations

import contextlib
import http.server
import shutil
import time
from pathlib import Path

import pytest

from casebook.scheduled.linkcheck import Options, check_links, findings, source_links
from static_site import serve_with
from support import FIXTURE
from test_scripts import load_script

SLOW_SECONDS = 4


class Answers(http.server.BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def do_GET(self):  # noqa: N802 (http.server's naming)
        Answers.hits[self.path] = Answers.hits.get(self.path, 0) + 1
        if self.path == "/ok":
            self._reply(200)
        elif self.path == "/moved":
            self._reply(301, Location="/ok")
        elif self.path == "/found":
            self._reply(302, Location="/ok")
        elif self.path == "/gone":
            self._reply(404)
        elif self.path == "/busy":
            self._reply(429, **{"Retry-After": "1"})
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._reply(200)
        else:
            self._reply(500)

    do_HEAD = do_GET

    def _reply(self, code: int, **headers: str) -> None:
        self.send_response(code)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def answering_server():
    with serve_with(Answers) as base:
        yield base.rstrip("/")


def cite(repo: Path, base: str) -> None:
    """The fixture case cites five addresses, one in a list item far down the file; the statement
    cites the dead one too."""
    case = repo / "case_studies/gmp-tweets.yml"
    text = case.read_text()
    sources = "".join(
        f"""  - title: Source {name}
    publisher: Test Publisher
    url: {base}/{name}
    published: 2010
    grade: secondary
"""
        for name in ("ok", "moved", "gone", "busy", "slow", "found")
    )
    start = text.index("sources:\n") + len("sources:\n")
    end = text.index("added:")
    case.write_text(text[:start] + sources + text[end:])
    benefit = repo / "benefits/tweeting-a-day-of-calls.yml"
    benefit.write_text(
        benefit.read_text().replace(
            "  - case: gmp-tweets",
            f"""  - case: gmp-tweets
  - source:
      title: A dead page
      publisher: Test Publisher
      url: {base}/gone
      published: undated
      grade: unconfirmed""",
        )
    )


def line_of(repo: Path, rel: str, needle: str) -> int:
    lines = (repo / rel).read_text().splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    repo = tmp_path_factory.mktemp("links") / "repo"
    shutil.copytree(FIXTURE, repo)
    with answering_server() as base:
        cite(repo, base)
        Answers.hits.clear()
        links, problems = check_links(repo, Options(concurrency=4, retries=1, retry_wait=1, timeout=2))
        hits = dict(Answers.hits)
    return repo, base, links, problems, hits


def test_every_source_url_is_found_with_its_line_and_field(checked):
    repo, base, links, _, _ = checked
    by_field = {(link.path, link.field): link for link in links}
    moved = by_field[("case_studies/gmp-tweets.yml", "sources[1].url")]
    assert moved.url == f"{base}/moved"
    assert moved.line == line_of(repo, "case_studies/gmp-tweets.yml", "/moved")
    dead_in_statement = by_field[("benefits/tweeting-a-day-of-calls.yml", "evidence[1].source.url")]
    assert dead_in_statement.line == line_of(repo, "benefits/tweeting-a-day-of-calls.yml", "/gone")


def test_dead_moved_slow_and_rate_limited_links_are_reported_where_they_are_cited(checked):
    repo, base, _, problems, _ = checked
    lines = sorted(p.text() for p in problems)
    case = "case_studies/gmp-tweets.yml"
    assert [p.rule for p in problems if p.path == case and p.field == "sources[0].url"] == []  # 200
    assert [p.rule for p in problems if p.field == "sources[5].url"] == []  # a temporary 302 is fine
    moved = next(p for p in problems if p.field == "sources[1].url")
    assert moved.rule == "source-link-moved" and f"to {base}/ok" in moved.message
    assert moved.line == line_of(repo, case, "/moved")
    assert next(p for p in problems if p.field == "sources[2].url").rule == "source-link-dead"
    assert "404" in next(p for p in problems if p.field == "sources[2].url").message
    busy = next(p for p in problems if p.field == "sources[3].url")
    assert busy.rule == "source-link-unreachable" and "429" in busy.message
    assert next(p for p in problems if p.field == "sources[4].url").rule == "source-link-unreachable"
    statement = [p for p in problems if p.path == "benefits/tweeting-a-day-of-calls.yml"]
    assert [p.rule for p in statement] == ["source-link-dead"]
    assert all(p.text().startswith(p.path + ":") for p in problems), lines


def test_each_address_is_requested_once_and_a_rate_limited_one_is_retried(checked):
    *_, hits = checked
    assert hits["/gone"] == 1  # cited twice, checked once
    assert hits["/busy"] == 2  # one retry, as configured


def test_findings_prefer_a_dead_link_to_its_redirect():
    report = {
        "redirect_map": {"stdin": [{"origin": "https://a/x", "redirects": [{"url": "https://a/y", "code": 301}]}]},
        "error_map": {"stdin": [{"url": "https://a/x", "status": {"text": "404 Not Found", "code": 404}}]},
    }
    assert findings(report)["https://a/x"].status == "dead"


def test_the_script_exits_1_and_prints_file_line_field(repo, capsys):
    with answering_server() as base:
        cite(repo, base)
        code = load_script("check_links").main(
            ["--root", str(repo), "--retries", "0", "--timeout", "2", "--format", "markdown", "--no-cache"]
        )
    out = capsys.readouterr().out
    assert code == 1
    assert (
        f"`case_studies/gmp-tweets.yml:{line_of(repo, 'case_studies/gmp-tweets.yml', '/gone')}` `sources[2].url`" in out
    )
    assert "[source-link-dead]" in out


def test_a_repository_whose_links_all_answer_exits_0(repo, capsys):
    with answering_server() as base:
        case = repo / "case_studies/gmp-tweets.yml"
        case.write_text(
            case.read_text().replace("http://www.bbc.com/news/uk-england-manchester-11549069", f"{base}/ok")
        )
        code = load_script("check_links").main(["--root", str(repo), "--no-cache"])
    assert code == 0
    assert "No problems found. (1 links checked)" in capsys.readouterr().out
    assert source_links(repo)[0].url == f"{base}/ok"
