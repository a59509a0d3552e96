"""The policy is computed from the built pages (issue #14): unit tests of casebook.security.csp."""

from __future__ import annotations

import base64
import hashlib

from casebook.security.csp import Survey, apply_to_site, digest, inline_scripts, policy, serialise, with_policy

PAGE = ('<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
        '<script>var a = 1;</script><script src="x.js"></script>'
        '<script id="__config" type="application/json">{"a": 1}</script></head><body>'
        '<a href="https://example.org/a">out</a> <a href="../cases/">in</a> '
        '<a class="x" rel="nofollow" href="http://example.com">old</a></body></html>')


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
    survey.add_page('<form action="https://github.com/o/r/new/main"></form><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>')
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
