"""Helpers for the browser tests."""

from __future__ import annotations

import time


def wait_until(page, expression: str, timeout_ms: int = 10_000) -> None:
    """Poll `expression` until it is truthy. Playwright's wait_for_function evaluates its predicate
    with eval() inside the page, which the site's Content-Security-Policy rightly forbids;
    page.evaluate goes through the browser's debugging protocol instead."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(f"Boolean({expression})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_ms} ms: {expression}")
        page.wait_for_timeout(50)


def open_page(browser, base_url: str, viewport: dict):
    """A new context and page that record console errors and uncaught exceptions, which the
    fixtures assert are none when the test ends."""
    context = browser.new_context(viewport=viewport, base_url=base_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, errors
