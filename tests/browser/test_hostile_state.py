"""Browser state is untrusted input (issue 26): ids from the address and local storage, saved
drafts and BroadcastChannel messages from any window of the origin. The pages check them against
their own data, discard what does not fit with a notice, and keep working (the `page` fixture
fails a test on any console error or uncaught exception)."""

from __future__ import annotations

import json
import time

import pytest
import yaml
from browser_support import wait_until

pytestmark = pytest.mark.browser
PROTOTYPE_NAMES = ["__proto__", "constructor", "hasOwnProperty"]
PINS = "cb-briefing-pins"
DRAFTS = "casebook-propose-v1"


def builder_data(site_dir):
    return json.loads((site_dir / "api" / "briefing-builder.json").read_text(encoding="utf-8"))


def open_builder(page, query=""):
    page.goto(f"briefing/{query}")
    wait_until(page, "window.cbBuilder && window.cbBuilder.ready")


@pytest.mark.parametrize("name", PROTOTYPE_NAMES)
def test_builder_ignores_prototype_names_in_the_address(page, site_dir, name):
    data = builder_data(site_dir)
    statement = next(iter(data["statements"]))
    open_builder(page, f"?items=s:{name},c:{name},s:{statement}")
    assert page.evaluate("window.cbBuilder.state().items") == [f"s:{statement}"]
    assert data["statements"][statement]["text"] in page.inner_text(".cb-builder__preview")
    assert "2 items in the link or saved pins are not in the library" in page.inner_text(".cb-builder__status")


def test_builder_survives_prototype_names_saved_as_pins_and_forgets_them(page, site_dir):
    page.goto("briefing/")
    page.evaluate(f"localStorage.setItem('{PINS}', JSON.stringify(['s:__proto__', 'c:constructor', 5, 'x']))")
    for _ in range(2):  # the saved pins break no later visit either
        open_builder(page)
        assert page.locator(".cb-builder__preview h1").count() == 1
        assert not any(
            item in ("s:__proto__", "c:constructor") for item in page.evaluate("window.cbBuilder.state().items")
        )
    assert json.loads(page.evaluate(f"localStorage.getItem('{PINS}')")) == []


def open_form(page, saved: str | None):
    page.goto("contribute/propose/")
    page.wait_for_selector("#cb-propose.cb-pf--ready")
    if saved is not None:
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [DRAFTS, saved])
    page.reload()
    page.wait_for_selector("#cb-propose.cb-pf--ready")


MALFORMED = {
    "a key that breaks a selector": {
        "draft": {"title": "Kept title of the draft", "outcomes": [{'measure"]': "x", "value": "3 calls"}]}
    },
    "sources as text": {"draft": {"title": "Kept title of the draft", "sources": "abc"}},
    "outcomes as a number": {"draft": {"title": "Kept title of the draft", "outcomes": 5, "quote": [1]}},
    "lists as text and text as lists": {
        "draft": {
            "title": "Kept title of the draft",
            "audiences": "executives",
            "summary": ["a"],
            "__proto__": {"x": 1},
        }
    },
}


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_draft_is_trimmed_with_a_notice_and_the_form_works(page, name):
    open_form(page, json.dumps(MALFORMED[name]))
    assert page.input_value("#pf-title") == "Kept title of the draft"
    assert "could not be read and was left out" in page.inner_text("#pf-restore-notice")
    page.fill("#pf-organisation", "Example Borough Council")
    assert 'organisation: "Example Borough Council"' in page.inner_text("#pf-yaml")


@pytest.mark.parametrize("saved", ["not json {", "[1, 2]", '{"draft": 5}'])
def test_an_unreadable_draft_is_discarded_and_start_again_recovers(page, saved):
    open_form(page, saved)
    assert "could not be read" in page.inner_text("#pf-restore-notice")
    assert page.input_value("#pf-title") == ""
    page.on("dialog", lambda dialog: dialog.accept())
    page.fill("#pf-title", "Something typed after the notice")
    page.click("[data-action=reset]")
    assert page.input_value("#pf-title") == ""
    assert page.locator("#pf-restore-notice").is_hidden()
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{DRAFTS}')).draft.title") == ""


def test_dashes_in_grade_and_country_still_give_yaml_that_reads_back(page):
    open_form(
        page,
        json.dumps(
            {
                "draft": {
                    "title": "Kept title of the draft",
                    "country": "-",
                    "sources": [{"title": "A report", "grade": "-"}],
                }
            }
        ),
    )
    text = page.inner_text("#pf-yaml")
    assert "grade: -" not in text and "country: -" not in text
    parsed = yaml.safe_load(text)
    assert parsed["sources"][0].get("grade") in (None, "-") and parsed.get("country") in (None, "-")


def route_of(page) -> str:
    page.goto("training/")
    return page.locator(".cb-route-item").first.get_attribute("data-route-id")


POSITION = "document.querySelector('.cb-step-page')?.dataset.step"


BAD_STEPS = [
    {"type": "go", "step": "NaN"},
    {"type": "go", "step": "2"},
    {"type": "go", "step": 1.5},
    {"type": "go", "step": 10**9},
    {"type": "go", "step": -1},
    {"type": "go"},
    {"type": "go", "step": None},
]
POST = (
    "([route, messages]) => { const channel = new BroadcastChannel('cb-training:' + route); messages.forEach("
    "(message) => { if (message.step === 'NaN') message.step = NaN; channel.postMessage(message); }); }"
)


def test_the_projector_ignores_steps_that_are_not_whole_numbers_in_range(page):
    route = route_of(page)
    page.goto(f"training/{route}/1/?present")
    wait_until(page, f"{POSITION} === '1'")
    sender = page.context.new_page()
    sender.goto(f"training/{route}/")
    sender.evaluate(POST, [route, BAD_STEPS])
    time.sleep(0.5)  # a message that moved the projector would have done so by now
    assert page.evaluate(POSITION) == "1" and page.url.endswith(f"/training/{route}/1/?present")
    sender.evaluate(POST, [route, [{"type": "go", "step": 2}]])  # the channel works: a good step moves it
    wait_until(page, f"{POSITION} === '2'")


def test_the_presenter_ignores_a_position_that_is_not_a_step(page):
    route = route_of(page)
    page.goto(f"training/{route}/presenter/")
    wait_until(page, "document.querySelector('.cb-presenter')?.dataset.current === '1'")
    sender = page.context.new_page()
    sender.goto(f"training/{route}/")
    sender.evaluate(
        "route => new BroadcastChannel('cb-training:' + route).postMessage("
        "{type: 'at', step: NaN, slide: 1, slides: 1, blank: false})",
        route,
    )
    time.sleep(0.5)
    assert page.evaluate("document.querySelector('.cb-presenter').dataset.current") == "1"
    assert page.locator(".cb-presenter__step--current").count() == 1
