"""Property-based tests of hostile and valid content (issue #14), with Hypothesis.

- No traceback, ever: arbitrary bytes, arbitrary YAML and mutations of every entry type end in
  "valid" or in problem lines (each one inert: no control character, no workflow command); an
  entry that validated always builds (pages, exports, feed, Word briefings, then the site's
  Markdown conversion), and contributor script never reaches a page.
- Nothing lost: a valid generated corpus puts every entry on its page, in the JSON export (which
  the explorer reads) and on the kit of every audience it is tagged for, and on no other kit.

Run time is kept modest for `make test` (the "quick" profile); `CASEBOOK_HYPOTHESIS=thorough`
runs many more examples of each property.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from casebook.repository import load_casebook
from casebook.site import site_files
from casebook.kinds import KINDS, TAXONOMY
from support import FIXTURE, ROOT, TODAY

settings.register_profile(
    "quick", max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=600, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("CASEBOOK_HYPOTHESIS", "quick"))
QUICK = os.environ.get("CASEBOOK_HYPOTHESIS", "quick") == "quick"

FILES = {kind.name: kind.fixture for kind in KINDS} | {"taxonomy": TAXONOMY}  # one fixture file per kind
UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]|^\\s*(::|##\\[)")
SCRIPT_LINK = re.compile(r"""(href|src)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)
MARKER = "cbxss"  # inside every script a mutation injects; it must never reach a page as code


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!ENV [NAME, default]` values become their defaults."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
_EXTENSIONS = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)["markdown_extensions"]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("properties") / "repo"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(ROOT / "schema", root / "schema")
    return root


def check_outcome(root: Path) -> list[str]:
    """Validate; every line must be inert; if valid, the build must succeed. Returns the lines."""
    result = load_casebook(root, today=TODAY)
    lines = [p.text() for p in result.problems] + [p.github() for p in result.problems]
    for line in lines:
        assert not UNSAFE_LINE.search(line.removeprefix("::error ").removeprefix("::warning ")), line
    event("valid, built" if result.casebook is not None else "refused")
    if result.casebook is not None:
        build(result.casebook, root)
    return lines


def build(book, root: Path) -> dict[str, str | bytes]:
    """Everything the build makes from the casebook, and the site's Markdown conversion of each
    generated page (what MkDocs does next)."""
    files = {page.src_uri: page.content for page in site_files(book, root)}
    for name, content in files.items():
        if name.endswith(".md"):
            body, _ = get_data(content)  # front matter is YAML for the theme, as in MkDocs
            html = markdown.Markdown(extensions=_markdown_extensions()).convert(body)
            assert f"<script>{MARKER}" not in html and not SCRIPT_LINK.search(html), name
    json.loads(files["api/cases.json"])
    return files


def _markdown_extensions() -> list:
    names = []
    for item in _EXTENSIONS:
        names.append(next(iter(item)) if isinstance(item, dict) else item)
    return names


def _replace(root: Path, rel: str, content: bytes):
    """Write `content` over a fixture file for one example; returns a function that restores it."""
    path = root / rel
    original = path.read_bytes() if path.exists() else None
    path.write_bytes(content)

    def restore():
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)

    return restore


YAMLISH = st.lists(
    st.sampled_from(
        [
            b"- ",
            b": ",
            b"\n",
            b"  ",
            b"[",
            b"]",
            b"{",
            b"}",
            b",",
            b"&a ",
            b"*a",
            b"!!int ",
            b"!x ",
            b"# c",
            b'"',
            b"'",
            b'"\\u0001"',
            b'"\\e"',
            b"title",
            b"outcomes",
            b"x",
            b"\t",
            b"|\n",
            b">-\n",
            b"---\n",
            b"...\n",
            b"\xff",
            b"\x00",
            b"? ",
            b"<<: ",
            b"\xef\xbb\xbf",
            b"2026-13-01",
            b"0x1F",
            b"~",
            b"\r\n",
        ]
    ),
    max_size=60,
).map(b"".join)


@given(data=st.one_of(st.binary(max_size=600), YAMLISH), kind=st.sampled_from(sorted(FILES)))
def test_any_bytes_give_problems_not_a_traceback(base, data, kind):
    restore = _replace(base, FILES[kind], data)
    try:
        check_outcome(base)
    finally:
        restore()


# Numbers too long for Python to read as written (over 4,300 digits): yaml.safe_dump cannot write
# them, so a placeholder is dumped and then replaced by the digits (`with_huge_numbers`).
HUGE_NUMBERS = st.tuples(st.integers(min_value=4290, max_value=6000), st.sampled_from(["", "-", "0.", "1e"])).map(
    lambda shape: f"HUGENUMBER_{shape[1]}_{shape[0]}_"
)


def with_huge_numbers(text: str) -> str:
    return re.sub(r"HUGENUMBER_([-.0-9e]*)_([0-9]+)_", lambda m: m.group(1) + "9" * int(m.group(2)), text)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=40),
    HUGE_NUMBERS,
    st.sampled_from(["index", "2026-11-23", "https://example.org", "{{ 7*7 }}", "- a"]),
)
ANY_DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=25,
)


@given(data=ANY_DATA, kind=st.sampled_from(sorted(FILES)))
def test_any_yaml_gives_problems_not_a_traceback(base, data, kind):
    text = with_huge_numbers(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    restore = _replace(base, FILES[kind], text.encode("utf-8"))
    try:
        check_outcome(base)
    finally:
        restore()


HOSTILE_TEXT = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(max_codepoint=0x9F), max_size=30),
    st.sampled_from(
        [
            f"<script>{MARKER}</script>",
            f"[x](javascript:{MARKER})",
            "# Heading",
            "![i](https://e.org/i.png)",
            "=HYPERLINK(1)",
            "-2+3",
            "\n::warning::owned",
            "::add-mask::x",
            "\u202e",
            "\ufffe",
            "x\x1b[31m",
            "{{ 7*7 }}",
            "{% raw %}",
            "index",
            "../../etc/passwd",
            "[" * 150,
            "- " * 30 + "a",
            "a\n=\n" * 5,
            "x" * 5000,
            "2026-02-30",
            "https://example.org/\n",
            "&amp;",
            "`" * 9,
        ]
    ),
)
WEIRD = st.one_of(
    HOSTILE_TEXT,
    HUGE_NUMBERS,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),
    st.lists(HOSTILE_TEXT, max_size=3),
    st.dictionaries(HOSTILE_TEXT, HOSTILE_TEXT, max_size=2),
    st.integers(min_value=1, max_value=40).map(lambda depth: json.loads("[" * depth + "]" * depth)),
)


