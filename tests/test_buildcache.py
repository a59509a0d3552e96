"""`mkdocs serve` replays pages whose inputs did not change (mkdocs_adapter.buildcache and
hooks/casebook_cache.py). Successive builds run in one process, as serve runs them, over the
fixture content; every page a rebuilt site writes must be byte-identical to a clean build of the
same files, and `mkdocs build` must never use the cache."""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

import pytest
from mkdocs.__main__ import cli
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_adapter.buildcache import CACHE, EntryMemo, PageCache, Rendered, digest
from casebook.search.pagefind import fragment_urls
from mkdocs_adapter.serveindex import INDEX
from fixture_site import write_fixture_repo
from casebook.kinds import FOLDERS
from support import edit

SERVE_URL = "http://127.0.0.1:8765/"
CASE = "case_studies/northshire-gritter-twitter.yml"
OLD_TITLE = "Northshire's Gritter Twitter account answers winter questions"
OLD_HTML = OLD_TITLE.replace("'", "&#39;").encode()  # as the pages escape it
NEW_TITLE = "Northshire gritter crews answer a whole winter of questions"


@pytest.fixture
def site_repo(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    root = write_fixture_repo(tmp_path / "repo")
    # The real hand-written pages link to real entries the fixture content does not have.
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nvalidation:\n  links:\n    not_found: info\n")
    monkeypatch.chdir(root)
    yield root
    CACHE.enabled = False
    CACHE.clear()
    INDEX.reset()


def serve_build(root: Path, site: Path, *, command: str | None = None) -> None:
    """One rebuild as `mkdocs serve` makes it (a fresh config, the server's address); `command`
    starts a new serving process (MkDocs' on_startup) first."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    config.site_url = SERVE_URL
    if command:
        config.plugins.on_startup(command=command, dirty=False)
    build(config, serve_url=SERVE_URL)


def pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def clean_build(root: Path, site: Path) -> dict[str, bytes]:
    """The same files built by a fresh serving process with nothing kept."""
    serve_build(root, site, command="serve")
    return pages(site)


def assert_same_as_clean(root: Path, served: Path, tmp: Path) -> dict[str, bytes]:
    made = pages(served)
    clean = clean_build(root, tmp)
    assert made.keys() == clean.keys()
    assert [p for p in clean if made[p] != clean[p]] == []
    return clean


def test_an_edited_case_reaches_every_page_that_shows_it_and_the_rest_are_replayed(site_repo, tmp_path):
    served = tmp_path / "served"
    serve_build(site_repo, served, command="serve")
    first = pages(served)
    assert CACHE.hits == 0 and CACHE.misses > 10
    showing_old = {p for p, html in first.items() if OLD_HTML in html}

    edit(site_repo, CASE, f"title: {OLD_TITLE}", f"title: {NEW_TITLE}")
    serve_build(site_repo, served)
    assert CACHE.hits > 10 and CACHE.misses >= 3  # most pages replayed; every page showing it made again
    assert CACHE.made_hits >= 1  # a case not related to it keeps its page's source too
    assert "cases/northshire-gritter-twitter.md" not in CACHE.replayed
    assert "contribute/fields.md" in CACHE.replayed  # its macros' output did not change
    entries = [p for folder in FOLDERS.values() for p in (site_repo / folder).glob("*.yml")]
    assert CACHE.entries.hits == len(entries) - 1  # only the edited file was parsed and checked again
    clean = assert_same_as_clean(site_repo, served, tmp_path / "clean")
    showing_new = {p for p, html in clean.items() if NEW_TITLE.encode() in html}
    # The case's page, the explorer's list, the kit citing it and the related cases of others.
    assert "cases/northshire-gritter-twitter/index.html" in showing_new
    assert "cases/index.html" in showing_new and "kits/customer-service/index.html" in showing_new
    assert len(showing_new) >= 4 and showing_new == showing_old
    assert not any(OLD_HTML in html for html in pages(served).values())


def indexed_titles(site: Path, url: str) -> set[str]:
    """The titles of the Pagefind fragments written for the page at `url`."""
    titles = set()
    for name, found in fragment_urls(site).items():
        if found.strip("/") == url.strip("/"):
            data = gzip.decompress((site / "pagefind" / "fragment" / f"{name}.pf_fragment").read_bytes())
            titles.add(json.loads(data[len(b"pagefind_dcd") :])["meta"]["title"])
    return titles


def test_serve_reindexes_search_in_the_background(site_repo, tmp_path):
    served = tmp_path / "served"
    serve_build(site_repo, served, command="serve")
    assert INDEX.kept is not None and INDEX.thread is None  # the first index is made in the foreground
    url = "cases/northshire-gritter-twitter/"
    assert indexed_titles(served, url) == {OLD_TITLE}

    edit(site_repo, CASE, f"title: {OLD_TITLE}", f"title: {NEW_TITLE}")
    serve_build(site_repo, served)
    assert INDEX.thread is not None
    # At once: the last index is back in place, so search answers while the new one is made.
    entry = json.loads((served / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert (served / "search" / "case-fragments.json").is_file()
    assert (served / "search" / "ranking.json").is_file()  # the search box's bundles, tiers and facets
    INDEX.wait(120)
    assert not INDEX.thread.is_alive() and INDEX.failed == ""
    assert NEW_TITLE in indexed_titles(served, url)
    # Every file of the new index is in place, the entry naming them included.
    made = INDEX.kept
    assert any(rel.name == "pagefind-entry.json" for rel in made)
    assert [rel for rel, data in made.items() if (served / rel).read_bytes() != data] == []
    entry = json.loads((served / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = entry["languages"]["en"]["hash"]
    assert (served / "pagefind" / f"pagefind.{meta}.pf_meta").is_file()
    new_index = tmp_path / "new-index"  # the new index alone: the new title only
    for rel, data in made.items():
        (new_index / rel).parent.mkdir(parents=True, exist_ok=True)
        (new_index / rel).write_bytes(data)
    assert indexed_titles(new_index, url) == {NEW_TITLE}
    assert not list(served.rglob("*.part"))
    fragments = json.loads((served / "search" / "case-fragments.json").read_text(encoding="utf-8"))
    assert "northshire-gritter-twitter" in fragments.values()


def untitled_nav_page(root: Path) -> str:
    """A hand-written page the nav names without a title: the nav shows the page's own heading."""

    def walk(items):
        for item in items:
            title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
            yield from walk(value) if isinstance(value, list) else [(title, value)]

    config = load_config(config_file=str(root / "mkdocs.yml"))
    return next(
        path
        for title, path in walk(config.nav)
        if title is None
        and path != "index.md"
        and (root / "docs" / path).is_file()
        and "render_macros" not in (root / "docs" / path).read_text()
    )


def test_a_nav_title_change_makes_every_page_again(site_repo, tmp_path):
    served = tmp_path / "served"
    serve_build(site_repo, served, command="serve")
    guide = site_repo / "docs" / untitled_nav_page(site_repo)
    heading = next(line for line in guide.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
    edit(site_repo, guide.relative_to(site_repo).as_posix(), heading, heading + " renamed")
    serve_build(site_repo, served)
    assert CACHE.hits == 0  # the nav on every page names the guide
    clean = assert_same_as_clean(site_repo, served, tmp_path / "clean")
    assert sum(b"renamed" in html for html in clean.values()) > 10


def test_mkdocs_build_never_uses_the_cache(site_repo, tmp_path):
    for run in range(2):
        if run:
            edit(site_repo, CASE, "Drivers' routes", "Each driver's route")
        cli(["build", "-q", "-d", str(tmp_path / f"site{run}")], standalone_mode=False)
        assert not CACHE.enabled and CACHE.hits == 0 and CACHE.keys == {} and CACHE.kept == {}
        assert INDEX.thread is None and INDEX.kept is None  # Pagefind ran in the foreground
        assert (tmp_path / f"site{run}" / "pagefind" / "pagefind-entry.json").is_file()


def test_the_cache_can_be_turned_off_for_serve(site_repo, tmp_path, monkeypatch):
    monkeypatch.setenv("CASEBOOK_SERVE_CACHE", "off")
    serve_build(site_repo, tmp_path / "served", command="serve")
    serve_build(site_repo, tmp_path / "served")
    assert not CACHE.enabled and CACHE.hits == 0 and CACHE.kept == {}


def test_a_build_that_warns_or_fails_keeps_nothing(monkeypatch):
    # `mkdocs build -q` (an earlier test) leaves MkDocs' logger at ERROR; serve logs warnings.
    monkeypatch.setattr(logging.getLogger("mkdocs"), "level", logging.INFO)
    cache = PageCache(enabled=True)
    page = Rendered(meta={}, title="T", toc=[], anchor_ids=frozenset(), links_to_anchors={}, html="<p>x</p>")
    cache.begin("sources")
    assert cache.lookup("a.md", "k") is None
    cache.store("a.md", page)
    cache.finish()
    cache.begin("sources")
    assert cache.lookup("a.md", "k") is page and cache.hits == 1
    logging.getLogger("mkdocs.structure.pages").warning("a broken link")
    cache.finish()
    assert cache.kept == {}  # replayed, the page would not warn again
    cache.begin("sources")
    cache.store("a.md", page)  # a page this rebuild did not look up has no key: not kept
    cache.finish()
    assert cache.kept == {}
    cache.kept = {"k": page}
    cache.clear()
    assert cache.kept == {}


def test_an_entry_saved_again_while_it_is_checked_is_not_kept(tmp_path):
    memo = EntryMemo()
    path = tmp_path / "a.yml"
    path.write_text("title: one\n", encoding="utf-8")

    def check_while_saved():
        path.write_text("title: two\n", encoding="utf-8")
        return "checked", []

    memo.start("vocabulary")
    assert memo.get(path, "a.yml", "case", check_while_saved) == ("checked", [])
    path.write_text("title: one\n", encoding="utf-8")  # back to the bytes first read
    memo.start("vocabulary")
    assert memo.get(path, "a.yml", "case", lambda: ("again", [])) == ("again", []) and memo.hits == 0
    memo.start("vocabulary")
    assert memo.get(path, "a.yml", "case", lambda: ("third", [])) == ("again", []) and memo.hits == 1
    memo.start("another vocabulary")
    assert memo.get(path, "a.yml", "case", lambda: ("fourth", [])) == ("fourth", [])


def test_digest_parts_cannot_run_together():
    assert digest(["ab", "c"]) != digest(["a", "bc"])
    assert digest([b"x"]) == digest(["x"])
