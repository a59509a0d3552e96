"""The policy is computed from the built pages (issue #14): unit tests of casebook.security.csp."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys

import pytest
import yaml

from casebook.security.csp import (
    MissingPolicy,
    Survey,
    apply_to_site,
    digest,
    inline_scripts,
    policies_in_head,
    policy,
    serialise,
    with_policy,
)
from casebook.kinds import FOLDERS
from fixture_site import write_fixture_repo

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
    '<script>var a = 1;</script><script src="x.js"></script>'
    '<script id="__config" type="application/json">{"a": 1}</script></head><body>'
    '<a href="https://example.org/a">out</a> <a href="../cases/">in</a> '
    '<a class="x" rel="nofollow" href="http://example.com">old</a></body></html>'
)


def test_the_hash_is_the_browsers():
    expected = base64.b64encode(hashlib.sha256(b"var a = 1;").digest()).decode()
    assert digest("var a = 1;") == f"'sha256-{expected}'"


def test_only_executed_inline_scripts_are_hashed():
    assert inline_scripts(PAGE) == ["var a = 1;"]


def test_policy_lists_what_pages_need_and_nothing_else():
    survey = Survey()
    survey.add_page(PAGE)
    directives = policy(survey)
    assert directives["script-src"] == ["'self'", digest("var a = 1;")]
    assert directives["default-src"] == ["'none'"] and directives["object-src"] == ["'none'"]
    assert directives["form-action"] == ["'self'"] and directives["frame-src"] == ["'none'"]
    assert "unsafe-inline" not in serialise(directives)
    assert "frame-ancestors" not in serialise(directives)
    assert serialise(directives, header=True).endswith("frame-ancestors 'none'")


def test_wasm_forms_and_frames_widen_the_policy_only_when_present():
    survey = Survey()
    survey.add_page(
        '<form action="https://github.com/o/r/new/main"></form><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>'
    )
    survey.add_file("pagefind-ui.js")
    assert "'wasm-unsafe-eval'" not in policy(survey)["script-src"]
    survey.add_file("wasm.en.pagefind")  # Pagefind's WebAssembly module
    directives = policy(survey)
    assert "'wasm-unsafe-eval'" in directives["script-src"]
    assert directives["form-action"] == ["'self'", "https://github.com"]
    assert directives["frame-src"] == ["https://www.youtube-nocookie.com"]


def test_style_attributes_are_allowed_by_hash_only():
    survey = Survey()
    survey.add_page('<td style="text-align: right;">1</td>')
    styles = policy(survey)["style-src"]
    assert styles == ["'self'", "'unsafe-hashes'", digest("text-align: right;")]


def test_meta_comes_after_the_charset_and_before_any_script():
    html = with_policy(PAGE, "default-src 'none'")
    assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy") < html.index("<script")
    assert with_policy(html, "default-src 'none'").count("Content-Security-Policy") == 1


def test_links_out_get_noopener_noreferrer():
    html = with_policy(PAGE, "x")
    assert '<a href="https://example.org/a" rel="noopener noreferrer">' in html
    assert '<a href="../cases/">' in html
    assert '<a class="x" rel="nofollow noopener noreferrer" href="http://example.com">' in html


def test_apply_to_site_writes_pages_and_headers(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a/index.html").write_text(PAGE.replace("var a = 1;", "var b = 2;"), encoding="utf-8")
    directives = apply_to_site(tmp_path)
    assert set(directives["script-src"]) == {"'self'", digest("var a = 1;"), digest("var b = 2;")}
    for page in ("index.html", "a/index.html"):
        assert serialise(directives) in (tmp_path / page).read_text(encoding="utf-8")
    headers = (tmp_path / "_headers").read_text(encoding="utf-8")
    assert headers.startswith("/*\n  Content-Security-Policy: default-src 'none'; script-src 'self' ")


def test_a_description_naming_the_policy_does_not_stop_it():
    # Contributor text in the head (the description, the title) is text, not a tag.
    page = (
        '<!doctype html><html><head><meta charset="utf-8"><meta name="description" '
        'content="content-security-policy. BT&#39;s team"><title>Content-Security-Policy</title>'
        "<script>var a = 1;</script></head><body>CONTENT-SECURITY-POLICY</body></html>"
    )
    html = with_policy(page, "default-src 'none'")
    assert policies_in_head(html) == 1
    assert html.index('<meta http-equiv="Content-Security-Policy"') < html.index("<script")


def test_a_policy_tag_is_counted_however_it_is_written():
    # Attribute names are case-insensitive and values may hold character references.
    head = '<html><head><META HTTP-EQUIV="content&#45;security-policy" content="x"></head><body>'
    assert policies_in_head(head) == 1
    assert policies_in_head('<html><head><meta charset="utf-8"></head><body><meta http-equiv="x">') == 0


def test_a_page_left_without_the_policy_stops_the_build(tmp_path):
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "bare.html").write_text("<p>no head, no charset</p>", encoding="utf-8")
    with pytest.raises(MissingPolicy, match=r"1 built page\(s\) have no Content-Security-Policy .* bare\.html"):
        apply_to_site(tmp_path)


PHRASES = (
    "Content-Security-Policy",
    "content-security-policy",
    "CONTENT-SECURITY-POLICY",
    '<meta http-equiv="Content-Security-Policy" content="script-src *">',
)


def _name_the_policy(value, count=[0]):  # noqa: B006 (a counter kept between calls)
    """Every free-text value (any text holding a space) starts with the phrase, in turn in each case."""
    if isinstance(value, dict):
        return {key: _name_the_policy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_name_the_policy(item) for item in value]
    if isinstance(value, str) and " " in value.strip():
        count[0] += 1
        phrase = PHRASES[count[0] % 3]
        return f"{phrase}. {value}"
    return value


def test_no_contributor_field_can_remove_the_policy(tmp_path):
    repo = write_fixture_repo(tmp_path / "repo")
    files = [repo / "taxonomy.yml"] + [
        path for folder in FOLDERS.values() for path in sorted((repo / folder).glob("*.yml"))
    ]
    for path in files:
        text = path.read_text(encoding="utf-8")
        schema_line = text.splitlines(keepends=True)[0] if text.startswith("#") else ""
        data = _name_the_policy(yaml.safe_load(text))
        path.write_text(
            schema_line + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8"
        )
    result = subprocess.run([sys.executable, "scripts/validate.py"], cwd=repo, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "site"
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=repo,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert built.returncode == 0, built.stderr[-3000:]
    summary = (site / "cases/gmp-tweets/index.html").read_text(encoding="utf-8")
    assert 'name="description" content="content-security-policy.' in summary.lower()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert policies_in_head(html) == 1, page
        assert "script-src 'self'" in html.split("</head>")[0], page