def _paths(data, keys=()):
    yield keys
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, keys + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, keys + (index,))


def _mutate(data, keys, value, delete: bool):
    if not keys:
        return value
    parent = data
    for key in keys[:-1]:
        parent = parent[key]
    if delete:
        del parent[keys[-1]]
    else:
        parent[keys[-1]] = value
    return data


# Printable text, so that many mutations stay valid and go on to the build.
PRINTABLE = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), min_size=1, max_size=300)


@st.composite
def mutated_entry(draw):
    kind = draw(st.sampled_from(sorted(FILES)))
    text = (FIXTURE / FILES[kind]).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        how = draw(st.sampled_from(["text", "text", "hostile", "any", "delete"]))
        paths = list(_paths(data))
        if how in ("text", "hostile"):  # a text value becomes other text: the shape may still pass
            paths = [keys for keys in paths if isinstance(_get(data, keys), str)] or paths
        keys = draw(st.sampled_from(paths))
        value = draw({"text": PRINTABLE, "hostile": HOSTILE_TEXT}.get(how, WEIRD))
        data = _mutate(data, keys, value, how == "delete" and bool(keys))
        if not isinstance(data, (dict, list)):
            break
    header = text.split("\n", 1)[0] + "\n"
    return kind, header + with_huge_numbers(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def _get(data, keys):
    for key in keys:
        data = data[key]
    return data


@given(entry=mutated_entry())
def test_mutated_entries_give_problems_or_build(base, entry):
    kind, text = entry
    restore = _replace(base, FILES[kind], text.encode("utf-8"))
    try:
        check_outcome(base)
    finally:
        restore()


# ---- Nothing lost: valid corpora -------------------------------------------------------------

WORDS = st.text(alphabet=string.ascii_letters + "éü漢 ,.'&\"", min_size=3, max_size=20).filter(str.strip)
IDS = st.from_regex(r"[a-z][a-z0-9]{2,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True).filter(lambda i: i != "index")


def _words(draw, least: int, most: int) -> str:
    text = " ".join(draw(st.lists(WORDS, min_size=1, max_size=12)))
    text = (text + " Filler words pad this text to length." * 10)[:most]
    return text if len(text) >= least else text + "x" * (least - len(text))


@st.composite
def corpus(draw):
    audiences = draw(
        st.lists(IDS, min_size=1, max_size=3, unique=True).map(lambda a: [x for x in a if x != "executives"])
    )
    audiences = ["executives"] + audiences
    case_ids = draw(
        st.lists(IDS, min_size=1, max_size=4, unique=True).map(lambda c: [x for x in c if x != "gmp-tweets"])
    )
    taken = set(case_ids) | {"tweeting-a-day-of-calls"}  # a statement may not share its id with a case it cites
    benefit_ids = draw(st.lists(IDS, max_size=3, unique=True).map(lambda b: [x for x in b if x not in taken]))
    cases = {
        i: {
            "title": _words(draw, 10, 120),
            "audiences": draw(st.lists(st.sampled_from(audiences), min_size=1, unique=True)),
            "summary": _words(draw, 50, 300),
            "challenge": _words(draw, 1, 400),
        }
        for i in case_ids
    }
    benefits = {
        i: {
            "statement": _words(draw, 20, 200),
            "audiences": draw(st.lists(st.sampled_from(audiences), min_size=1, unique=True)),
            "case": draw(st.sampled_from(case_ids)) if case_ids else None,
        }
        for i in benefit_ids
    }
    return audiences, cases, benefits


def _case_file(values: dict, case_id: str = "x") -> str:
    text = (FIXTURE / FILES["case"]).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data.update(
        title=values["title"], audiences=values["audiences"], summary=values["summary"], challenge=values["challenge"]
    )
    # Each its own case: not the fixture's organisation and source, which would make it a duplicate.
    data["organisation"] = f"Organisation {case_id}"
    data["sources"][0]["url"] = f"https://example.org/{case_id}"
    return text.split("\n", 1)[0] + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _benefit_file(values: dict) -> str:
    text = (FIXTURE / FILES["benefit"]).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data.update(statement=values["statement"], audiences=values["audiences"])
    if values["case"]:
        data["evidence"] = [{"case": values["case"]}]
    return text.split("\n", 1)[0] + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _kit_file(audience: str, order: int) -> str:
    return (
        "# yaml-language-server: $schema=../schema/kit.schema.json\n"
        f"name: Audience {order}\nwho: People in audience {order}.\norder: {order}\ncares_about: [Results]\n"
        "framing: |\n  Lead with outcomes.\nobjections: []\nasks: [Sponsor a pilot.]\n"
    )


def write_corpus(root: Path, audiences, cases, benefits) -> None:
    for order, audience in enumerate(audiences[1:], start=2):
        (root / f"kits/{audience}.yml").write_text(_kit_file(audience, order), encoding="utf-8")
    for case_id, values in cases.items():
        (root / f"case_studies/{case_id}.yml").write_text(_case_file(values, case_id), encoding="utf-8")
    for benefit_id, values in benefits.items():
        (root / f"benefits/{benefit_id}.yml").write_text(_benefit_file(values), encoding="utf-8")


@settings(max_examples=10 if QUICK else 300)  # each example builds a whole small site
@given(generated=corpus())
def test_every_entry_is_where_it_belongs_and_nowhere_else(tmp_path_factory, generated):
    audiences, cases, benefits = generated
    root = tmp_path_factory.mktemp("corpus") / "repo"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(ROOT / "schema", root / "schema")
    write_corpus(root, audiences, cases, benefits)
    result = load_casebook(root, today=TODAY)
    assert result.casebook is not None, "\n".join(p.text() for p in result.errors)
    files = build(result.casebook, root)
    exported = {c["id"]: c for c in json.loads(files["api/cases.json"])}
    statements = {b["id"]: b for b in json.loads(files["api/benefits.json"])}
    for case_id, values in cases.items():
        assert f"cases/{case_id}.md" in files
        assert exported[case_id]["title"] == values["title"]
        assert sorted(exported[case_id]["audiences"]) == sorted(values["audiences"])
        for audience in audiences:
            on_kit = f"cases/{case_id}/" in files[f"kits/{audience}.md"]
            assert on_kit == (audience in values["audiences"]), (case_id, audience)
    for benefit_id, values in benefits.items():
        assert f"benefits/{benefit_id}.md" in files and statements[benefit_id]["statement"] == values["statement"]
        for audience in audiences:
            on_kit = f"benefits/{benefit_id}/" in files[f"kits/{audience}.md"]
            assert on_kit == (audience in values["audiences"]), (benefit_id, audience)
    shutil.rmtree(root.parent)


FREE_TEXT = [
    (("title",), 10, 120),
    (("organisation",), 1, 200),
    (("summary",), 50, 300),
    (("challenge",), 1, 4000),
    (("approach",), 1, 4000),
    (("outcomes", 0, "measure"), 1, 120),
    (("outcomes", 0, "value"), 1, 200),
    (("quote", "text"), 1, 300),
    (("sources", 0, "title"), 1, 200),
    (("sources", 0, "publisher"), 1, 200),
]


@st.composite
def retexted_case(draw):
    """The fixture case with some free-text values replaced by printable or hostile text, cut or
    padded to the lengths the contract allows, so that most still validate."""
    text = (FIXTURE / FILES["case"]).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for keys, least, most in draw(st.lists(st.sampled_from(FREE_TEXT), min_size=1, max_size=4, unique=True)):
        value = draw(st.one_of(PRINTABLE, HOSTILE_TEXT))[:most]
        data = _mutate(data, keys, value + "." * max(0, least - len(value.strip())), False)
    return text.split("\n", 1)[0] + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def site_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("real") / "repo"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", "tests"))
    return root


@settings(max_examples=int(os.environ.get("CASEBOOK_HYPOTHESIS_BUILDS", "3")))
@given(case=retexted_case())
def test_a_case_that_validates_always_builds_with_mkdocs(site_copy, case):
    """The real `mkdocs build --strict`, on the real site with one more (oddly written) case."""
    path = site_copy / "case_studies/property-test-case.yml"
    path.write_text(case, encoding="utf-8")
    try:
        if load_casebook(site_copy).casebook is None:
            event("refused")
            return
        event("valid, built with mkdocs")
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_copy / "site")],
            cwd=site_copy,
            capture_output=True,
            text=True,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        )
        assert done.returncode == 0, done.stderr[-3000:]
        page = (site_copy / "site/cases/property-test-case/index.html").read_text(encoding="utf-8")
        assert f"<script>{MARKER}" not in page and not SCRIPT_LINK.search(page)
    finally:
        path.unlink()
