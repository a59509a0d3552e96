"""The page scripts share one helper module (docs/assets/js/helpers.js, window.cbHelpers) instead
of copies: a helper defined again in another file, or local storage reached around the helpers
(whose key list is the one place a page finds what another page stored), fails here."""

from __future__ import annotations

import re

from support import ROOT

ASSETS = ROOT / "docs/assets"
HELPERS = ASSETS / "js/helpers.js"
SHARED = ("el", "readPins", "writePins", "copyText", "fetchJson", "fetchPage", "today")


def our_scripts() -> list:
    return [ASSETS / "casebook.js", *sorted((ASSETS / "js").glob("*.js"))]


def code(text: str) -> str:
    """The script without its comments (a comment may name a helper or localStorage)."""
    return re.sub(r"/\*.*?\*/|(?<![:\"'])//[^\n]*", "", text, flags=re.DOTALL)


def read(path) -> str:
    return code(path.read_text(encoding="utf-8"))


def definitions(text: str, name: str) -> list[str]:
    return re.findall(rf"\bfunction\s+{name}\s*\(|\b(?:var|let|const)\s+{name}\s*=\s*(?:function\b|\()", text)


def test_each_shared_helper_is_defined_once_in_helpers_js():
    for name in SHARED:
        assert definitions(read(HELPERS), name), f"{name} is not in helpers.js"
        copies = [path.name for path in our_scripts() if path != HELPERS and definitions(read(path), name)]
        assert not copies, f"{name} is defined again in {copies}: use window.cbHelpers"


def test_only_helpers_js_touches_local_storage():
    reaching = [path.name for path in our_scripts() if path != HELPERS and "localStorage" in read(path)]
    assert not reaching, f"{reaching} use localStorage directly: use cbHelpers.readJson/writeJson and KEYS"


def test_the_checks_see_a_copy_when_there_is_one():
    copy = "(function () {\n  function el(tag, attrs) { return document.createElement(tag); }\n})();"
    assert definitions(copy, "el")
    assert definitions("const fetchJson = (url) => fetch(url);", "fetchJson")
    assert not definitions(code("const { el } = window.cbHelpers; // function el( is shared"), "el")
    assert "localStorage" not in code("/* kept in localStorage */ readJson(KEYS.pins, []);")
