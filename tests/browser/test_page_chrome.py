"""What frames every page, as a manager met it in issue 24: page titles in the text colour (the
"Case explorer" title was a pale grey that read as disabled; on the fixture site) and Material's
"Back to top" kept off the briefing builder, where it sat over the preview (on the real site, whose
pages are long enough to scroll)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def contrast_on_white(css: str) -> float:
    """WCAG contrast of a computed `rgb()`/`rgba()` colour laid over white."""
    *rgb, alpha = [float(v) for v in css[css.index("(") + 1 : -1].split(",")] + ([1.0] if "rgba" not in css else [])
    channels = [(c * alpha + 255 * (1 - alpha)) / 255 for c in rgb]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


@pytest.mark.parametrize("path", ["cases/", "kits/executives/", "briefing/"])
def test_page_titles_are_in_the_text_colour(fixture_page, path):
    fixture_page.goto(path)
    title = fixture_page.locator("article h1").first.evaluate("e => getComputedStyle(e).color")
    # Body text's contrast (Material's rgba(0,0,0,.87) is 15.3:1); its title grey, .54, is 4.6:1.
    assert contrast_on_white(title) >= 12, (path, title)


def back_to_top_after_scrolling(page) -> bool:
    """Scroll well down, then back up a little: Material shows "Back to top" on the way up."""
    page.mouse.wheel(0, 2400)
    page.wait_for_timeout(400)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(600)
    return page.locator(".md-top").is_visible()


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}])
def test_back_to_top_never_shows_over_the_builder(browser, base_url, viewport):
    from browser_support import open_page, wait_until

    context, page, errors = open_page(browser, base_url, viewport)
    page.goto("cases/")  # a long page elsewhere: the button does appear, so the gesture works
    page.wait_for_load_state("networkidle")
    assert back_to_top_after_scrolling(page)
    page.goto("briefing/?audience=executives")
    wait_until(page, "window.cbBuilder && window.cbBuilder.ready")
    assert page.evaluate("document.documentElement.scrollHeight") > viewport["height"] + 2400
    assert not back_to_top_after_scrolling(page)
    context.close()
    assert errors == [], errors
