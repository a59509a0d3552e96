"""Every kind of page a reader meets, built from the fixture content (tests/fixture_site.py), has
no axe-core violation of any impact, on a phone (390×844) and a desktop (1280×900), including
what a click opens: the header search's results, the home box's results, the explorer's filter
sheet, the propose form's errors and the briefing builder. axe-core 4.14.1 is the engine and
version behind Lighthouse 13.5.0's accessibility score (axe_support.py)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from axe_support import violations
from casebook.kinds import PAGED
from browser_support import wait_until
from static_site import serve

pytestmark = pytest.mark.browser
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}


def header_search(page):
    box = page.locator("[data-cb-search-box] input.md-search__input")
    if page.viewport_size["width"] < 960:  # Material's breakpoint: a search button opens the box
        page.locator('label.md-header__button[for="__search"]').click()
    box.click()
    page.keyboard.type("winter")
    wait_until(page, "document.querySelector('.md-search .cb-hit')")


def home_box(page):
    page.locator("#cb-home-q").fill("gritting")
    wait_until(page, "document.querySelector('.cb-hero__search .cb-hit')")


def home_box_case_studies(page):
    # The type chip set (pressed, filled, with its ×) over the results it narrowed.
    page.locator(".cb-scope").click()
    home_box(page)
    wait_until(page, "document.querySelector('.cb-scope').getAttribute('aria-pressed') === 'true'")


def explorer(page):
    wait_until(page, "window.cbExplorer && window.cbExplorer.ready && !window.cbExplorer.searching")
    toggle = page.locator(".cb-explorer__toggle")
    if toggle.is_visible():  # the phone's filter sheet, open
        toggle.click()
        assert page.locator(".cb-explorer__filters").is_visible()


def statements(page):
    wait_until(page, "window.cbStatements && window.cbStatements.ready")


def propose_error(page):
    page.wait_for_selector("#cb-propose.cb-pf--ready")
    page.fill("#pf-id", "Not an id!")
    page.keyboard.press("Tab")
    wait_until(page, "document.querySelector('#pf-id-error').textContent.trim()")


def builder(page):
    wait_until(page, "window.cbBuilder && window.cbBuilder.ready")


def pilot_report(page):
    """The pilot planner with a plan, the results report with figures and its case file shown."""
    wait_until(page, "window.cbReport && window.cbReport.ready")
    for name, value in (
        ("calls_last_year", "1000"),
        ("calls_before", "1300"),
        ("calls_pilot", "850"),
        ("social", "600"),
        ("hours_used", "60"),
        ("answer_before", "40"),
        ("answer_pilot", "75"),
        ("weeks_over", "0"),
    ):
        page.locator(f".cb-report__form [name={name}]").fill(value)
    page.locator(".cb-planner__form [name=hours]").fill("lots")  # an error message shown too
    page.locator("[data-report=case]").click()
    page.wait_for_selector(".cb-report__yaml:not(:empty)")


STATES = {
    "home": ("", None),
    "home, header search results": ("", header_search),
    "home, home box results": ("", home_box),
    "home, home box results, case studies only": ("", home_box_case_studies),
    "kit": ("kits/customer-service/", None),
    "kit briefing": ("kits/executives/briefing/", None),
    "case": ("cases/northshire-gritter-twitter/", None),
    "explorer, filtered (phone: filter sheet open)": ("cases/?audience=executives", explorer),
    "explorer, free text": ("cases/?q=gritting", explorer),
    "cases for one audience": ("cases/for/executives/", None),
    "statements, filtered": ("benefits/?topic=emergencies", statements),
    "statement": ("benefits/manchester-residents-turned-to-social/", None),
    "training index": ("training/", None),
    "training route": ("training/fixture-session/", None),
    "training step": ("training/fixture-session/1/", None),
    "training step, presenting": ("training/fixture-session/1/?present", None),
    "training step showing a guide's section": ("training/fixture-session/4/", None),
    "presenter view": ("training/fixture-session/presenter/", None),
    "handout": ("training/fixture-session/handout/", None),
    "facilitator guide": ("training/fixture-session/guide/", None),
    "guide": ("guides/find-a-champion/", None),
    "channel-shift calculator": ("tools/channel-shift/", None),
    "readiness check": ("tools/readiness/?signs=silos,slow", None),
    "contribute": ("contribute/", None),
    "propose form with an error": ("contribute/propose/", propose_error),
    "field reference": ("contribute/fields/", None),
    "briefing builder": ("briefing/?audience=executives", builder),
    "pilot planner and results report": ("briefing/?p.rate=24.5", pilot_report),
    "data": ("data/", None),
    "table wider than a phone": ("wide-table-test/", None),
    "404 page": ("{prefixed}404.html", None),
}


def _visits_kinds(states: dict) -> dict:
    """Every registered kind's list page and one entry page (casebook/kinds.py), added when no
    state above shows one: a new kind is visited without anyone remembering this list."""
    paths = [path for path, _ in states.values()]
    for kind in PAGED:
        entry = kind.fixture.rsplit("/", 1)[-1].removesuffix(".yml")
        section = f"{kind.section}/"
        if not any(path == section or path.startswith(section + "?") for path in paths):
            states[f"{kind.name} list"] = (section, None)
        if not any(
            path.startswith(section) and path[len(section) :].count("/") == 1 and not path.startswith(section + "for/")
            for path in paths
        ):
            states[f"{kind.name} page"] = (f"{section}{entry}/", None)
    return states


STATES = _visits_kinds(STATES)


@pytest.fixture(scope="module")
def prefixed(fixture_site_dir):
    """The site served under the path of its site_url, as GitHub Pages serves it: the 404 page's
    links are absolute (/casebook/assets/...), so only there does it load its styles."""
    html = (fixture_site_dir / "404.html").read_text(encoding="utf-8")
    path = re.search(r'href="(/[^"]*)assets/stylesheets/main', html).group(1)
    with tempfile.TemporaryDirectory(prefix="casebook-404-") as tmp:
        mount = Path(tmp) / path.strip("/")
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(fixture_site_dir, target_is_directory=True)
        with serve(Path(tmp)) as url:
            yield url.rstrip("/") + path


@pytest.mark.parametrize("state", STATES)
def test_no_accessibility_violations_on_phone_and_desktop(fixture_page, prefixed, state):
    path, act = STATES[state]
    found = []
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        fixture_page.set_viewport_size(viewport)
        fixture_page.goto(path.format(prefixed=prefixed))
        fixture_page.wait_for_load_state("load")
        if act:
            act(fixture_page)
        found += violations(fixture_page, f"{state} ({fixture_page.url}, {name})")
    assert not found, "axe-core found accessibility violations:\n" + "\n".join(found)


@pytest.mark.parametrize("path", ["cases/", "cases/for/executives/", "benefits/", "contribute/propose/"])
def test_no_accessibility_violations_without_the_sites_scripts(browser, fixture_url, path):
    # What a reader gets when scripts are blocked (a locked-down council laptop): the server-side
    # lists and the propose page's fallback. The site's script files are refused rather than
    # JavaScript switched off, because axe itself is a script.
    context = browser.new_context(viewport=PHONE, base_url=fixture_url)
    try:
        context.route("**/*.js", lambda route: route.abort())
        page = context.new_page()
        page.goto(path)
        assert not page.evaluate("document.documentElement.classList.contains('cb-js')")
        found = violations(page, f"{path} without the site's scripts")
    finally:
        context.close()
    assert not found, "axe-core found accessibility violations:\n" + "\n".join(found)
