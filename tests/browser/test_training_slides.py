"""Training steps as slides on a projector: every slide of every step of every route fits the
screen with the step's questions, at the sizes council projectors and laptops show, and the
clicker reaches each slide in order with Page Down alone; the keys a room needs (blank screen,
Esc that does not drop the session), the presenter's timer over a fixed clock, and messages from
other windows that are not what the presenter sends. Routes are discovered from /training/."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from browser_support import open_page, wait_until

pytestmark = pytest.mark.browser
SIZES = [(1920, 1080), (1366, 768), (1280, 720)]
POSITION = (
    "(() => { const p = document.querySelector('.cb-step-page'); const s = p && p.querySelector('.cb-slide--on');"
    " return p && s ? p.dataset.step + ':' + s.dataset.slide : ''; })()"
)
# Where the slide's text, the question block and the last line sit, by bounding boxes.
LAYOUT = """() => {
  const stage = document.querySelector('.cb-stage'), on = stage.querySelector('.cb-slide--on');
  const box = on.getBoundingClientRect(), ask = stage.querySelector('.cb-deck__discuss');
  const lines = [...on.querySelectorAll('h2, p, li, td, th, blockquote, .cb-figure__value, .cb-figure__measure')]
    .filter(e => e.getClientRects().length && e.innerText.trim());
  const outside = lines.filter(e => { const r = e.getBoundingClientRect();
    return r.top < 0 || r.left < 0 || r.bottom > box.bottom + 1 || r.right > innerWidth + 1; })
    .map(e => e.innerText.slice(0, 60));
  const last = lines.length ? lines[lines.length - 1].getBoundingClientRect().bottom : 0;
  const a = ask && ask.getBoundingClientRect();
  return {outside, last, slideBottom: box.bottom, height: innerHeight, width: innerWidth,
          ask: a ? {top: a.top, bottom: a.bottom, right: a.right, visible: !!ask.getClientRects().length} : null,
          asked: !!document.querySelector('.cb-stage__full .cb-discuss'), lines: lines.length};
}"""


def route_ids(page) -> list[str]:
    page.goto("training/")
    return page.locator(".cb-route-item").evaluate_all("els => els.map(e => e.dataset.routeId)")


def step_count(page, route: str) -> int:
    page.goto(f"training/{route}/")
    return page.locator("tr.cb-agenda__step").count()


@pytest.fixture(scope="module")
def routes(browser, base_url) -> dict[str, int]:
    context, page, _ = open_page(browser, base_url, {"width": 1280, "height": 900})
    found = {route: step_count(page, route) for route in route_ids(page)}
    context.close()
    assert found
    return found


def walk(page, route: str, steps: int) -> list[str]:
    """Every position the clicker reaches from step 1 with Page Down alone, checking each fits."""
    page.goto(f"training/{route}/1/?present")
    wait_until(page, f"{POSITION} === '1:1'")
    seen, problems = [], []
    while True:
        where = page.evaluate(POSITION)
        seen.append(where)
        problems += [f"{route} {where}: {p}" for p in misfits(page.evaluate(LAYOUT))]
        page.keyboard.press("PageDown")
        try:
            wait_until(page, f"{POSITION} !== '{where}'", timeout_ms=1500)
        except AssertionError:
            break  # the last slide of the last step: Page Down has nowhere to go
    assert not problems, "\n".join(problems)
    return seen


def misfits(layout: dict) -> list[str]:
    found = [f"outside the slide: {text!r}" for text in layout["outside"]]
    if not layout["lines"]:
        found.append("an empty slide")
    if layout["asked"]:
        ask = layout["ask"]
        if not ask or not ask["visible"]:
            found.append("the questions are not on screen")
        elif ask["bottom"] > layout["height"] + 1 or ask["right"] > layout["width"] + 1:
            found.append(f"questions end at {ask['bottom']:.0f} of {layout['height']} px")
        elif layout["last"] > ask["top"] + 1:
            found.append(f"last line ({layout['last']:.0f}) runs under the questions ({ask['top']:.0f})")
    if layout["last"] > layout["height"]:
        found.append(f"last line at {layout['last']:.0f} of {layout['height']} px")
    return found


@pytest.mark.parametrize("width, height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_page_down_alone_reaches_every_slide_of_every_step_and_each_fits_with_its_questions(
    browser, base_url, routes, width, height
):
    context, page, errors = open_page(browser, base_url, {"width": width, "height": height})
    for route, steps in routes.items():
        seen = walk(page, route, steps)
        counts = {}
        for step in range(1, steps + 1):
            page.goto(f"training/{route}/{step}/")
            counts[step] = int(page.locator(".cb-deck").get_attribute("data-slides"))
        expected = [f"{step}:{slide}" for step in range(1, steps + 1) for slide in range(1, counts[step] + 1)]
        assert seen == expected, route
    context.close()
    assert errors == []


def test_objections_are_one_per_slide_and_a_case_shows_its_caveat_after_its_figures(browser, base_url, routes):
    context, page, errors = open_page(browser, base_url, {"width": 1920, "height": 1080})
    kinds = set()
    for route, steps in routes.items():
        for step in range(1, steps + 1):
            page.goto(f"training/{route}/{step}/?present")
            labels = page.locator(".cb-slide__label").evaluate_all(
                "els => els.map(e => e.firstChild.textContent.trim())"
            )
            if page.locator(".cb-stage--case").count():
                assert labels[0] == "Key figures" and page.locator(".cb-slide--on .cb-figure__value").count() >= 1
                if page.locator(".cb-stage__full .cb-caveats").count():
                    assert labels[1:] == ["What limits this evidence"]
                kinds.add("case")
            objections = page.locator(".cb-stage__full .cb-objection").count()
            if objections:
                assert labels == ["Objection"] * objections
                assert page.locator(".cb-slide .cb-slide__lead").count() == objections
                kinds.add("objections")
    context.close()
    assert errors == [] and kinds == {"case", "objections"}


@pytest.fixture
def room(browser, base_url, routes):
    """A projector window on the first route's step 1, in a context a presenter window can share."""
    route = next(iter(routes))
    context, page, errors = open_page(browser, base_url, {"width": 1366, "height": 768})
    page.goto(f"training/{route}/1/?present")
    wait_until(page, f"{POSITION} === '1:1'")
    yield route, page
    context.close()
    assert errors == []


