"""One place owns where a generated page lives and how pages link to each other (casebook/model/urls.py)."""

from __future__ import annotations

from casebook.model.urls import DIRECTORY_URLS_ONLY, briefing_url, relative, src_uri, url_for, url_of

from test_build import copy_repo, mkdocs_build


def test_an_entry_page_lives_at_its_source_path_and_directory_url():
    assert src_uri("case", "leeds-gritting") == "cases/leeds-gritting.md"
    assert url_for("case", "leeds-gritting") == "cases/leeds-gritting/"
    assert url_for("route", "exec-route") == "training/exec-route/"
    assert briefing_url("executives") == "kits/executives/briefing/"


def test_urls_are_the_ones_mkdocs_gives_directory_style():
    assert url_of("cases/index.md") == "cases/"
    assert url_of("index.md") == ""
    assert url_of("guides/index.md") == "guides/"
    assert url_of("guides/frame-it-as-a-pilot.md") == "guides/frame-it-as-a-pilot/"


def test_links_climb_to_the_root_and_down():
    assert relative("cases/a/", url_for("kit", "b")) == "../../kits/b/"
    assert relative("kits/b/briefing/", "kits/b/") == "../../../kits/b/"
    assert relative("", "cases/") == "cases/"
    assert relative("", "") == "./"


def test_the_build_stops_with_a_clear_message_without_directory_urls(tmp_path):
    root = copy_repo(tmp_path / "repo")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("use_directory_urls: true", "use_directory_urls: false"),
        encoding="utf-8",
    )
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert DIRECTORY_URLS_ONLY in result.stdout + result.stderr
    assert not (root / "site" / "cases").exists()


def test_printed_address_is_never_this_computer():
    from casebook.model.urls import printed_address, short_address

    public = "https://example.org/casebook/"
    assert printed_address("http://127.0.0.1:8000/", public) == public
    assert printed_address("http://localhost:8000/", public) == public
    assert printed_address("https://council.example/casebook", public) == "https://council.example/casebook/"
    assert printed_address("", public) == public
    assert short_address("https://example.org/casebook/kits/executives/") == "example.org/casebook/kits/executives"
