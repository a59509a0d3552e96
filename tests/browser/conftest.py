"""Browser fixtures: the real site (`site_dir`, tests/conftest.py) and the fixture sites, each built
once per run (tests/shared_builds.py), served on 127.0.0.1, and Debian's Chromium driven by
Playwright. Every page a test opens must log no console error."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from browser_support import open_page
from shared_builds import shared_build
from static_site import CHROMIUM, CHROMIUM_ARGS, serve


@pytest.fixture(scope="session")
def base_url(site_dir):
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make test-tools' (installs Debian's chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context, page, errors = open_page(browser, base_url, {"width": 1280, "height": 900})
    yield page
    context.close()
    assert errors == [], f"console errors: {errors}"


@pytest.fixture(scope="session")
def fixture_site_dir(tmp_path_factory) -> Path:
    """The fixture content (tests/fixture_site.py) built with the project's code."""
    from fixture_site import build_fixture_site

    return shared_build(tmp_path_factory, "fixture-site", build_fixture_site) / "site"


@pytest.fixture(scope="session")
def fixture_url(fixture_site_dir):
    with serve(fixture_site_dir) as url:
        yield url


@pytest.fixture
def fixture_page(browser, fixture_url):
    """A desktop page on the fixture site; like `page`, it must log no console error."""
    context, page, errors = open_page(browser, fixture_url, {"width": 1280, "height": 900})
    yield page
    context.close()
    assert errors == [], f"console errors: {errors}"


@pytest.fixture
def fixture_phone(browser, fixture_url):
    """A 390×844 phone page on the fixture site."""
    context, page, errors = open_page(browser, fixture_url, {"width": 390, "height": 844})
    yield page
    context.close()
    assert errors == [], f"console errors: {errors}"


@pytest.fixture(scope="session")
def relevance_url(tmp_path_factory):
    """The relevance suite's fixture site (tests/relevance_site.py), served."""
    from relevance_site import build_relevance_site

    with serve(shared_build(tmp_path_factory, "relevance-site", build_relevance_site) / "site") as url:
        yield url


@pytest.fixture
def relevance_page(browser, relevance_url):
    context, page, errors = open_page(browser, relevance_url, {"width": 1280, "height": 900})
    yield page
    context.close()
    assert errors == [], f"console errors: {errors}"