def presenting(page) -> bool:
    return page.evaluate("document.documentElement.classList.contains('cb-present')")


def test_b_and_full_stop_blank_and_unblank_the_screen_and_the_presenter_is_told(room):
    route, page = room
    presenter = page.context.new_page()
    presenter.goto(f"training/{route}/presenter/")
    presenter.locator(".cb-presenter__status--live").wait_for()
    for key in ("b", "."):
        page.keyboard.press(key)
        assert page.locator(".cb-blank-screen").is_visible()
        wait_until(presenter, "document.querySelector('[data-role=now]').classList.contains('cb-preview--blank')")
        assert "blanked" in presenter.locator("[data-role=screen]").inner_text()
        page.keyboard.press(key)
        assert not page.locator(".cb-blank-screen").is_visible()
        wait_until(presenter, "!document.querySelector('[data-role=now]').classList.contains('cb-preview--blank')")
    assert page.evaluate(POSITION) == "1:1" and presenting(page)


def test_esc_is_ignored_while_the_presenter_is_open_and_asks_once_it_is_closed(room):
    route, page = room
    presenter = page.context.new_page()
    presenter.goto(f"training/{route}/presenter/")
    presenter.locator(".cb-presenter__status--live").wait_for()
    for _ in range(3):
        page.keyboard.press("Escape")
    assert presenting(page) and "ignored while the presenter view is open" in page.locator(".cb-leave").inner_text()
    presenter.close()  # says goodbye on the way out
    page.wait_for_timeout(200)
    page.keyboard.press("Escape")
    assert presenting(page) and "Esc again" in page.locator(".cb-leave").inner_text()
    page.keyboard.press("Escape")
    assert not presenting(page)


SESSION = "[data-role=session-elapsed]"


def test_the_session_timer_starts_on_start_and_a_new_day_never_inherits_it(browser, base_url, routes):
    route = next(iter(routes))
    context, page, errors = open_page(browser, base_url, {"width": 1280, "height": 900})
    monday = datetime(2026, 3, 2, 9, 0)
    page.clock.install(time=monday)
    page.goto(f"training/{route}/presenter/")
    page.clock.run_for(2000)
    assert page.locator(SESSION).inner_text() == "0:00"
    assert "not started" in page.locator("[data-role=schedule]").inner_text()
    page.get_by_role("button", name="Start the session timer").click()
    page.clock.run_for(20 * 60 * 1000 + 1000)
    assert page.locator(SESSION).inner_text().startswith("20:")
    page.reload()  # a reload the same day keeps the session's time
    page.clock.run_for(1000)
    assert page.locator(SESSION).inner_text().startswith("20:")
    context.close()
    # a rehearsal on Monday, the session on Tuesday in the same browser: nothing carried over
    context, page, more = open_page(browser, base_url, {"width": 1280, "height": 900})
    page.clock.install(time=monday)
    page.goto(f"training/{route}/presenter/")
    page.get_by_role("button", name="Start the session timer").click()
    page.clock.set_system_time(monday + timedelta(days=1, minutes=3))
    page.reload()
    page.clock.run_for(2000)
    assert page.locator(SESSION).inner_text() == "0:00"
    assert page.get_by_role("button", name="Start the session timer").is_visible()
    assert page.evaluate(f"localStorage.getItem('cb-training:{route}:session')") is None
    context.close()
    assert errors == [] and more == []


def test_the_first_advance_starts_the_session_timer(room):
    route, page = room
    presenter = page.context.new_page()
    presenter.goto(f"training/{route}/presenter/")
    presenter.locator(".cb-presenter__status--live").wait_for()
    presenter.wait_for_timeout(1200)
    assert presenter.get_by_role("button", name="Start the session timer").is_visible()
    page.keyboard.press("PageDown")
    wait_until(presenter, "document.querySelector('[data-action=start]').hidden")


BAD_MESSAGES = [
    '{type: "go", step: 99}',
    '{type: "go", step: "2"}',
    '{type: "go", step: 1.5}',
    '{type: "go"}',
    '"go"',
    "null",
    '{type: "go", step: 0}',
    '{type: "at", step: 2}',
]


def test_messages_from_other_windows_are_checked_before_they_move_the_projector(room):
    route, page = room
    sender = page.context.new_page()
    sender.goto("training/")
    for message in BAD_MESSAGES:
        sender.evaluate(f"new BroadcastChannel('cb-training:{route}').postMessage({message})")
    page.wait_for_timeout(300)
    assert page.evaluate(POSITION) == "1:1"
    sender.evaluate(f"new BroadcastChannel('cb-training:{route}').postMessage({{type: 'go', step: 2}})")
    wait_until(page, f"{POSITION} === '2:1'")
